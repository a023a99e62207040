package ingest

import "testing"

// Datelines in the forms wires and papers use, and sentences that look
// like them but are not.
func TestDatelines(t *testing.T) {
	const rest = "Foreign ministers from Ardesia and Kestria met for a second day of talks."
	tests := []struct {
		name, lead       string // lead is what stands before rest
		dateline, source string // want; dateline "" means the paragraph is left whole
	}{
		{"day first caps hyphen", "VELMORA, 14 March - ", "VELMORA, 14 March", ""},
		{"day first en dash", "VELMORA, 14 March – ", "VELMORA, 14 March", ""},
		{"day first em dash no spaces", "VELMORA, 14 March—", "VELMORA, 14 March", ""},
		{"day first title case", "Velmora, 14 March - ", "Velmora, 14 March", ""},
		{"month first", "VELMORA, March 14 — ", "VELMORA, March 14", ""},
		{"month first with year", "VELMORA, March 14, 2026 -- ", "VELMORA, March 14, 2026", ""},
		{"abbreviated month", "Velmora, Mar. 14 — ", "Velmora, Mar. 14", ""},
		{"weekday", "LONDON, Tuesday — ", "LONDON, Tuesday", ""},
		{"day first reuters", "VELMORA, 14 March (Reuters) - ", "VELMORA, 14 March (Reuters)", "Reuters"},
		{"day first year agency", "RIO DE JANEIRO, 3 March 2026 (Reuters) — ", "RIO DE JANEIRO, 3 March 2026 (Reuters)", "Reuters"},
		{"month first afp", "PARIS, March 3 (AFP) – ", "PARIS, March 3 (AFP)", "Agence France-Presse"},
		{"multiword caps", "NEW YORK — ", "NEW YORK", ""},
		{"multiword caps date", "NEW YORK, 3 March - ", "NEW YORK, 3 March", ""},
		{"rio caps", "RIO DE JANEIRO — ", "RIO DE JANEIRO", ""},
		{"rio title with date", "Rio de Janeiro, 3 March – ", "Rio de Janeiro, 3 March", ""},
		{"city and country caps", "KYIV, Ukraine — ", "KYIV, Ukraine", ""},
		{"city and country title", "Kyiv, Ukraine – ", "Kyiv, Ukraine", ""},
		{"city country date", "KYIV, Ukraine, 14 March - ", "KYIV, Ukraine, 14 March", ""},
		{"city country agency", "Dhaka, Bangladesh (CNN) ", "Dhaka, Bangladesh (CNN)", "CNN"},
		{"town province country agency", "Chao Hu, Anhui, China (CNN)", "Chao Hu, Anhui, China (CNN)", "CNN"},
		{"agency only", "(AP) — ", "(AP)", "Associated Press"},

		{"place then comma sentence", "Velmora, the capital, ", "", ""},
		{"place comma country sentence", "Geneva, Switzerland, hosted the meeting. ", "", ""},
		{"place as subject", "Velmora said on Tuesday that ", "", ""},
		{"caps then lower case", "NATO – ", "", ""},
		{"label", "ANALYSIS — ", "", ""},
		{"title case label", "Background – ", "", ""},
		{"two word label", "Developing story — ", "", ""},
		{"month as subject", "March 14 — ", "", ""},
		{"possessive", "Velmora's Foreign Minister — ", "", ""},
		{"title case phrase", "Foreign Minister Anna Berg — ", "", ""},
		{"hyphenated word", "Velmora-Kestria talks: ", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			para := tc.lead + rest
			if tc.name == "caps then lower case" {
				para = tc.lead + "the alliance said its foreign ministers would meet again."
			}
			a, err := Parse("dateline.txt", []byte("Talks continue\n\n"+para+"\n\nThey will meet again in May."))
			if err != nil {
				t.Fatal(err)
			}
			want := rest
			if tc.dateline == "" {
				want = para
			}
			if a.Dateline != tc.dateline || a.Source != tc.source || a.Paragraphs[0] != want {
				t.Errorf("dateline %q source %q first %q; want %q, %q, %q", a.Dateline, a.Source, a.Paragraphs[0], tc.dateline, tc.source, want)
			}
		})
	}
}
