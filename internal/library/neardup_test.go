package library

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/internal/domain"
	"briefdesk/internal/ingest"
)

// parseSample reads one of the project's own sample articles.
func parseSample(t *testing.T, name string) *domain.Article {
	t.Helper()
	path := filepath.Join("..", "..", "assets", "samples", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ingest.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// reparse gives an edited copy of a the hashes ingest would give it.
func reparse(a *domain.Article, paras []string) *domain.Article {
	b := *a
	b.Paragraphs = paras
	b.TextHash = ingest.TextHash(b.Body())
	b.SimHash = ingest.SimHash(b.Body())
	b.Origin.Name += ".copy"
	return &b
}

// A wire story re-published with small edits, or without one of its
// paragraphs, is flagged as a near-duplicate with real ingest SimHashes;
// other stories, including another write-up of the same event, are not.
func TestNearDuplicateWireCopies(t *testing.T) {
	l := openTemp(t)
	orig := parseSample(t, "01-halvard-valley-troop-pullback.txt")
	r, err := l.AddArticle(ctx, orig, &domain.Briefing{Title: orig.Title})
	if err != nil || r.Status != domain.Imported || r.NearDup != 0 {
		t.Fatalf("first import: %+v, %v", r, err)
	}
	ps := orig.Paragraphs

	edited := append([]string(nil), ps...)
	edited[0] = strings.Replace(edited[0], "agreed on Tuesday", "agreed late on Tuesday", 1)
	edited[2] = strings.Replace(edited[2], "said", "told reporters", 1)
	edited = append(edited, "The agreement still needs the approval of both parliaments.")
	dropped := append(append([]string(nil), ps[:3]...), ps[4:]...)

	// Each copy is flagged against the story or an earlier copy of it,
	// whichever is closer.
	stored := map[int64]bool{orig.ID: true}
	copies := []struct {
		name string
		a    *domain.Article
	}{{"small edits", reparse(orig, edited)}, {"dropped paragraph", reparse(orig, dropped)}}
	for _, c := range copies {
		d := ingest.Distance(orig.SimHash, c.a.SimHash)
		t.Logf("%s: %d bits", c.name, d)
		r, err := l.AddArticle(ctx, c.a, &domain.Briefing{Title: c.a.Title})
		if err != nil || r.Status != domain.Imported || !stored[r.NearDup] {
			t.Errorf("%s (%d bits): %+v, %v; want NearDup among %v", c.name, d, r, err, stored)
		}
		stored[r.ArticleID] = true
	}
	for _, name := range []string{"02-halvard-ceasefire-what-comes-next.html", "03-grain-council-corvan-strait.md", "04-valmora-grid-cyberattack.eml"} {
		a := parseSample(t, name)
		t.Logf("%s: %d bits", name, ingest.Distance(orig.SimHash, a.SimHash))
		r, err := l.AddArticle(ctx, a, &domain.Briefing{Title: a.Title})
		if err != nil || r.Status != domain.Imported || r.NearDup != 0 {
			t.Errorf("%s (%d bits from the wire story): %+v, %v; want no near-duplicate", name, ingest.Distance(orig.SimHash, a.SimHash), r, err)
		}
	}
}

// The index follows deletions, restores from the trash and writes by
// another process (another Library on the same file).
func TestNearDuplicateIndexSync(t *testing.T) {
	l := openTemp(t)
	a := sample(1)
	r := add(t, l, 1)
	near := func(lib *Library, i int, h uint64) domain.ImportResult {
		t.Helper()
		c := sample(i)
		c.SimHash = h
		r, err := lib.AddArticle(ctx, c, &domain.Briefing{Title: c.Title})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	// The first lookup loads the index.
	if got := near(l, 2, a.SimHash^0x3F).NearDup; got != r.ArticleID {
		t.Fatalf("6 bits: NearDup %d, want %d", got, r.ArticleID)
	}
	other, err := Open(l.path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	// Another process adds an article 64 bits away from a.
	far := ^a.SimHash
	r3 := near(other, 3, far)
	if got := near(l, 4, far^0x7).NearDup; got != r3.ArticleID {
		t.Errorf("article added by another process not found: NearDup %d, want %d", got, r3.ArticleID)
	}
	// Trashed articles do not count.
	if err := l.DeleteBriefing(ctx, r3.BriefingID); err != nil {
		t.Fatal(err)
	}
	if got := near(l, 5, far^0x70).NearDup; got == r3.ArticleID {
		t.Errorf("trashed article flagged")
	}
}
