package summary

import (
	"reflect"
	"strings"
	"testing"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// multiCases are briefings of one story told by two outlets in their own
// words (testdata/multi, written for these tests). Each fact group lists
// sentences, by a phrase they hold, that state one fact: a summary may
// hold at most one sentence of each group.
var multiCases = []struct {
	a, b  string
	facts [][]string
}{
	{"ferry-a.txt", "ferry-b.txt", [][]string{
		{"A passenger ferry capsized in heavy seas", "At least 31 passengers drowned"},
		{"pulled 164 survivors", "had brought 164 people ashore"},
		{"declared three days of national mourning", "Veld announced an inquiry"},
	}},
	{"bank-a.txt", "bank-b.txt", [][]string{
		{"raised its main interest rate by half", "pushed its key rate up to 6.5%"},
		{"backed by five of the seven", "Five of the seven rate-setters"},
		{"crown rose 0.8%", "The crown gained against the euro"},
	}},
	{"dam-a.txt", "dam-b.txt", [][]string{
		{"signed a treaty on Friday to share", "Morena will get some 2.1 billion"},
		{"Morena will receive 40%", "Morena will get some 2.1 billion"},
		{"A joint commission of six engineers", "a commission of six engineers"},
		{"must ratify the treaty within 90 days", "which has 90 days to vote"},
	}},
}

// TestSummarizeFactRedundancy checks that a briefing of two outlets'
// reports of one story states each fact once, however it is worded, and
// that both outlets contribute.
func TestSummarizeFactRedundancy(t *testing.T) {
	for _, c := range multiCases {
		docs := analyse(t, "testdata/multi/"+c.a, "testdata/multi/"+c.b)
		for _, n := range []int{3, 4, 5, 6} {
			sum := Summarize(docs, domain.Length{Sentences: n}, domain.Edits{})
			if len(sum.Sentences) != n {
				t.Errorf("%s+%s, %d sentences: got %d", c.a, c.b, n, len(sum.Sentences))
			}
			for _, group := range c.facts {
				var hits []string
				for _, s := range sum.Sentences {
					for _, phrase := range group {
						if strings.Contains(s.Text, phrase) {
							hits = append(hits, s.Text)
							break
						}
					}
				}
				if len(hits) > 1 {
					t.Errorf("%s+%s, %d sentences: one fact stated %d times:\n%s", c.a, c.b, n, len(hits), strings.Join(hits, "\n"))
				}
			}
			if n < 4 {
				continue
			}
			arts := map[int]bool{}
			for _, s := range sum.Sentences {
				arts[s.Article] = true
			}
			if len(arts) != 2 {
				t.Errorf("%s+%s, %d sentences: only %d article contributes: %q", c.a, c.b, n, len(arts), texts(sum.Sentences))
			}
		}
	}
}

// TestSummarizeSkipsPageFurniture checks that breadcrumbs, bylines and a
// standfirst that ingest left in the body are never chosen, and that the
// news lead after them keeps the lead's place.
func TestSummarizeSkipsPageFurniture(t *testing.T) {
	a := readArticle(t, "testdata/multi/dam-a.txt")
	a.Paragraphs = append([]string{
		"World › Asia | Water",
		"By Lena Ostrova · 12 May 2026",
		"Talvia and Morena have settled their dam dispute.",
	}, a.Paragraphs...)
	a.Paragraphs = append(a.Paragraphs, "Reporting by Lena Ostrova in Kesh and Omar Said in Talvia; editing by Ruth Adeyemi | Harbour Wire")
	docs := analyse(t)
	docs = append(docs, nlp.Analyze(a, 0))
	last := len(docs[0].Sentences) - 1
	for _, n := range []int{1, 3, 5, 100} {
		sum := Summarize(docs, domain.Length{Sentences: n}, domain.Edits{})
		if want := min(n, last-3); len(sum.Sentences) != want { // all but the furniture
			t.Fatalf("%d sentences: got %q", n, texts(sum.Sentences))
		}
		if !strings.HasPrefix(sum.Sentences[0].Text, "Talvia and Morena signed a treaty on Friday") {
			t.Errorf("%d sentences: the news lead is not first: %q", n, texts(sum.Sentences))
		}
		for _, s := range sum.Sentences {
			if s.Index < 3 || s.Index == last {
				t.Errorf("%d sentences: page furniture chosen: %q", n, s.Text)
			}
		}
	}
	// The officer can still pin one.
	sum := Summarize(docs, domain.Length{Sentences: 2}, domain.Edits{Pinned: []domain.SentenceRef{{Index: 2}}})
	if sum.Sentences[0].Index != 2 {
		t.Errorf("pinned standfirst missing: %q", texts(sum.Sentences))
	}

	// Without paragraphs, a short opening that only teases the lead is
	// left out for the lead, which says it in full.
	flat := &domain.Article{Title: a.Title, Paragraphs: []string{strings.Join(append([]string{"Talvia and Morena have settled their dam dispute."}, a.Paragraphs[3:]...), " ")}}
	docs = []*nlp.Doc{nlp.Analyze(flat, 0)}
	for _, n := range []int{1, 3, 5} {
		sum := Summarize(docs, domain.Length{Sentences: n}, domain.Edits{})
		for _, s := range sum.Sentences {
			if s.Index == 0 && len(sum.Sentences) > 1 {
				t.Errorf("%d sentences: the teaser is chosen beside its lead: %q", n, texts(sum.Sentences))
			}
		}
	}
}

// TestSummarizeBuriedPeg checks a feature-style story whose news (the
// grain council's forecast cut) comes in its third paragraph, after a
// scene-setting opening: 3- and 5-sentence summaries must hold it, and
// the Markdown byline and dateline lines never.
func TestSummarizeBuriedPeg(t *testing.T) {
	docs := analyse(t, "../../assets/samples/03-grain-council-corvan-strait.md")
	for i, s := range Prepare(docs).sents[:3] {
		if want := i < 2; s.skip != want {
			t.Errorf("sentence %q: skip %v, want %v", s.Text, s.skip, want)
		}
	}
	for _, n := range []int{3, 5} {
		sum := Summarize(docs, domain.Length{Sentences: n}, domain.Edits{})
		peg := false
		for _, s := range sum.Sentences {
			if strings.Contains(s.Text, "cut its forecast for global wheat trade") {
				peg = true
			}
			if strings.Contains(s.Text, "Lindqvist") || strings.Contains(s.Text, "Harbourline") {
				t.Errorf("%d sentences: byline or dateline chosen: %q", n, s.Text)
			}
		}
		if !peg {
			t.Errorf("%d sentences: the forecast cut is missing: %q", n, texts(sum.Sentences))
		}
	}
}

func TestNumbersOf(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"a combined 12,000 troops within 30 days", []string{"12000", "30"}},
		{"some 12000 soldiers in the next 30 days", []string{"12000", "30"}},
		{"$3.4 billion, up 4.7%, in 2026/27.", []string{"27", "3.4", "4.7"}},
		{"a 15-kilometre strip, by December 15.", []string{"15"}},
		{"no figures here", []string{}},
		{"since 1998, 12,500 tonnes", []string{"12500"}},
	} {
		if got := numbersOf(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("numbersOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSummarizeActorClaims checks a wire story in which, after the lead,
// the central actor's claims carry the news: a 4-sentence summary keeps
// the lead and her warning, leaves out the full quote the lead already
// paraphrases and the "In addition to that" aside, and never opens with
// "He" or "She" before a sentence naming her.
func TestSummarizeActorClaims(t *testing.T) {
	docs := analyse(t, "testdata/council-claims.txt")
	sum := Summarize(docs, domain.Length{Sentences: 4}, domain.Edits{})
	got := texts(sum.Sentences)
	if len(got) != 4 {
		t.Fatalf("got %d sentences, want 4: %q", len(got), got)
	}
	if !strings.HasPrefix(got[0], "The Coastal League has invited") {
		t.Errorf("lead missing: %q", got)
	}
	warned, named := false, false
	for _, s := range got {
		switch {
		case strings.HasPrefix(s, "Holt warned"):
			warned = true
		case strings.HasPrefix(s, "\"Today I have written"):
			t.Errorf("the lead's quote restated: %q", s)
		case strings.HasPrefix(s, "In addition"):
			t.Errorf("background chosen: %q", s)
		case (strings.HasPrefix(s, "He ") || strings.HasPrefix(s, "She ")) && !named:
			t.Errorf("%q comes before any sentence naming its speaker: %q", s, got)
		}
		if strings.Contains(s, "Holt") {
			named = true
		}
	}
	if !warned {
		t.Errorf("the central actor's warning is missing: %q", got)
	}
}

func TestClaimHelpers(t *testing.T) {
	if got := quotedSpans(`He said it would "settle the matter for good," and "no more".`); !reflect.DeepEqual(got, []string{"settle the matter for good"}) {
		t.Errorf("quotedSpans = %q", got)
	}
	if got := quotedSpans("“Find a diplomatic way forward,” the chief said."); !reflect.DeepEqual(got, []string{"find a diplomatic way forward"}) {
		t.Errorf("quotedSpans curly = %q", got)
	}
	for text, want := range map[string]float64{
		"Last month, the league rejected the demand.":     1,
		"In addition to that, 120 vessels took part.":     1,
		"The league rejected the demand last month.":      0,
		"\"Earlier this year we warned them,\" she said.": 1,
	} {
		if got := backgroundFeature(text); got != want {
			t.Errorf("backgroundFeature(%q) = %v, want %v", text, got, want)
		}
	}
}
