package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"briefdesk/internal/domain"
)

func open(t *testing.T) *Engine {
	t.Helper()
	e, err := Open(filepath.Join(t.TempDir(), "sub", "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

const story = `Grain convoy reaches port after strait reopens

By Jonas Feld

The first grain convoy in three weeks reached the port of Tessaly on Monday after naval escorts reopened the Corvan Strait, the International Grain Council said.

Council director Hanna Vos said 14 ships carrying 410,000 tonnes of wheat had crossed without incident. "The corridor works when it is protected," she said.

Insurers cut war-risk premiums by 30% after the crossing, according to brokers in London.
`

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportStoresAnalysedBriefing(t *testing.T) {
	e := open(t)
	ctx := context.Background()
	dir := t.TempDir()
	p := write(t, dir, "grain.txt", story)
	var seen []Progress
	res := e.Import(ctx, []string{p, p, filepath.Join(dir, "none.txt")}, 0, func(pr Progress) { seen = append(seen, pr) })
	if len(res) != 3 || len(seen) != 3 || seen[2].Done != 3 || seen[2].Total != 3 {
		t.Fatalf("results %+v, progress %+v", res, seen)
	}
	var statuses []domain.ImportStatus
	for _, r := range res {
		statuses = append(statuses, r.Status)
	}
	if statuses[0] != domain.Failed || statuses[1] != domain.Imported || statuses[2] != domain.Duplicate {
		// Expand reports unreadable paths first, then the files in order.
		t.Fatalf("statuses %v (%+v)", statuses, res)
	}
	b, err := e.Briefing(ctx, res[1].BriefingID)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Grain convoy reaches port after strait reopens" || len(b.Articles) != 1 {
		t.Fatalf("briefing %q with %d articles", b.Title, len(b.Articles))
	}
	if b.Analysis == nil || len(b.Analysis.Summary.Sentences) == 0 || len(b.Analysis.Actors) == 0 {
		t.Fatalf("analysis not stored: %+v", b.Analysis)
	}
	items, err := e.List(ctx, domain.ListQuery{})
	if err != nil || len(items) != 1 {
		t.Fatalf("list: %v %+v", err, items)
	}
	hits, err := e.Search(ctx, "wheat", 10)
	if err != nil || len(hits) == 0 || hits[0].BriefingID != b.ID {
		t.Fatalf("search: %v %+v", err, hits)
	}
}

func TestImportFlagsNearDuplicate(t *testing.T) {
	e := open(t)
	ctx := context.Background()
	dir := t.TempDir()
	e.Import(ctx, []string{write(t, dir, "a.txt", story)}, 0, nil)
	edited := strings.Replace(strings.Replace(story, "Monday", "Tuesday", 1), "14 ships", "fourteen ships", 1)
	r := e.Import(ctx, []string{write(t, dir, "b.txt", edited)}, 0, nil)[0]
	if r.Status != domain.Imported || r.NearDup == 0 || !strings.Contains(r.Detail, "near-duplicate of") {
		t.Errorf("edited wire copy: %+v", r)
	}
}

func TestImportIntoBriefingAndEdit(t *testing.T) {
	e := open(t)
	ctx := context.Background()
	dir := t.TempDir()
	first := e.Import(ctx, []string{write(t, dir, "a.txt", story)}, 0, nil)[0]
	second := strings.Replace(story, "Grain convoy reaches port after strait reopens", "Insurers cut premiums as grain ships cross strait", 1)
	second = strings.Replace(second, "The first grain convoy", "A convoy of grain ships", 1) + "\nShipping lines said they would resume regular sailings next week.\n"
	r := e.Import(ctx, []string{write(t, dir, "b.txt", second)}, first.BriefingID, nil)[0]
	if r.Status != domain.Imported || r.BriefingID != first.BriefingID {
		t.Fatalf("second article: %+v", r)
	}
	b, err := e.Briefing(ctx, first.BriefingID)
	if err != nil || len(b.Articles) != 2 {
		t.Fatalf("briefing: %v, %d articles", err, len(b.Articles))
	}
	b, err = e.Edit(ctx, b.ID, domain.Change{Kind: domain.SetLength, Length: domain.Length{Sentences: 2}})
	if err != nil {
		t.Fatal(err)
	}
	last := b.Analysis.Summary.Scores[len(b.Analysis.Summary.Scores)-1]
	if _, err := e.Edit(ctx, b.ID, domain.Change{Kind: domain.Pin, Article: b.Articles[last.Article].ID, Sentence: last.Index}); err != nil {
		t.Fatal(err)
	}
	b, _ = e.Briefing(ctx, b.ID)
	found := false
	for _, s := range b.Analysis.Summary.Sentences {
		found = found || s.SentenceRef == last.SentenceRef
	}
	if b.Length.Sentences != 2 || !found || len(b.Edits.Pinned) != 1 {
		t.Errorf("length %+v, pinned sentence in summary: %v, edits %+v", b.Length, found, b.Edits)
	}
}

func TestImportTextAndCancel(t *testing.T) {
	e := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	if r := e.ImportText(ctx, story, 0); r.Status != domain.Imported {
		t.Fatalf("paste: %+v", r)
	}
	if r := e.ImportText(ctx, "   \n ", 0); r.Status != domain.Failed {
		t.Fatalf("blank paste: %+v", r)
	}
	cancel()
	dir := t.TempDir()
	res := e.Import(ctx, []string{write(t, dir, "x.txt", strings.Replace(story, "Monday", "Tuesday", 1))}, 0, nil)
	if len(res) != 0 {
		t.Errorf("a cancelled import went on: %+v", res)
	}
}

func TestEnsureSamples(t *testing.T) {
	e := open(t)
	ctx := context.Background()
	res, err := e.EnsureSamples(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Status != domain.Imported {
			t.Errorf("sample %s: %s %s", r.Path, r.Status, r.Detail)
		}
	}
	items, _ := e.List(ctx, domain.ListQuery{})
	if len(items) != len(res)-1 {
		t.Errorf("%d samples made %d briefings; the two Halvard stories should share one", len(res), len(items))
	}
	if again, _ := e.EnsureSamples(ctx); len(again) != 0 {
		t.Errorf("samples imported twice")
	}
	for _, it := range items {
		e.Delete(ctx, it.ID)
	}
	e.Close()
	reopened, err := Open(e.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if again, _ := reopened.EnsureSamples(ctx); len(again) != 0 {
		t.Errorf("samples came back into a library the officer emptied")
	}
}

// cancelAfter is a context whose Err turns to Canceled after n checks, so a
// test can cancel while a file is being stored, as the Cancel button does.
type cancelAfter struct {
	context.Context
	mu sync.Mutex
	n  int
}

var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

func (c *cancelAfter) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n <= 0 {
		return closed
	}
	return nil
}

func (c *cancelAfter) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n <= 0 {
		return context.Canceled
	}
	c.n--
	return nil
}

func TestImportCancelFinishesFileInHand(t *testing.T) {
	e := open(t)
	dir := t.TempDir()
	a := write(t, dir, "a.txt", story)
	b := write(t, dir, "b.txt", strings.Replace(story, "Grain convoy reaches port after strait reopens", "Second convoy sails", 1)+"\nA second convoy left at dawn.\n")
	// One check passes (the loop's, before a.txt); the cancel then lands
	// while a.txt is stored.
	ctx := &cancelAfter{Context: context.Background(), n: 1}
	res := e.Import(ctx, []string{a, b}, 0, nil)
	if len(res) != 1 || res[0].Status != domain.Imported {
		t.Fatalf("cancel during the first file: %+v, want it imported and the import stopped", res)
	}
	if _, err := e.Briefing(context.Background(), res[0].BriefingID); err != nil {
		t.Errorf("the file reported imported is not in the library: %v", err)
	}
}

func TestAnalysisReusesLanguagePass(t *testing.T) {
	a, err := Load(context.Background(), write(t, t.TempDir(), "a.txt", story))
	if err != nil {
		t.Fatal(err)
	}
	first := Analyze([]*domain.Article{a}, domain.Length{Sentences: 2}, domain.Edits{})
	d1 := passes.analyze(a, 0)
	d2 := passes.analyze(a, 0)
	if &d1.Sentences[0] != &d2.Sentences[0] {
		t.Errorf("the language pass of an unchanged article was run again")
	}
	if d := passes.analyze(a, 1); d.Sentences[0].Article != 1 {
		t.Errorf("a pass cached at position 0 was reused at position 1")
	}
	spaced := *a
	spaced.Paragraphs = append([]string(nil), a.Paragraphs...)
	spaced.Paragraphs[0] = "  " + spaced.Paragraphs[0]
	if d := passes.analyze(&spaced, 0); d.Body != spaced.Body() {
		t.Errorf("a pass of a body with other white space (same TextHash) was reused")
	}
	again := Analyze([]*domain.Article{a}, domain.Length{Sentences: 2}, domain.Edits{})
	if len(first.Summary.Sentences) != len(again.Summary.Sentences) || first.Summary.Sentences[0].Text != again.Summary.Sentences[0].Text {
		t.Errorf("cached analysis differs: %+v vs %+v", first.Summary.Sentences, again.Summary.Sentences)
	}
}
