package brief

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"

	"briefdesk/internal/domain"
	"briefdesk/internal/evaldata"
)

// bbcPath is the BBC evaluation set, which lives outside the repository (it
// is not ours to ship); see package evaldata.
const bbcPath = "eval/summaries/bbc.jsonl"

type bbcRecord struct {
	ID               string   `json:"id"`
	Title            string   `json:"title"`
	Text             string   `json:"text"`
	SummarySentences []string `json:"summary_sentences"`
}

func loadBBC(t testing.TB) []bbcRecord { return loadEval(t, bbcPath) }

// loadEval reads an evaluation file of the summaries set; records without a
// title (CNN/DailyMail) get their first words as one.
func loadEval(t testing.TB, path string) []bbcRecord {
	t.Helper()
	f, err := os.Open(evaldata.Path(t, path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []bbcRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r bbcRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Title == "" {
			w := strings.Fields(r.Text)
			r.Title = strings.Join(w[:min(9, len(w))], " ")
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// splitSentences is a plain splitter, good enough to give the layout real
// sentences of real lengths: at . ! or ? (and a closing quote) before a space
// and a capital or an opening quote.
func splitSentences(p string) []string {
	var out []string
	rs := []rune(p)
	start := 0
	for i := 0; i < len(rs); i++ {
		if rs[i] != '.' && rs[i] != '!' && rs[i] != '?' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune("\"”’'", rs[j]) {
			j++
		}
		if j+1 < len(rs) && rs[j] == ' ' && (unicode.IsUpper(rs[j+1]) || strings.ContainsRune("\"“‘", rs[j+1])) {
			out = append(out, strings.TrimSpace(string(rs[start:j])))
			start, i = j+1, j
		}
	}
	if s := strings.TrimSpace(string(rs[start:])); s != "" {
		out = append(out, s)
	}
	return out
}

var (
	nameRE  = regexp.MustCompile(`\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b`)
	quoteRE = regexp.MustCompile(`"([^"]{12,400})"`)
	factRE  = regexp.MustCompile(`[$£€]?\d[\d,.]*(?:%| million| billion| bn| m\b)?`)
)

// bbcBriefing analyses a BBC article the simple way: sentences by the
// splitter, the reference summary's sentences (or the lead) as the chosen
// summary, capitalised names as actors with their quotes, numbers as facts.
func bbcBriefing(rs []bbcRecord) *domain.Briefing {
	b := &domain.Briefing{Analysis: &domain.Analysis{}}
	for ai, r := range rs {
		a := &domain.Article{Title: r.Title, Source: "BBC News", Language: "en"}
		inSummary := map[string]bool{}
		for _, s := range r.SummarySentences {
			inSummary[strings.TrimSpace(s)] = true
		}
		var sents []domain.ScoredSentence
		for pi, para := range strings.Split(r.Text, "\n\n") {
			if strings.TrimSpace(para) == "" {
				continue
			}
			a.Paragraphs = append(a.Paragraphs, para)
			for _, s := range splitSentences(para) {
				n := len(sents)
				score := 1 / float64(n+2)
				if inSummary[s] {
					score += 1
				}
				sents = append(sents, domain.ScoredSentence{
					Sentence: domain.Sentence{SentenceRef: domain.SentenceRef{Article: ai, Index: n}, Para: pi, Text: s},
					Score:    score,
				})
			}
		}
		b.Articles = append(b.Articles, a)
		b.Analysis.Summary.Scores = append(b.Analysis.Summary.Scores, sents...)
		var chosen []domain.ScoredSentence
		for _, s := range sents {
			if s.Score >= 1 {
				chosen = append(chosen, s)
			}
		}
		if len(chosen) == 0 {
			chosen = sents[:min(3, len(sents))]
		}
		b.Analysis.Summary.Sentences = append(b.Analysis.Summary.Sentences, chosen...)

		counts := map[string]int{}
		first := map[string]int{}
		for i, s := range sents {
			for _, n := range nameRE.FindAllString(s.Text, -1) {
				if counts[n] == 0 {
					first[n] = i
				}
				counts[n]++
			}
		}
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
			act := domain.Actor{Name: n, Type: domain.Person, Mentions: counts[n], Level: domain.Central, Did: sents[first[n]].Text}
			if k > 2 {
				act.Level = domain.Supporting
			}
			for _, s := range sents {
				if q := quoteRE.FindStringSubmatch(s.Text); q != nil && strings.Contains(s.Text, n) {
					act.Quotes = append(act.Quotes, domain.Quote{Text: q[1], Direct: true, Where: s.SentenceRef})
				}
			}
			b.Analysis.Actors = append(b.Analysis.Actors, act)
		}
		for _, s := range sents {
			for _, f := range factRE.FindAllString(s.Text, 2) {
				if len(f) > 1 {
					b.Analysis.Facts = append(b.Analysis.Facts, domain.Fact{Kind: domain.Number, Text: strings.TrimRight(f, ".,"), Where: s.SentenceRef})
				}
			}
		}
	}
	b.Title = rs[0].Title
	if len(rs) > 1 {
		b.Title = fmt.Sprintf("%s and %d related reports", rs[0].Title, len(rs)-1)
	}
	return b
}

// TestBBCOnePage lays out a brief for every BBC article and checks it fits
// one page with its title and lead sentence; a sample (every article with
// BRIEFDESK_BRIEF_FULL=1) is rendered to PDF and checked with poppler.
func TestBBCOnePage(t *testing.T) {
	recs := loadBBC(t)
	full := os.Getenv("BRIEFDESK_BRIEF_FULL") != ""
	step, every := max(1, len(recs)/80), 1
	if raceEnabled || testing.Short() {
		step, every = max(1, len(recs)/20), 4
	}
	if full {
		step, every = 1, 1
	}
	var cases [][]bbcRecord
	for i, r := range recs {
		if i%every == 0 {
			cases = append(cases, []bbcRecord{r})
		}
	}
	// Multi-article briefings of 2 to 6 articles.
	for i, n := 0, 2; i+n <= len(recs) && len(cases) < len(recs)+40; i, n = i+n*7, 2+(n-1)%5 {
		cases = append(cases, recs[i:i+n])
	}
	type job struct {
		name string
		b    *domain.Briefing
		opts Options
		pdf  bool
	}
	var jobs []job
	for i, rs := range cases {
		opts := Options{Generated: gen, Reference: fmt.Sprintf("BD-%d", i)}
		if i%2 == 1 {
			opts.Paper = Letter
		}
		if i%3 == 0 {
			opts.Classification = "UNCLASSIFIED"
		}
		if i%5 == 0 {
			opts.Fit = true
		}
		jobs = append(jobs, job{name: rs[0].ID, b: bbcBriefing(rs), opts: opts, pdf: i%step == 0 || len(rs) > 1 && i%8 == 0})
	}
	_, havePoppler := lookTools("pdfinfo", "pdftotext", "pdffonts")
	var wg sync.WaitGroup
	ch := make(chan job)
	var mu sync.Mutex
	var pdfs, shortened, smaller int
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				p, err := Layout(j.b, j.opts)
				if err != nil {
					t.Errorf("%s: %v", j.name, err)
					continue
				}
				checkPage(t, p)
				mu.Lock()
				if p.Content.Omitted.Points > 0 {
					shortened++
				}
				if p.BodySize < baseSize {
					smaller++
				}
				mu.Unlock()
				lead := j.b.Analysis.Summary.Sentences[0].Text
				hasLead := false
				for _, pt := range p.Content.Points {
					hasLead = hasLead || pt.Text == clean(lead)
				}
				if !hasLead {
					t.Errorf("%s: the summary's first sentence was dropped", j.name)
				}
				if !j.pdf || !havePoppler {
					continue
				}
				dir, err := os.MkdirTemp(t.TempDir(), "bbc")
				if err != nil {
					t.Error(err)
					continue
				}
				path, _ := writePDF(t, dir, j.b, j.opts)
				if n := pdfPages(t, path); n != 1 {
					t.Errorf("%s: %d pages", j.name, n)
				}
				text := pdfText(t, path)
				for _, w := range []string{normalize(j.b.Title), normalize(lead)} {
					if !strings.Contains(loose(text), loose(w)) {
						t.Errorf("%s: PDF lacks %q", j.name, w)
					}
				}
				checkFonts(t, path)
				mu.Lock()
				pdfs++
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		ch <- j
	}
	close(ch)
	wg.Wait()
	t.Logf("%d briefings laid out (%d set below %.0f pt, %d with summary sentences left out), %d rendered and checked with poppler",
		len(jobs), smaller, baseSize, shortened, pdfs)
}

// lookTools reports whether all the named tools are installed.
func lookTools(names ...string) (string, bool) {
	for _, n := range names {
		if _, err := execLookPath(n); err != nil {
			return n, false
		}
	}
	return "", true
}

// TestCNNOnePage lays out a brief for every CNN/DailyMail article (lead-3
// summaries, no titles of their own): a second set of unseen-style articles.
func TestCNNOnePage(t *testing.T) {
	recs := loadEval(t, "eval/summaries/cnndm.jsonl")
	for i, r := range recs {
		if (raceEnabled || testing.Short()) && i%4 != 0 {
			continue
		}
		b := bbcBriefing([]bbcRecord{r})
		opts := Options{Generated: gen, Fit: i%3 == 0}
		if i%2 == 0 {
			opts.Paper = Letter
		}
		p, err := Layout(b, opts)
		if err != nil {
			t.Fatal(err)
		}
		checkPage(t, p)
		if len(p.Content.Points) == 0 {
			t.Errorf("%s: no points", r.ID)
		}
	}
}
