package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dropZone frames content as a visible drop target: Fyne reports drops but
// not drags, so the target has to be visible before the officer drags.
type dropZone struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

func newDropZone(content fyne.CanvasObject) *dropZone {
	z := &dropZone{content: content}
	z.ExtendBaseWidget(z)
	return z
}

func (z *dropZone) CreateRenderer() fyne.WidgetRenderer {
	frame := &canvas.Rectangle{StrokeWidth: 2, CornerRadius: theme.Padding() * 3}
	r := &dropZoneRenderer{zone: z, frame: frame}
	r.applyTheme()
	return r
}

type dropZoneRenderer struct {
	zone  *dropZone
	frame *canvas.Rectangle
}

func (r *dropZoneRenderer) applyTheme() {
	th := r.zone.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.frame.StrokeColor = withAlpha(th.Color(theme.ColorNamePrimary, v), 0x90)
	r.frame.FillColor = withAlpha(th.Color(theme.ColorNamePrimary, v), 0x10)
}

func (r *dropZoneRenderer) Layout(s fyne.Size) {
	pad := theme.Padding() * 4
	r.frame.Move(fyne.NewPos(pad, pad))
	r.frame.Resize(s.SubtractWidthHeight(2*pad, 2*pad))
	r.zone.content.Move(fyne.NewPos(2*pad, 2*pad))
	r.zone.content.Resize(s.SubtractWidthHeight(4*pad, 4*pad))
}

func (r *dropZoneRenderer) MinSize() fyne.Size {
	pad := theme.Padding() * 8
	return r.zone.content.MinSize().AddWidthHeight(pad, pad)
}

func (r *dropZoneRenderer) Refresh() {
	r.applyTheme()
	r.frame.Refresh()
	r.zone.content.Refresh()
}

func (r *dropZoneRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.frame, r.zone.content}
}

func (r *dropZoneRenderer) Destroy() {}
