package library

import (
	"strings"
	"testing"
)

func TestSnippets(t *testing.T) {
	body := strings.Repeat("Filler words about nothing in particular here. ", 10) +
		"The European Commission proposed new sanctions on shipping companies in Zürich. " +
		strings.Repeat("More filler follows the news. ", 10)
	for _, c := range []struct{ query, want string }{
		{"sanction", "[sanctions]"},
		{"Commission sanctions", "[Commission] proposed new [sanctions]"},
		{"zurich ", "[Zürich]"},
		{"shipp", "[shipping]"},
		{`"european commission"`, "[European] [Commission]"},
		{"propose -filler", "[proposed]"},
	} {
		got := articleSnippet("Title", body, highlightTerms(c.query, true))
		if !strings.Contains(got, c.want) || !strings.HasPrefix(got, "\u2026") || !strings.HasSuffix(got, "\u2026") {
			t.Errorf("snippet for %q = %q, want it to hold %q between ellipses", c.query, got, c.want)
		}
		if n := len(strings.Fields(got)); n > snippetWords+2 {
			t.Errorf("snippet for %q has %d words", c.query, n)
		}
	}
	if got := articleSnippet("Grain deal signed", body, highlightTerms("grain", true)); got != "[Grain] deal signed" {
		t.Errorf("title-only match: %q", got)
	}
	if got := articleSnippet("Title", body, highlightTerms("unseen", true)); !strings.HasPrefix(got, "Filler words") {
		t.Errorf("no visible match: %q", got)
	}
}
