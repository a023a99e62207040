package app

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/brief"
)

// lengthChoices are the default summary lengths offered, in sentences, plus
// "Fit one page".
var lengthChoices = []string{"2 sentences", "3 sentences", "4 sentences", "5 sentences", "6 sentences", "8 sentences", "10 sentences", "Fit one page"}

// preferences is the Preferences dialog. Light and dark theme follow the
// system, so there is no theme setting.
type preferences struct {
	d   *desk
	dlg *dialog.CustomDialog

	paper          *widget.RadioGroup
	length         *widget.Select
	classification *widget.Entry
	library        *widget.Entry
	save           *widget.Button
}

func (d *desk) onPreferences() { newPreferences(d).show() }

func newPreferences(d *desk) *preferences { return &preferences{d: d} }

func (p *preferences) buildUI() fyne.CanvasObject {
	pr := p.d.prefs
	p.paper = &widget.RadioGroup{Options: []string{"A4", "Letter"}, Horizontal: true, Selected: "A4"}
	p.paper.ExtendBaseWidget(p.paper)
	if pr.String(prefPaper) == string(brief.Letter) {
		p.paper.Selected = "Letter"
	}
	p.length = &widget.Select{Options: lengthChoices, Selected: lengthChoice(pr.IntWithFallback(prefDefaultLength, defaultSentences))}
	p.length.ExtendBaseWidget(p.length)
	p.classification = &widget.Entry{PlaceHolder: "e.g. UNCLASSIFIED // FOR OFFICIAL USE ONLY", Text: pr.String(prefClassification)}
	p.classification.ExtendBaseWidget(p.classification)
	p.library = &widget.Entry{Text: p.d.svc.Path()}
	p.library.ExtendBaseWidget(p.library)
	browse := &widget.Button{Text: "Choose…", Icon: theme.FolderOpenIcon(), OnTapped: p.onBrowse}
	form := &widget.Form{Items: []*widget.FormItem{
		{Text: "Paper size", Widget: p.paper, HintText: "Used for printing and PDF export."},
		{Text: "Summary length", Widget: p.length, HintText: "For briefings whose length you have not set."},
		{Text: "Classification line", Widget: p.classification, HintText: "Printed at the top and bottom of every brief."},
		{Text: "Library", Widget: container.NewBorder(nil, nil, nil, browse, p.library), HintText: "A different library opens at the next start."},
	}}
	form.ExtendBaseWidget(form)
	p.save = &widget.Button{Text: "Save", Importance: widget.HighImportance, OnTapped: p.onSave}
	cancel := &widget.Button{Text: "Cancel", OnTapped: func() { p.dlg.Hide() }}
	return container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, p.save), nil, nil, form)
}

// lengthChoice returns the choice shown for a stored default length.
func lengthChoice(n int) string {
	if n == fitOnePage {
		return "Fit one page"
	}
	s := fmt.Sprintf("%d sentences", n)
	for _, c := range lengthChoices {
		if c == s {
			return s
		}
	}
	return fmt.Sprintf("%d sentences", defaultSentences)
}

// parseLength is the inverse of lengthChoice.
func parseLength(s string) int {
	if s == "Fit one page" {
		return fitOnePage
	}
	n, err := strconv.Atoi(strings.Fields(s + " x")[0])
	if err != nil || n <= 0 {
		return defaultSentences
	}
	return n
}

func (p *preferences) show() {
	p.dlg = dialog.NewCustomWithoutButtons("Preferences", p.buildUI(), p.d.win)
	p.dlg.Resize(dialogSize(p.d.win, fyne.NewSize(620, 400)))
	p.d.showDialog(p.dlg)
}

func (p *preferences) onBrowse() {
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		p.library.SetText(path)
	}, p.d.win)
	fd.SetFileName("library.db")
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(p.d.svc.Path()))); err == nil {
		fd.SetLocation(l)
	}
	fd.Resize(dialogSize(p.d.win, fyne.NewSize(860, 600)))
	fd.Show()
}

// onSave stores the preferences; the open briefing shows the new
// classification line at once.
func (p *preferences) onSave() {
	pr := p.d.prefs
	paper := brief.A4
	if p.paper.Selected == "Letter" {
		paper = brief.Letter
	}
	pr.SetString(prefPaper, string(paper))
	pr.SetInt(prefDefaultLength, parseLength(p.length.Selected))
	pr.SetString(prefClassification, strings.TrimSpace(p.classification.Text))
	lib := strings.TrimSpace(p.library.Text)
	changed := lib != "" && lib != p.d.svc.Path()
	if changed {
		pr.SetString(prefLibraryPath, lib)
	}
	p.dlg.Hide()
	if b := p.d.view.current(); b != nil {
		p.d.view.show(b)
	}
	if changed {
		p.d.setStatus("Preferences saved. The library at " + lib + " opens at the next start.")
	} else {
		p.d.setStatus("Preferences saved.")
	}
}
