package library

import (
	"slices"
	"strings"
	"testing"

	"briefdesk/internal/domain"
)

// bracketed renders a snippet with its marks in brackets, for readable
// expectations.
func bracketed(s domain.Snippet) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		b.WriteString(s.Text[at:m.Start] + "[" + s.Text[m.Start:m.End] + "]")
		at = m.End
	}
	b.WriteString(s.Text[at:])
	return b.String()
}

// Brackets in an article are text, never a match: matches are marked out
// of band (issue 19 item 7).
func TestSnippetMarksOutOfBand(t *testing.T) {
	body := "The minister said [the convoy] was delayed, and the convoy  reached\n the [port] on Monday."
	s := articleSnippet("Title", body, highlightTerms("convoy", true))
	if got := s.Matches(); !slices.Equal(got, []string{"convoy", "convoy"}) {
		t.Errorf("matches %q in %q", got, s.Text)
	}
	if !strings.Contains(s.Text, "[the convoy]") || !strings.Contains(s.Text, "[port]") || strings.Contains(s.Text, "  ") || strings.Contains(s.Text, "\n") {
		t.Errorf("snippet text %q: brackets must stay as text, whitespace collapsed", s.Text)
	}
	for _, m := range s.Marks {
		if s.Text[m.Start:m.End] != "convoy" {
			t.Errorf("mark %v covers %q", m, s.Text[m.Start:m.End])
		}
	}
}

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
		got := bracketed(articleSnippet("Title", body, highlightTerms(c.query, true)))
		if !strings.Contains(got, c.want) || !strings.HasPrefix(got, "\u2026") || !strings.HasSuffix(got, "\u2026") {
			t.Errorf("snippet for %q = %q, want it to hold %q between ellipses", c.query, got, c.want)
		}
		if n := len(strings.Fields(got)); n > snippetWords+2 {
			t.Errorf("snippet for %q has %d words", c.query, n)
		}
	}
	if got := bracketed(articleSnippet("Grain deal signed", body, highlightTerms("grain", true))); got != "[Grain] deal signed" {
		t.Errorf("title-only match: %q", got)
	}
	if got := bracketed(articleSnippet("Title", body, highlightTerms("unseen", true))); !strings.HasPrefix(got, "Filler words") {
		t.Errorf("no visible match: %q", got)
	}
}
