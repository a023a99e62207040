package brief

import (
	"sync"

	"briefdesk/assets"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
)

// Style is a text style of the brief's typeface.
type Style uint8

// Text styles.
const (
	Regular Style = iota
	Bold
	Italic
)

// fpdfStyle is the style string fpdf uses for s.
func (s Style) fpdfStyle() string {
	switch s {
	case Bold:
		return "B"
	case Italic:
		return "I"
	}
	return ""
}

// family is the name the fonts are registered under in every PDF.
const family = "NotoSans"

// fontBytes returns the embedded TrueType file for s.
func fontBytes(s Style) []byte {
	switch s {
	case Bold:
		return assets.NotoSansBold
	case Italic:
		return assets.NotoSansItalic
	}
	return assets.NotoSansRegular
}

// metrics holds the advance widths (in 1/1000 em) of the Basic Multilingual
// Plane for each style, read once through fpdf so that the layout measures
// exactly what fpdf will draw, without building a PDF for every measurement.
type metrics struct {
	width [3][]uint16
}

var (
	metricsOnce sync.Once
	fontMetrics *metrics
)

func getMetrics() *metrics {
	metricsOnce.Do(func() {
		m := &metrics{}
		f := fpdf.New("P", "mm", "A4", "")
		for s := Regular; s <= Italic; s++ {
			f.AddUTF8FontFromBytes(family, s.fpdfStyle(), fontBytes(s))
			f.SetFont(family, s.fpdfStyle(), 10)
			covered := cmapRunes(fontBytes(s))
			w := make([]uint16, 0x10000)
			for r := rune(0x20); r < 0x10000; r++ {
				if r >= 0xD800 && r <= 0xDFFF {
					continue
				}
				if !covered[r] {
					continue // fpdf would guess a width; we drop the rune instead
				}
				if v := f.GetStringSymbolWidth(string(r)); v > 0 {
					w[r] = uint16(v)
				}
			}
			m.width[s] = w
		}
		fontMetrics = m
	})
	return fontMetrics
}

// ptToMM converts typographic points to millimetres.
const ptToMM = 25.4 / 72

// textWidth returns the width of s in millimetres at size points.
func (m *metrics) textWidth(s string, st Style, size float64) float64 {
	t := m.width[st]
	n := 0
	for _, r := range s {
		if r < 0x10000 {
			n += int(t[r])
		}
	}
	return float64(n) * size / 1000 * ptToMM
}

// has reports whether the font draws r in style st; text is cleaned of runes
// it lacks so the PDF never shows empty boxes and widths stay exact.
func (m *metrics) has(r rune, st Style) bool {
	return r < 0x10000 && m.width[st][r] > 0
}

// cmapRunes returns which BMP runes a TrueType font maps to a glyph. fpdf
// does not expose this, and its widths give a missing glyph a default width,
// so the font's own cmap is read through sfnt.
func cmapRunes(ttf []byte) []bool {
	out := make([]bool, 0x10000)
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return out // the fonts are embedded: TestFontsCover fails first
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 0xFFFF; r++ {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			out[r] = true
		}
	}
	return out
}
