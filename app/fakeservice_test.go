package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/domain"
)

// fakeService is an in-memory service for window tests that must not
// depend on the language analysis or on SQLite: briefings are built by
// hand, and any method can be made to fail with a chosen error. The
// end-to-end tests in desk_test.go and edit_test.go run on the real engine.
type fakeService struct {
	service // nil: a method the fake does not offer panics, naming itself

	mu        sync.Mutex
	briefings map[int64]*domain.Briefing
	order     []int64 // newest first, as the library lists them
	trash     map[int64]*domain.Briefing
	fail      map[string]error // method name -> the error it returns
	calls     []string
	imported  int
}

func newFakeService(bs ...*domain.Briefing) *fakeService {
	f := &fakeService{briefings: map[int64]*domain.Briefing{}, trash: map[int64]*domain.Briefing{}, fail: map[string]error{}}
	for _, b := range bs {
		f.briefings[b.ID] = b
		f.order = append(f.order, b.ID)
	}
	return f
}

// called records a call and returns the error set for it.
func (f *fakeService) called(name string) error {
	f.calls = append(f.calls, name)
	return f.fail[name]
}

// count is how often name was called.
func (f *fakeService) count(name string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if c == name {
			n++
		}
	}
	return n
}

func (f *fakeService) setFail(name string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail[name] = err
}

func (f *fakeService) item(b *domain.Briefing) domain.BriefingItem {
	it := domain.BriefingItem{ID: b.ID, Title: b.Title, Articles: len(b.Articles), Date: b.Created, DateBy: domain.DateImported}
	var srcs []string
	for _, a := range b.Articles {
		if a.Source != "" && !slices.Contains(srcs, a.Source) {
			srcs = append(srcs, a.Source)
		}
		if !a.Published.IsZero() && a.Published.After(it.Date) || it.DateBy == domain.DateImported && !a.Published.IsZero() {
			it.Date, it.DateBy = a.Published, domain.DatePublished
		}
	}
	it.Sources = strings.Join(srcs, ", ")
	return it
}

func (f *fakeService) List(_ context.Context, q domain.ListQuery) ([]domain.BriefingItem, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.called("List"); err != nil {
		return nil, err
	}
	var out []domain.BriefingItem
	for _, id := range f.order {
		b := f.briefings[id]
		if q.Search != "" && !strings.Contains(strings.ToLower(b.Title), strings.ToLower(q.Search)) {
			continue
		}
		out = append(out, f.item(b))
	}
	if q.Offset >= len(out) {
		return nil, nil
	}
	out = out[q.Offset:]
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

func (f *fakeService) Sources(context.Context, int) ([]domain.Count, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return nil, f.called("Sources")
}

func (f *fakeService) Briefing(_ context.Context, id int64) (*domain.Briefing, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.called("Briefing"); err != nil {
		return nil, err
	}
	b, ok := f.briefings[id]
	if !ok {
		return nil, &domain.Error{Op: "Briefing", Kind: domain.NotFound, Reason: "the briefing is no longer in the library"}
	}
	return cloneBriefing(b), nil
}

// Edit applies a rename or a new length; the summary stays as built.
func (f *fakeService) Edit(_ context.Context, id int64, ch domain.Change) (*domain.Briefing, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.called("Edit"); err != nil {
		return nil, err
	}
	b, ok := f.briefings[id]
	if !ok {
		return nil, &domain.Error{Op: "Edit", Kind: domain.NotFound, Reason: "the briefing is no longer in the library"}
	}
	switch ch.Kind {
	case domain.Rename:
		b.Title = ch.Title
	case domain.SetLength:
		b.Length = ch.Length
	default:
		return nil, fmt.Errorf("fake: edit %q not offered", ch.Kind)
	}
	b.Version++
	return cloneBriefing(b), nil
}

func (f *fakeService) Delete(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.called("Delete"); err != nil {
		return err
	}
	f.trash[id] = f.briefings[id]
	delete(f.briefings, id)
	f.order = slices.DeleteFunc(f.order, func(x int64) bool { return x == id })
	return nil
}

func (f *fakeService) Undelete(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.called("Undelete"); err != nil {
		return err
	}
	b, ok := f.trash[id]
	if !ok {
		return &domain.Error{Op: "Undelete", Kind: domain.NotFound, Reason: "it is no longer in the trash"}
	}
	delete(f.trash, id)
	f.briefings[id] = b
	f.order = append([]int64{id}, f.order...)
	return nil
}

// Import makes one briefing per source, titled after the file, unless
// Import is set to fail: then every source fails with that error's message.
func (f *fakeService) Import(ctx context.Context, sources []string, into int64, progress func(domain.Progress)) []domain.ImportResult {
	var results []domain.ImportResult
	for i, src := range sources {
		f.mu.Lock()
		err := f.called("Import")
		r := domain.ImportResult{Path: src}
		if err != nil {
			r.Status, r.Detail = domain.Failed, domain.Message(err)
		} else {
			f.imported++
			id := int64(1000 + f.imported)
			title := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
			b := &domain.Briefing{ID: id, Title: title, Created: time.Date(2026, 3, 15, 11, 0, 0, 0, time.Local),
				Articles: []*domain.Article{{ID: id, Title: title, Paragraphs: []string{"Imported text."}}},
				Analysis: &domain.Analysis{}}
			f.briefings[id] = b
			f.order = append([]int64{id}, f.order...)
			r.Status, r.Detail, r.ArticleID, r.BriefingID = domain.Imported, title, id, id
		}
		f.mu.Unlock()
		results = append(results, r)
		if progress != nil {
			progress(domain.Progress{Done: i + 1, Total: len(sources), Result: r})
		}
	}
	return results
}

func (f *fakeService) Backup(_ context.Context, dest string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.called("Backup")
}

func (f *fakeService) Verify(context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.called("Verify")
}

func (f *fakeService) Damaged() error { return nil }

func (f *fakeService) Path() string { return "/home/officer/.config/briefdesk/library.db" }

func (f *fakeService) Stats(context.Context) (domain.LibraryStats, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return domain.LibraryStats{Briefings: len(f.briefings), Trash: len(f.trash)}, f.called("Stats")
}

// labels returns the text of every label under o, in order.
func labels(t *testing.T, o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// dialogText is the text of the dialog on top, "" when none is shown.
func (h *harness) dialogText() string {
	top := h.w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return strings.Join(labels(h.t, top), "\n")
}

func fakeBriefings() (*domain.Briefing, *domain.Briefing) {
	a := goldenBriefing()
	a.Created = time.Date(2026, 3, 15, 9, 0, 0, 0, time.Local)
	b := &domain.Briefing{ID: 8, Title: "Drought relief convoy reaches northern Saldera",
		Created:  time.Date(2026, 3, 15, 8, 0, 0, 0, time.Local),
		Articles: []*domain.Article{{ID: 80, Title: "Drought relief convoy reaches northern Saldera", Paragraphs: []string{"The convoy arrived."}}},
		Analysis: &domain.Analysis{}}
	return a, b
}

func TestFakeListsAndOpens(t *testing.T) {
	a, b := fakeBriefings()
	svc := newFakeService(a, b)
	h := newHarnessOn(t, svc)
	if len(h.d.sidebar.items) != 2 || h.d.sidebar.items[0].ID != a.ID || h.d.sidebar.items[1].ID != b.ID {
		t.Fatalf("listed %+v, want briefings %d and %d in the service's order", h.d.sidebar.items, a.ID, b.ID)
	}
	h.d.openBriefing(b.ID)
	h.flush()
	if cur := h.d.view.current(); cur == nil || cur.ID != b.ID || h.d.view.title.Text != b.Title {
		t.Fatalf("open briefing %+v, want %q", cur, b.Title)
	}
}

// An error with no reason for the officer (a raw storage error) is shown
// as an internal error, with the detail only in the log.
func TestRawErrorReachesUserAsInternal(t *testing.T) {
	a, b := fakeBriefings()
	svc := newFakeService(a, b)
	h := newHarnessOn(t, svc)
	svc.setFail("Briefing", errors.New("library.Briefing /tmp/x.db: sqlite3: disk I/O error"))
	h.d.openBriefing(a.ID)
	h.flush()
	got := h.dialogText()
	if !strings.Contains(got, "Could not open the briefing") || !strings.Contains(strings.ToLower(got), "internal error") {
		t.Fatalf("dialog %q, want the internal-error message", got)
	}
	if strings.Contains(got, "sqlite3") || strings.Contains(got, "/tmp/x.db") {
		t.Errorf("dialog shows the raw error: %q", got)
	}
	if svc.count("List") < 2 {
		t.Error("the library list was not refreshed after the failed open")
	}
}

// A list that cannot be read says so in the list, with the reason.
func TestListFailureSaysWhy(t *testing.T) {
	svc := newFakeService()
	svc.setFail("List", &domain.Error{Op: "List", Kind: domain.Internal, Reason: "the library file is locked by another program"})
	h := newHarnessOn(t, svc)
	if got := h.d.sidebar.count.Text; !strings.Contains(got, "could not be read") || !strings.Contains(got, "locked by another program") {
		t.Errorf("list says %q", got)
	}
}

// An edit refused as a conflict (the briefing changed elsewhere) reloads the
// briefing and says to make the change again.
func TestEditConflictReloads(t *testing.T) {
	a, b := fakeBriefings()
	svc := newFakeService(a, b)
	h := newHarnessOn(t, svc)
	h.d.openBriefing(b.ID)
	h.flush()
	before := svc.count("Briefing")
	svc.setFail("Edit", &domain.Error{Op: "Edit", Kind: domain.Conflict, Reason: "the briefing was changed in another window"})
	h.d.view.rename("New title")
	h.flush()
	if got := h.dialogText(); !strings.Contains(got, "changed in another window") || !strings.Contains(got, "make the change again") {
		t.Fatalf("dialog %q", got)
	}
	if svc.count("Briefing") <= before {
		t.Error("the briefing was not reloaded after the conflict")
	}
	if h.d.view.title.Text != b.Title {
		t.Errorf("title %q after a refused rename, want the stored %q", h.d.view.title.Text, b.Title)
	}
	if len(h.d.history.done) != 0 {
		t.Error("a refused edit was recorded for Undo")
	}
}

// A failed backup names the reason and what to do, and is not remembered as
// the latest backup.
func TestBackupFailureSaysWhatToDo(t *testing.T) {
	svc := newFakeService()
	h := newHarnessOn(t, svc)
	svc.setFail("Backup", &domain.Error{Op: "Backup", Kind: domain.Invalid, Path: "/media/usb/b.db", Reason: "the disk is full"})
	h.d.backup("/media/usb/b.db")
	h.flush()
	got := h.dialogText()
	if !strings.Contains(got, "Could not back up the library") || !strings.Contains(got, "the disk is full") || !strings.Contains(got, "a disk with room") {
		t.Fatalf("dialog %q", got)
	}
	if last := h.d.prefs.String(prefLastBackup); last != "" {
		t.Errorf("failed backup remembered as the latest: %q", last)
	}
}

// Import results from the service reach the list and the summary line.
func TestFakeImportReportsEachSource(t *testing.T) {
	svc := newFakeService()
	h := newHarnessOn(t, svc)
	h.drop(sidebarPos, "/news/a.txt", "/news/b.txt")
	if len(h.d.sidebar.items) != 2 {
		t.Fatalf("%d listed after importing two", len(h.d.sidebar.items))
	}
	if job := h.d.lastJob; job == nil || job.summary.Text != "2 imported." {
		t.Fatalf("import summary %v", job)
	}
	svc.setFail("Import", &domain.InputError{Path: "/news/c.pdf", Reason: "PDF has no text layer (scanned image?)"})
	h.drop(sidebarPos, "/news/c.pdf")
	job := h.d.lastJob
	if job.summary.Text != "0 imported, 1 failed." || len(job.results) != 1 || !strings.Contains(job.results[0].Detail, "no text layer") {
		t.Errorf("import summary %q, results %+v", job.summary.Text, job.results)
	}
	if len(h.d.sidebar.items) != 2 {
		t.Errorf("%d listed after a failed import, want 2", len(h.d.sidebar.items))
	}
}
