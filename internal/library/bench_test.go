package library

// Benchmarks at library scale:
//
//	go test -tags sqlite_fts5 -bench . -run '^$' ./internal/library
//
// The first run generates a library of BRIEFDESK_BENCH_N articles (default
// 100,000) from the BBC dev texts in ../../../shared (mixing paragraphs of
// stories of one category, with varied titles, sources and dates) and caches
// it in the user cache folder; later runs reuse it. Nothing from shared/ is
// committed: the text exists only in the generated cache file.

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"briefdesk/internal/domain"
	"briefdesk/internal/evaldata"
)

const genVersion = 1 // bump when the generator changes, to rebuild the cache

// devPath is the BBC dev set inside the shared folder (package evaldata).
const devPath = "eval/summaries/bbc.jsonl"

type devStory struct {
	Category string `json:"category"`
	Title    string `json:"title"`
	Text     string `json:"text"`
}

func loadDev(tb testing.TB) map[string][]devStory {
	f, err := os.Open(evaldata.Path(tb, devPath))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	out := map[string][]devStory{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var s devStory
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			tb.Fatal(err)
		}
		out[s.Category] = append(out[s.Category], s)
	}
	return out
}

var (
	benchSources = []string{"BBC News", "Reuters", "Associated Press", "The Guardian", "Al Jazeera", "Le Monde",
		"Financial Times", "Deutsche Welle", "NHK World", "Kyiv Independent", "The Hindu", "ABC News", "France 24", "El País"}
	titleTwists = []string{"", "", "", "Update: ", "Analysis: ", "Explainer: ", "Live: ", "Opinion: "}
	capsRe      = regexp.MustCompile(`\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b`)
	numRe       = regexp.MustCompile(`[$£€]?\d[\d,.]*(?:%|bn|m)?`)
)

// genArticle builds article i: paragraphs mixed from 2-4 stories of one
// category, a varied title, source and date.
func genArticle(i int, dev map[string][]devStory, cats []string) (*domain.Article, time.Time) {
	r := rand.New(rand.NewPCG(uint64(i), 42))
	cat := cats[r.IntN(len(cats))]
	stories := dev[cat]
	first := stories[r.IntN(len(stories))]
	paras := strings.Split(first.Text, "\n\n")
	keep := 1 + r.IntN(len(paras))
	paras = append([]string(nil), paras[:keep]...)
	for k := 1 + r.IntN(3); k > 0; k-- {
		o := strings.Split(stories[r.IntN(len(stories))].Text, "\n\n")
		from := r.IntN(len(o))
		paras = append(paras, o[from:min(len(o), from+1+r.IntN(3))]...)
	}
	paras = append(paras, fmt.Sprintf("Filed as desk item %d.", i)) // every body unique
	pub := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(int64(10 * 365 * 24 * time.Hour))))
	a := &domain.Article{
		Title:      titleTwists[r.IntN(len(titleTwists))] + first.Title,
		Byline:     []string{"", "Staff reporter", "Desk correspondent", "Our foreign staff"}[r.IntN(4)],
		Source:     benchSources[r.IntN(len(benchSources))],
		Published:  pub,
		Language:   "en",
		Paragraphs: paras,
	}
	body := a.Body()
	sum := sha256.Sum256([]byte(body))
	a.TextHash = hex.EncodeToString(sum[:])
	a.SimHash = simhash(body)
	a.Origin = domain.Origin{Name: fmt.Sprintf("/desk/inbox/%s/%06d.txt", cat, i), Format: domain.FormatText,
		Size: int64(len(body)), SHA256: a.TextHash, Original: []byte(body), ImportedAt: pub.Add(time.Hour)}
	return a, pub.Add(time.Duration(r.IntN(72)) * time.Hour)
}

// simhash is a plain 64-bit SimHash over word pairs, close enough to the
// ingest package's to exercise the band index with a realistic spread.
func simhash(s string) uint64 {
	var v [64]int
	w := strings.Fields(strings.ToLower(s))
	for i := 0; i+1 < len(w); i++ {
		h := fnv.New64a()
		h.Write([]byte(w[i] + " " + w[i+1]))
		x := h.Sum64()
		for b := 0; b < 64; b++ {
			if x>>b&1 == 1 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}

// genAnalysis builds an analysis shaped like the engine's: every sentence
// scored, five chosen, up to eight actors with quotes, numbers as facts.
func genAnalysis(arts []*domain.Article, seed int) *domain.Analysis {
	r := rand.New(rand.NewPCG(uint64(seed), 7))
	an := &domain.Analysis{}
	counts := map[string]int{}
	var said []domain.SentenceRef
	for ai, a := range arts {
		body := a.Body()
		off, idx := 0, 0
		for p, para := range a.Paragraphs {
			for _, s := range strings.SplitAfter(para, ". ") {
				t := strings.TrimSpace(s)
				if t == "" {
					continue
				}
				start := strings.Index(body[off:], t) + off
				ss := domain.ScoredSentence{Score: r.Float64()}
				ss.Article, ss.Index, ss.Para, ss.Start, ss.End, ss.Text = ai, idx, p, start, start+len(t), t
				an.Summary.Scores = append(an.Summary.Scores, ss)
				for _, m := range capsRe.FindAllString(t, -1) {
					counts[m]++
				}
				if strings.Contains(t, " said") {
					said = append(said, ss.SentenceRef)
				}
				if len(an.Facts) < 6 {
					if n := numRe.FindString(t); n != "" {
						an.Facts = append(an.Facts, domain.Fact{Kind: domain.Number, Text: n, Where: ss.SentenceRef})
					}
				}
				off = start + len(t)
				idx++
			}
		}
	}
	ranked := append([]domain.ScoredSentence(nil), an.Summary.Scores...)
	sort.Slice(ranked, func(i, j int) bool { return ranked[i].Score > ranked[j].Score })
	chosen := ranked[:min(5, len(ranked))]
	sort.Slice(chosen, func(i, j int) bool {
		if chosen[i].Article != chosen[j].Article {
			return chosen[i].Article < chosen[j].Article
		}
		return chosen[i].Index < chosen[j].Index
	})
	an.Summary.Sentences = chosen
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if counts[names[i]] != counts[names[j]] {
			return counts[names[i]] > counts[names[j]]
		}
		return names[i] < names[j]
	})
	for k, n := range names[:min(8, len(names))] {
		ac := domain.Actor{Name: n, Type: []domain.ActorType{domain.Person, domain.Organization, domain.Place}[k%3],
			Mentions: counts[n], Salience: 1 / float64(k+1), Level: domain.Supporting}
		if parts := strings.Fields(n); len(parts) > 1 {
			ac.Aliases = []string{parts[len(parts)-1]}
		}
		if k < len(said) {
			ac.Quotes = []domain.Quote{{Text: "what the text says", Where: said[k]}}
		}
		an.Actors = append(an.Actors, ac)
	}
	return an
}

var (
	benchOnce sync.Once
	benchLib  *Library
	benchErr  error
	benchN    int
	benchGen  string // how the library was built, for the log
)

// benchLibrary opens the cached generated library, building it first if needed.
func benchLibrary(b *testing.B) *Library {
	benchOnce.Do(func() {
		benchN = 100000
		if s := os.Getenv("BRIEFDESK_BENCH_N"); s != "" {
			benchN, _ = strconv.Atoi(s)
		}
		dir, err := os.UserCacheDir()
		if err != nil {
			dir = os.TempDir()
		}
		dir = filepath.Join(dir, "briefdesk-bench")
		os.MkdirAll(dir, 0o755)
		path := filepath.Join(dir, fmt.Sprintf("library-%d-g%d.db", benchN, genVersion))
		if _, err := os.Stat(path); err != nil {
			dev := loadDev(b)
			benchErr = generate(path, benchN, dev)
			if benchErr != nil {
				return
			}
		}
		benchLib, benchErr = Open(path) // migrates a library cached by an older schema
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	if benchLib == nil {
		b.Skip("no benchmark library")
	}
	return benchLib
}

// generate builds the library through AddArticle, the import path, and
// renames it into place only when complete.
func generate(path string, n int, dev map[string][]devStory) error {
	tmp := path + ".part"
	for _, ext := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + ext)
	}
	l, err := Open(tmp)
	if err != nil {
		return err
	}
	var cats []string
	for c := range dev {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	ctx := context.Background()
	// Articles and analyses are made on another goroutine so that the
	// figures printed below are mostly the store step.
	type job struct {
		a       *domain.Article
		updated time.Time
		join    bool
		an      *domain.Analysis
	}
	jobs := make(chan job, 64)
	go func() {
		defer close(jobs)
		var group []*domain.Article
		for i := 0; i < n; i++ {
			a, updated := genArticle(i, dev, cats)
			join := i%5 == 4 && len(group) > 0 && len(group) < 4 // one article in five joins the previous story
			if !join {
				group = nil
			}
			group = append(group, a)
			jobs <- job{a, updated, join, genAnalysis(group, i)}
		}
	}()
	start := time.Now()
	lap := start
	var store time.Duration
	var cur *domain.Briefing
	i := 0
	for j := range jobs {
		b := &domain.Briefing{Title: j.a.Title, Created: j.updated, Updated: j.updated}
		if j.join {
			b = cur
		}
		b.Analysis = j.an
		t := time.Now()
		if _, err := l.AddArticle(ctx, j.a, b); err != nil {
			l.Close()
			return err
		}
		store += time.Since(t)
		cur = b
		if i++; i%10000 == 0 {
			fmt.Fprintf(os.Stderr, "generated %d articles, last 10000 in %s, store step %.0f articles/s\n",
				i, time.Since(lap).Round(time.Second), 10000/store.Seconds())
			lap, store = time.Now(), 0
		}
	}
	benchGen = fmt.Sprintf("generated %d articles in %s (%.0f articles/s through AddArticle)", n, time.Since(start).Round(time.Second), float64(n)/time.Since(start).Seconds())
	fmt.Fprintln(os.Stderr, benchGen)
	if err := l.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// latencies runs f for each of b.N iterations and reports p50 and p95.
func latencies(b *testing.B, f func(i int)) {
	b.Helper()
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		t := time.Now()
		f(i)
		ds = append(ds, time.Since(t))
	}
	cpu := cpuTime() - cpu0
	b.StopTimer()
	// CPU time per operation does not grow with the machine's load as wall
	// time does; on a shared machine it is the steadier figure.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	ms := func(q float64) float64 {
		return float64(ds[min(len(ds)-1, int(q*float64(len(ds))))].Microseconds()) / 1000
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
}

// cpuTime is the process's user+system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var benchQueries = map[string][]string{
	"one-word":    {"election", "Greenspan", "football", "oil ", "music ", "minister ", "economy ", "film ", "broadband ", "Iraq ", "tax ", "champion "},
	"two-word":    {"interest rates ", "prime minister ", "box office ", "mobile phone ", "world cup ", "oil prices ", "general election ", "chief executive "},
	"phrase":      {`"interest rates"`, `"prime minister"`, `"box office"`, `"mobile phone"`, `"world cup"`, `"tony blair"`, `"central bank"`},
	"as-you-type": {"el", "ele", "elec", "elect", "electi", "electio", "gree", "greens", "foo", "footb", "min", "minis"},
	"common-word": {"said ", "year ", "new "},
}

func BenchmarkSearch(b *testing.B) {
	l := benchLibrary(b)
	for _, kind := range []string{"one-word", "two-word", "phrase", "as-you-type", "common-word"} {
		qs := benchQueries[kind]
		b.Run(kind, func(b *testing.B) {
			latencies(b, func(i int) {
				if _, err := l.Search(context.Background(), qs[i%len(qs)], 50); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// BenchmarkListSearch is the library list filtered by what the officer
// types: briefings ranked across articles, notes and actors, with snippets.
func BenchmarkListSearch(b *testing.B) {
	l := benchLibrary(b)
	for _, kind := range []string{"one-word", "two-word", "phrase"} {
		qs := benchQueries[kind]
		b.Run(kind, func(b *testing.B) {
			latencies(b, func(i int) {
				if _, err := l.Briefings(context.Background(), domain.ListQuery{Search: qs[i%len(qs)], Limit: 100}); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

func BenchmarkListPage(b *testing.B) {
	l := benchLibrary(b)
	var total int
	if err := l.r.QueryRow(`SELECT count(*) FROM briefing WHERE deleted IS NULL`).Scan(&total); err != nil {
		b.Fatal(err)
	}
	b.Run("first", func(b *testing.B) {
		latencies(b, func(int) {
			if items, err := l.Briefings(context.Background(), domain.ListQuery{Limit: 100}); err != nil || len(items) != 100 {
				b.Fatal(len(items), err)
			}
		})
	})
	b.Run("anywhere", func(b *testing.B) {
		r := rand.New(rand.NewPCG(1, 2))
		latencies(b, func(int) {
			if _, err := l.Briefings(context.Background(), domain.ListQuery{Limit: 100, Offset: r.IntN(max(1, total-100))}); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("source-filter", func(b *testing.B) {
		latencies(b, func(i int) {
			if _, err := l.Briefings(context.Background(), domain.ListQuery{Limit: 100, Source: benchSources[i%len(benchSources)]}); err != nil {
				b.Fatal(err)
			}
		})
	})
}

func BenchmarkOpenBriefing(b *testing.B) {
	l := benchLibrary(b)
	var maxID int64
	l.r.QueryRow(`SELECT max(id) FROM briefing`).Scan(&maxID)
	r := rand.New(rand.NewPCG(3, 4))
	latencies(b, func(int) {
		_, err := l.Briefing(context.Background(), 1+r.Int64N(maxID))
		if err != nil && domain.KindOf(err) != domain.NotFound {
			b.Fatal(err)
		}
	})
}

// BenchmarkOpen opens the 100k library and lists its first page: the
// library's share of app start. It also reports the file size per article.
func BenchmarkOpen(b *testing.B) {
	l := benchLibrary(b)
	path := l.Path()
	var arts int
	l.r.QueryRow(`SELECT count(*) FROM article`).Scan(&arts)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	wal, _ := os.Stat(path + "-wal")
	size := st.Size()
	if wal != nil {
		size += wal.Size()
	}
	latencies(b, func(int) {
		l2, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l2.Briefings(context.Background(), domain.ListQuery{Limit: 100}); err != nil {
			b.Fatal(err)
		}
		l2.r.Close() // leave the shared writer's WAL alone
		l2.w.Close()
	})
	b.ReportMetric(float64(size)/float64(max(1, arts)), "bytes/article")
	b.ReportMetric(float64(arts), "articles")
}

// BenchmarkAddArticle measures the store step of an import (article,
// original, FTS rows, briefing, analysis: one transaction) into a fresh
// library with the generator's realistic articles and analyses.
func BenchmarkAddArticle(b *testing.B) {
	dev := loadDev(b)
	var cats []string
	for c := range dev {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	l, err := Open(filepath.Join(b.TempDir(), "add.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	arts := make([]*domain.Article, b.N)
	ans := make([]*domain.Analysis, b.N)
	for i := range arts {
		arts[i], _ = genArticle(1_000_000+i, dev, cats)
		ans[i] = genAnalysis([]*domain.Article{arts[i]}, i)
	}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := l.AddArticle(context.Background(), arts[i], &domain.Briefing{Title: arts[i].Title, Analysis: ans[i]}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

// BenchmarkAddArticleAt100k measures the store step into the full generated
// library, then puts the library back as it was (trash and purge).
func BenchmarkAddArticleAt100k(b *testing.B) {
	l := benchLibrary(b)
	dev := loadDev(b)
	var cats []string
	for c := range dev {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	arts := make([]*domain.Article, b.N)
	ans := make([]*domain.Analysis, b.N)
	for i := range arts {
		arts[i], _ = genArticle(2_000_000+i, dev, cats)
		ans[i] = genAnalysis([]*domain.Article{arts[i]}, i)
	}
	ctx := context.Background()
	var ids []int64
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		r, err := l.AddArticle(ctx, arts[i], &domain.Briefing{Title: arts[i].Title, Analysis: ans[i]})
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, r.BriefingID)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
	b.StopTimer()
	for _, id := range ids {
		if err := l.DeleteBriefing(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := l.PurgeTrash(ctx, time.Time{}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkNearDupAt100k measures the near-duplicate lookup of an import in
// the full generated library (index scan plus the SQL check of candidates)
// and reports the one-off cost of loading the index.
func BenchmarkNearDupAt100k(b *testing.B) {
	l := benchLibrary(b)
	ctx := context.Background()
	errRollback := fmt.Errorf("rollback")
	l.sims.invalidate()
	start := time.Now()
	if err := l.write(ctx, func(tx *sql.Tx) error { return l.sims.sync(ctx, tx) }); err != nil {
		b.Fatal(err)
	}
	load := time.Since(start)
	r := rand.New(rand.NewPCG(7, 7))
	found := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h := l.sims.hashes[r.IntN(len(l.sims.hashes))] ^ 1<<r.IntN(64) // a light edit of a stored story
		if i%2 == 1 {
			h = r.Uint64() // an unrelated story
		}
		err := l.write(ctx, func(tx *sql.Tx) error {
			id, err := l.nearDup(ctx, tx, h, 0)
			if id != 0 {
				found++
			}
			if err != nil {
				return err
			}
			return errRollback
		})
		if err != errRollback {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(found)/float64(b.N), "found/op")
	b.ReportMetric(float64(load.Microseconds())/1000, "load-ms")
	b.ReportMetric(float64(len(l.sims.hashes)), "hashes")
}
