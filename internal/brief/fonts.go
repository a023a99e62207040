package brief

import (
	"encoding/binary"
	"sync"

	"briefdesk/assets"

	"github.com/go-pdf/fpdf"
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

// cmapRunes returns which BMP runes a TrueType font maps to a glyph, read
// from its Unicode (format 4) cmap subtable. fpdf does not expose this, and
// its widths give a missing glyph a default width, so we read it ourselves.
func cmapRunes(ttf []byte) []bool {
	out := make([]bool, 0x10000)
	u16 := func(o int) int {
		if o < 0 || o+2 > len(ttf) {
			return 0
		}
		return int(binary.BigEndian.Uint16(ttf[o:]))
	}
	u32 := func(o int) int {
		if o < 0 || o+4 > len(ttf) {
			return 0
		}
		return int(binary.BigEndian.Uint32(ttf[o:]))
	}
	cmap := -1
	for i, n := 0, u16(4); i < n; i++ {
		rec := 12 + 16*i
		if string(ttf[rec:rec+4]) == "cmap" {
			cmap = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return out
	}
	sub := -1
	for i, n := 0, u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		pid, eid := u16(rec), u16(rec+2)
		off := cmap + u32(rec+4)
		if u16(off) == 4 && ((pid == 3 && eid == 1) || pid == 0) {
			sub = off
			break
		}
	}
	if sub < 0 {
		return out
	}
	segs := u16(sub+6) / 2
	ends, starts := sub+14, sub+16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	for i := 0; i < segs; i++ {
		end, start := u16(ends+2*i), u16(starts+2*i)
		delta, ro := u16(deltas+2*i), u16(ranges+2*i)
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if idx := u16(ranges + 2*i + ro + 2*(c-start)); idx != 0 {
				g = (idx + delta) & 0xFFFF
			}
			out[c] = g != 0
		}
	}
	return out
}
