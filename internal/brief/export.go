package brief

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"briefdesk/internal/domain"
)

// Format is an export format of the brief.
type Format string

// Export formats.
const (
	FormatPDF      Format = "pdf"
	FormatMarkdown Format = "md"
	FormatText     Format = "txt"
	FormatDOCX     Format = "docx"
)

// Formats lists the export formats in the order a menu shows them.
var Formats = []Format{FormatPDF, FormatDOCX, FormatMarkdown, FormatText}

// Ext is the file extension for f, with its dot.
func (f Format) Ext() string { return "." + string(f) }

// Label names f for a menu or a save dialog's filter.
func (f Format) Label() string {
	switch f {
	case FormatPDF:
		return "PDF (one page)"
	case FormatDOCX:
		return "Word document (DOCX)"
	case FormatMarkdown:
		return "Markdown"
	case FormatText:
		return "Plain text (e-mail)"
	}
	return string(f)
}

// FormatOf picks the format from a file name's extension; false when the
// extension is none of ours.
func FormatOf(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf":
		return FormatPDF, true
	case ".docx":
		return FormatDOCX, true
	case ".md", ".markdown":
		return FormatMarkdown, true
	case ".txt", ".text":
		return FormatText, true
	}
	return "", false
}

// Export writes b's brief in format f.
func Export(w io.Writer, b *domain.Briefing, opts Options, f Format) error {
	switch f {
	case FormatPDF:
		return PDF(w, b, opts)
	case FormatDOCX:
		return DOCX(w, b, opts)
	case FormatMarkdown:
		return Markdown(w, b, opts)
	case FormatText:
		return Text(w, b, opts)
	}
	return &domain.InputError{Path: string(f), Reason: fmt.Sprintf("unknown brief format %q (use pdf, docx, md or txt)", string(f))}
}
