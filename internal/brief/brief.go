// Package brief renders a briefing as a one-page brief: PDF (A4 or Letter,
// always one page), Markdown, plain text and DOCX, and prints it through CUPS.
//
// Every format is made from the same fitted content (Layout), so what the
// officer previews, prints, pastes into an e-mail or edits in an office suite
// says the same thing.
package brief

import (
	"io"
	"time"

	"briefdesk/internal/domain"
)

// Paper is a page size.
type Paper string

// Paper sizes.
const (
	A4     Paper = "a4"
	Letter Paper = "letter"
)

// Options control a brief's rendering.
type Options struct {
	Paper          Paper
	Classification string    // overrides the briefing's classification line when not empty
	Reference      string    // library reference printed in the footer
	Generated      time.Time // generation time printed in the footer; zero means now
	Fit            bool      // fill the page with as many ranked sentences as fit
}

// PDF writes b as a one-page PDF.
func PDF(w io.Writer, b *domain.Briefing, opts Options) error {
	const op = "brief.PDF"
	p, err := Layout(b, opts)
	if err != nil {
		return err
	}
	if err := p.WritePDF(w); err != nil {
		return opError(op, err)
	}
	return nil
}
