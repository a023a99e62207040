package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/domain"
)

// firstSpan returns the first sentence of the article text in state.
func firstSpan(t *testing.T, v *briefingView, state spanState) (*prose, int, span) {
	t.Helper()
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

// The lost-article bug, in the window: the officer has a briefing open, an
// import adds an article to it in the background (here straight through the
// engine, as another drop or the command line would), and the officer pins
// a sentence in the copy on screen. Both articles stay.
func TestStaleWindowEditKeepsImport(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	v := h.d.view
	id := v.current().ID
	r := h.eng.Import(t.Context(), []string{fixture(t, "harbour-reaction.txt")}, id, nil)[0]
	if r.Status != domain.Imported {
		t.Fatalf("background import: %+v", r)
	}
	if n := len(v.current().Articles); n != 1 {
		t.Fatalf("the window's copy should be stale (1 article), has %d", n)
	}
	p, i, _ := firstSpan(t, v, spanPlain)
	p.tapSpan(i)
	h.flush()
	b, err := h.eng.Briefing(t.Context(), id)
	if err != nil || len(b.Articles) != 2 || len(b.Edits.Pinned) != 1 {
		t.Fatalf("after the pin: %d articles, edits %+v, %v", len(b.Articles), b.Edits, err)
	}
	if _, err := h.eng.Article(t.Context(), r.ArticleID, false); err != nil {
		t.Errorf("the imported article is gone: %v", err)
	}
	if n := len(v.current().Articles); n != 2 {
		t.Errorf("the window shows %d articles after the edit, want the 2 stored", n)
	}
}

// A dropped sentence stays in the article text, struck through; clicking
// it brings it back, and Ctrl+Z takes back each edit in turn.
func TestDroppedSentenceStaysVisibleAndUndo(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	v := h.d.view
	p, i, chosen := firstSpan(t, v, spanChosen)
	p.tapSpan(i)
	h.flush()
	_, _, dropped := firstSpan(t, v, spanDropped)
	if dropped.ref != chosen.ref || !slices.Contains(v.current().Edits.Dropped, chosen.ref) {
		t.Fatalf("dropped %+v shows as %+v", chosen.ref, dropped.ref)
	}
	if h.d.undoItem.Label != "Undo drop sentence" || h.d.undoItem.Disabled {
		t.Errorf("Edit menu says %q (disabled %v)", h.d.undoItem.Label, h.d.undoItem.Disabled)
	}
	// Clicking the struck sentence lets the summary choose again.
	p, i, _ = firstSpan(t, v, spanDropped)
	p.tapSpan(i)
	h.flush()
	if e := v.current().Edits; len(e.Dropped) != 0 {
		t.Fatalf("still dropped: %+v", e)
	}
	sc := h.w.Canvas().(fyne.Shortcutable)
	sc.TypedShortcut(&fyne.ShortcutUndo{})
	h.flush()
	if e := v.current().Edits; !slices.Equal(e.Dropped, []domain.SentenceRef{chosen.ref}) {
		t.Fatalf("first undo: edits %+v, want the drop back", e)
	}
	sc.TypedShortcut(&fyne.ShortcutUndo{})
	h.flush()
	stored, _ := h.eng.Briefing(t.Context(), v.current().ID)
	if e := stored.Edits; len(e.Dropped)+len(e.Pinned) != 0 {
		t.Fatalf("second undo: stored edits %+v, want none", e)
	}
	if h.d.redoItem.Disabled || h.d.redoItem.Label != "Redo drop sentence" {
		t.Errorf("Redo reads %q", h.d.redoItem.Label)
	}
	h.d.onRedo()
	h.flush()
	if e := v.current().Edits; !slices.Equal(e.Dropped, []domain.SentenceRef{chosen.ref}) {
		t.Errorf("redo: edits %+v", e)
	}
	// Rename and length are undone too.
	old := v.current().Title
	v.rename("A new title")
	h.flush()
	h.d.onUndo()
	h.flush()
	if got := v.current().Title; got != old {
		t.Errorf("undone rename shows %q, want %q", got, old)
	}
}

// Taking an article out keeps it in the library as a briefing of its own;
// Undo puts it back, Redo takes it out again.
func TestTakeOutArticleUndoRedo(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	h.drop(viewPos, fixture(t, "harbour-reaction.txt"))
	v := h.d.view
	id := v.current().ID
	second := v.current().Articles[1]
	v.onRemoveArticle(1)
	h.flush()
	if n := len(v.current().Articles); n != 1 {
		t.Fatalf("after taking out: %d articles", n)
	}
	if len(h.d.sidebar.items) != 2 {
		t.Errorf("the article taken out is not listed as a briefing of its own: %d listed", len(h.d.sidebar.items))
	}
	if hits, _ := h.eng.Search(t.Context(), "freight rates", 5); len(hits) != 1 || hits[0].BriefingID == id {
		t.Errorf("search for the article taken out: %+v", hits)
	}
	h.d.onUndo()
	h.flush()
	b := v.current()
	if b == nil || b.ID != id || len(b.Articles) != 2 || b.Articles[1].ID != second.ID || len(h.d.sidebar.items) != 1 {
		t.Fatalf("undo did not put it back: %+v, %d listed", b, len(h.d.sidebar.items))
	}
	h.d.onRedo()
	h.flush()
	if n := len(h.d.view.current().Articles); n != 1 || len(h.d.sidebar.items) != 2 {
		t.Errorf("redo: %d articles, %d listed", n, len(h.d.sidebar.items))
	}
}

// Deleting an article is a separate action; it goes to the trash, and the
// Trash in the Library menu restores it.
func TestDeleteArticleRestoreFromTrash(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	h.drop(viewPos, fixture(t, "harbour-reaction.txt"))
	v := h.d.view
	id, gone := v.current().ID, v.current().Articles[1]
	v.onDeleteArticle(1)
	h.flush()
	if n := len(v.current().Articles); n != 1 {
		t.Fatalf("after the delete: %d articles", n)
	}
	if hits, _ := h.eng.Search(t.Context(), "freight rates", 5); len(hits) != 0 {
		t.Errorf("the deleted article is still found: %+v", hits)
	}
	h.d.onTrash()
	h.flush()
	dlg := h.d.dialog
	if dlg == nil {
		t.Fatal("no trash dialog")
	}
	markup := test.RenderToMarkup(h.w.Canvas())
	if !strings.Contains(markup, oneLine(gone.Title)) || !strings.Contains(markup, "Restore") {
		t.Fatalf("the trash does not list the article with Restore")
	}
	var restore *widget.Button
	walkButtons(t, h.w.Canvas().Overlays().Top(), func(b *widget.Button) {
		if b.Text == "Restore" && restore == nil {
			restore = b
		}
	})
	if restore == nil {
		t.Fatal("no Restore button")
	}
	test.Tap(restore)
	h.flush()
	b := v.current()
	if b == nil || b.ID != id || len(b.Articles) != 2 || b.Articles[1].ID != gone.ID {
		t.Fatalf("restored from the trash: %+v", b)
	}
	if tr, _ := h.eng.Trash(t.Context(), 0); len(tr) != 0 {
		t.Errorf("trash after restore: %+v", tr)
	}
}

// walkButtons calls fn for every button under o.
func walkButtons(t *testing.T, o fyne.CanvasObject, fn func(*widget.Button)) {
	switch x := o.(type) {
	case *widget.Button:
		fn(x)
	case *fyne.Container:
		for _, c := range x.Objects {
			walkButtons(t, c, fn)
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			walkButtons(t, c, fn)
		}
	}
}

// Back up from the Library menu, change the library, restore the backup.
func TestBackupAndRestore(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	dest := filepath.Join(t.TempDir(), h.d.backupName())
	h.d.backup(dest)
	h.flush()
	if !strings.Contains(h.d.status.Text, "backed up to "+dest) {
		t.Fatalf("status after backup: %q", h.d.status.Text)
	}
	h.drop(sidebarPos, fixture(t, "drought-aid.txt"))
	if len(h.d.sidebar.items) != 2 {
		t.Fatalf("%d listed before the restore", len(h.d.sidebar.items))
	}
	h.d.restore(dest)
	h.flush()
	if len(h.d.sidebar.items) != 1 || !strings.Contains(h.d.sidebar.items[0].Title, "harbour") {
		t.Errorf("after the restore the list shows %+v", h.d.sidebar.items)
	}
	if !strings.Contains(h.d.status.Text, "restored from") || h.d.view.current() != nil || !h.d.undoItem.Disabled {
		t.Errorf("after the restore: status %q, view %v, undo enabled %v", h.d.status.Text, h.d.view.current(), !h.d.undoItem.Disabled)
	}
}

// Opening a briefing and changing its length leave its place in the list.
func TestListOrderStaysOnOpenAndLength(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"), fixture(t, "drought-aid.txt"))
	order := func() []int64 {
		var ids []int64
		for _, it := range h.d.sidebar.items {
			ids = append(ids, it.ID)
		}
		return ids
	}
	before := order()
	h.d.sidebar.list.Select(1)
	h.flush()
	v := h.d.view
	v.length.SetValue(2)
	v.length.OnChangeEnded(2)
	h.flush()
	h.d.sidebar.reload()
	h.flush()
	if after := order(); !slices.Equal(before, after) {
		t.Errorf("list order %v became %v after opening and resizing the second", before, after)
	}
	meta := h.d.sidebar.metaLine(h.d.sidebar.items[0])
	if !strings.Contains(meta, "imported ") && !strings.Contains(meta, "published ") {
		t.Errorf("the row does not say which date it shows: %q", meta)
	}
}

// Check and Compact report in words.
func TestCheckAndCompact(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	h.d.onCheck()
	h.flush()
	if h.d.dialog == nil || !strings.Contains(test.RenderToMarkup(h.w.Canvas()), "No problems found. 1 article in 1 briefing") {
		t.Errorf("check dialog missing or wrong; status %q", h.d.status.Text)
	}
	h.d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	h.d.onCompact()
	h.flush()
	if !strings.HasPrefix(h.d.status.Text, "Library compacted: ") {
		t.Errorf("status after compact: %q", h.d.status.Text)
	}
}

// Merging two briefings from the Briefing menu, and Undo.
func TestMergeAndUndo(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"), fixture(t, "harbour-reaction.txt"))
	from := h.d.sidebar.items[0]
	into := h.d.sidebar.items[1]
	h.d.openBriefing(from.ID)
	h.flush()
	h.d.merge(into.ID, from.ID, from.Title)
	h.flush()
	if b := h.d.view.current(); b == nil || b.ID != into.ID || len(b.Articles) != 2 || len(h.d.sidebar.items) != 1 {
		t.Fatalf("after the merge: %+v, %d listed", b, len(h.d.sidebar.items))
	}
	h.d.onUndo()
	h.flush()
	if b := h.d.view.current(); b == nil || b.ID != from.ID || len(b.Articles) != 1 || len(h.d.sidebar.items) != 2 {
		t.Fatalf("after undoing the merge: %+v, %d listed", b, len(h.d.sidebar.items))
	}
}

// What reaches the officer as an error is a sentence: the reason, or
// "internal error" with the detail left to the log, never SQLite's words.
func TestErrorsReadAsSentences(t *testing.T) {
	h := newHarness(t)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"))
	id := h.d.view.current().ID
	// The briefing goes (another window, the command line) while shown.
	if err := h.eng.Delete(t.Context(), id); err != nil {
		t.Fatal(err)
	}
	h.d.view.rename("Too late")
	h.flush()
	markup := test.RenderToMarkup(h.w.Canvas())
	if !strings.Contains(markup, "The briefing is no longer in the library") || strings.Contains(markup, "library.") {
		t.Errorf("error for an edit of a deleted briefing is not a plain sentence")
	}
	h.d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	h.d.showError("Could not save", &domain.Error{Op: "library.SaveBriefing", Kind: domain.Internal, Path: "/x/library.db",
		Err: errors.New("sqlite3: constraint failed")}, "Try again.")
	markup = test.RenderToMarkup(h.w.Canvas())
	if strings.Contains(markup, "sqlite3") || !strings.Contains(markup, "Internal error") {
		t.Errorf("an internal error shows its detail to the officer")
	}
}

// A library found damaged at start opens for reading, says so, and offers
// the latest backup; restoring it makes the library writable again and
// keeps the damaged file beside it.
func TestDamagedLibraryOffersLatestBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	h := newHarnessAt(t, path)
	h.drop(sidebarPos, fixture(t, "harbour-talks.txt"), fixture(t, "drought-aid.txt"), fixture(t, "harbour-reaction.txt"))
	dest := filepath.Join(t.TempDir(), h.d.backupName())
	h.d.backup(dest)
	h.flush()
	if got := h.d.prefs.String(prefLastBackup); got != dest {
		t.Fatalf("last backup preference %q, want %q", got, dest)
	}
	if err := h.eng.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	if len(data) < 8*page {
		t.Fatalf("library only %d bytes", len(data))
	}
	mid := len(data) / 2 &^ (page - 1)
	for i := range page {
		data[mid+i] = byte(i*31 + 7)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}

	h2 := newHarnessAt(t, path)
	h2.d.prefs.SetString(prefLastBackup, dest)
	h2.d.start(nil)
	h2.flush()
	markup := test.RenderToMarkup(h2.w.Canvas())
	if h2.d.dialog == nil || !strings.Contains(markup, "This library is damaged") || !strings.Contains(markup, filepath.Base(dest)) {
		t.Fatalf("no damaged-library dialog naming the backup; status %q", h2.d.status.Text)
	}
	if !strings.Contains(h2.d.status.Text, "damaged") {
		t.Errorf("status does not say the library is damaged: %q", h2.d.status.Text)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("starting on the damaged library changed its file")
	}
	var restore *widget.Button
	walkButtons(t, h2.w.Canvas().Overlays().Top(), func(b *widget.Button) {
		if b.Text == "Restore latest backup" {
			restore = b
		}
	})
	if restore == nil {
		t.Fatal("the dialog offers no 'Restore latest backup'")
	}
	test.Tap(restore)
	h2.flush()
	if !strings.Contains(h2.d.status.Text, "restored from") || !strings.Contains(h2.d.status.Text, "damaged") {
		t.Errorf("status after restoring: %q", h2.d.status.Text)
	}
	if len(h2.d.sidebar.items) != 3 {
		t.Errorf("%d briefings listed after the restore, want 3", len(h2.d.sidebar.items))
	}
	kept, _ := filepath.Glob(path + ".damaged-*")
	if len(kept) == 0 {
		t.Error("the damaged file was not kept beside the library")
	}
	fresh := filepath.Join(t.TempDir(), "ferry.txt")
	if err := os.WriteFile(fresh, []byte("Ferry crews strike in the north\n\nFerry crews in the northern ports walked out on Monday over pay, the union said, stranding hundreds of passengers on the islands.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h2.drop(sidebarPos, fresh)
	if h2.eng.Damaged() != nil || len(h2.d.sidebar.items) != 4 {
		t.Errorf("after the restore the library is not writable: damaged %v, %d listed", h2.eng.Damaged(), len(h2.d.sidebar.items))
	}
}
