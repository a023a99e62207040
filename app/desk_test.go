package app

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/cups"
	"briefdesk/internal/domain"
	"briefdesk/internal/engine"
)

// harness is the real window on a real library file, with background work
// queued and run on the test goroutine, so every flow is deterministic.
type harness struct {
	t      *testing.T
	d      *desk
	w      fyne.Window
	eng    *engine.Engine
	queue  []func()
	timers []*fakeTimer
	// afterDo runs after every UI update, to act in the middle of a flow.
	afterDo func()
	printed string
	printer string
}

type fakeTimer struct {
	fn      func()
	stopped bool
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	return newHarnessAt(t, filepath.Join(t.TempDir(), "library.db"))
}

// newHarnessAt is newHarness on the library file at path.
func newHarnessAt(t *testing.T, path string) *harness {
	t.Helper()
	eng, err := engine.Open(path)
	if err != nil {
		t.Fatalf("open library: %v", err)
	}
	t.Cleanup(func() { eng.Close() })
	h := newHarnessOn(t, eng)
	h.eng = eng
	return h
}

// newHarnessOn is the window on any service, such as the in-memory fake.
func newHarnessOn(t *testing.T, svc service) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	h := &harness{t: t}
	h.w = test.NewTempWindow(t, widget.NewLabel(""))
	h.d = newDesk(a, h.w, svc)
	h.d.run = func(task func()) { h.queue = append(h.queue, task) }
	h.d.do = func(fn func()) {
		fn()
		if h.afterDo != nil {
			h.afterDo()
		}
	}
	h.d.after = func(_ time.Duration, fn func()) func() {
		ft := &fakeTimer{fn: fn}
		h.timers = append(h.timers, ft)
		return func() { ft.stopped = true }
	}
	h.d.print = func(path, printer, title string) (string, error) {
		h.printed, h.printer = path, printer
		return "Brief sent to " + printer + ".", nil
	}
	h.d.printers = func(context.Context) ([]cups.Printer, error) {
		return []cups.Printer{{Name: "Office", Description: "Office laser", Default: true, Enabled: true}, {Name: "PDF"}}, nil
	}
	h.d.sidebar.delay = 0
	h.d.now = func() time.Time { return time.Date(2026, 3, 15, 12, 0, 0, 0, time.Local) }
	h.w.SetContent(h.d.buildUI())
	h.w.SetMainMenu(h.d.buildMenu())
	h.d.installShortcuts()
	h.w.Resize(fyne.NewSize(1280, 820))
	h.d.sidebar.reload()
	h.flush()
	return h
}

// flush runs queued background work until none is left.
func (h *harness) flush() {
	for len(h.queue) > 0 {
		task := h.queue[0]
		h.queue = h.queue[1:]
		task()
	}
}

// fireTimers runs the timers that were not stopped.
func (h *harness) fireTimers() {
	ts := h.timers
	h.timers = nil
	for _, ft := range ts {
		if !ft.stopped {
			ft.fn()
		}
	}
}

// fixture returns the path of a test article.
func fixture(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("testdata", "articles", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// drop drops files as the window would, at pos.
func (h *harness) drop(pos fyne.Position, paths ...string) {
	var uris []fyne.URI
	for _, p := range paths {
		uris = append(uris, storage.NewFileURI(p))
	}
	h.d.onDrop(pos, uris)
	h.flush()
}

// sidebarPos is a point on the library list, outside the briefing view.
var sidebarPos = fyne.NewPos(40, 300)

// viewPos is a point on the briefing view.
var viewPos = fyne.NewPos(900, 400)

func TestDropImportsAndOpensBriefing(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	if n := len(h.d.sidebar.items); n != 1 {
		t.Fatalf("library list has %d items, want 1", n)
	}
	b := h.d.view.current()
	if b == nil || !strings.Contains(b.Title, "harbour deal") {
		t.Fatalf("open briefing = %+v, want the dropped article", b)
	}
	if h.d.view.title.Text != b.Title {
		t.Errorf("title label %q, want %q", h.d.view.title.Text, b.Title)
	}
	if len(h.d.view.summary.Objects) == 0 || len(h.d.view.paragraphs) == 0 {
		t.Error("summary or article text empty")
	}
	if !strings.Contains(h.d.status.Text, "1 imported") {
		t.Errorf("status %q", h.d.status.Text)
	}
}

func TestDropSeveralReportsEachFile(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var job *importJob
	h.afterDo = func() {
		if job == nil {
			job = h.d.lastJob
		}
	}
	talks := fixture(t, "harbour-talks.txt")
	h.drop(sidebarPos, talks, fixture(t, "drought-aid.txt"), talks, empty)
	job = h.d.lastJob
	if job == nil {
		t.Fatal("no import job")
	}
	got := map[domain.ImportStatus]int{}
	for _, r := range job.results {
		got[r.Status]++
	}
	if got[domain.Imported] != 2 || got[domain.Duplicate] != 1 || got[domain.Failed] != 1 {
		t.Fatalf("results %+v", job.results)
	}
	if want := "2 imported, 1 already in the library, 1 failed."; job.summary.Text != want {
		t.Errorf("summary %q, want %q", job.summary.Text, want)
	}
	if job.bar.Value != job.bar.Max {
		t.Errorf("progress %v of %v at the end", job.bar.Value, job.bar.Max)
	}
	if !job.close.Visible() || job.stop.Visible() {
		t.Error("after the import the dialog should offer Close, not Cancel")
	}
	if len(h.d.sidebar.items) != 2 {
		t.Errorf("library list has %d items, want 2", len(h.d.sidebar.items))
	}
}

func TestCancelStopsImport(t *testing.T) {
	h := newHarness(t)
	var job *importJob
	h.afterDo = func() {
		if job == nil {
			job = h.d.lastJob
		}
		if job != nil && len(job.results) == 1 && !job.cancelled {
			if !job.stop.Visible() || job.stop.Disabled() {
				t.Error("Cancel not available during the import")
			}
			test.Tap(job.stop)
		}
	}
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"), fixture(t, "drought-aid.txt"), fixture(t, "harbour-reaction.txt"))
	if job == nil {
		t.Fatal("no import job")
	}
	if len(job.results) != 1 {
		t.Fatalf("%d results after cancelling at the first, want 1: %+v", len(job.results), job.results)
	}
	if !strings.Contains(job.current.Text, "cancelled") {
		t.Errorf("progress text %q does not say cancelled", job.current.Text)
	}
	items, err := h.eng.List(t.Context(), domain.ListQuery{})
	if err != nil || len(items) != 1 {
		t.Fatalf("library holds %d briefings (%v), want the 1 imported before Cancel", len(items), err)
	}
}

func TestDropOnBriefingAddsArticle(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	h.drop(viewPos, fixture(t, "harbour-reaction.txt"))
	b := h.d.view.current()
	if len(b.Articles) != 2 {
		t.Fatalf("briefing has %d articles, want 2", len(b.Articles))
	}
	if len(h.d.sidebar.items) != 1 {
		t.Errorf("library list has %d items, want 1", len(h.d.sidebar.items))
	}
	// Summary sentences name the article they came from.
	found := false
	for _, o := range h.d.view.summary.Objects {
		if strings.Contains(test.RenderObjectToMarkup(o), "Article 2") || strings.Contains(test.RenderObjectToMarkup(o), "Article 1") {
			found = true
		}
	}
	if !found {
		t.Error("summary does not say which article each sentence came from")
	}
	// Reorder: the second article moves to the top and stays there.
	second := b.Articles[1].Title
	h.d.view.onMoveArticle(1, -1)
	h.flush()
	if got := h.d.view.current().Articles[0].Title; got != second {
		t.Errorf("after moving up, first article %q, want %q", got, second)
	}
	stored, err := h.eng.Briefing(t.Context(), b.ID)
	if err != nil || stored.Articles[0].Title != second {
		t.Fatalf("reorder not saved: %v", err)
	}
	h.d.view.removeArticle(0)
	h.flush()
	if n := len(h.d.view.current().Articles); n != 1 {
		t.Errorf("after removing, %d articles", n)
	}
}

func TestSearchShowsHighlightedSnippets(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"), fixture(t, "drought-aid.txt"))
	test.Type(h.d.sidebar.search, "convoy")
	h.flush()
	items := h.d.sidebar.items
	if len(items) != 1 || !strings.Contains(items[0].Title, "Drought") {
		t.Fatalf("search results %+v, want the drought briefing", items)
	}
	if items[0].Snippet.Text == "" {
		t.Fatal("no snippet")
	}
	segs := snippetSegments(items[0].Snippet)
	bold := false
	for _, s := range segs {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold && strings.EqualFold(ts.Text, "convoy") {
			bold = true
		}
	}
	if !bold {
		t.Errorf("match not bold in %q", items[0].Snippet.Text)
	}
	if !strings.Contains(h.d.sidebar.count.Text, "1 briefing match") {
		t.Errorf("count %q", h.d.sidebar.count.Text)
	}
	h.d.sidebar.search.SetText("zzzunknownword")
	h.flush()
	if len(h.d.sidebar.items) != 0 || !h.d.sidebar.empty.Visible() {
		t.Error("no-match search should show the empty hint")
	}
}

func TestSelectOpensBriefing(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"), fixture(t, "drought-aid.txt"))
	h.d.sidebar.list.Select(1)
	h.flush()
	want := h.d.sidebar.items[1].Title
	if b := h.d.view.current(); b == nil || b.Title != want {
		t.Fatalf("open briefing %v, want %q", b, want)
	}
	// Arrow keys move through the list when nothing has focus.
	h.d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	h.flush()
	if b := h.d.view.current(); b.Title != h.d.sidebar.items[0].Title {
		t.Errorf("after Up, open %q", b.Title)
	}
}

func TestLengthChangeResummarises(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	v := h.d.view
	v.length.SetValue(2)
	v.length.OnChangeEnded(2)
	h.flush()
	if n := len(v.current().Analysis.Summary.Sentences); n != 2 {
		t.Fatalf("summary has %d sentences, want 2", n)
	}
	if v.lengthLabel.Text != "2 sentences" {
		t.Errorf("length label %q", v.lengthLabel.Text)
	}
	stored, err := h.eng.Briefing(t.Context(), v.current().ID)
	if err != nil || stored.Length.Sentences != 2 {
		t.Fatalf("length not saved: %+v %v", stored.Length, err)
	}
	test.Tap(v.fit)
	h.flush()
	if !v.length.Disabled() || v.current().Length.Words != fitWords {
		t.Errorf("fit one page: slider disabled %v, length %+v", v.length.Disabled(), v.current().Length)
	}
}

func TestPinAndDropSentence(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	v := h.d.view
	find := func(state spanState) (*prose, int, span) {
		for _, p := range v.paragraphs {
			for i, s := range p.spans {
				if s.state == state {
					return p, i, s
				}
			}
		}
		t.Fatalf("no sentence in state %d", state)
		return nil, 0, span{}
	}
	p, i, chosen := find(spanChosen)
	p.tapSpan(i)
	h.flush()
	b := v.current()
	if !slices.Contains(b.Edits.Dropped, chosen.ref) {
		t.Fatalf("dropped %+v not in edits %+v", chosen.ref, b.Edits)
	}
	for _, s := range b.Analysis.Summary.Sentences {
		if s.SentenceRef == chosen.ref {
			t.Fatal("dropped sentence still in the summary")
		}
	}
	p, i, plain := find(spanPlain)
	p.tapSpan(i)
	h.flush()
	b = v.current()
	in := false
	for _, s := range b.Analysis.Summary.Sentences {
		in = in || s.SentenceRef == plain.ref
	}
	if !slices.Contains(b.Edits.Pinned, plain.ref) || !in {
		t.Fatalf("pinned %+v: edits %+v, in summary %v", plain.ref, b.Edits, in)
	}
	stored, err := h.eng.Briefing(t.Context(), b.ID)
	if err != nil || !slices.Contains(stored.Edits.Pinned, plain.ref) {
		t.Fatalf("pin not saved: %v", err)
	}
	// A real click on the pinned sentence's words drops it again.
	p, i, _ = find(spanPinned)
	runs, _ := p.flow(p.Size().Width)
	for _, r := range runs {
		if r.span == i {
			test.TapAt(p, r.pos.AddXY(2, 2))
			break
		}
	}
	h.flush()
	if slices.Contains(v.current().Edits.Pinned, plain.ref) {
		t.Error("clicking the pinned sentence did not drop it")
	}
	test.Tap(v.resetEdits)
	h.flush()
	if e := v.current().Edits; len(e.Pinned)+len(e.Dropped) != 0 {
		t.Errorf("reset left edits %+v", e)
	}
}

func TestActorCardFiltersText(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	v := h.d.view
	if len(v.cards) == 0 {
		t.Fatal("no actor cards")
	}
	a := v.current().Analysis.Actors[0]
	test.Tap(v.cards[0])
	if !v.filterBar.Visible() || !v.cards[0].selected {
		t.Fatal("filter not shown")
	}
	want := map[domain.SentenceRef]bool{}
	for _, r := range a.Sentences {
		want[r] = true
	}
	if len(v.paragraphs) != len(want) {
		t.Errorf("filtered text shows %d sentences, actor has %d", len(v.paragraphs), len(want))
	}
	test.Tap(v.cards[0])
	if v.filterBar.Visible() || len(v.paragraphs) <= len(want) {
		t.Error("tapping the card again should show all text")
	}
}

func TestExportWritesFiles(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	p := h.d.showPreview(false)
	if p == nil || p.page.page == nil {
		t.Fatal("no preview page")
	}
	dir := t.TempDir()
	for _, f := range exportFormats {
		path := filepath.Join(dir, fileName(h.d.view.current().Title)+f.ext())
		out, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		p.exportTo(out, f, path, func() { out.Close() })
		h.flush()
		if got := h.d.status.Text; !strings.Contains(got, filepath.Base(path)) || !strings.Contains(got, dir) {
			t.Errorf("status after export = %q, want the file and folder", got)
		}
		data, err := os.ReadFile(path)
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: empty export (%v)", f, err)
		}
		switch f {
		case formatPDF:
			if !strings.HasPrefix(string(data), "%PDF") {
				t.Errorf("PDF export starts %q", data[:8])
			}
		case formatDOCX:
			if !strings.HasPrefix(string(data), "PK") {
				t.Errorf("DOCX export is not a zip")
			}
		default:
			if !strings.Contains(string(data), "Velmora") {
				t.Errorf("%s export lacks the story: %.200s", f, data)
			}
		}
	}
}

func TestPrintHandsPDFToSystem(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	p := h.d.showPreview(true)
	h.flush()
	if !p.printerBox.Visible() || p.printer.Selected != "Office laser (Office)" {
		t.Fatalf("printer choice %q (visible %v)", p.printer.Selected, p.printer.Visible())
	}
	test.Tap(p.print)
	h.flush()
	if h.printed == "" {
		t.Fatal("nothing printed")
	}
	defer os.Remove(h.printed)
	data, err := os.ReadFile(h.printed)
	if err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Fatalf("printed file is not a PDF: %v", err)
	}
	if h.printer != "Office" || h.d.status.Text != "Brief sent to Office." {
		t.Errorf("status %q", h.d.status.Text)
	}
}

func TestPreferencesSaved(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	p := newPreferences(h.d)
	p.show()
	p.paper.SetSelected("Letter")
	p.length.SetSelected("Fit one page")
	test.Type(p.classification, "RESTRICTED")
	test.Tap(p.save)
	pr := h.d.prefs
	if pr.String(prefPaper) != "letter" || pr.Int(prefDefaultLength) != fitOnePage || pr.String(prefClassification) != "RESTRICTED" {
		t.Fatalf("prefs: paper %q length %d class %q", pr.String(prefPaper), pr.Int(prefDefaultLength), pr.String(prefClassification))
	}
	if o := h.d.briefOptions(); o.Paper != "letter" || o.Classification != "RESTRICTED" {
		t.Errorf("brief options %+v", o)
	}
	if !h.d.view.classification.Visible() || h.d.view.classification.Text != "RESTRICTED" {
		t.Error("open briefing does not show the classification line")
	}
	// A reopened dialog shows what was saved.
	q := newPreferences(h.d)
	q.show()
	if q.paper.Selected != "Letter" || q.length.Selected != "Fit one page" || q.classification.Text != "RESTRICTED" {
		t.Errorf("reopened prefs: %q %q %q", q.paper.Selected, q.length.Selected, q.classification.Text)
	}
}

func TestDeleteWithUndo(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	id := h.d.view.current().ID
	h.d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if h.d.view.current() != nil || len(h.d.sidebar.items) != 0 {
		t.Fatal("delete did not clear the view and list")
	}
	h.flush()
	if !h.d.undoButton.Visible() || !strings.Contains(h.d.status.Text, "trash") {
		t.Fatalf("after the delete: undo visible %v, status %q", h.d.undoButton.Visible(), h.d.status.Text)
	}
	if _, err := h.eng.Briefing(t.Context(), id); domain.KindOf(err) != domain.NotFound {
		t.Errorf("deleted briefing still listed by the library: %v", err)
	}
	if tr, _ := h.eng.Trash(t.Context(), 0); len(tr) != 1 || tr[0].Briefing != id {
		t.Errorf("trash holds %+v, want the briefing", tr)
	}
	test.Tap(h.d.undoButton)
	h.flush()
	if b := h.d.view.current(); b == nil || b.ID != id || len(h.d.sidebar.items) != 1 {
		t.Fatal("undo did not bring the briefing back")
	}
	// Redo deletes it again; the shortcut works like the menu.
	h.w.Canvas().(fyne.Shortcutable).TypedShortcut(scRedo)
	h.flush()
	if h.d.view.current() != nil || len(h.d.sidebar.items) != 0 {
		t.Errorf("redo did not delete again: view %v, %d listed", h.d.view.current(), len(h.d.sidebar.items))
	}
}

func TestPasteTextMakesBriefing(t *testing.T) {
	h := newHarness(t)
	data, err := os.ReadFile(fixture(t, "drought-aid.txt"))
	if err != nil {
		t.Fatal(err)
	}
	h.d.app.Clipboard().SetContent(string(data))
	h.d.onPaste()
	h.flush()
	if b := h.d.view.current(); b == nil || !strings.Contains(b.Title, "Drought") {
		t.Fatalf("pasted text did not open as a briefing: %v (status %q)", b, h.d.status.Text)
	}
	if !isLink("https://example.org/a") || isLink("two words") || isLink("ftp://x") {
		t.Error("isLink")
	}
}

func TestStartImportsSamplesAndArguments(t *testing.T) {
	h := newHarness(t)
	h.d.start([]string{fixture(t, "drought-aid.txt")})
	h.flush()
	items, err := h.eng.List(t.Context(), domain.ListQuery{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) < 2 || len(h.d.sidebar.items) != len(items) {
		t.Fatalf("library %d items, list %d: samples and argument not imported", len(items), len(h.d.sidebar.items))
	}
	if b := h.d.view.current(); b == nil || !strings.Contains(b.Title, "Drought") {
		t.Errorf("the argument's briefing is not open: %v", b)
	}
}

func TestParagraphSpansCoverBody(t *testing.T) {
	a := &domain.Article{Paragraphs: []string{"One two. Three four.", "Five six."}}
	body := a.Body()
	sents := []domain.Sentence{
		{SentenceRef: domain.SentenceRef{Index: 0}, Start: 0, End: 8},
		{SentenceRef: domain.SentenceRef{Index: 1}, Start: 9, End: 20},
		{SentenceRef: domain.SentenceRef{Index: 2}, Start: 22, End: 31},
	}
	if body[22:31] != "Five six." {
		t.Fatalf("fixture offsets wrong: %q", body[22:31])
	}
	chosen := map[domain.SentenceRef]spanState{{Index: 1}: spanChosen}
	paras := paragraphSpans(a, sents, chosen)
	if len(paras) != 2 || len(paras[0]) != 3 || paras[0][1].state != spanGap || paras[0][2].state != spanChosen || paras[1][0].text != "Five six." {
		t.Fatalf("spans %+v", paras)
	}
}

func TestRenameAndDefaultLength(t *testing.T) {
	h := newHarness(t)
	h.d.prefs.SetInt(prefDefaultLength, 2)
	h.drop(sidebarPos, fixture(t, "drought-aid.txt"))
	h.flush()
	b := h.d.view.current()
	if b.Length.Sentences != 2 || len(b.Analysis.Summary.Sentences) != 2 {
		t.Fatalf("default length not applied: %+v, %d sentences", b.Length, len(b.Analysis.Summary.Sentences))
	}
	h.d.view.rename("  Saldera drought:\nrelief update ")
	h.flush()
	stored, err := h.eng.Briefing(t.Context(), b.ID)
	if err != nil || stored.Title != "Saldera drought: relief update" {
		t.Fatalf("rename not saved: %q %v", stored.Title, err)
	}
	if h.d.sidebar.items[0].Title != stored.Title {
		t.Errorf("library list shows %q", h.d.sidebar.items[0].Title)
	}
}

func TestUnopenableLibraryOffersNewOne(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, []byte("this is not a database, just some text that happens to be here"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := engine.Open(path)
	if err == nil {
		t.Fatal("the engine opened a non-database file as a library")
	}
	started := false
	showOpenFailure(a, w, path, err, func(*engine.Engine) { started = true })
	markup := test.RenderObjectToMarkup(w.Content())
	for _, want := range []string{"could not open the library", path, "Create a new library", "Quit"} {
		if !strings.Contains(markup, want) {
			t.Errorf("failure screen lacks %q", want)
		}
	}
	if started {
		t.Error("window started on a library that did not open")
	}
}

func TestImportContinuesInBackground(t *testing.T) {
	h := newHarness(t)
	h.d.onDrop(sidebarPos, []fyne.URI{storage.NewFileURI(fixture(t, "harbour-talks.txt")), storage.NewFileURI(fixture(t, "drought-aid.txt"))})
	job := h.d.lastJob
	test.Tap(job.hide)
	if !job.background || !h.d.progressBox.Visible() || !h.d.details.Visible() {
		t.Fatal("background import shows no progress in the status bar")
	}
	h.flush()
	if h.d.progressBox.Visible() || h.d.details.Text != "Show results" {
		t.Errorf("after the import: progress visible %v, button %q", h.d.progressBox.Visible(), h.d.details.Text)
	}
	if !strings.Contains(h.d.status.Text, "2 imported") {
		t.Errorf("status %q", h.d.status.Text)
	}
	test.Tap(h.d.details)
	if h.d.dialog == nil || h.d.details.Visible() {
		t.Error("Show results did not bring the dialog back")
	}
}

func TestPrintWithoutCUPSFallsBackToViewer(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "drought-aid.txt"))
	p := h.d.showPreview(true)
	p.queues = nil
	p.onPrinters(nil, cups.ErrNoPrinting)
	if p.printerBox.Visible() {
		t.Error("printer choice shown without printers")
	}
	if !strings.Contains(richText(p.note), "PDF viewer") {
		t.Errorf("note %q does not say where the brief goes", richText(p.note))
	}
}

// TestPrintThroughCUPS prints for real on the virtual PDF printer that
// `make test` sets up (scripts/cups-pdf.sh) and names in
// BRIEFDESK_TEST_PRINTER; without it the test does not run.
func TestPrintThroughCUPS(t *testing.T) {
	queue := os.Getenv("BRIEFDESK_TEST_PRINTER")
	if queue == "" {
		t.Skip("no virtual PDF printer: BRIEFDESK_TEST_PRINTER unset (make test sets it)")
	}
	ps, err := cups.Printers(t.Context())
	if err != nil {
		t.Fatalf("list printers: %v", err)
	}
	ps = slices.DeleteFunc(ps, func(p cups.Printer) bool { return p.Name != queue })
	if len(ps) == 0 {
		t.Fatalf("CUPS does not list the test printer %s", queue)
	}
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "drought-aid.txt"))
	path, err := writeTempPDF(h.d, h.d.view.current(), h.d.briefOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(path)
	msg, err := h.d.printPDF(path, ps[0].Name, "Briefdesk test")
	if err != nil {
		t.Fatalf("print on %s: %v", ps[0].Name, err)
	}
	if !strings.Contains(msg, ps[0].Name) {
		t.Errorf("status %q does not name the printer", msg)
	}
}

// richText returns the plain text of a RichText.
func richText(rt *widget.RichText) string {
	var b strings.Builder
	for _, s := range rt.Segments {
		b.WriteString(s.Textual())
	}
	return b.String()
}

func TestActorFindsOtherBriefings(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-reaction.txt"), fixture(t, "drought-aid.txt"), fixture(t, "harbour-talks.txt"))
	h.d.sidebar.list.Select(0)
	h.flush()
	v := h.d.view
	okafor := -1
	for i, a := range v.current().Analysis.Actors {
		if strings.Contains(a.Name, "Okafor") {
			okafor = i
		}
	}
	if okafor < 0 || okafor >= len(v.cards) {
		t.Fatalf("no card for Lena Okafor, who is quoted in both harbour stories: %+v", v.current().Analysis.Actors)
	}
	test.Tap(v.cards[okafor])
	if !v.findActor.Visible() {
		t.Fatal("no way to find the actor in other briefings")
	}
	test.Tap(v.findActor)
	h.flush()
	s := h.d.sidebar
	if !s.actor.Visible() || len(s.items) != 2 {
		t.Fatalf("actor filter: chip visible %v, %d briefings (want the 2 harbour ones): %+v", s.actor.Visible(), len(s.items), s.items)
	}
	test.Tap(s.actor)
	h.flush()
	if s.actor.Visible() || len(s.items) != 3 {
		t.Errorf("clearing the actor filter shows %d briefings", len(s.items))
	}
}

func TestShortcuts(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	sc, ok := h.w.Canvas().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("the window's canvas (%T) takes no shortcuts", h.w.Canvas())
	}
	sc.TypedShortcut(scFind)
	if h.w.Canvas().Focused() != h.d.sidebar.search {
		t.Error("Ctrl+F does not focus the search box")
	}
	h.w.Canvas().Unfocus()
	for _, s := range []*desktop.CustomShortcut{scPrint, scExport, scPrefs} {
		sc.TypedShortcut(s)
		h.flush()
		if h.d.dialog == nil {
			t.Fatalf("%s opened no dialog", s.ShortcutName())
		}
		h.d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if h.d.dialog != nil {
			t.Fatalf("Escape did not close the dialog of %s", s.ShortcutName())
		}
	}
}

// TestActorCardRevealsText checks that tapping an actor card scrolls the
// left column to the filtered text, which otherwise sits below the summary,
// out of sight, so the tap seemed to do nothing.
func TestActorCardRevealsText(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	h.drop(viewPos, fixture(t, "harbour-reaction.txt"))
	v := h.d.view
	if len(v.cards) == 0 {
		t.Fatal("no actor cards")
	}
	h.w.Resize(fyne.NewSize(1024, 700)) // the smallest window: the text starts below the fold
	v.left.ScrollToTop()
	if y := v.textSection.Position().Y; y+100 < v.left.Size().Height {
		t.Fatalf("the article text (at %v) is in view without scrolling (%v high): the test no longer checks the scroll", y, v.left.Size().Height)
	}
	test.Tap(v.cards[0])
	if v.left.Offset.Y <= 0 {
		t.Fatalf("left column still at offset %v after tapping an actor (content %v, view %v, text at %v)", v.left.Offset.Y, v.left.Content.MinSize(), v.left.Size(), v.textSection.Position())
	}
	top := v.left.Offset.Y
	if y := v.textSection.Position().Y; y < top || y+100 > top+v.left.Size().Height {
		t.Errorf("article text at %v is not in view (scrolled to %v)", y, top)
	}
	if !v.filterBar.Visible() {
		t.Error("filter bar hidden")
	}
}

// TestAboutVersionOnItsOwnLine checks that the About box does not run the
// version into the description after it.
func TestAboutVersionOnItsOwnLine(t *testing.T) {
	h := newHarness(t)
	h.d.onAbout()
	markup := test.RenderToMarkup(h.w.Canvas())
	y := func(text string) string {
		m := regexp.MustCompile(`<text[^>]* pos="\d+,(\d+)"[^>]*>` + regexp.QuoteMeta(text)).FindStringSubmatch(markup)
		if m == nil {
			t.Fatalf("no %q in the About box", text)
		}
		return m[1]
	}
	if y("Version ") == y("From dropped") {
		t.Error("the version shares a line with the description")
	}
}

// TestClearFiltersAfterNoMatch checks the way back from an empty result: one
// button clears the search and every filter and lists the library again.
func TestClearFiltersAfterNoMatch(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"), fixture(t, "drought-aid.txt"))
	s := h.d.sidebar
	s.period.SetSelected(periodToday)
	s.search.SetText("zzzunknownword")
	h.fireTimers()
	h.flush()
	if len(s.items) != 0 || !s.clear.Visible() {
		t.Fatalf("no-match search: %d items, clear button visible %v", len(s.items), s.clear.Visible())
	}
	test.Tap(s.clear)
	h.fireTimers()
	h.flush()
	if s.search.Text != "" || s.period.Selected != periodAll || s.filtered() {
		t.Errorf("filters not cleared: search %q, period %q", s.search.Text, s.period.Selected)
	}
	if len(s.items) != 2 || s.clear.Visible() || s.empty.Visible() {
		t.Errorf("after clearing: %d items (want 2), clear visible %v, empty visible %v", len(s.items), s.clear.Visible(), s.empty.Visible())
	}
}

// TestSearchTooLongSaysWhy checks that a pasted page in the search box gets
// the library's reason, not "could not be read" with a raw SQLite error.
func TestSearchTooLongSaysWhy(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	test.Type(h.d.sidebar.search, strings.Repeat("harbour -talks ", 40))
	h.fireTimers()
	h.flush()
	if got := h.d.sidebar.count.Text; !strings.Contains(got, "too many words") || strings.Contains(got, "could not be read") {
		t.Errorf("count label %q", got)
	}
}
