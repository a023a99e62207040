package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The four samples the app ships import with their metadata split off and
// a clean body: no breadcrumb, byline, standfirst, credit or correction
// line left among the paragraphs.
func TestSamples(t *testing.T) {
	tests := []struct {
		file, title, standfirst, byline, dateline, credit, source, published, first, last string
	}{
		{file: "01-halvard-valley-troop-pullback.txt", title: "Kestria and Dravonia agree to pull 12,000 troops back from Halvard Valley",
			byline: "Miriam Castellane", dateline: "GENEVA, November 24 (Northline Press)", credit: "Northline Press", source: "Northline Press",
			first: "Kestria and Dravonia agreed on Tuesday", last: "The agreement must still be ratified"},
		{file: "02-halvard-ceasefire-what-comes-next.html", title: "Halvard ceasefire: can a 30-day pullback hold?",
			standfirst: "Kestria and Dravonia have signed up to a rapid troop withdrawal. Diplomats say the hard part starts now.",
			byline:     "Henrik Solberg, Diplomatic Correspondent", source: "The Continental Ledger", published: "2026-11-25",
			first: "Kestria and Dravonia will each pull their forces", last: "“The first week will tell us almost everything,” Müller said."},
		{file: "03-grain-council-corvan-strait.md", title: "Idle cranes at Dastra as shipping insurers shun the Corvan Strait",
			byline: "Sofia Lindqvist and Rahul Menon", source: "Harbourline Dispatch", published: "2026-11-23",
			first: "At the Marevian port of Dastra", last: "“If the strait is not open by Christmas,”"},
		{file: "04-valmora-grid-cyberattack.eml", title: "Valmora blames state-backed hackers for blackout that cut power to 1.3 million",
			byline: "Daniel Achterberg", dateline: "VELLINGE, November 25 (Meridian Wire)", credit: "Meridian Wire", source: "Meridian Wire",
			published: "2026-11-25", first: "Valmora’s government on Wednesday blamed", last: "Haddad said the grid remained"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("..", "..", "assets", "samples", tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(path, data)
			if err != nil {
				t.Fatal(err)
			}
			pub := ""
			if !a.Published.IsZero() {
				pub = a.Published.Format("2006-01-02")
			}
			got := []string{a.Title, a.Standfirst, a.Byline, a.Dateline, a.Credit, a.Source, pub}
			want := []string{tc.title, tc.standfirst, tc.byline, tc.dateline, tc.credit, tc.source, tc.published}
			for i, name := range []string{"title", "standfirst", "byline", "dateline", "credit", "source", "published"} {
				if got[i] != want[i] {
					t.Errorf("%s = %q, want %q", name, got[i], want[i])
				}
			}
			if first := a.Paragraphs[0]; !strings.HasPrefix(first, tc.first) {
				t.Errorf("first paragraph %.80q, want it to start %q", first, tc.first)
			}
			if last := a.Paragraphs[len(a.Paragraphs)-1]; !strings.HasPrefix(last, tc.last) {
				t.Errorf("last paragraph %.80q, want it to start %q", last, tc.last)
			}
			for _, p := range a.Paragraphs {
				if breadcrumb(p) || bylineRe.MatchString(p) || strings.Contains(p, "Reporting by") || strings.Contains(p, "amended") || strings.Contains(p, "›") {
					t.Errorf("furniture in the body: %q", p)
				}
			}
		})
	}
}

// Breadcrumb trails and page furniture are dropped wherever they stand;
// sentences that use the same characters stay.
func TestBreadcrumbs(t *testing.T) {
	for p, want := range map[string]bool{
		"World › Halvard Valley":                                true,
		"Home » News » Europe":                                  true,
		"Home / World / Middle East":                            true,
		"News > World > Africa":                                 true,
		"Europe | Security":                                     true,
		"Politics → Elections 2026":                             true,
		"The vote was 52 / 48 in favour.":                       false,
		"Talks stalled, officials said | Reuters":               false,
		"Kestria > Dravonia on every measure, the report found": false,
		"GDP grew 3% / year":                                    false,
		"Prices rose":                                           false,
		"Analysis: what the ceasefire means":                    false,
	} {
		if breadcrumb(p) != want {
			t.Errorf("breadcrumb(%q) = %v, want %v", p, !want, want)
		}
	}
	in := "Talks fail\n\nHome » World » Europe\n\nThe talks ended without a deal on Friday.\n\nBack to top\n\nThey will meet again in May.\n\nMost read\n\nThis article was amended on 3 March 2026 to correct a name."
	a, err := Parse("crumbs.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"The talks ended without a deal on Friday.", "They will meet again in May."}; strings.Join(a.Paragraphs, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs %q, want %q", a.Paragraphs, want)
	}
	html := `<html><head><title>Talks fail | Harbour Times</title></head><body><article>
<p class="crumbs"><a href="/">Home</a> » <a href="/world">World</a> » <a href="/europe">Europe</a></p>
<h1>Talks fail</h1>
<p>The talks between the two delegations ended without a deal on Friday after three days of meetings in Geneva, officials said.</p>
<p>Both sides blamed each other for the failure and said they would need new instructions from their capitals before meeting again.</p>
<p>A further round is expected in May, when the mediators hope to present a new draft of the withdrawal timetable to both parties.</p>
</article></body></html>`
	a, err = Parse("crumbs.html", []byte(html))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Body(), "Europe") || !strings.HasPrefix(a.Paragraphs[0], "The talks between") {
		t.Errorf("breadcrumb left in the page body: %q", a.Paragraphs)
	}
}

// A page description that echoes the lede does not take the lede out of
// the body; one that rewords the visible standfirst replaces it.
func TestStandfirstFromDescription(t *testing.T) {
	page := func(desc, lead string) string {
		return `<html><head><title>Talks fail</title><meta name="description" content="` + desc + `"></head><body><article>
<h1>Talks fail</h1>` + lead + `
<p>Both sides blamed each other for the failure and said they would need new instructions from their capitals before meeting again.</p>
<p>A further round is expected in May, when the mediators hope to present a new draft of the withdrawal timetable to both parties.</p>
</article></body></html>`
	}
	const lede = "The talks between the two delegations ended without a deal on Friday in Geneva, officials said."
	a, err := Parse("lede.html", []byte(page("Talks between the two delegations ended without any deal on Friday in Geneva, officials said",
		`<p class="byline">By Ann Berg</p><p>`+lede+`</p>`)))
	if err != nil {
		t.Fatal(err)
	}
	if a.Paragraphs[0] != lede {
		t.Errorf("lede lost: standfirst %q, paragraphs %q", a.Standfirst, a.Paragraphs)
	}
	a, err = Parse("standfirst.html", []byte(page("The two delegations failed to agree in Geneva on Friday. Mediators now hope for May, officials said",
		`<p class="standfirst">The two delegations failed to agree. Mediators now hope for May.</p><p class="byline">By Ann Berg</p><p>`+lede+`</p>`)))
	if err != nil {
		t.Fatal(err)
	}
	if a.Standfirst != "The two delegations failed to agree. Mediators now hope for May." || a.Paragraphs[0] != lede {
		t.Errorf("standfirst %q, paragraphs %q", a.Standfirst, a.Paragraphs)
	}
}
