package library

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"briefdesk/internal/domain"
)

// The crash test re-runs this test binary as a child that imports articles
// and edits briefings the way the window does (rename, length, taking an
// article out into a briefing of its own, merging it back, deleting an
// article to the trash and restoring it), as fast as it can; it kills the
// child with SIGKILL at a random moment, in the middle of an import or of an
// edit, and checks that the library opens healthy with every committed
// article intact and none lost. BRIEFDESK_CRASH_ROUNDS sets the number of
// kills (default 20).
const (
	envCrashDB   = "BRIEFDESK_CRASH_DB"
	envCrashBase = "BRIEFDESK_CRASH_BASE"
)

// TestCrashChild is the child's body; it does nothing in a normal run.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(envCrashDB)
	if path == "" {
		t.Skip("only runs as the crash test's child")
	}
	base, _ := strconv.Atoi(os.Getenv(envCrashBase))
	l, err := Open(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	fmt.Println("ready")
	r := rand.New(rand.NewPCG(uint64(base), 1))
	var last *domain.Briefing
	for i := 0; ; i++ {
		// Every other step is an edit of a briefing stored earlier.
		if i%2 == 1 {
			if err := crashEdit(l, r); err != nil {
				fmt.Println("edit:", err)
				os.Exit(3)
			}
			continue
		}
		n := i / 2
		a := sample(base + n)
		b := &domain.Briefing{Title: a.Title}
		if n%3 == 2 && last != nil {
			b = last // every third article joins the previous briefing
		}
		b.Analysis = analysisFor(append(append([]*domain.Article(nil), b.Articles...), a))
		fmt.Println("import") // the parent learns what the kill may have cut
		_, err := l.AddArticle(ctx, a, b)
		if k := domain.KindOf(err); k == domain.Conflict || k == domain.NotFound {
			// An edit changed the briefing since it was read: the article
			// becomes a briefing of its own instead.
			b = &domain.Briefing{Title: a.Title, Analysis: analysisFor([]*domain.Article{a})}
			_, err = l.AddArticle(ctx, a, b)
		}
		if err != nil {
			fmt.Println("add:", err)
			os.Exit(3)
		}
		if i == 0 {
			fmt.Println("added") // the parent's kill timer starts now
		}
		last = b
		if len(b.Articles) > 4 {
			last = nil
		}
	}
}

// crashEdit makes one edit the window could make, as one commit, with the
// analysis the verification expects (analysisFor the briefing's articles).
// It says which edit on stdout before it commits.
func crashEdit(l *Library, r *rand.Rand) error {
	var ids []int64
	rows, err := l.r.Query(`SELECT id FROM briefing WHERE deleted IS NULL ORDER BY id DESC LIMIT 20`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) == 0 {
		return nil
	}
	b, err := l.Briefing(ctx, ids[r.IntN(len(ids))])
	if err != nil {
		return err
	}
	commit := func(kind string, batch *Batch) error {
		fmt.Println("edit", kind)
		if err := l.Commit(ctx, batch); err != nil && domain.KindOf(err) != domain.NotFound {
			return err
		}
		return nil
	}
	switch r.IntN(5) {
	case 0: // rename and length
		b.Title = fmt.Sprintf("%s (edited %d)", strings.SplitN(b.Title, " (edited", 2)[0], r.IntN(1000))
		b.Length = domain.Length{Sentences: 1 + r.IntN(5)}
		return commit("rename", &Batch{Save: []*domain.Briefing{b}})
	case 1: // take the last article out into a briefing of its own
		if len(b.Articles) < 2 {
			return nil
		}
		a := b.Articles[len(b.Articles)-1]
		own := &domain.Briefing{Title: a.Title, Articles: []*domain.Article{a}, Analysis: analysisFor([]*domain.Article{a})}
		b.Articles = b.Articles[:len(b.Articles)-1]
		b.Analysis = analysisFor(b.Articles)
		return commit("split", &Batch{Save: []*domain.Briefing{b}, Create: []*domain.Briefing{own}})
	case 2: // merge another single-article briefing into this one
		for _, id := range ids {
			o, err := l.Briefing(ctx, id)
			if err != nil || id == b.ID || len(o.Articles) != 1 || len(b.Articles) > 4 || articleIn(b, o.Articles[0].ID) {
				continue
			}
			b.Articles = append(b.Articles, o.Articles[0])
			b.Analysis = analysisFor(b.Articles)
			return commit("merge", &Batch{Save: []*domain.Briefing{b}, Discard: []int64{id}})
		}
		return nil
	case 3: // delete the first article to the trash
		if len(b.Articles) < 2 {
			return nil
		}
		a := b.Articles[0]
		if h, err := l.Holders(ctx, a.ID); err != nil || len(h) != 1 {
			return err
		}
		b.Articles = b.Articles[1:]
		b.Analysis = analysisFor(b.Articles)
		return commit("delete", &Batch{Save: []*domain.Briefing{b}, TrashArticles: []int64{a.ID}})
	default: // restore an article from the trash as a briefing of its own
		var id int64
		if err := l.r.QueryRow(`SELECT id FROM article WHERE deleted IS NOT NULL ORDER BY random() LIMIT 1`).Scan(&id); err != nil {
			return nil
		}
		a, err := l.Article(ctx, id, false)
		if err != nil {
			return err
		}
		own := &domain.Briefing{Title: a.Title, Articles: []*domain.Article{a}, Analysis: analysisFor([]*domain.Article{a})}
		return commit("restore", &Batch{UntrashArticles: []int64{id}, Create: []*domain.Briefing{own}})
	}
}

func articleIn(b *domain.Briefing, id int64) bool {
	for _, a := range b.Articles {
		if a.ID == id {
			return true
		}
	}
	return false
}

func TestCrashDuringImportAndEdit(t *testing.T) {
	rounds := 20
	if s := os.Getenv("BRIEFDESK_CRASH_ROUNDS"); s != "" {
		rounds, _ = strconv.Atoi(s)
	}
	if testing.Short() {
		rounds = 3
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	prev := 0
	cut := map[string]int{} // what the child was doing when killed
	for round := 0; round < rounds; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), envCrashDB+"="+path, envCrashBase+"="+strconv.Itoa(round*100000))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		r := bufio.NewReader(out)
		if line, _ := r.ReadString('\n'); line != "ready\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("round %d: child said %q, want ready", round, line)
		}
		lines := make(chan string, 1024)
		go func() {
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					close(lines)
					return
				}
				lines <- strings.TrimSpace(line)
			}
		}()
		for line := range lines {
			if line == "added" {
				break
			}
			if line != "import" && !strings.HasPrefix(line, "edit ") {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("round %d: child said %q before its first import", round, line)
			}
		}
		time.Sleep(time.Duration(30+rand.IntN(300)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		doing := ""
		for line := range lines {
			if strings.Contains(line, ":") {
				t.Fatalf("round %d: the child failed: %s", round, line)
			}
			doing = line
		}
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("round %d: child ended by itself: %v", round, cmd.ProcessState)
		}
		cut[doing]++
		n := verifyAllOrNothing(t, path, round+1)
		if n <= prev {
			t.Errorf("round %d: no article committed (%d then %d)", round, prev, n)
		}
		prev = n
	}
	t.Logf("%d kills (last step begun: %v), %d articles survived intact", rounds, cut, prev)
}

// verifyAllOrNothing opens the library after a crash and checks it whole:
// integrity, every article of the rounds so far present without a gap and
// byte for byte as imported, none outside a briefing unless in the trash,
// and every briefing's analysis describing exactly its articles. It returns
// the number of articles.
func verifyAllOrNothing(t *testing.T, path string, rounds int) int {
	t.Helper()
	l, err := Open(path)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer l.Close()
	if p, err := l.Check(ctx); err != nil || len(p) != 0 {
		t.Fatalf("integrity after kill: %v %v", p, err)
	}
	var arts, lost, noOriginal, badBands, empty, noAnalysis, trashedLive int
	q := func(s string, v *int) {
		if err := l.r.QueryRow(s).Scan(v); err != nil {
			t.Fatal(err)
		}
	}
	q(`SELECT count(*) FROM article`, &arts)
	q(`SELECT count(*) FROM article WHERE deleted IS NULL AND id NOT IN (SELECT article_id FROM briefing_article)`, &lost)
	q(`SELECT count(*) FROM article WHERE id NOT IN (SELECT article_id FROM original)`, &noOriginal)
	q(`SELECT count(*) FROM article a WHERE (SELECT count(*) FROM simband WHERE article_id = a.id) <> 4`, &badBands)
	q(`SELECT count(*) FROM briefing WHERE id NOT IN (SELECT briefing_id FROM briefing_article)`, &empty)
	q(`SELECT count(*) FROM briefing WHERE id NOT IN (SELECT briefing_id FROM analysis)`, &noAnalysis)
	q(`SELECT count(*) FROM article a JOIN briefing_article ba ON ba.article_id = a.id JOIN briefing b ON b.id = ba.briefing_id
		WHERE a.deleted IS NOT NULL AND b.deleted IS NULL`, &trashedLive)
	if lost+noOriginal+badBands+empty+noAnalysis+trashedLive != 0 {
		t.Fatalf("half-stored changes: %d articles in no briefing and not in the trash, %d without original, %d without SimHash bands, "+
			"%d empty briefings, %d without analysis, %d trashed articles in live briefings",
			lost, noOriginal, badBands, empty, noAnalysis, trashedLive)
	}
	// Counts equal: each round's articles are a gapless run from its first,
	// every one as imported.
	rows, err := l.r.Query(`SELECT a.id, a.body, a.text_hash, o.bytes FROM article a JOIN original o ON o.article_id = a.id`)
	if err != nil {
		t.Fatal(err)
	}
	perRound := map[int]map[int]bool{}
	for rows.Next() {
		var id int64
		var body, hash string
		var orig []byte
		if err := rows.Scan(&id, &body, &hash, &orig); err != nil {
			t.Fatal(err)
		}
		var n int
		if _, err := fmt.Sscanf(string(orig), "Story %d original", &n); err != nil {
			t.Fatalf("article %d: original bytes %q", id, orig)
		}
		want := sample(n)
		if body != want.Body() || hash != want.TextHash || !bytes.Equal(orig, want.Origin.Original) {
			t.Fatalf("article %d (story %d) is not as imported", id, n)
		}
		if perRound[n/100000] == nil {
			perRound[n/100000] = map[int]bool{}
		}
		perRound[n/100000][n%100000] = true
	}
	rows.Close()
	for r := 0; r < rounds; r++ {
		got := perRound[r]
		if len(got) == 0 {
			t.Fatalf("round %d: no article survived", r)
		}
		for i := 0; i < len(got); i++ {
			if !got[i] {
				t.Fatalf("round %d: %d articles stored but story %d of them is missing", r, len(got), i)
			}
		}
	}
	// Every briefing's analysis describes exactly its stored articles.
	rows, err = l.r.Query(`SELECT id FROM briefing WHERE deleted IS NULL`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	for i, id := range ids {
		b, err := l.Briefing(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if want := analysisFor(b.Articles); !reflect.DeepEqual(b.Analysis, want) {
			t.Fatalf("briefing %d: stored analysis does not match its %d articles", id, len(b.Articles))
		}
		for _, a := range b.Articles {
			if i < len(ids)-30 {
				break // the FTS integrity check covers the rest; spot-check the newest
			}
			hits, err := l.Search(ctx, fmt.Sprintf(`"%s"`, a.Title), 5)
			if err != nil || len(hits) == 0 {
				t.Fatalf("article %d not in the search index: %v", a.ID, err)
			}
		}
	}
	return arts
}
