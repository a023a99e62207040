package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/domain"
)

// spanState says how a stretch of article text is drawn.
type spanState int

const (
	spanPlain   spanState = iota // not in the summary
	spanChosen                   // chosen by the ranker
	spanPinned                   // pinned by the officer
	spanGap                      // text between sentences; not clickable
	spanDropped                  // dropped by the officer: struck through, never in the summary
)

// span is one sentence (or the text between sentences) of a paragraph.
type span struct {
	text  string
	ref   domain.SentenceRef
	state spanState
}

// prose is a paragraph of article text that flows like prose, highlights the
// summary's sentences like a marker pen and reports which sentence was
// clicked. RichText cannot do the last two, hence a small widget of its own.
type prose struct {
	widget.BaseWidget
	spans []span
	onTap func(s span)

	hover int // span under the mouse, -1 for none

	// The last flow, reused while width and text size stay the same: mouse
	// moves and MinSize calls would otherwise measure every word again.
	flowW, flowSize float32
	flowRuns        []run
	flowH           float32
}

func newProse(spans []span, onTap func(span)) *prose {
	p := &prose{spans: spans, onTap: onTap, hover: -1}
	p.ExtendBaseWidget(p)
	return p
}

// run is a stretch of one span on one line.
type run struct {
	span int
	text string
	pos  fyne.Position
	size fyne.Size
}

// flow lays the spans out in lines of at most width and returns the runs
// and the total height.
func (p *prose) flow(width float32) ([]run, float32) {
	size := p.Theme().Size(theme.SizeNameText)
	if p.flowRuns != nil && width == p.flowW && size == p.flowSize {
		return p.flowRuns, p.flowH
	}
	runs, h := p.layoutRuns(width, size)
	p.flowW, p.flowSize, p.flowRuns, p.flowH = width, size, runs, h
	return runs, h
}

func (p *prose) layoutRuns(width, size float32) ([]run, float32) {
	style := fyne.TextStyle{}
	space := fyne.MeasureText(" ", size, style).Width
	lineH := fyne.MeasureText("Mg", size, style).Height + theme.Padding()
	var runs []run
	var x, y float32
	cur := -1 // index in runs of the run being extended on this line
	for si, sp := range p.spans {
		cur = -1
		for _, w := range strings.Fields(sp.text) {
			ww := fyne.MeasureText(w, size, style).Width
			if x > 0 && x+ww > width {
				x, y = 0, y+lineH
				cur = -1
			}
			if cur >= 0 {
				runs[cur].text += " " + w
				runs[cur].size.Width = x + ww - runs[cur].pos.X
			} else {
				runs = append(runs, run{span: si, text: w, pos: fyne.NewPos(x, y), size: fyne.NewSize(ww, lineH)})
				cur = len(runs) - 1
			}
			x += ww + space
		}
	}
	if len(runs) == 0 {
		return []run{}, 0
	}
	return runs, y + lineH
}

// MinSize is as tall as the text needs at the current width.
func (p *prose) MinSize() fyne.Size {
	w := p.Size().Width
	if w < 100 {
		w = 600
	}
	_, h := p.flow(w)
	return fyne.NewSize(100, h)
}

// Resize re-flows the text and tells the parent when the height changes.
func (p *prose) Resize(s fyne.Size) {
	old := p.Size()
	p.BaseWidget.Resize(s)
	if old.Width != s.Width {
		p.Refresh()
	}
}

func (p *prose) spanAt(pos fyne.Position) int {
	runs, _ := p.flow(p.Size().Width)
	for _, r := range runs {
		if pos.X >= r.pos.X && pos.X <= r.pos.X+r.size.Width && pos.Y >= r.pos.Y && pos.Y <= r.pos.Y+r.size.Height {
			return r.span
		}
	}
	return -1
}

// Tapped reports the sentence under the pointer.
func (p *prose) Tapped(ev *fyne.PointEvent) {
	if i := p.spanAt(ev.Position); i >= 0 && p.spans[i].state != spanGap && p.onTap != nil {
		p.onTap(p.spans[i])
	}
}

// tapSpan acts as if span i was clicked (tests and keyboard use it).
func (p *prose) tapSpan(i int) {
	if p.onTap != nil && i >= 0 && i < len(p.spans) && p.spans[i].state != spanGap {
		p.onTap(p.spans[i])
	}
}

// Cursor shows a pointing hand: sentences are clickable.
func (p *prose) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (p *prose) MouseIn(ev *desktop.MouseEvent)    { p.setHover(p.spanAt(ev.Position)) }
func (p *prose) MouseMoved(ev *desktop.MouseEvent) { p.setHover(p.spanAt(ev.Position)) }
func (p *prose) MouseOut()                         { p.setHover(-1) }

func (p *prose) setHover(i int) {
	if i >= 0 && p.spans[i].state == spanGap {
		i = -1
	}
	if i != p.hover {
		p.hover = i
		p.Refresh()
	}
}

func (p *prose) CreateRenderer() fyne.WidgetRenderer { return &proseRenderer{p: p} }

type proseRenderer struct {
	p       *prose
	objects []fyne.CanvasObject
}

func (r *proseRenderer) Layout(s fyne.Size) {
	p := r.p
	th := p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	size := th.Size(theme.SizeNameText)
	primary := th.Color(theme.ColorNamePrimary, v)
	runs, _ := p.flow(s.Width)
	r.objects = r.objects[:0]
	var strikes []fyne.CanvasObject // drawn over the text
	for _, rn := range runs {
		sp := p.spans[rn.span]
		var bg color.Color
		switch {
		case sp.state == spanPinned:
			bg = withAlpha(primary, 0x70)
		case sp.state == spanChosen:
			bg = withAlpha(primary, 0x38)
		}
		if rn.span == p.hover {
			if bg == nil {
				bg = th.Color(theme.ColorNameHover, v)
			} else {
				bg = withAlpha(primary, 0x90)
			}
		}
		if bg != nil {
			rect := &canvas.Rectangle{FillColor: bg, CornerRadius: 3}
			rect.Move(rn.pos.SubtractXY(2, 0))
			rect.Resize(rn.size.AddWidthHeight(4, 0))
			r.objects = append(r.objects, rect)
		}
		fg := th.Color(theme.ColorNameForeground, v)
		if sp.state == spanDropped {
			// The officer's drop stays visible where it was made: faded and
			// struck through, so the text itself records the edit.
			fg = th.Color(theme.ColorNamePlaceHolder, v)
			strike := &canvas.Rectangle{FillColor: th.Color(theme.ColorNameError, v)}
			strike.Move(rn.pos.AddXY(0, rn.size.Height/2))
			strike.Resize(fyne.NewSize(rn.size.Width, 1.5))
			strikes = append(strikes, strike)
		}
		txt := &canvas.Text{Text: rn.text, Color: fg, TextSize: size, TextStyle: fyne.TextStyle{Bold: sp.state == spanPinned}}
		if sp.state == spanPinned {
			// bold is wider: keep the measured plain layout by drawing the pin as underline instead
			txt.TextStyle = fyne.TextStyle{}
			line := &canvas.Rectangle{FillColor: primary}
			line.Move(rn.pos.AddXY(0, rn.size.Height-2))
			line.Resize(fyne.NewSize(rn.size.Width, 2))
			r.objects = append(r.objects, line)
		}
		txt.Move(rn.pos.AddXY(0, theme.Padding()/2))
		txt.Resize(fyne.NewSize(rn.size.Width, rn.size.Height-theme.Padding()))
		r.objects = append(r.objects, txt)
	}
	r.objects = append(r.objects, strikes...)
}

func (r *proseRenderer) MinSize() fyne.Size { return r.p.MinSize() }

func (r *proseRenderer) Refresh() {
	r.Layout(r.p.Size())
	canvas.Refresh(r.p)
}

func (r *proseRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *proseRenderer) Destroy()                     {}
