package app

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/domain"
)

// importJob is one import of dropped or opened sources: a progress bar with
// Cancel while it runs, then the per-file results.
type importJob struct {
	d       *desk
	sources []string
	into    int64
	ctx     context.Context
	cancel  context.CancelFunc

	dlg     *dialog.CustomDialog
	bar     *widget.ProgressBar
	current *widget.Label
	summary *widget.Label
	list    *widget.List
	stop    *widget.Button
	close   *widget.Button
	hide    *widget.Button
	buttons *fyne.Container

	// pending holds progress reported by the importing goroutine and not yet
	// shown; flushes come at most every progressEvery so a folder of small
	// files does not flood the UI goroutine with one redraw per file.
	mu        sync.Mutex
	pending   []domain.Progress
	scheduled bool
	lastFlush time.Time

	results    []domain.ImportResult
	total      int // sources the engine found, 0 until it reports
	cancelled  bool
	finished   bool
	background bool // the dialog is hidden; progress shows in the status bar
}

func newImportJob(d *desk, sources []string, into int64) *importJob {
	ctx, cancel := context.WithCancel(context.Background())
	return &importJob{d: d, sources: sources, into: into, ctx: ctx, cancel: cancel}
}

func (j *importJob) buildUI() fyne.CanvasObject {
	j.bar = &widget.ProgressBar{Max: 1}
	j.bar.ExtendBaseWidget(j.bar)
	j.current = &widget.Label{Text: "Reading " + describeSources(j.sources) + "…", Truncation: fyne.TextTruncateEllipsis}
	j.summary = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	j.list = &widget.List{
		Length:     func() int { return len(j.results) },
		CreateItem: j.createRow,
		UpdateItem: j.updateRow,
	}
	j.list.ExtendBaseWidget(j.list)
	j.stop = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: j.onCancel}
	j.close = &widget.Button{Text: "Close", Importance: widget.HighImportance, OnTapped: j.onClose}
	j.close.Hide()
	j.hide = &widget.Button{Text: "Continue in background", Icon: theme.VisibilityOffIcon(), OnTapped: j.onBackground}
	j.buttons = container.NewHBox(j.hide, layout.NewSpacer(), j.stop, j.close)
	buttons := j.buttons
	top := container.NewVBox(j.current, j.bar, j.summary)
	return container.NewBorder(top, buttons, nil, nil, j.list)
}

func (j *importJob) createRow() fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil,
		container.NewVBox(
			&widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
			&widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText},
		))
}

func (j *importJob) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := j.results[id]
	c := o.(*fyne.Container)
	texts := c.Objects[0].(*fyne.Container)
	icon := c.Objects[1].(*widget.Icon)
	name := texts.Objects[0].(*widget.Label)
	detail := texts.Objects[1].(*widget.Label)
	path := r.Path
	if path == "" {
		path = "(unknown source)"
	}
	name.SetText(filepath.Base(path))
	switch r.Status {
	case domain.Imported:
		if r.Incomplete != "" {
			// Imported, but the officer must know it is not the whole article.
			icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
			detail.Importance = widget.WarningImportance
		} else {
			icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
			detail.Importance = widget.MediumImportance
		}
		detail.SetText("Imported: " + r.Detail)
	case domain.Duplicate:
		icon.SetResource(theme.NewWarningThemedResource(theme.ContentCopyIcon()))
		detail.Importance = widget.WarningImportance
		detail.SetText("Duplicate, " + r.Detail)
	default:
		icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		detail.Importance = widget.DangerImportance
		detail.SetText("Failed: " + r.Detail)
	}
}

// describeSources names what is being imported in a few words.
func describeSources(src []string) string {
	if len(src) == 1 {
		return filepath.Base(src[0])
	}
	return fmt.Sprintf("%d items", len(src))
}

// start shows the progress dialog and imports off the UI goroutine.
func (j *importJob) start() {
	content := j.buildUI()
	title := "Importing"
	if j.into != 0 {
		title = "Adding to the briefing"
	}
	j.dlg = dialog.NewCustomWithoutButtons(title, content, j.d.win)
	j.dlg.Resize(dialogSize(j.d.win, fyne.NewSize(640, 520)))
	j.d.showDialog(j.dlg)
	j.d.setStatus("Importing " + describeSources(j.sources) + "…")
	j.d.run(func() {
		res := j.d.svc.Import(j.ctx, j.sources, j.into, j.report)
		j.d.do(func() { j.onDone(res) })
	})
}

// progressEvery is the shortest gap between two progress updates on screen:
// ten a second reads as live, yet leaves the UI goroutine (and a software
// renderer) free for the officer's own clicks during a big import.
const progressEvery = 100 * time.Millisecond

// report queues p from the importing goroutine. The first update shows at
// once; later ones are batched into one flush per progressEvery.
func (j *importJob) report(p domain.Progress) {
	j.mu.Lock()
	j.pending = append(j.pending, p)
	if j.scheduled {
		j.mu.Unlock()
		return
	}
	j.scheduled = true
	wait := progressEvery - j.d.now().Sub(j.lastFlush)
	j.mu.Unlock() // flush takes the lock, maybe before do returns
	if wait > 0 {
		j.d.after(wait, j.flush)
		return
	}
	j.d.do(j.flush)
}

// flush shows every queued update in one go, on the UI goroutine.
func (j *importJob) flush() {
	j.mu.Lock()
	batch := j.pending
	j.pending = nil
	j.scheduled = false
	j.lastFlush = j.d.now()
	j.mu.Unlock()
	j.onProgress(batch...)
}

// onProgress shows finished sources, refreshing the widgets once however many
// there are.
func (j *importJob) onProgress(ps ...domain.Progress) {
	if j.finished || len(ps) == 0 {
		return
	}
	for _, p := range ps {
		j.results = append(j.results, p.Result)
	}
	p := ps[len(ps)-1]
	if p.Total > 0 {
		j.total = p.Total
		j.bar.Max = float64(p.Total)
	}
	j.bar.SetValue(float64(p.Done))
	j.current.SetText(fmt.Sprintf("%d of %d: %s", p.Done, p.Total, filepath.Base(p.Result.Path)))
	j.list.Refresh()
	j.summary.SetText(countResults(j.results))
	if j.background {
		j.d.progress.Max = j.bar.Max
		j.d.progress.SetValue(j.bar.Value)
		j.d.setStatus(fmt.Sprintf("Importing %d of %d… %s", p.Done, p.Total, countResults(j.results)))
	}
}

// onBackground hides the dialog so the officer can keep working; the status
// bar shows the progress and can bring the dialog back.
func (j *importJob) onBackground() {
	j.background = true
	j.dlg.Hide()
	d := j.d
	d.progress.Max = j.bar.Max
	d.progress.SetValue(j.bar.Value)
	d.progressBox.Show()
	d.details.SetText("Show import")
	d.details.OnTapped = j.onForeground
	d.details.Show()
	d.statusBar.Refresh()
}

// onForeground shows the dialog again.
func (j *importJob) onForeground() {
	j.background = false
	j.d.progressBox.Hide()
	j.d.details.Hide()
	j.d.statusBar.Refresh()
	j.d.showDialog(j.dlg)
}

// onCancel stops the import after the file being read; what was imported stays.
func (j *importJob) onCancel() {
	j.cancelled = true
	j.cancel()
	j.stop.Disable()
	j.current.SetText("Cancelling after the current file…")
}

// onDone shows the results; a single clean import opens its briefing at once.
func (j *importJob) onDone(res []domain.ImportResult) {
	j.finished = true
	j.cancel()
	if len(res) >= len(j.results) {
		j.results = res
	}
	j.list.Refresh()
	// A cancelled import keeps its bar where it stopped, so the officer sees
	// how much of the folder was left unread.
	j.bar.Max = float64(max(len(j.results), j.total, 1))
	if !j.cancelled {
		j.bar.Max = float64(max(len(j.results), 1))
	}
	j.bar.SetValue(float64(max(len(j.results), 1)))
	summary := countResults(j.results)
	j.summary.SetText(summary)
	if j.cancelled {
		j.current.SetText(fmt.Sprintf("Import cancelled after %d of %d. What was imported stays in the library.", len(j.results), int(j.bar.Max)))
	} else {
		j.current.SetText("Import finished.")
	}
	j.stop.Hide()
	j.hide.Hide()
	if j.background {
		j.d.progressBox.Hide()
		j.d.details.SetText("Show results")
	}
	j.close.Show()
	j.buttons.Refresh()
	j.d.statusBar.Refresh()
	j.d.setStatus(summary)
	j.d.onImported(j.into, j.results)

	opened := int64(0)
	for _, r := range j.results {
		if r.Status == domain.Imported || (r.Status == domain.Duplicate && r.BriefingID != 0) {
			opened = r.BriefingID
		}
	}
	if len(j.results) == 1 && j.results[0].Status != domain.Failed && !j.cancelled {
		j.dlg.Hide()
		if j.background {
			j.d.details.Hide()
		}
		if opened != 0 && j.into == 0 {
			j.d.openBriefing(opened)
		}
		return
	}
	if len(j.results) == 0 {
		j.dlg.Hide()
		if !j.cancelled {
			j.d.showInfo("Nothing to import", "No articles were found in "+describeSources(j.sources)+". Briefdesk reads text, Markdown, HTML, PDF, Word, OpenDocument, RTF and e-mail files.")
		}
	}
}

func (j *importJob) onClose() { j.dlg.Hide() }

// countResults sums the outcomes up in one line.
func countResults(rs []domain.ImportResult) string {
	var imp, dup, fail, cut int
	for _, r := range rs {
		switch r.Status {
		case domain.Imported:
			imp++
			if r.Incomplete != "" {
				cut++
			}
		case domain.Duplicate:
			dup++
		default:
			fail++
		}
	}
	s := fmt.Sprintf("%d imported", imp)
	switch {
	case cut == 1:
		s += " (1 looks incomplete)"
	case cut > 1:
		s += fmt.Sprintf(" (%d look incomplete)", cut)
	}
	if dup > 0 {
		s += fmt.Sprintf(", %d already in the library", dup)
	}
	if fail > 0 {
		s += fmt.Sprintf(", %d failed", fail)
	}
	return s + "."
}
