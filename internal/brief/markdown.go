package brief

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"

	"briefdesk/internal/domain"
)

// Markdown writes b's brief as Markdown, with the same content as its PDF.
func Markdown(w io.Writer, b *domain.Briefing, opts Options) error {
	const op = "brief.Markdown"
	p, err := Layout(b, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	p.Content.markdown(bw)
	return opError(op, bw.Flush())
}

// mdEscaper keeps source text from being read as Markdown syntax.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`,
)

// mdAutolink matches what Markdown viewers turn into links without any
// markup (GitHub's extended autolinks: a scheme, "www.", an e-mail address).
var mdAutolink = regexp.MustCompile(`(?i)(\b(?:https?|ftp)):(//)|\b(www)\.|@`)

// md escapes s for Markdown. Source text may hold bare links, which common
// viewers would make clickable: the escapes break the pattern ("https\://",
// "www\.", "\@") while the text reads the same.
func md(s string) string {
	return mdAutolink.ReplaceAllStringFunc(mdEscaper.Replace(s), func(m string) string {
		switch {
		case m == "@":
			return `\@`
		case strings.HasSuffix(m, "//"):
			return strings.TrimSuffix(m, "://") + `\://`
		}
		return strings.TrimSuffix(m, ".") + `\.`
	})
}

func (c *Content) markdown(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	if c.Classification != "" {
		p("**%s**\n\n", md(strings.ToUpper(c.Classification)))
	}
	p("# %s\n\n", md(c.Title))
	kicker := "Brief"
	if c.Multi {
		kicker = fmt.Sprintf("Brief · %d sources", len(c.Sources))
	}
	p("*%s · %s*\n\n", kicker, longDate(c.Date))
	if len(c.Sources) == 1 && !c.Multi {
		p("**Source:** %s\n\n", md(c.Sources[0].line()))
	} else if len(c.Sources) > 0 {
		p("**Sources**\n\n")
		for _, s := range c.Sources {
			p("%d. %s", s.N, md(s.line()))
			if s.Title != "" {
				p(" — *%s*", md(s.Title))
			}
			p("\n")
		}
		p("\n")
	}
	if c.Note != "" {
		p("**Note:** *%s*\n\n", md(c.Note))
	}
	if len(c.Points) > 0 {
		p("## Key points\n\n")
		for _, x := range c.Points {
			p("- %s", md(x.Text))
			if c.Multi {
				p(" \\[%d\\]", x.Source)
			}
			p("\n")
		}
		p("\n")
	}
	if len(c.Actors) > 0 {
		p("## Key actors\n\n")
		for _, a := range c.Actors {
			p("- **%s**", md(a.Name))
			if a.Role != "" {
				p(" — %s", md(a.Role))
			}
			if m := a.meta(); m != "" {
				p(" (%s)", md(m))
			}
			if a.Line != "" {
				p("  \n  %s", md(a.Line))
			}
			if a.Quote != "" {
				p("  \n  *%s*", md(a.quoted()))
			}
			p("\n")
		}
		p("\n")
	}
	if len(c.Facts) > 0 {
		p("## Key figures & dates\n\n")
		for _, f := range c.Facts {
			if before, after, ok := f.split(); ok {
				p("- %s**%s**%s", md(before), md(f.Text), md(after))
			} else {
				p("- **%s**", md(f.Text))
				if f.Context != "" {
					p(" — %s", md(f.Context))
				}
			}
			if c.Multi {
				p(" \\[%d\\]", f.Source)
			}
			p("\n")
		}
		p("\n")
	}
	p("---\n\n")
	if note := c.Omitted.note(); note != "" {
		p("*%s*\n\n", md(note))
	}
	if note := c.incompleteNote(); note != "" {
		p("**%s**\n\n", md(note))
	}
	p("%s\n", md(c.footerLine()))
	if c.Classification != "" {
		p("\n**%s**\n", md(strings.ToUpper(c.Classification)))
	}
}

// quoted renders the card's quote as the PDF does: in curly quotes when
// direct, as "Said: …" when reported.
func (a Card) quoted() string {
	if !a.Direct {
		return "Said: " + a.Quote
	}
	return "“" + a.Quote + "”"
}

// footerLine is the reference and generation line.
func (c *Content) footerLine() string {
	s := "Generated " + stamp(c.Generated)
	if c.Reference != "" {
		s = "Ref. " + c.Reference + " · " + s
	}
	return s + " · Extractive brief: points are quoted verbatim from the sources"
}
