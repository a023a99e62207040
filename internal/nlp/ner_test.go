package nlp

import (
	"bytes"
	"strings"
	"testing"

	"briefdesk/internal/domain"
)

func TestScoreConllevalStyle(t *testing.T) {
	gold := [][]string{{"B-PER", "I-PER", "O", "B-ORG", "O", "B-LOC"}}
	pred := [][]string{{"B-PER", "O", "O", "B-ORG", "O", "B-ORG"}}
	s := Score(gold, pred)
	// PER: span 0-1 predicted as 0-0, wrong; ORG: one right, one spurious.
	if s["PER"].Correct != 0 || s["PER"].Pred != 1 || s["PER"].Gold != 1 {
		t.Errorf("PER %+v", s["PER"])
	}
	if s["ORG"].Correct != 1 || s["ORG"].Pred != 2 || s["ORG"].Gold != 1 {
		t.Errorf("ORG %+v", s["ORG"])
	}
	if got := s["ALL"]; got.Correct != 1 || got.Pred != 3 || got.Gold != 3 {
		t.Errorf("ALL %+v", got)
	}
}

func TestTagEntitiesKeepsTokens(t *testing.T) {
	doc := [][]string{
		{"NATO", "Secretary-General", "Jens", "Stoltenberg", "met", "U.S.", "officials", "at", "the", "NATO-Russia", "Council", "in", "Brussels", "."},
		{"Stoltenberg", "said", "Russia", "'s", "troops", "must", "leave", "."},
	}
	tags, err := TagEntities(doc)
	if err != nil {
		t.Fatal(err)
	}
	for i := range doc {
		if len(tags[i]) != len(doc[i]) {
			t.Fatalf("sentence %d: %d tags for %d tokens", i, len(tags[i]), len(doc[i]))
		}
	}
	want := map[[2]int]string{{0, 2}: "B-PER", {0, 3}: "I-PER", {0, 12}: "B-LOC", {1, 0}: "B-PER", {1, 2}: "B-LOC"}
	for k, w := range want {
		if got := tags[k[0]][k[1]]; got != w {
			t.Errorf("%q: %s, want %s", doc[k[0]][k[1]], got, w)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	m, err := entityModel()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteNERModel(&buf, m); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadNERModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(m2.Feats) != len(m.Feats) || len(m2.W) != len(m.W) {
		t.Fatalf("round trip: %d/%d features, %d/%d weights", len(m2.Feats), len(m.Feats), len(m2.W), len(m.W))
	}
}

// Articles use curly quotes and possessives the training text does not:
// tokens must stay verbatim, with offsets into the body, and names must
// stand alone.
func TestAnalyzeArticleText(t *testing.T) {
	a := &domain.Article{Paragraphs: []string{
		"NATO\u2019s chief said on Thursday that \u201cthe number of Russian forces is going up.\u201d",
		"Jens Stoltenberg met British Prime Minister Boris Johnson in London.",
	}}
	d := Analyze(a, 0)
	for _, s := range d.Sentences {
		for _, tok := range s.Tokens {
			if d.Body[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q does not match body %q", tok.Text, d.Body[tok.Start:tok.End])
			}
		}
	}
	if got := d.Sentences[0].Tokens[0].Text; got != "NATO" {
		t.Errorf("first token %q, want NATO split from its possessive", got)
	}
	names := map[string]string{}
	for _, e := range d.Entities {
		names[e.Text] = e.Label
	}
	for n, l := range map[string]string{"NATO": "ORG", "Jens Stoltenberg": "PER", "Boris Johnson": "PER", "London": "LOC"} {
		if names[n] != l {
			t.Errorf("%s: label %q, want %s (entities %v)", n, names[n], l, names)
		}
	}
	if !strings.Contains(d.Sentences[0].Text, "\u201c") {
		t.Error("sentence text lost its curly quotes")
	}
}

func BenchmarkLoadModel(b *testing.B) {
	for b.Loop() {
		if _, err := ReadNERModel(bytes.NewReader(nerModelData)); err != nil {
			b.Fatal(err)
		}
	}
}

// The GUI analyses briefings in the background while the CLI may run
// several: the shared models must be safe to use at once.
func TestAnalyzeConcurrent(t *testing.T) {
	a := &domain.Article{Paragraphs: []string{"Foreign Minister Sergey Lavrov met Antony Blinken in Geneva on Friday."}}
	want := len(Analyze(a, 0).Entities)
	done := make(chan int)
	for i := 0; i < 4; i++ {
		go func() { done <- len(Analyze(a, 0).Entities) }()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; got != want {
			t.Errorf("concurrent analysis found %d entities, want %d", got, want)
		}
	}
}
