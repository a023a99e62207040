package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/domain"
)

// quoteChars is how much of a quote a card shows; the full quote is in the text.
const quoteChars = 90

// actorCard shows one key actor: type icon, name, role, mentions and a
// quote. Tapping it filters the article text to the actor's sentences.
type actorCard struct {
	widget.BaseWidget
	actor    *domain.Actor
	onTap    func()
	selected bool
	hovered  bool
	bg       *canvas.Rectangle
}

func newActorCard(a *domain.Actor, onTap func()) *actorCard {
	c := &actorCard{actor: a, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

func (c *actorCard) CreateRenderer() fyne.WidgetRenderer {
	a := c.actor
	c.bg = &canvas.Rectangle{CornerRadius: theme.InputRadiusSize(), StrokeWidth: 1}
	name := &widget.Label{Text: oneLine(a.Name), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	role := a.Role
	if role == "" {
		role = strings.ToUpper(string(a.Type[:1])) + string(a.Type[1:])
	}
	// wrapped, not cut: "Kestrian Defence Minis…" hid the very office the
	// officer needs
	roleLabel := &widget.Label{Text: oneLine(role), Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	mentions := "1 mention"
	if a.Mentions != 1 {
		mentions = fmt.Sprintf("%d mentions", a.Mentions)
	}
	if a.Level != "" {
		mentions += " · " + a.Level
	}
	stats := newNote(mentions, false)
	quote := &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}, SizeName: theme.SizeNameCaptionText}
	switch {
	case len(a.Quotes) > 0:
		quote.SetText("“" + shorten(a.Quotes[0].Text, quoteChars) + "”")
	case a.Did != "":
		quote.SetText(shorten(a.Did, quoteChars))
		quote.TextStyle = fyne.TextStyle{}
	}
	icon := widget.NewIcon(actorIcon(string(a.Type)))
	top := container.NewBorder(nil, nil, container.NewCenter(icon), nil, container.NewVBox(name, roleLabel))
	body := container.NewBorder(top, nil, nil, nil, container.NewVBox(stats, quote))
	c.applyColors()
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewPadded(body)))
}

func (c *actorCard) applyColors() {
	if c.bg == nil {
		return
	}
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	c.bg.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	c.bg.StrokeWidth = 1
	if c.hovered {
		c.bg.FillColor = th.Color(theme.ColorNameHover, v)
	}
	if c.selected {
		c.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		c.bg.StrokeWidth = 2
	}
	c.bg.Refresh()
}

func (c *actorCard) setSelected(s bool) {
	c.selected = s
	c.applyColors()
}

// Tapped filters the text to this actor.
func (c *actorCard) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

func (c *actorCard) Cursor() desktop.Cursor         { return desktop.PointerCursor }
func (c *actorCard) MouseIn(*desktop.MouseEvent)    { c.hovered = true; c.applyColors() }
func (c *actorCard) MouseMoved(*desktop.MouseEvent) {}
func (c *actorCard) MouseOut()                      { c.hovered = false; c.applyColors() }

// shorten cuts s at a word boundary to at most n characters, adding an ellipsis.
func shorten(s string, n int) string {
	r := []rune(oneLine(s))
	if len(r) <= n {
		return string(r)
	}
	cut := n
	for i := n; i > n/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}
