package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"briefdesk/internal/brief"
	"briefdesk/internal/domain"
)

// Golden renders of the main screens. The briefing shown is built here, not
// analysed, so the goldens change when the window changes and not when the
// NLP packages improve. Regenerate after a deliberate change with
// cp testdata/failed/*.xml testdata/.

// article builds an article whose sentences are split at ". " with exact
// byte offsets into Body, as the engine gives them.
func article(idx int, title, source, byline string, paras ...string) (*domain.Article, []domain.ScoredSentence) {
	a := &domain.Article{Title: title, Source: source, Byline: byline, Paragraphs: paras, Language: "en",
		Published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), Origin: domain.Origin{Name: strings.ToLower(source) + ".txt", Format: domain.FormatText}}
	var sents []domain.ScoredSentence
	off := 0
	for pi, p := range paras {
		start := 0
		for start < len(p) {
			end := strings.Index(p[start:], ". ")
			if end < 0 {
				end = len(p)
			} else {
				end = start + end + 1
			}
			n := len(sents)
			sents = append(sents, domain.ScoredSentence{Sentence: domain.Sentence{
				SentenceRef: domain.SentenceRef{Article: idx, Index: n}, Para: pi,
				Start: off + start, End: off + end, Text: p[start:end]}, Score: 1 / float64(n+1)})
			start = end
			for start < len(p) && p[start] == ' ' {
				start++
			}
		}
		off += len(p) + 2
	}
	return a, sents
}

// goldenBriefing is a two-article briefing with a summary, a pinned
// sentence, actors and facts.
func goldenBriefing() *domain.Briefing {
	a1, s1 := article(0, "Ministers agree harbour deal after all-night talks", "Harbour Gazette", "Ilse Marten",
		"Foreign ministers from Ardesia and Kestrel agreed on Tuesday to reopen the harbour of Velmora. The blockade had lasted eleven weeks.",
		"The deal allows up to 40 cargo ships a day to enter under joint inspection. Council secretary-general Paolo Brandt called it a first step.")
	a2, s2 := article(1, "Traders cheer Velmora reopening", "Freight Daily", "Owen Castell",
		"Freight rates on routes through Velmora fell by 18 percent on Wednesday. Broker Mira Lindqvist said insurers were cutting premiums.")
	a2.Incomplete = "it stops in the middle of a sentence" // shows the warning
	scores := append(append([]domain.ScoredSentence(nil), s1...), s2...)
	pinned := s2[1]
	pinned.Pinned = true
	sum := []domain.ScoredSentence{s1[0], s1[2], s2[0], pinned}
	return &domain.Briefing{
		ID: 7, Title: "Ministers agree harbour deal after all-night talks",
		Articles: []*domain.Article{a1, a2},
		Length:   domain.Length{Sentences: 4},
		Edits:    domain.Edits{Pinned: []domain.SentenceRef{pinned.SentenceRef}, Dropped: []domain.SentenceRef{s1[1].SentenceRef}},
		Analysis: &domain.Analysis{
			Summary: domain.Summary{Sentences: sum, Scores: scores},
			Actors: []domain.Actor{
				{Name: "Paolo Brandt", Type: domain.Person, Role: "Council secretary-general", Mentions: 2, Level: domain.Central,
					Quotes: []domain.Quote{{Text: "the first real step back from the brink", Direct: true}}, Sentences: []domain.SentenceRef{s1[3].SentenceRef}},
				{Name: "Northern Maritime Council", Type: domain.Organization, Mentions: 1, Level: domain.Supporting,
					Did: "brokered the deal", Sentences: []domain.SentenceRef{s1[2].SentenceRef, s1[3].SentenceRef}},
				{Name: "Velmora", Type: domain.Place, Mentions: 3, Level: domain.Central,
					Sentences: []domain.SentenceRef{s1[0].SentenceRef, s2[0].SentenceRef}},
			},
			Facts: []domain.Fact{
				{Kind: domain.Number, Text: "40 cargo ships a day", Where: s1[2].SentenceRef},
				{Kind: domain.Date, Text: "Tuesday", Where: s1[0].SentenceRef},
			},
		},
	}
}

// goldenItems fills the library list with fixed rows.
func goldenItems(h *harness) {
	at := time.Date(2026, 3, 15, 9, 30, 0, 0, time.Local)
	h.d.sidebar.items = []domain.BriefingItem{
		{ID: 7, Title: "Ministers agree harbour deal after all-night talks", Sources: "Harbour Gazette, Freight Daily", Articles: 2, Date: at, DateBy: domain.DatePublished},
		{ID: 8, Title: "Drought relief convoy reaches northern Saldera", Sources: "Ruth Abeyta", Articles: 1, Date: at.Add(-2 * time.Hour), DateBy: domain.DateImported},
		{ID: 9, Title: "Grain convoy reaches port after strait reopens", Sources: "Jonas Feld", Articles: 1, Date: at.AddDate(0, 0, -3), DateBy: domain.DatePublished, Snippet: domain.Snippet{Text: "the first grain convoy in three weeks reached the port", Marks: []domain.Mark{{Start: 16, End: 22}}}},
	}
	for i := range h.d.sidebar.items {
		h.d.sidebar.list.SetItemHeight(i, h.d.sidebar.rowHeight(i))
	}
	h.d.sidebar.updateCount()
	h.d.sidebar.list.Refresh()
}

func TestRenderEmptyWindow(t *testing.T) {
	h := newHarness(t)
	h.d.setStatus("Drop articles, folders or links anywhere on this window to import them.")
	test.AssertRendersToMarkup(t, "empty.xml", h.w.Canvas())
}

func TestRenderBriefing(t *testing.T) {
	h := newHarness(t)
	goldenItems(h)
	h.d.showBriefing(goldenBriefing())
	h.d.setStatus("Ready.")
	test.AssertRendersToMarkup(t, "briefing.xml", h.w.Canvas())

	// Tapping the person card filters the text to their sentence.
	test.Tap(h.d.view.cards[0])
	if len(h.d.view.paragraphs) != 1 {
		t.Errorf("filtered to %d sentences, want 1", len(h.d.view.paragraphs))
	}
	test.AssertRendersToMarkup(t, "briefing-filtered.xml", h.w.Canvas())
}

func TestRenderImportResults(t *testing.T) {
	h := newHarness(t)
	job := newImportJob(h.d, []string{"/news/a.txt", "/news/b.html", "/news/c.pdf"}, 0)
	h.d.lastJob = job
	job.start()
	h.queue = nil // the results below stand in for the engine's
	rs := []domain.ImportResult{
		{Path: "/news/a.txt", Status: domain.Imported, Detail: "Ministers agree harbour deal (source looks incomplete: it stops in the middle of a sentence)",
			BriefingID: 1, Incomplete: "it stops in the middle of a sentence"},
		{Path: "/news/b.html", Status: domain.Duplicate, Detail: `already in the library as "Ministers agree harbour deal"`},
		{Path: "/news/c.pdf", Status: domain.Failed, Detail: "PDF has no text layer (scanned image?)"},
	}
	job.onProgress(progressOf(1, 3, rs[0]))
	if job.bar.Value != 1 || job.bar.Max != 3 || !job.stop.Visible() {
		t.Fatalf("progress %v/%v", job.bar.Value, job.bar.Max)
	}
	test.AssertRendersToMarkup(t, "import-progress.xml", h.w.Canvas())
	job.onProgress(progressOf(2, 3, rs[1]))
	job.onProgress(progressOf(3, 3, rs[2]))
	job.onDone(rs)
	h.queue = nil
	h.d.setStatus(job.summary.Text)
	test.AssertRendersToMarkup(t, "import-results.xml", h.w.Canvas())
}

func TestRenderPreferences(t *testing.T) {
	h := newHarness(t)
	h.d.svc = fixedPath{h.d.svc}
	newPreferences(h.d).show()
	test.AssertRendersToMarkup(t, "preferences.xml", h.w.Canvas())
}

// fixedPath reports a stable library path, so renders do not show t.TempDir.
type fixedPath struct{ service }

func (fixedPath) Path() string { return "/home/officer/.config/briefdesk/library.db" }

func progressOf(done, total int, r domain.ImportResult) domain.Progress {
	return domain.Progress{Done: done, Total: total, Result: r}
}

func BenchmarkBriefLayout(b *testing.B) {
	bf := goldenBriefing()
	for b.Loop() {
		if _, err := brief.Layout(bf, brief.Options{Paper: brief.A4}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProseFlow(b *testing.B) {
	test.NewTempApp(b)
	bf := goldenBriefing()
	a := bf.Articles[0]
	var sents []domain.Sentence
	for _, s := range bf.Analysis.Summary.Scores {
		if s.Article == 0 {
			sents = append(sents, s.Sentence)
		}
	}
	spans := paragraphSpans(a, sents, nil)
	p := newProse(spans[1], nil)
	for b.Loop() {
		p.flowRuns = nil
		p.flow(600)
	}
}

func TestMoreActorsToggle(t *testing.T) {
	h := newHarness(t)
	b := goldenBriefing()
	for i := 0; i < 6; i++ {
		b.Analysis.Actors = append(b.Analysis.Actors, domain.Actor{Name: fmt.Sprintf("Minor actor %d", i), Type: domain.Person, Mentions: 1, Level: domain.Mentioned})
	}
	h.d.view.show(b)
	v := h.d.view
	if len(v.cards) != actorsShown || !v.moreActors.Visible() {
		t.Fatalf("%d cards shown, more button visible %v", len(v.cards), v.moreActors.Visible())
	}
	test.Tap(v.moreActors)
	if len(v.cards) != 9 {
		t.Fatalf("after Show all, %d cards", len(v.cards))
	}
	test.Tap(v.moreActors)
	if len(v.cards) != actorsShown {
		t.Fatalf("after Show fewer, %d cards", len(v.cards))
	}
}
