package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Small pieces of look shared by the screens: headings, sections, quiet
// notes and colour helpers.

// withAlpha returns c with alpha a (colours from the theme are opaque).
func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// heading returns a section heading label.
func heading(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
}

// section frames a part of the briefing view with a heading.
func section(title string, trailing fyne.CanvasObject, body fyne.CanvasObject) fyne.CanvasObject {
	head := fyne.CanvasObject(heading(title))
	if trailing != nil {
		head = container.NewBorder(nil, nil, nil, trailing, head)
	}
	return container.NewVBox(head, body)
}

// newNote returns secondary text: quieter than body text (placeholder colour,
// caption size) but, unlike a low-importance label, readable in both themes.
func newNote(text string, wrap bool) *widget.RichText {
	rt := &widget.RichText{}
	if wrap {
		rt.Wrapping = fyne.TextWrapWord
	} else {
		rt.Truncation = fyne.TextTruncateEllipsis
	}
	setNote(rt, text)
	return rt
}

// setNote replaces a note's text.
func setNote(rt *widget.RichText, text string) {
	rt.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: text, Style: noteStyle}}
	rt.Refresh()
}

var noteStyle = widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText, Inline: true}

// oneLine collapses runs of white space, so a title with a stray line break
// stays on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// dialogSize is want, shrunk to leave a margin inside window w, so a dialog
// never overflows a small window (1024×700 is the smallest we support) and a
// preview can grow in a large one.
func dialogSize(w fyne.Window, want fyne.Size) fyne.Size {
	const margin = 40
	c := w.Canvas().Size()
	if c.Width <= 0 || c.Height <= 0 {
		return want
	}
	return fyne.NewSize(min(want.Width, c.Width-margin), min(want.Height, c.Height-margin))
}
