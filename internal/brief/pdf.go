package brief

import (
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// WritePDF draws the page as a one-page PDF with the fonts embedded.
func (p *Page) WritePDF(w io.Writer) error {
	size := "A4"
	if p.Paper == Letter {
		size = "Letter"
	}
	f := fpdf.New("P", "mm", size, "")
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCatalogSort(true)
	for s := Regular; s <= Italic; s++ {
		f.AddUTF8FontFromBytes(family, s.fpdfStyle(), fontBytes(s))
	}
	c := p.Content
	f.SetTitle(c.Title, true)
	f.SetCreator("Briefdesk", true)
	f.SetProducer("Briefdesk", true)
	if c.Classification != "" {
		f.SetSubject(c.Classification, true)
	}
	var pubs []string
	for _, s := range c.Sources {
		if s.Publication != "" {
			pubs = append(pubs, s.Publication)
		}
	}
	if len(pubs) > 0 {
		f.SetKeywords(strings.Join(pubs, ", "), true)
	}
	f.SetCreationDate(c.Generated)
	f.SetModificationDate(c.Generated)
	f.AddPage()
	var font struct {
		st   Style
		size float64
		set  bool
	}
	for _, it := range p.Items {
		switch it.Kind {
		case TextItem:
			if !font.set || font.st != it.Style || font.size != it.Size {
				f.SetFont(family, it.Style.fpdfStyle(), it.Size)
				font.st, font.size, font.set = it.Style, it.Size, true
			}
			f.SetTextColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
			f.Text(it.X, it.Y, it.Text)
		case RectItem:
			f.SetFillColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
			f.Rect(it.X, it.Y, it.W, it.H, "F")
		case LineItem:
			f.SetDrawColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
			f.SetLineWidth(it.Stroke)
			f.Line(it.X, it.Y, it.X+it.W, it.Y+it.H)
		}
	}
	if f.PageCount() != 1 {
		f.SetError(errOnePage)
	}
	return f.Output(w)
}
