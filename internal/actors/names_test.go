package actors

import (
	"encoding/json"
	"strings"
	"testing"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// exact returns the card named exactly name, ignoring aliases.
func exact(cards []domain.Actor, name string) *domain.Actor {
	for i := range cards {
		if cards[i].Name == name {
			return &cards[i]
		}
	}
	return nil
}

func logCards(t *testing.T, cards []domain.Actor) {
	t.Helper()
	for _, c := range cards {
		t.Logf("%s (%s) aliases=%q mentions=%d did=%q", c.Name, c.Type, c.Aliases, c.Mentions, c.Did)
	}
}

// TestNameCards checks, on fixtures written for these cases, that
// coordinated names split, single names with "and" stay whole, names are
// typed by their head words and by what the text says of unknown
// countries, and datelines and credits make no cards.
func TestNameCards(t *testing.T) {
	cases := []struct {
		file   string
		want   map[string]domain.ActorType // card name -> type
		absent []string                    // no card may have this name or alias
	}{
		{
			file: "coord-fictional.txt",
			want: map[string]domain.ActorType{"Kestria": domain.Place, "Dravonia": domain.Place},
			absent: []string{"Kestria and Dravonia", "Velmora", "VELMORA", "Northline Press",
				"Ilona Varga", "Tomas Reed"},
		},
		{
			file: "coord-real.txt",
			want: map[string]domain.ActorType{
				"Britain": domain.Place, "France": domain.Place,
				"Bosnia and Herzegovina": domain.Place, "Procter and Gamble": domain.Organization,
			},
			absent: []string{"Britain and France", "Reuters", "LONDON", "Bosnia", "Gamble"},
		},
		{
			file: "heads.txt",
			want: map[string]domain.ActorType{
				"Halvard Valley": domain.Place, "Port of Dastra": domain.Place,
				"Northern Defence Compact": domain.Organization, "Corvan Strait": domain.Place,
				"Marevian Grain Authority": domain.Organization, "Sorrel Bay": domain.Place,
				"Coastal Shipping Council": domain.Organization, "Hesk Province": domain.Place,
			},
			absent: []string{"Meridian Wire", "GENEVA", "Geneva"},
		},
		{
			file:   "real-style.txt",
			want:   map[string]domain.ActorType{"Greg Rusedski": domain.Person, "Deloitte & Touche": domain.Organization, "Gatwick": domain.Place},
			absent: []string{"Deloitte", "Touche", "Daily"},
		},
		{
			file: "described.txt",
			want: map[string]domain.ActorType{
				"Grey Heron": domain.Organization, "Valnet": domain.Organization, "Velm": domain.Place,
				"Ingrid Salvesen": domain.Person,
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			cards, _ := analyse(t, load(t, tc.file, ""))
			logCards(t, cards)
			for name, typ := range tc.want {
				c := exact(cards, name)
				if c == nil {
					t.Errorf("no card named %q", name)
					continue
				}
				if c.Type != typ {
					t.Errorf("%s typed %s, want %s", name, c.Type, typ)
				}
			}
			for _, name := range tc.absent {
				if c := card(cards, name); c != nil {
					t.Errorf("card %q (%s) should not exist", c.Name, c.Type)
				}
			}
		})
	}
}

// TestDemonymAliases checks that the demonyms of countries no list knows
// count for them.
func TestDemonymAliases(t *testing.T) {
	cards, _ := analyse(t, load(t, "coord-fictional.txt", ""))
	for name, dem := range map[string]string{"Kestria": "Kestrian", "Dravonia": "Dravonian"} {
		c := exact(cards, name)
		if c == nil || !containsFold(c.Aliases, dem) {
			t.Errorf("%s card %+v, want alias %s", name, c, dem)
		}
	}
}

// TestCoordinationRules checks when a mention "X and Y" splits. The
// mention is built by hand over the article's tokens, so every rule is
// exercised whatever the tagger makes of the sentence.
func TestCoordinationRules(t *testing.T) {
	cases := []struct {
		text, whole string
		split       bool
	}{
		{"Kestria and Dravonia agreed to talk. Kestria said so.", "Kestria and Dravonia", true},
		{"Ostrava and Brno signed a pact.", "Ostrava and Brno", true},
		{"Jens Stoltenberg and Joe Biden met in Vilnius.", "Jens Stoltenberg and Joe Biden", true},
		{"The Northern Compact and Dravonia talked. The Northern Compact said so, and Dravonia agreed.", "Northern Compact and Dravonia", true},
		{"Bosnia and Herzegovina joined the talks.", "Bosnia and Herzegovina", false},
		{"Trinidad and Tobago joined the talks.", "Trinidad and Tobago", false},
		{"Ernst and Young audited the accounts.", "Ernst and Young", false},
		{"Procter & Gamble said sales fell.", "Procter & Gamble", false},
		{"Halden and Moss Logistics won the tender. Halden and Moss Logistics said it would hire 200 drivers.", "Halden and Moss Logistics", false},
		{"The Ministry of Trade and Industry said exports rose.", "Ministry of Trade and Industry", false},
	}
	for _, tc := range cases {
		d := nlp.Analyze(&domain.Article{Paragraphs: []string{tc.text}}, 0)
		start := strings.Index(d.Body, tc.whole)
		end := start + len(tc.whole)
		first, last := -1, -1
		for i, tok := range d.Sentences[0].Tokens {
			if tok.Start == start {
				first = i
			}
			if tok.End == end {
				last = i
			}
		}
		if first < 0 || last < 0 {
			t.Fatalf("%q: no tokens for %q", tc.text, tc.whole)
		}
		e := entSpan(d, nlp.Entity{Sentence: 0}, first, last, "ORG")
		x := &extractor{docs: []*nlp.Doc{d}, byKey: map[string]*cluster{}, excluded: map[string]bool{}}
		l, r, split := x.coordParts(d, e)
		if split != tc.split {
			t.Errorf("%q: split %v (%q | %q), want %v", tc.whole, split, l.Text, r.Text, tc.split)
		}
	}
}

// TestJoinAndNames checks that listed names with "and" the tagger cut in
// two come back whole.
func TestJoinAndNames(t *testing.T) {
	for _, name := range []string{"Bosnia and Herzegovina", "Trinidad and Tobago", "Ernst and Young", "Procter and Gamble"} {
		d := nlp.Analyze(&domain.Article{Paragraphs: []string{"Officials said " + name + " would attend the talks in Vienna."}}, 0)
		found := false
		for _, e := range joinAndNames(d, tidy(d)) {
			if e.Text == name {
				found = true
			}
		}
		if !found {
			t.Errorf("%s not rejoined: %v", name, d.Entities)
		}
	}
}

// TestNameHead checks the head-word typing of names.
func TestNameHead(t *testing.T) {
	for name, want := range map[string]string{
		"Halvard Valley": "LOC", "Port of Dastra": "LOC", "Gulf of Aden": "LOC", "Corvan Strait": "LOC",
		"Kuril Islands": "LOC", "Lake Geneva": "LOC", "Helmand Province": "LOC",
		"Geneva Centre for Border Mediation": "ORG", "Northern Defence Compact": "ORG", "Bank of England": "ORG",
		"Northline Press": "ORG", "Institute for Eastern Security Studies": "ORG", "Coast Guard": "ORG",
		"Lars Vintermark": "", "Grey Heron": "", "Kestria": "", "Islamic State": "",
	} {
		if got := nlp.NameHead(name); got != want {
			t.Errorf("NameHead(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestDatelines checks the dateline forms wire copy uses.
func TestDatelines(t *testing.T) {
	cases := []struct {
		text, agency string
		ok           bool
	}{
		{"VELMORA, 14 March - Kestria agreed.", "", true},
		{"GENEVA, November 24 (Northline Press) - Kestria agreed.", "Northline Press", true},
		{"GENEVA (Reuters) - Kestria agreed.", "Reuters", true},
		{"KYIV, Ukraine (AP) — Russia fired.", "AP", true},
		{"NEW YORK – Shares fell.", "", true},
		{"UN - the body said.", "", false},
		{"Kestria agreed on Tuesday - a first.", "", false},
	}
	for _, tc := range cases {
		s := nlp.Sentence{}
		s.Text = tc.text
		end, agency := datelineEnd(s)
		if (end >= 0) != tc.ok || agency != tc.agency {
			t.Errorf("%q: end %d agency %q, want dateline %v agency %q", tc.text, end, agency, tc.ok, tc.agency)
		}
	}
}

// TestExtractDeterministic runs Extract twice on the same documents and
// once on freshly analysed ones: cards must come out identical.
func TestExtractDeterministic(t *testing.T) {
	files := []string{"coord-fictional.txt", "heads.txt", "imf_ghana.txt", "scholz_a.txt", "scholz_b.txt"}
	docs := func() []*nlp.Doc {
		var out []*nlp.Doc
		for i, f := range files {
			out = append(out, nlp.Analyze(load(t, f, ""), i))
		}
		return out
	}
	enc := func(docs []*nlp.Doc) string {
		cards, facts := Extract(docs, nil)
		b, err := json.Marshal(struct {
			C []domain.Actor
			F []domain.Fact
		}{cards, facts})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	d := docs()
	first := enc(d)
	for i := 0; i < 3; i++ {
		if got := enc(d); got != first {
			t.Fatalf("run %d on the same docs differs", i+2)
		}
		if got := enc(docs()); got != first {
			t.Fatalf("run %d on fresh docs differs", i+2)
		}
	}
}

// TestDidLines checks that cards do not all repeat the lead, that an actor
// leading its sentence gets that sentence, and that lines are cut at a
// clause boundary.
func TestDidLines(t *testing.T) {
	cards, _ := analyse(t, load(t, "coord-fictional.txt", ""))
	logCards(t, cards)
	k, d := exact(cards, "Kestria"), exact(cards, "Dravonia")
	if k == nil || d == nil {
		t.Fatal("missing Kestria or Dravonia card")
	}
	if k.Did == d.Did {
		t.Errorf("Kestria and Dravonia share the Did line %q", k.Did)
	}
	for _, c := range []*domain.Actor{k, d} {
		if !strings.HasPrefix(c.Did, c.Name) && !strings.HasPrefix(c.Did, "The "+c.Aliases[0]) && !strings.HasPrefix(c.Did, "Troops from "+c.Name) {
			t.Logf("%s Did %q does not open with the actor", c.Name, c.Did)
		}
	}
	if !strings.HasPrefix(d.Did, "Dravonia welcomed") && !strings.HasPrefix(k.Did, "Kestria's government") {
		t.Errorf("Did lines %q / %q: want one card on its own agent sentence", k.Did, d.Did)
	}
}

func TestClip(t *testing.T) {
	long := "Kestria and Dravonia agreed on Tuesday to withdraw a combined 12,000 troops from the disputed valley, the first concrete step towards ending a border war that has driven more than 85,000 people from their homes"
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"Short line.", 10, "Short line."},
		{long, 20, "Kestria and Dravonia agreed on Tuesday to withdraw a combined 12,000 troops from the disputed valley\u2026"},
		{"one two three four five six seven eight nine ten eleven", 6, "one two three four five six\u2026"},
		{"Officials said the talks would resume in the spring of the next year in Vienna", 11, "Officials said the talks would resume in the spring\u2026"},
	} {
		if got := clip(tc.in, tc.n); got != tc.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// TestFocus checks that a clipped line keeps the actor it is for in view.
func TestFocus(t *testing.T) {
	text := "Marevia's government blames irregular forces operating from the southern shore of the strait, and Navy Chief Admiral Dorota Kaczmarek said on Sunday that two frigates would begin escorting grain convoys as soon as next week."
	got := focus(text, strings.Index(text, "Dorota"), 16)
	if !strings.HasPrefix(got, "\u2026Navy Chief Admiral Dorota Kaczmarek said") {
		t.Errorf("focus = %q, want the clause naming Kaczmarek", got)
	}
	if got := focus(text, 0, 16); !strings.HasPrefix(got, "Marevia's government") {
		t.Errorf("focus at 0 = %q, want the sentence start", got)
	}
}
