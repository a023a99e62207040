package app

import (
	"testing"

	"briefdesk/internal/domain"
)

// TestSourceFallsBackToFileLast checks who an article is said to come from:
// a file name is shown only when nothing better is known, and never as a
// full path.
func TestSourceFallsBackToFileLast(t *testing.T) {
	file := domain.Origin{Name: "/home/officer/Desktop/harbour-talks.txt", Format: domain.FormatText}
	for _, tc := range []struct {
		name    string
		a       domain.Article
		source  string // sourceName
		meta    string // metaLine of a one-article briefing
		article string // articleName
	}{
		{"publication", domain.Article{Source: "Harbour Gazette", Byline: "Ilse Marten", Origin: file},
			"Harbour Gazette", "Harbour Gazette · By Ilse Marten", "Harbour Gazette"},
		{"credit", domain.Article{Credit: "AA", Origin: file}, "AA", "AA", "AA"},
		{"byline only", domain.Article{Title: "Talks resume", Byline: "Ilse Marten", Origin: file},
			"By Ilse Marten", "By Ilse Marten", "By Ilse Marten"},
		{"link", domain.Article{Title: "Talks resume", Origin: domain.Origin{Name: "https://www.example.org/news/talks", Format: domain.FormatHTML}},
			"example.org", "example.org", "example.org"},
		{"file only", domain.Article{Title: "Talks resume", Origin: file},
			"", "Source unknown (file harbour-talks.txt)", "Talks resume"},
		{"pasted", domain.Article{Origin: domain.Origin{Format: domain.FormatPaste}},
			"", "Source unknown (pasted text)", "pasted text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.a
			if got := sourceName(&a); got != tc.source {
				t.Errorf("sourceName = %q, want %q", got, tc.source)
			}
			if got := metaLine(&domain.Briefing{Articles: []*domain.Article{&a}}); got != tc.meta {
				t.Errorf("metaLine = %q, want %q", got, tc.meta)
			}
			if got := articleName(&a); got != tc.article {
				t.Errorf("articleName = %q, want %q", got, tc.article)
			}
		})
	}
	two := &domain.Briefing{Articles: []*domain.Article{{Source: "A"}, {Source: "B"}}}
	if got, want := metaLine(two), "A · and 1 more article"; got != want {
		t.Errorf("metaLine of two articles = %q, want %q", got, want)
	}
}

// TestFileName checks the names offered when a brief is exported.
func TestFileName(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"Kestria and Dravonia agree to pull 12,000 troops back from Halvard Valley", "Kestria and Dravonia agree to pull 12,000 troops back from Halvard Valley"},
		{"Kestria and Dravonia agree to pull 12,000 troops back from the disputed Halvard Valley after talks", "Kestria and Dravonia agree to pull 12,000 troops back from the disputed Halvard"},
		{"Ministers of Ardesia, Kestrel and Velmora agree on a plan for the harbour after talks in", "Ministers of Ardesia Kestrel and Velmora agree on a plan for the harbour"},
		{"Talks: day 3 / Geneva", "Talks day 3 Geneva"},
		{"Ministers agree harbour deal, 40 ships a day", "Ministers agree harbour deal 40 ships a day"},
		{"???", "brief"},
		{"Łódź mayor meets envoy", "Łódź mayor meets envoy"},
	} {
		if got := fileName(tc.title); got != tc.want {
			t.Errorf("fileName(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}
