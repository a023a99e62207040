package library

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"syscall"
	"testing"
	"time"

	"briefdesk/internal/domain"
)

// The crash test re-runs this test binary as a child that imports articles
// as fast as it can, kills it with SIGKILL at a random moment, and checks
// that the library opens healthy with every article either wholly there or
// absent. BRIEFDESK_CRASH_ROUNDS sets the number of kills (default 12).
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
	var last *domain.Briefing
	for i := 0; ; i++ {
		a := sample(base + i)
		b := &domain.Briefing{Title: a.Title}
		if i%3 == 2 && last != nil {
			b = last // every third article joins the previous briefing
		}
		b.Analysis = analysisFor(append(append([]*domain.Article(nil), b.Articles...), a))
		if _, err := l.AddArticle(ctx, a, b); err != nil {
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

func TestCrashDuringImport(t *testing.T) {
	rounds := 12
	if s := os.Getenv("BRIEFDESK_CRASH_ROUNDS"); s != "" {
		rounds, _ = strconv.Atoi(s)
	}
	if testing.Short() {
		rounds = 3
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	prev := 0
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
		for _, want := range []string{"ready\n", "added\n"} {
			if line, _ := r.ReadString('\n'); line != want {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("round %d: child said %q, want %q", round, line, want)
			}
		}
		time.Sleep(time.Duration(30+rand.IntN(300)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("round %d: child ended by itself: %v", round, cmd.ProcessState)
		}
		n := verifyAllOrNothing(t, path)
		if n <= prev {
			t.Errorf("round %d: no article committed (%d then %d)", round, prev, n)
		}
		prev = n
	}
	t.Logf("%d kills, %d articles survived intact", rounds, prev)
}

// verifyAllOrNothing opens the library after a crash and checks it whole;
// it returns the number of articles.
func verifyAllOrNothing(t *testing.T, path string) int {
	t.Helper()
	l, err := Open(path)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer l.Close()
	if p, err := l.Check(ctx); err != nil || len(p) != 0 {
		t.Fatalf("integrity after kill: %v %v", p, err)
	}
	var arts, orphans, noOriginal, badBands, briefs, empty, noAnalysis int
	q := func(s string, v *int) {
		if err := l.r.QueryRow(s).Scan(v); err != nil {
			t.Fatal(err)
		}
	}
	q(`SELECT count(*) FROM article`, &arts)
	q(`SELECT count(*) FROM article WHERE id NOT IN (SELECT article_id FROM briefing_article)`, &orphans)
	q(`SELECT count(*) FROM article WHERE id NOT IN (SELECT article_id FROM original)`, &noOriginal)
	q(`SELECT count(*) FROM article a WHERE (SELECT count(*) FROM simband WHERE article_id = a.id) <> 4`, &badBands)
	q(`SELECT count(*) FROM briefing`, &briefs)
	q(`SELECT count(*) FROM briefing WHERE id NOT IN (SELECT briefing_id FROM briefing_article)`, &empty)
	q(`SELECT count(*) FROM briefing WHERE id NOT IN (SELECT briefing_id FROM analysis)`, &noAnalysis)
	if orphans+noOriginal+badBands+empty+noAnalysis != 0 {
		t.Fatalf("half-stored imports: %d orphan articles, %d without original, %d without SimHash bands, %d empty briefings, %d without analysis",
			orphans, noOriginal, badBands, empty, noAnalysis)
	}
	// Every briefing's analysis describes exactly its stored articles.
	rows, err := l.r.Query(`SELECT id FROM briefing`)
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
