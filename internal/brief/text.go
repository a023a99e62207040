package brief

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"briefdesk/internal/domain"
)

// textWidth is where plain-text lines wrap: the width e-mail clients have
// always shown without reflowing.
const textWidth = 76

// Text writes b's brief as plain text for an e-mail, with the same content as
// its PDF.
func Text(w io.Writer, b *domain.Briefing, opts Options) error {
	const op = "brief.Text"
	p, err := Layout(b, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	p.Content.text(bw)
	return opError(op, bw.Flush())
}

func (c *Content) text(w io.Writer) {
	p := func(s string) { io.WriteString(w, s) }
	wrap := func(first, rest, s string) {
		p(wrapText(s, first, rest, textWidth))
	}
	if c.Classification != "" {
		p(strings.ToUpper(c.Classification) + "\n\n")
	}
	title := wrapText(c.Title, "", "", textWidth)
	p(title)
	p(strings.Repeat("=", min(textWidth, maxLineLen(title))) + "\n")
	kicker := "Brief"
	if c.Multi {
		kicker = fmt.Sprintf("Brief · %d sources", len(c.Sources))
	}
	p(kicker + " · " + longDate(c.Date) + "\n\n")
	if len(c.Sources) == 1 && !c.Multi {
		wrap("Source: ", "        ", c.Sources[0].line())
	} else if len(c.Sources) > 0 {
		p("Sources:\n")
		for _, s := range c.Sources {
			line := s.line()
			if s.Title != "" {
				line += " — " + s.Title
			}
			wrap(fmt.Sprintf("[%d] ", s.N), "    ", line)
		}
	}
	if c.Note != "" {
		p("\n")
		wrap("Note: ", "      ", c.Note)
	}
	if len(c.Points) > 0 {
		p("\nKEY POINTS\n\n")
		for _, x := range c.Points {
			s := x.Text
			if c.Multi {
				s += fmt.Sprintf(" [%d]", x.Source)
			}
			wrap("• ", "  ", s)
		}
	}
	if len(c.Actors) > 0 {
		p("\nKEY ACTORS\n\n")
		for _, a := range c.Actors {
			head := a.Name
			if a.Role != "" {
				head += " — " + a.Role
			}
			if m := a.meta(); m != "" {
				head += " (" + m + ")"
			}
			wrap("• ", "  ", head)
			if a.Line != "" {
				wrap("  ", "  ", a.Line)
			}
			if a.Quote != "" {
				wrap("  ", "  ", a.quoted())
			}
		}
	}
	if len(c.Facts) > 0 {
		p("\nKEY FIGURES & DATES\n\n")
		for _, f := range c.Facts {
			s := f.Text
			if _, _, ok := f.split(); ok {
				s = f.Context // the figure stands in its words
			} else if f.Context != "" {
				s += " — " + f.Context
			}
			if c.Multi {
				s += fmt.Sprintf(" [%d]", f.Source)
			}
			wrap("• ", "  ", s)
		}
	}
	p("\n-- \n")
	if note := c.Omitted.note(); note != "" {
		wrap("", "", note)
	}
	if note := c.incompleteNote(); note != "" {
		wrap("", "", note)
	}
	wrap("", "", c.footerLine())
	if c.Classification != "" {
		p("\n" + strings.ToUpper(c.Classification) + "\n")
	}
}

// wrapText breaks s into lines of at most width runes at spaces, the first
// line starting with first and the others with rest. Words are never split.
func wrapText(s, first, rest string, width int) string {
	var b strings.Builder
	prefix := first
	n := 0
	for i, word := range strings.Fields(s) {
		wl := utf8.RuneCountInString(word)
		switch {
		case i == 0:
			b.WriteString(prefix)
			n = utf8.RuneCountInString(prefix)
		case n+1+wl > width:
			b.WriteString("\n")
			b.WriteString(rest)
			n = utf8.RuneCountInString(rest)
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += wl
	}
	b.WriteString("\n")
	return b.String()
}

// maxLineLen is the length in runes of the longest line of s.
func maxLineLen(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		n = max(n, utf8.RuneCountInString(l))
	}
	return n
}
