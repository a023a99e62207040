package brief

import "testing"

// TestFontCoverage checks the glyph table read from the embedded fonts:
// the letters of European names and typographic quotes are drawn, scripts
// Noto Sans does not hold are not (the brief drops them rather than print
// empty boxes).
func TestFontCoverage(t *testing.T) {
	m := getMetrics()
	for st := Regular; st <= Italic; st++ {
		for _, r := range "AZaz09łŁşŞćčřżÖüñ“”‘’–—…€£" {
			if !m.has(r, st) {
				t.Errorf("style %d lacks %q", st, r)
			}
		}
		for _, r := range "中文日本語한국" {
			if m.has(r, st) {
				t.Errorf("style %d claims %q", st, r)
			}
		}
	}
}
