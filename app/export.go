package app

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"briefdesk/assets"
	"briefdesk/internal/brief"
	"briefdesk/internal/cups"
	"briefdesk/internal/domain"
	"briefdesk/internal/engine"
)

// exportFormat is a file format a brief can be exported in.
type exportFormat string

// Export formats, in the order the dialog offers them.
const (
	formatPDF      exportFormat = "PDF"
	formatDOCX     exportFormat = "Word (DOCX)"
	formatMarkdown exportFormat = "Markdown"
	formatText     exportFormat = "Plain text"
)

var exportFormats = []exportFormat{formatPDF, formatDOCX, formatMarkdown, formatText}

// briefFormat is the brief package's format for the dialog's choice f.
func (f exportFormat) briefFormat() brief.Format {
	switch f {
	case formatDOCX:
		return brief.FormatDOCX
	case formatMarkdown:
		return brief.FormatMarkdown
	case formatText:
		return brief.FormatText
	}
	return brief.FormatPDF
}

// ext returns the file extension of f.
func (f exportFormat) ext() string { return f.briefFormat().Ext() }

// renderBrief writes b in format f, analysing it first if it has not been.
func renderBrief(w io.Writer, b *domain.Briefing, f exportFormat, opts brief.Options) error {
	return engine.ExportBrief(w, b, opts, f.briefFormat())
}

// briefPreview is the print and export dialog: the one-page brief as it
// will print, with format and paper choices.
type briefPreview struct {
	d      *desk
	b      *domain.Briefing
	dlg    *dialog.CustomDialog
	page   *pagePreview
	format *widget.RadioGroup
	paper  *widget.RadioGroup
	note   *widget.RichText
	print  *widget.Button
	// printer chooses the CUPS queue; hidden when there is none.
	printer    *widget.Select
	queues     []cups.Printer
	bodySize   float64
	printerBox *fyne.Container
	side       *fyne.Container
	export     *widget.Button
}

func (d *desk) onPrint()  { d.showPreview(true) }
func (d *desk) onExport() { d.showPreview(false) }

// showPreview opens the print/export dialog for the open briefing.
func (d *desk) showPreview(printing bool) *briefPreview {
	b := d.view.current()
	if b == nil {
		d.showInfo("No briefing open", "Select a briefing in the library (or drop an article) first, then print or export it.")
		return nil
	}
	p := &briefPreview{d: d, b: cloneBriefing(b)}
	p.b.Analysis = b.Analysis
	title := "Export brief"
	if printing {
		title = "Print brief"
	}
	p.dlg = dialog.NewCustomWithoutButtons(title, p.buildUI(printing), d.win)
	p.dlg.Resize(dialogSize(d.win, fyne.NewSize(1120, 940))) // the bigger the page, the truer the preview
	p.d.showDialog(p.dlg)
	p.refreshPage()
	p.loadPrinters()
	return p
}

func (p *briefPreview) buildUI(printing bool) fyne.CanvasObject {
	p.page = newPagePreview()
	opts := p.d.briefOptions()
	paperNames := []string{"A4", "Letter"}
	p.paper = &widget.RadioGroup{Options: paperNames, Selected: "A4", OnChanged: func(string) { p.refreshPage() }}
	p.paper.ExtendBaseWidget(p.paper)
	if opts.Paper == brief.Letter {
		p.paper.Selected = "Letter"
	}
	var names []string
	for _, f := range exportFormats {
		names = append(names, string(f))
	}
	p.format = &widget.RadioGroup{Options: names, Selected: string(formatPDF)}
	p.format.ExtendBaseWidget(p.format)
	p.note = newNote("", true)
	p.printer = &widget.Select{PlaceHolder: "Default printer"}
	p.printer.ExtendBaseWidget(p.printer)
	p.printerBox = container.NewVBox(widget.NewSeparator(), heading("Printer"), p.printer)
	p.printerBox.Hide()
	p.print = &widget.Button{Text: "Print", Icon: theme.DocumentPrintIcon(), OnTapped: p.onPrint}
	p.export = &widget.Button{Text: "Export…", Icon: theme.DocumentSaveIcon(), OnTapped: p.onExport}
	if printing {
		p.print.Importance = widget.HighImportance
	} else {
		p.export.Importance = widget.HighImportance
	}
	cancel := &widget.Button{Text: "Close", OnTapped: func() { p.dlg.Hide() }}
	side := container.NewVBox(
		heading("Paper"), p.paper,
		widget.NewSeparator(),
		heading("Export as"), p.format,
		p.printerBox,
		widget.NewSeparator(),
		p.note,
	)
	p.side = side
	buttons := container.NewHBox(layout.NewSpacer(), cancel, p.export, p.print)
	body := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(220, 400), side), p.page)
	return container.NewBorder(nil, buttons, nil, nil, body)
}

// options are the rendering options chosen in the dialog.
func (p *briefPreview) options() brief.Options {
	o := p.d.briefOptions()
	o.Paper = brief.A4
	if p.paper.Selected == "Letter" {
		o.Paper = brief.Letter
	}
	return o
}

// refreshPage lays the brief out again (fast: no NLP, just fitting).
func (p *briefPreview) refreshPage() {
	page, err := brief.Layout(p.b, p.options())
	if err != nil {
		log.Printf("briefdesk: preview: %v", err)
		setNote(p.note, "The preview could not be drawn. "+domain.Message(err))
		return
	}
	p.page.setPage(page)
	p.bodySize = page.BodySize
	setNote(p.note, p.noteText())
}

func (p *briefPreview) noteText() string {
	return fmt.Sprintf("One page, body text %.1f pt.", p.bodySize)
}

// onPrint renders the PDF to a temporary file and hands it to the system.
func (p *briefPreview) onPrint() {
	b, opts, d, printer := p.b, p.options(), p.d, p.chosenPrinter()
	p.print.Disable()
	d.setStatus("Preparing the brief for printing…")
	d.run(func() {
		var msg string
		path, err := writeTempPDF(d, b, opts)
		if err == nil {
			msg, err = d.print(path, printer, b.Title)
		}
		d.do(func() {
			p.print.Enable()
			if err != nil {
				d.showError("Could not print the brief", err, "Check that the printer is switched on and set up (Settings → Printers), or use Export to save a PDF and print it from a PDF viewer.")
				return
			}
			p.dlg.Hide()
			d.setStatus(msg)
		})
	})
}

// loadPrinters fills the printer choice off the UI goroutine (lpstat can be slow).
func (p *briefPreview) loadPrinters() {
	d := p.d
	d.run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		ps, err := d.printers(ctx)
		d.do(func() { p.onPrinters(ps, err) })
	})
}

func (p *briefPreview) onPrinters(ps []cups.Printer, err error) {
	if err != nil || len(ps) == 0 {
		setNote(p.note, p.noteText()+" No printer is set up here: Print opens the PDF in your PDF viewer.")
		return
	}
	p.queues = ps
	var labels []string
	for _, q := range ps {
		labels = append(labels, q.Label())
	}
	p.printer.SetOptions(labels)
	p.printer.SetSelectedIndex(0) // the default comes first
	p.printerBox.Show()
	p.side.Refresh() // re-layout: the printer choice was hidden
}

// chosenPrinter is the queue name to print on; "" for the default.
func (p *briefPreview) chosenPrinter() string {
	if i := p.printer.SelectedIndex(); i >= 0 && i < len(p.queues) {
		return p.queues[i].Name
	}
	return ""
}

func writeTempPDF(d *desk, b *domain.Briefing, opts brief.Options) (string, error) {
	f, err := tempPDF()
	if err != nil {
		return "", err
	}
	defer f.Close()
	if err := d.render(f, b, formatPDF, opts); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), f.Close()
}

// onExport asks where to save, then writes the chosen format there.
func (p *briefPreview) onExport() {
	f := exportFormat(p.format.Selected)
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			p.d.showError("Could not save the brief", err, "Choose a folder you may write to.")
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		p.d.prefs.SetString(prefExportDir, filepath.Dir(path))
		p.exportTo(wc, f, path, func() { wc.Close() })
	}, p.d.win)
	fd.SetFileName(fileName(p.b.Title) + f.ext())
	// Officers export a day's briefs to one folder: open where the last went.
	if dir := p.d.prefs.String(prefExportDir); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			fd.SetLocation(l)
		}
	}
	fd.Resize(dialogSize(p.d.win, fyne.NewSize(860, 600)))
	fd.Show()
}

// exportTo renders off the UI goroutine and writes to w, then calls done.
// path names the file in the status line; empty when unknown.
func (p *briefPreview) exportTo(w io.Writer, f exportFormat, path string, done func()) {
	b, opts, d := p.b, p.options(), p.d
	d.run(func() {
		var buf bytes.Buffer
		err := d.render(&buf, b, f, opts)
		if err == nil {
			_, err = w.Write(buf.Bytes())
		}
		done()
		d.do(func() {
			if err != nil {
				d.showError("Could not export the brief", err, "Check that there is disk space and the folder is writable, then try again.")
				return
			}
			p.dlg.Hide()
			if path != "" {
				d.setStatus(fmt.Sprintf("Brief saved as %s in %s.", filepath.Base(path), filepath.Dir(path)))
			} else {
				d.setStatus(fmt.Sprintf("Brief exported as %s.", f))
			}
		})
	})
}

// fileName makes a safe file name from a briefing title: letters, digits,
// spaces and thousands separators, at most maxNameRunes runes cut at a word,
// never ending on a word like "from" that leaves the name hanging.
func fileName(title string) string {
	rs := []rune(title)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case r == ',' && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]):
			b.WriteRune(r) // 12,000 stays readable
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '/' || r == ':':
			b.WriteRune(' ')
		}
	}
	words := strings.Fields(b.String())
	for len(words) > 1 && len([]rune(strings.Join(words, " "))) > maxNameRunes {
		words = words[:len(words)-1]
	}
	for len(words) > 1 && danglingWords[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	s := strings.Join(words, " ")
	if r := []rune(s); len(r) > maxNameRunes { // one very long word
		s = string(r[:maxNameRunes])
	}
	if s == "" {
		s = "brief"
	}
	return s
}

// maxNameRunes keeps exported file names short enough for every file system
// and readable in a file manager.
const maxNameRunes = 80

// danglingWords are not left at the end of a shortened file name.
var danglingWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true, "from": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "as": true, "by": true, "after": true,
	"over": true, "into": true, "amid": true, "but": true,
}

// pagePreview draws a laid-out brief page from the same display list the
// PDF is drawn from, so the preview is what prints.
type pagePreview struct {
	widget.BaseWidget
	page *brief.Page
}

func newPagePreview() *pagePreview {
	p := &pagePreview{}
	p.ExtendBaseWidget(p)
	return p
}

func (p *pagePreview) setPage(page *brief.Page) {
	p.page = page
	p.Refresh()
}

func (p *pagePreview) MinSize() fyne.Size { return fyne.NewSize(300, 420) }

func (p *pagePreview) CreateRenderer() fyne.WidgetRenderer { return &pageRenderer{p: p} }

type pageRenderer struct {
	p       *pagePreview
	objects []fyne.CanvasObject
}

// ptToMM converts points to millimetres.
const ptToMM = 25.4 / 72

func (r *pageRenderer) Layout(s fyne.Size) {
	r.objects = r.objects[:0]
	pg := r.p.page
	if pg == nil || pg.Width <= 0 {
		return
	}
	scale := previewScale(pg, s)
	w, h := float32(pg.Width)*scale, float32(pg.Height)*scale
	off := fyne.NewPos((s.Width-w)/2, (s.Height-h)/2)
	shadow := &canvas.Rectangle{FillColor: color.NRGBA{A: 0x40}}
	shadow.Move(off.AddXY(3, 3))
	shadow.Resize(fyne.NewSize(w, h))
	paper := &canvas.Rectangle{FillColor: color.White}
	paper.Move(off)
	paper.Resize(fyne.NewSize(w, h))
	r.objects = append(r.objects, shadow, paper)
	pos := func(x, y float64) fyne.Position {
		return off.AddXY(float32(x)*scale, float32(y)*scale)
	}
	for _, it := range pg.Items {
		c := color.NRGBA{R: it.Color.R, G: it.Color.G, B: it.Color.B, A: 0xff}
		switch it.Kind {
		case brief.RectItem:
			rect := &canvas.Rectangle{FillColor: c}
			rect.Move(pos(it.X, it.Y))
			rect.Resize(fyne.NewSize(float32(it.W)*scale, float32(it.H)*scale))
			r.objects = append(r.objects, rect)
		case brief.LineItem:
			l := &canvas.Line{StrokeColor: c, StrokeWidth: max(float32(it.Stroke)*scale, 1)}
			l.Position1 = pos(it.X, it.Y)
			l.Position2 = pos(it.X+it.W, it.Y+it.H)
			r.objects = append(r.objects, l)
		case brief.TextItem:
			t := previewText(it, scale)
			t.Color = c
			// Y is the baseline; Noto Sans ascends 1.069 em above it.
			t.Move(pos(it.X, it.Y).SubtractXY(0, t.TextSize*1.069))
			r.objects = append(r.objects, t)
		}
	}
}

// previewScale is how many pixels a millimetre of page pg takes when drawn
// into an area of size s: as large as fits, then a little smaller so the body
// text lands on a whole pixel size and keeps its true width (see previewText).
func previewScale(pg *brief.Page, s fyne.Size) float32 {
	scale := min(float64(s.Width)/pg.Width, float64(s.Height)/pg.Height)
	if body := pg.BodySize * ptToMM; body > 0 {
		if px := math.Floor(body * scale); px >= 1 {
			scale = px / body
		}
	}
	return float32(scale)
}

// The brief's own fonts, so the preview measures every run exactly as the PDF
// layout did; the theme's font has other advance widths, and a bold label
// drawn in it ran into the text placed after it.
var (
	previewRegular = fyne.NewStaticResource("NotoSans-Regular.ttf", assets.NotoSansRegular)
	previewBold    = fyne.NewStaticResource("NotoSans-Bold.ttf", assets.NotoSansBold)
	previewItalic  = fyne.NewStaticResource("NotoSans-Italic.ttf", assets.NotoSansItalic)
)

// previewText returns text item it drawn in the brief's font on a page drawn
// at scale pixels per millimetre. The size is rounded down to whole pixels:
// Fyne's shaper advances glyphs by the next whole pixel size, so a 6.5 px
// run came out 8% wider than the layout measured and ran into the next one.
func previewText(it brief.Item, scale float32) *canvas.Text {
	// +0.01: a size previewScale put on a whole pixel must not round down
	px := max(1, float32(math.Floor(it.Size*ptToMM*float64(scale)+0.01)))
	t := &canvas.Text{Text: it.Text, TextSize: px, FontSource: previewRegular}
	switch it.Style {
	case brief.Bold:
		t.FontSource = previewBold
	case brief.Italic:
		t.FontSource = previewItalic
	}
	return t
}

func (r *pageRenderer) MinSize() fyne.Size { return r.p.MinSize() }
func (r *pageRenderer) Refresh() {
	r.Layout(r.p.Size())
	canvas.Refresh(r.p)
}
func (r *pageRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *pageRenderer) Destroy()                     {}
