package app

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/url"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/brief"
	"briefdesk/internal/buildinfo"
	"briefdesk/internal/cups"
	"briefdesk/internal/domain"
	"briefdesk/internal/engine"
)

// desk is the main window: the sidebar, the briefing view and the status bar,
// with the actions the menus and shortcuts share.
type desk struct {
	app   fyne.App
	win   fyne.Window
	svc   service
	prefs fyne.Preferences

	// run runs heavy work off the UI goroutine; do hands results back to it.
	// Tests replace both so flows are deterministic.
	run func(task func())
	do  func(fn func())
	// after runs fn on the UI goroutine after d; now reads the clock. Tests
	// replace both, so nothing depends on how fast the machine runs.
	after func(d time.Duration, fn func()) (stop func())
	now   func() time.Time

	render renderFunc
	// print sends a PDF to a printer ("" for the default) and says what
	// happened; printers lists the printers. Tests replace both.
	print    func(path, printer, title string) (string, error)
	printers func(ctx context.Context) ([]cups.Printer, error)
	// closeLibrary closes the engine when the window closes; may be nil.
	closeLibrary func() error

	sidebar *sidebar
	view    *briefingView
	content *fyne.Container // holds the empty state or the briefing view

	status      *widget.Label
	undoButton  *widget.Button
	history     history
	changes     []step         // changes to the library waiting their turn
	changing    bool           // one is running
	undoItem    *fyne.MenuItem // Edit menu entries, relabelled with what they would do
	redoItem    *fyne.MenuItem
	lastJob     *importJob           // the newest import, for tests and the status bar
	dialog      *dialog.CustomDialog // the dialog Escape closes
	progress    *widget.ProgressBar  // an import running in the background
	progressBox *fyne.Container      // holds progress at a fixed width
	statusBar   *fyne.Container      // re-laid out when its buttons show or hide
	details     *widget.Button       // shows the background import's dialog again
}

func newDesk(a fyne.App, w fyne.Window, svc service) *desk {
	d := &desk{
		app:   a,
		win:   w,
		svc:   svc,
		prefs: a.Preferences(),
		run:   func(task func()) { go task() },
		do:    fyne.Do,
		after: func(dur time.Duration, fn func()) func() {
			t := time.AfterFunc(dur, func() { fyne.Do(fn) })
			return func() { t.Stop() }
		},
		now:    time.Now,
		render: renderBrief,
	}
	d.print = d.printPDF
	d.printers = cups.Printers
	d.sidebar = newSidebar(d)
	d.view = newBriefingView(d)
	return d
}

// buildUI lays out the window: sidebar on the left, briefing on the right,
// status bar at the bottom.
func (d *desk) buildUI() fyne.CanvasObject {
	d.status = &widget.Label{Text: "Drop articles, folders or links anywhere on this window to import them.", Truncation: fyne.TextTruncateEllipsis}
	d.undoButton = &widget.Button{Text: "Undo", Icon: theme.ContentUndoIcon(), Importance: widget.LowImportance, OnTapped: d.onUndo}
	d.undoButton.Hide()
	d.content = container.NewStack(d.emptyState())
	split := container.NewHSplit(d.sidebar.buildUI(), d.content)
	split.Offset = 0.26
	d.progress = &widget.ProgressBar{}
	d.progress.ExtendBaseWidget(d.progress)
	d.progressBox = container.NewGridWrap(fyne.NewSize(180, d.progress.MinSize().Height), d.progress)
	d.progressBox.Hide()
	d.details = &widget.Button{Text: "Show import", Icon: theme.ListIcon(), Importance: widget.LowImportance}
	d.details.Hide()
	d.statusBar = container.NewBorder(nil, nil, nil, container.NewHBox(d.progressBox, d.details, d.undoButton), d.status)
	bar := d.statusBar
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), bar), nil, nil, split)
}

// emptyState teaches the first step instead of showing a blank pane.
func (d *desk) emptyState() fyne.CanvasObject {
	title := &widget.Label{Text: "Drop articles here", Alignment: fyne.TextAlignCenter, SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}}
	what := &widget.Label{Text: "Files, folders or links: text, Markdown, HTML, PDF, Word, OpenDocument, RTF or e-mail.", Alignment: fyne.TextAlignCenter}
	why := &widget.Label{Text: "Each becomes a briefing with a summary, key actors and key numbers, ready to print on one page.", Alignment: fyne.TextAlignCenter}
	open := &widget.Button{Text: "Open files…", Icon: theme.FolderOpenIcon(), Importance: widget.HighImportance, OnTapped: d.onOpenFile}
	folder := &widget.Button{Text: "Open a folder…", Icon: theme.FolderIcon(), OnTapped: d.onOpenFolder}
	paste := &widget.Button{Text: "Paste text or link", Icon: theme.ContentPasteIcon(), OnTapped: d.onPaste}
	hint := &widget.Label{Text: "Or pick a briefing in the library on the left. Ctrl+F searches it.", Alignment: fyne.TextAlignCenter, SizeName: theme.SizeNameCaptionText}
	icon := &canvas.Image{Resource: theme.NewPrimaryThemedResource(theme.DownloadIcon()), FillMode: canvas.ImageFillContain}
	icon.SetMinSize(fyne.NewSize(64, 64))
	box := container.NewVBox(
		container.NewCenter(icon),
		title, what, why,
		layout.NewSpacer(),
		container.NewCenter(container.NewHBox(open, folder, paste)),
		hint,
	)
	return newDropZone(container.NewCenter(box))
}

// buildMenu returns the main menu; every item also has a shortcut.
func (d *desk) buildMenu() *fyne.MainMenu {
	item := func(label string, icon fyne.Resource, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
		return &fyne.MenuItem{Label: label, Icon: icon, Shortcut: sc, Action: fn}
	}
	file := fyne.NewMenu("File",
		item("Open Files…", theme.FolderOpenIcon(), scOpen, d.onOpenFile),
		item("Open Folder…", theme.FolderIcon(), nil, d.onOpenFolder),
		item("Paste as New Article", theme.ContentPasteIcon(), scPaste, d.onPaste),
		fyne.NewMenuItemSeparator(),
		item("Print…", theme.DocumentPrintIcon(), scPrint, d.onPrint),
		item("Export…", theme.DocumentSaveIcon(), scExport, d.onExport),
		fyne.NewMenuItemSeparator(),
		item("Preferences…", theme.SettingsIcon(), scPrefs, d.onPreferences),
	)
	d.undoItem = item("Undo", theme.ContentUndoIcon(), &fyne.ShortcutUndo{}, d.onUndo)
	d.redoItem = item("Redo", theme.ContentRedoIcon(), scRedo, d.onRedo)
	edit := fyne.NewMenu("Edit",
		d.undoItem,
		d.redoItem,
		fyne.NewMenuItemSeparator(),
		item("Find in Library", theme.SearchIcon(), scFind, d.onFind),
		fyne.NewMenuItemSeparator(),
		item("Delete Briefing", theme.DeleteIcon(), &desktop.CustomShortcut{KeyName: fyne.KeyDelete}, d.onDelete),
	)
	briefing := fyne.NewMenu("Briefing",
		item("Add Articles…", theme.ContentAddIcon(), nil, d.view.onAddArticles),
		item("Rename…", theme.DocumentCreateIcon(), &desktop.CustomShortcut{KeyName: fyne.KeyF2}, d.onRename),
		item("Merge Into Another Briefing…", theme.MailForwardIcon(), nil, d.onMerge),
		item("Reset Summary Edits", theme.ContentClearIcon(), nil, d.view.onResetEdits),
		item("Show All Text", theme.VisibilityIcon(), nil, d.view.onClearFilter),
	)
	library := fyne.NewMenu("Library",
		item("Back Up Library…", theme.DocumentSaveIcon(), nil, d.onBackup),
		item("Restore from Backup…", theme.HistoryIcon(), nil, d.onRestore),
		fyne.NewMenuItemSeparator(),
		item("Trash…", theme.DeleteIcon(), nil, d.onTrash),
		fyne.NewMenuItemSeparator(),
		item("Check Library", theme.ConfirmIcon(), nil, d.onCheck),
		item("Compact Library", theme.StorageIcon(), nil, d.onCompact),
	)
	help := fyne.NewMenu("Help", item("About Briefdesk", theme.InfoIcon(), nil, d.onAbout))
	d.updateHistory()
	return fyne.NewMainMenu(file, edit, briefing, library, help)
}

// Shortcuts shared by the menus and the canvas.
var (
	scOpen   = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	scFind   = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	scPrint  = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	scExport = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	scPrefs  = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}
	scPaste  = &desktop.CustomShortcut{KeyName: fyne.KeyV, Modifier: fyne.KeyModifierShortcutDefault}
	scRedo   = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// installShortcuts makes the shortcuts work wherever focus is (except that a
// focused text field keeps its own Ctrl+V).
func (d *desk) installShortcuts() {
	c := d.win.Canvas()
	c.AddShortcut(scOpen, func(fyne.Shortcut) { d.onOpenFile() })
	c.AddShortcut(scFind, func(fyne.Shortcut) { d.onFind() })
	c.AddShortcut(scPrint, func(fyne.Shortcut) { d.onPrint() })
	c.AddShortcut(scExport, func(fyne.Shortcut) { d.onExport() })
	c.AddShortcut(scPrefs, func(fyne.Shortcut) { d.onPreferences() })
	c.AddShortcut(scPaste, func(fyne.Shortcut) { d.onPaste() })
	c.AddShortcut(&fyne.ShortcutPaste{}, func(fyne.Shortcut) { d.onPaste() })
	// Ctrl+Z, and Ctrl+Shift+Z or Ctrl+Y; a focused text field keeps its own.
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { d.onUndo() })
	c.AddShortcut(scRedo, func(fyne.Shortcut) { d.onRedo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { d.onRedo() })
	c.SetOnTypedKey(d.onTypedKey)
}

// onTypedKey handles keys nothing focused took: Delete, and arrows to move
// through the library list.
func (d *desk) onTypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDelete:
		d.onDelete()
	case fyne.KeyF2:
		d.onRename()
	case fyne.KeyDown:
		d.sidebar.selectNext(1)
	case fyne.KeyUp:
		d.sidebar.selectNext(-1)
	case fyne.KeyEscape:
		if d.dialog != nil {
			d.dialog.Hide()
			d.dialog = nil
			return
		}
		d.view.onClearFilter()
	}
}

// start checks the library, fills an empty one with the samples, then
// imports what was given on the command line. A damaged library is opened
// for reading only, and the window offers to restore a backup.
func (d *desk) start(paths []string) {
	d.setStatus("Preparing the library…")
	d.run(func() {
		verr := d.svc.Verify(context.Background())
		if d.svc.Damaged() != nil {
			d.do(func() {
				d.sidebar.reload()
				d.sidebar.reloadSources()
				d.offerRestore()
			})
			return
		}
		if verr != nil {
			log.Printf("briefdesk: checking the library: %v", verr) // could not look; writes check again
		}
		var added []domain.ImportResult
		var err error
		if s, ok := d.svc.(sampler); ok {
			added, err = s.EnsureSamples(context.Background())
		}
		d.do(func() {
			switch {
			case err != nil:
				log.Printf("briefdesk: samples: %v", err)
				d.setStatus("Library: " + d.svc.Path())
			case len(added) > 0:
				d.setStatus("Sample articles were added to the new library so there is something to try. Drop your own articles anywhere.")
				if len(paths) == 0 && added[0].BriefingID != 0 {
					// The first sample is a two-article story: show it, so a
					// first start opens on a whole briefing, not an empty view.
					d.openBriefing(added[0].BriefingID)
				}
			default:
				d.setStatus("Library: " + d.svc.Path())
			}
			d.sidebar.reload()
			d.sidebar.reloadSources()
			d.importSources(paths, 0)
		})
	})
}

// onDrop receives files, folders and links dropped anywhere on the window.
// Dropped on the open briefing they join it; anywhere else each becomes a
// new briefing.
func (d *desk) onDrop(pos fyne.Position, uris []fyne.URI) {
	var into int64
	if b := d.view.current(); b != nil && d.view.contains(pos) {
		into = b.ID
	}
	d.importSources(sourcesFromURIs(uris), into)
}

// sourcesFromURIs turns dropped URIs into the paths and links the engine takes.
func sourcesFromURIs(uris []fyne.URI) []string {
	var out []string
	for _, u := range uris {
		if u == nil {
			continue
		}
		if u.Scheme() == "file" {
			out = append(out, u.Path())
		} else {
			out = append(out, u.String())
		}
	}
	return out
}

// importSources is the one path for drops, Ctrl+O and command-line files.
func (d *desk) importSources(sources []string, into int64) {
	if len(sources) == 0 {
		return
	}
	d.lastJob = newImportJob(d, sources, into)
	d.lastJob.start()
}

// onImported refreshes what an import changed.
func (d *desk) onImported(into int64, results []domain.ImportResult) {
	d.sidebar.reload()
	d.sidebar.reloadSources()
	if b := d.view.current(); b != nil && into != 0 && b.ID == into {
		d.openBriefing(into)
	}
}

// openBriefing loads briefing id off the UI goroutine and shows it.
func (d *desk) openBriefing(id int64) {
	d.run(func() {
		b, err := d.svc.Briefing(context.Background(), id)
		d.do(func() {
			if err != nil {
				d.showError("Could not open the briefing", err, "The library list has been refreshed.")
				d.sidebar.reload()
				return
			}
			d.showBriefing(b)
		})
	})
}

// showBriefing puts b in the briefing view.
func (d *desk) showBriefing(b *domain.Briefing) {
	d.view.show(b)
	d.content.Objects = []fyne.CanvasObject{d.view.root}
	d.content.Refresh()
	d.sidebar.markOpen(b.ID)
	d.win.SetTitle(oneLine(b.Title) + " — Briefdesk")
	d.applyDefaultLength(b)
}

// applyDefaultLength gives a briefing whose length the officer never set the
// default length from the preferences, when one was chosen. It is not an
// edit of the officer's, so Undo does not list it.
func (d *desk) applyDefaultLength(b *domain.Briefing) {
	n := d.prefs.Int(prefDefaultLength)
	if b.Length != (domain.Length{}) || n == 0 {
		return
	}
	l := domain.Length{Sentences: n}
	if n == fitOnePage {
		l = domain.Length{Words: fitWords}
	}
	if b.Analysis != nil && l.Sentences > 0 && len(b.Analysis.Summary.Sentences) == l.Sentences {
		return // already that long: nothing to recompute
	}
	d.view.edit(domain.Change{Kind: domain.SetLength, Length: l}, "", "Summary set to the default length from the preferences.")
}

// onRename asks for a new title for the open briefing.
func (d *desk) onRename() {
	b := d.view.current()
	if b == nil {
		return
	}
	entry := &widget.Entry{Text: oneLine(b.Title)}
	entry.ExtendBaseWidget(entry)
	dlg := dialog.NewForm("Rename briefing", "Rename", "Cancel", []*widget.FormItem{{Text: "Title", Widget: entry}}, func(ok bool) {
		if ok {
			d.view.rename(entry.Text)
		}
	}, d.win)
	dlg.Resize(fyne.NewSize(560, 160))
	dlg.Show()
	d.win.Canvas().Focus(entry)
}

// showEmpty clears the briefing view.
func (d *desk) showEmpty() {
	d.view.show(nil)
	d.content.Objects = []fyne.CanvasObject{d.emptyState()}
	d.content.Refresh()
	d.win.SetTitle("Briefdesk")
}

func (d *desk) onOpenFile() {
	fd := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			d.showError("Could not open the file", err, "Check that the file exists and you may read it.")
			return
		}
		if rc == nil {
			return
		}
		rc.Close()
		d.importSources(sourcesFromURIs([]fyne.URI{rc.URI()}), 0)
	}, d.win)
	fd.Resize(dialogSize(d.win, fyne.NewSize(860, 600)))
	fd.Show()
}

func (d *desk) onOpenFolder() {
	fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			d.showError("Could not open the folder", err, "Check that the folder exists and you may read it.")
			return
		}
		if l == nil {
			return
		}
		d.importSources(sourcesFromURIs([]fyne.URI{l}), 0)
	}, d.win)
	fd.Resize(dialogSize(d.win, fyne.NewSize(860, 600)))
	fd.Show()
}

// onPaste imports the clipboard: a link is fetched, anything else is taken as
// the article's text.
func (d *desk) onPaste() {
	text := strings.TrimSpace(d.app.Clipboard().Content())
	if text == "" {
		d.showInfo("Nothing to paste", "Copy an article's text or a link to it, then press Ctrl+V here.")
		return
	}
	if isLink(text) {
		d.importSources([]string{text}, 0)
		return
	}
	d.setStatus("Importing pasted text…")
	d.run(func() {
		r := d.svc.ImportText(context.Background(), text, 0)
		d.do(func() { d.onPasted(r) })
	})
}

func (d *desk) onPasted(r domain.ImportResult) {
	switch r.Status {
	case domain.Imported:
		d.setStatus("Pasted text imported: " + r.Detail)
		d.sidebar.reload()
		d.openBriefing(r.BriefingID)
	case domain.Duplicate:
		d.setStatus("The pasted text is " + r.Detail)
		if r.BriefingID != 0 {
			d.openBriefing(r.BriefingID)
		}
	default:
		d.showError("Could not import the pasted text", &domain.Error{Kind: domain.Invalid, Reason: r.Detail}, "Paste the article's full text (at least a few sentences) or a link starting with http:// or https://.")
	}
}

// isLink reports whether s is a single web link.
func isLink(s string) bool {
	if strings.ContainsAny(s, " \n\t") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func (d *desk) onFind() { d.sidebar.focusSearch() }

// onDelete moves the open briefing to the trash; Undo (or the Trash in the
// Library menu) brings it back.
func (d *desk) onDelete() {
	b := d.view.current()
	if b == nil {
		return
	}
	id, title := b.ID, oneLine(b.Title)
	d.sidebar.hide(id)
	d.showEmpty()
	d.enqueue(func() func() func() {
		return func() func() {
			err := d.svc.Delete(context.Background(), id)
			return func() {
				d.sidebar.hide(0)
				if err != nil {
					d.showError("Could not delete the briefing", err, "The briefing is still in the library.")
					return
				}
				d.setStatus(fmt.Sprintf("Moved “%s” to the trash. Undo (Ctrl+Z) or the Trash in the Library menu brings it back.", title))
				d.record(&action{label: "delete briefing",
					undo: func(ctx context.Context) (int64, error) { return id, d.svc.Undelete(ctx, id) },
					redo: func(ctx context.Context) (int64, error) { return 0, d.svc.Delete(ctx, id) },
				})
			}
		}
	})
}

// onClose closes the library before the window goes.
func (d *desk) onClose() {
	if d.closeLibrary != nil {
		if err := d.closeLibrary(); err != nil {
			log.Printf("briefdesk: close library: %v", err)
		}
	}
}

func (d *desk) onAbout() {
	body := &widget.RichText{Wrapping: fyne.TextWrapWord, Segments: []widget.RichTextSegment{
		&widget.TextSegment{Text: "Briefdesk", Style: widget.RichTextStyleHeading},
		// a paragraph of its own: the inline Strong style ran into the text after it
		&widget.TextSegment{Text: "Version " + buildinfo.String(), Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: "From dropped articles to a one-page brief: extractive summaries whose every sentence stands in the source, key actors with their quotes, key numbers and dates.", Style: widget.RichTextStyleParagraph},
		&widget.TextSegment{Text: "Library: " + d.svc.Path(), Style: widget.RichTextStyleParagraph},
		&widget.TextSegment{Text: "Everything stays on this computer. Brief font: Noto Sans (SIL Open Font Licence).", Style: widget.RichTextStyleParagraph},
	}}
	dlg := dialog.NewCustom("About Briefdesk", "Close", body, d.win)
	dlg.Resize(dialogSize(d.win, fyne.NewSize(540, 380)))
	d.showDialog(dlg)
}

// showDialog shows dlg and lets Escape close it (Fyne dialogs ignore Escape).
func (d *desk) showDialog(dlg *dialog.CustomDialog) {
	d.dialog = dlg
	dlg.SetOnClosed(func() {
		if d.dialog == dlg {
			d.dialog = nil
		}
	})
	dlg.Show()
}

// setStatus shows a one-line message in the status bar.
func (d *desk) setStatus(s string) {
	if d.status != nil {
		d.status.SetText(s)
	}
}

// showError says what happened and what to do about it: the error's reason
// for the officer, or "internal error" with the detail in the log. A
// conflict (the briefing changed elsewhere) reloads what is shown.
func (d *desk) showError(what string, err error, todo string) {
	log.Printf("briefdesk: %s: %v", what, err)
	msg := domain.Message(err)
	if domain.KindOf(err) == domain.Conflict {
		d.reloadAll()
		todo = "What you see now is what is stored; make the change again."
	}
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	label := &widget.Label{Text: sentence(msg) + "\n\n" + todo, Wrapping: fyne.TextWrapWord}
	dlg := dialog.NewCustom(what, "OK", label, d.win)
	dlg.Resize(fyne.NewSize(480, 220))
	d.showDialog(dlg)
}

// sentence starts s with a capital letter.
func sentence(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func (d *desk) showInfo(title, msg string) {
	dlg := dialog.NewCustom(title, "OK", &widget.Label{Text: msg, Wrapping: fyne.TextWrapWord}, d.win)
	dlg.Resize(fyne.NewSize(420, 180))
	d.showDialog(dlg)
}

// briefOptions are the rendering options from the preferences.
func (d *desk) briefOptions() brief.Options {
	paper := brief.A4
	if d.prefs.StringWithFallback(prefPaper, string(brief.A4)) == string(brief.Letter) {
		paper = brief.Letter
	}
	o := brief.Options{Paper: paper, Classification: d.prefs.String(prefClassification)}
	if b := d.view.current(); b != nil {
		o.Reference = fmt.Sprintf("Briefdesk #%d", b.ID)
	}
	return o
}

// printPDF sends a PDF to a CUPS printer. Without CUPS it opens the PDF in
// the default viewer, whose print button does the rest: Fyne has no print
// API of its own.
func (d *desk) printPDF(path, printer, title string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	id, err := cups.PrintJob(ctx, path, printer, title)
	if errors.Is(err, cups.ErrNoPrinting) {
		u, perr := url.Parse(storage.NewFileURI(path).String())
		if perr != nil {
			return "", perr
		}
		if oerr := d.app.OpenURL(u); oerr != nil {
			return "", fmt.Errorf("%w; opening the PDF failed too: %v", err, oerr)
		}
		return "No printer is set up here, so the brief opened in your PDF viewer: print it from there.", nil
	}
	if err != nil {
		return "", err
	}
	where := "the default printer"
	if printer != "" {
		where = printer
	}
	return fmt.Sprintf("Brief sent to %s (job %s).", where, id), nil
}

// tempPDF creates a file for a brief that is being printed.
func tempPDF() (*os.File, error) { return os.CreateTemp("", "briefdesk-*.pdf") }

var _ service = (*engine.Engine)(nil)
