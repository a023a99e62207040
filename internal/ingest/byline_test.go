package ingest

import (
	"strings"
	"testing"
)

// A byline is names only: what pages print beside them is cut away.
func TestCleanByline(t *testing.T) {
	cases := []struct{ in, want string }{
		{"By Jane Doe | 3 min read", "Jane Doe"},
		{"Jeff Foust Monday, November 18, 2019", "Jeff Foust"},
		{"Natasha Turak@NatashaTurak", "Natasha Turak"},
		{"Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST", "Chris Pokorny"},
		{"Monday November 18, 2019 7:45 am PST by Joe Rossignol", "Joe Rossignol"},
		{"Kashmira Gander On 11/13/19 at 4:00 PM EST", "Kashmira Gander"},
		{"Megan Rowe meganr@spokesman.com(509) 459-5382", "Megan Rowe"},
		{"Tariq Malik, Mike Wall 2019-11-18T22:05:36Z", "Tariq Malik, Mike Wall"},
		{"Tanza Loudenback, Business Insider 13.11.2019, 23:06", "Tanza Loudenback"},
		{"By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER Associated Press", "LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER"},
		{"by Tom Reyes on Ballpark", "Tom Reyes"},
		{"Posted by Vortex", "Vortex"},
		{"Staff Reports -", "Staff Reports"},
		{"Henrik Solberg, Diplomatic Correspondent", "Henrik Solberg, Diplomatic Correspondent"},
		{"By", ""},
		{"Biography", ""},
		{"the editorial board of this newspaper", ""},
	}
	for _, c := range cases {
		if got := cleanByline(c.in); got != c.want {
			t.Errorf("cleanByline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A story that opens with bullet highlights and a "Name · date" line keeps
// the agency of its dateline as its source; the reporter is the byline,
// never the source (which the library's Sources filter lists).
func TestReporterIsNotTheSource(t *testing.T) {
	text := "Ceasefire talks resume in Geneva\n\n• Delegations meet for first time since March\n\n• Mediators hope for a deal by May\n\n" +
		"Jane Doe · 3 March 2026\n\nGENEVA, March 3 (Reuters) - Delegations from both sides met in Geneva on Tuesday for the first time since the ceasefire collapsed, mediators said.\n\n" +
		"The talks are expected to last three days.\n"
	a, err := Parse("wire.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "Reuters" || a.Byline != "Jane Doe" || a.Published.Format("2006-01-02") != "2026-03-03" {
		t.Errorf("source %q byline %q published %v; want Reuters, Jane Doe, 2026-03-03", a.Source, a.Byline, a.Published)
	}
	if !strings.HasPrefix(a.Paragraphs[0], "Delegations from both sides") {
		t.Errorf("body starts %q", a.Paragraphs[0])
	}
	pub := "Harbourline Dispatch · 23 November 2026"
	var d doc
	if !d.parseDate(pub) || d.source != "Harbourline Dispatch" || d.byline != "" {
		t.Errorf("%q: source %q byline %q", pub, d.source, d.byline)
	}
}

// A page that names its publication as the author has no byline: the
// publication is the source.
func TestPublicationIsNotTheByline(t *testing.T) {
	page := `<html><head><title>Port strike ends</title><meta name="author" content="Coastline Herald">
<meta property="og:site_name" content="Coastline Herald"></head><body><article><h1>Port strike ends</h1>
<p>Dock workers at the port of Velmora voted on Thursday to end a nine-day strike that had left more than forty container ships waiting at anchor outside the harbour.</p>
<p>The union said its members had accepted a pay rise of 6 percent this year and a further 4 percent next year, together with a promise on cranes.</p>
<p>Shipping companies said it would take at least two weeks to clear the backlog, and several retailers warned that some goods could be missing from shelves.</p>
</article></body></html>`
	a, err := Parse("strike.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if a.Byline != "" || a.Source != "Coastline Herald" {
		t.Errorf("byline %q, source %q", a.Byline, a.Source)
	}
}
