package summary

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"briefdesk/internal/domain"
	"briefdesk/internal/evaldata"
	"briefdesk/internal/nlp"
	"briefdesk/internal/summary/rouge"
)

// readArticle reads a fixture: headline on the first line, then paragraphs
// separated by blank lines.
func readArticle(t testing.TB, path string) *domain.Article {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(strings.TrimSpace(string(b)), "\n\n")
	a := &domain.Article{Title: strings.TrimSpace(parts[0]), Language: "en"}
	for _, p := range parts[1:] {
		a.Paragraphs = append(a.Paragraphs, strings.TrimSpace(p))
	}
	return a
}

func analyse(t testing.TB, paths ...string) []*nlp.Doc {
	t.Helper()
	var docs []*nlp.Doc
	for i, p := range paths {
		docs = append(docs, nlp.Analyze(readArticle(t, p), i))
	}
	return docs
}

func texts(ss []domain.ScoredSentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return out
}

func words(ss []domain.ScoredSentence) int {
	n := 0
	for _, s := range ss {
		n += nlp.Words(s.Text)
	}
	return n
}

func TestSummarizeLeadAndOrder(t *testing.T) {
	docs := analyse(t, "testdata/harbour-a.txt")
	sum := Summarize(docs, domain.Length{Sentences: 3}, domain.Edits{})
	if len(sum.Sentences) != 3 {
		t.Fatalf("got %d sentences, want 3: %q", len(sum.Sentences), texts(sum.Sentences))
	}
	if len(sum.Scores) != len(docs[0].Sentences) {
		t.Errorf("scores for %d sentences, article has %d", len(sum.Scores), len(docs[0].Sentences))
	}
	if !strings.HasPrefix(sum.Sentences[0].Text, "Dock workers at the port of Valmora walked out") {
		t.Errorf("the news lead is not first: %q", texts(sum.Sentences))
	}
	for i := 1; i < len(sum.Sentences); i++ {
		if sum.Sentences[i].Index <= sum.Sentences[i-1].Index {
			t.Errorf("not in reading order: %+v", sum.Sentences)
		}
	}
	body := docs[0].Body
	for _, s := range sum.Sentences {
		if body[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d is not verbatim at its offsets", s.Index)
		}
		if s.Score != sum.Scores[s.Index].Score {
			t.Errorf("chosen sentence %d carries score %v, Scores says %v", s.Index, s.Score, sum.Scores[s.Index].Score)
		}
	}
	for _, s := range sum.Scores {
		if s.Score < 0 || s.Score > 1 {
			t.Errorf("score %v of sentence %d outside 0..1", s.Score, s.Index)
		}
	}
}

func TestSummarizeLength(t *testing.T) {
	docs := analyse(t, "testdata/harbour-a.txt")
	total := 0
	for _, s := range docs[0].Sentences {
		total += nlp.Words(s.Text)
	}
	if got := len(Summarize(docs, domain.Length{}, domain.Edits{}).Sentences); got != DefaultSentences {
		t.Errorf("default length: %d sentences, want %d", got, DefaultSentences)
	}
	for _, n := range []int{1, 2, 5, 100} {
		got := len(Summarize(docs, domain.Length{Sentences: n}, domain.Edits{}).Sentences)
		if want := min(n, len(docs[0].Sentences)); got != want {
			t.Errorf("Sentences %d: got %d", n, got)
		}
	}
	for _, w := range []int{40, 80, 150} {
		sum := Summarize(docs, domain.Length{Words: w}, domain.Edits{})
		got := words(sum.Sentences)
		if got > w || got < w/2 {
			t.Errorf("Words %d: summary has %d words", w, got)
		}
	}
	sum := Summarize(docs, domain.Length{Ratio: 0.3}, domain.Edits{})
	if got, want := words(sum.Sentences), int(0.3*float64(total)+0.5); got > want || got < want/2 {
		t.Errorf("Ratio 0.3 of %d words: summary has %d words", total, got)
	}
	if got := Summarize(docs, domain.Length{Words: 3}, domain.Edits{}).Sentences; len(got) != 0 {
		t.Errorf("3-word budget: want nothing rather than a cut sentence, got %q", texts(got))
	}
}

func TestSummarizeEdits(t *testing.T) {
	docs := analyse(t, "testdata/harbour-a.txt")
	plain := Summarize(docs, domain.Length{Sentences: 3}, domain.Edits{})
	last := domain.SentenceRef{Article: 0, Index: len(docs[0].Sentences) - 1}
	first := plain.Sentences[0].SentenceRef
	sum := Summarize(docs, domain.Length{Sentences: 3}, domain.Edits{Pinned: []domain.SentenceRef{last}, Dropped: []domain.SentenceRef{first}})
	if len(sum.Sentences) != 3 {
		t.Fatalf("got %d sentences, want 3", len(sum.Sentences))
	}
	var hasLast bool
	for _, s := range sum.Sentences {
		if s.SentenceRef == first {
			t.Errorf("dropped sentence %v is in the summary", first)
		}
		if s.SentenceRef == last {
			hasLast = true
			if !s.Pinned {
				t.Errorf("pinned sentence not marked Pinned")
			}
		}
	}
	if !hasLast {
		t.Errorf("pinned sentence %v missing: %q", last, texts(sum.Sentences))
	}
	// Pins beyond the budget still all go in; a word budget never drops them.
	var pins []domain.SentenceRef
	for i := 0; i < 4; i++ {
		pins = append(pins, domain.SentenceRef{Index: i})
	}
	if got := Summarize(docs, domain.Length{Sentences: 2}, domain.Edits{Pinned: pins}).Sentences; len(got) != 4 {
		t.Errorf("4 pins with a 2-sentence budget: got %d sentences", len(got))
	}
	if got := Summarize(docs, domain.Length{Words: 5}, domain.Edits{Pinned: pins[:1]}).Sentences; len(got) != 1 {
		t.Errorf("pin with a tiny word budget: got %d sentences", len(got))
	}
}

func TestSummarizeMultiDocument(t *testing.T) {
	docs := analyse(t, "testdata/harbour-a.txt", "testdata/harbour-b.txt")
	sum := Summarize(docs, domain.Length{Sentences: 5}, domain.Edits{})
	if len(sum.Sentences) != 5 {
		t.Fatalf("got %d sentences: %q", len(sum.Sentences), texts(sum.Sentences))
	}
	arts := map[int]bool{}
	seen := map[string]bool{}
	for i, s := range sum.Sentences {
		arts[s.Article] = true
		if seen[s.Text] {
			t.Errorf("sentence repeated across articles: %q", s.Text)
		}
		seen[s.Text] = true
		if s.Text != docs[s.Article].Body[s.Start:s.End] {
			t.Errorf("sentence %v not traceable to its article", s.SentenceRef)
		}
		if i > 0 {
			p := sum.Sentences[i-1]
			if p.Article > s.Article || p.Article == s.Article && p.Index >= s.Index {
				t.Errorf("not in reading order: %v after %v", s.SentenceRef, p.SentenceRef)
			}
		}
	}
	if len(arts) != 2 {
		t.Errorf("summary draws on %d of 2 articles: %q", len(arts), texts(sum.Sentences))
	}
	if len(sum.Scores) != len(docs[0].Sentences)+len(docs[1].Sentences) {
		t.Errorf("%d scores for %d sentences", len(sum.Scores), len(docs[0].Sentences)+len(docs[1].Sentences))
	}
	// Default length grows with the number of articles.
	if got := len(Summarize(docs, domain.Length{}, domain.Edits{}).Sentences); got != DefaultSentences+1 {
		t.Errorf("default length for 2 articles: %d", got)
	}
}

func TestSummarizeDeterministic(t *testing.T) {
	docs := analyse(t, "testdata/harbour-a.txt", "testdata/harbour-b.txt")
	want := Summarize(docs, domain.Length{Sentences: 4}, domain.Edits{})
	for i := 0; i < 20; i++ {
		again := analyse(t, "testdata/harbour-a.txt", "testdata/harbour-b.txt")
		if got := Summarize(again, domain.Length{Sentences: 4}, domain.Edits{}); !reflect.DeepEqual(got, want) {
			t.Fatalf("run %d differs:\n%q\n%q", i, texts(got.Sentences), texts(want.Sentences))
		}
	}
}

func TestSummarizeEmpty(t *testing.T) {
	sum := Summarize(nil, domain.Length{}, domain.Edits{})
	if len(sum.Sentences) != 0 || len(sum.Scores) != 0 {
		t.Errorf("empty briefing: %+v", sum)
	}
	d := nlp.Analyze(&domain.Article{Title: "Only a title"}, 0)
	if sum := Summarize([]*nlp.Doc{d}, domain.Length{Sentences: 3}, domain.Edits{Pinned: []domain.SentenceRef{{Index: 7}}}); len(sum.Sentences) != 0 {
		t.Errorf("article without body: %+v", sum)
	}
}

// TestRougeFloors guards against regressions on a subset of the shared
// development sets. The floors sit well below the measured figures.
func TestRougeFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	for _, c := range []struct {
		file  string
		n     int
		floor rouge.Scores
	}{
		{"bbc.jsonl", 100, rouge.Scores{R1: .70, R2: .60, RL: .42}},
		{"cnndm.jsonl", 40, rouge.Scores{R1: .22, R2: .07, RL: .15}},
	} {
		cases, err := rouge.Load(evaldata.Path(t, "eval/summaries/"+c.file), c.n)
		if err != nil {
			t.Fatal(err)
		}
		var total rouge.Scores
		for _, k := range cases {
			d := nlp.Analyze(&domain.Article{Title: k.Title, Paragraphs: k.Paragraphs}, 0)
			sum := Summarize([]*nlp.Doc{d}, domain.Length{Sentences: k.Sentences}, domain.Edits{})
			total.Add(rouge.Score(rouge.Tokens(strings.Join(texts(sum.Sentences), " ")), rouge.Tokens(k.Reference)))
		}
		got := total.Scale(1 / float64(len(cases)))
		t.Logf("%s first %d: ROUGE-1/2/L %s", c.file, len(cases), got)
		if got.R1 < c.floor.R1 || got.R2 < c.floor.R2 || got.RL < c.floor.RL {
			t.Errorf("%s: ROUGE %s below floor %s", c.file, got, c.floor)
		}
	}
}

// BenchmarkSummarize measures the ranker alone on a ~300-word article,
// to compare with BenchmarkAnalyze (the prose tagging pass of the same text).
func BenchmarkSummarize(b *testing.B) {
	docs := analyse(b, "testdata/harbour-a.txt")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Summarize(docs, domain.Length{Sentences: 4}, domain.Edits{})
	}
}

// BenchmarkAnalyze measures nlp.Analyze of the same article.
func BenchmarkAnalyze(b *testing.B) {
	a := readArticle(b, "testdata/harbour-a.txt")
	nlp.Analyze(a, 0) // build the model outside the timing
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		nlp.Analyze(a, 0)
	}
}

// TestSummarizeLargeBriefing checks a briefing beyond maxGraph sentences,
// ranked article by article, still yields a full summary with every score.
func TestSummarizeLargeBriefing(t *testing.T) {
	base := analyse(t, "testdata/harbour-a.txt")[0]
	var docs []*nlp.Doc
	total := 0
	for a := 0; total <= maxGraph; a++ {
		d := &nlp.Doc{Article: base.Article, Index: a, Body: base.Body}
		for i := 0; i < 4; i++ {
			for _, s := range base.Sentences {
				s.SentenceRef = domain.SentenceRef{Article: a, Index: len(d.Sentences)}
				d.Sentences = append(d.Sentences, s)
			}
		}
		docs = append(docs, d)
		total += len(d.Sentences)
	}
	sum := Summarize(docs, domain.Length{Sentences: 6}, domain.Edits{})
	if len(sum.Scores) != total {
		t.Errorf("%d scores for %d sentences", len(sum.Scores), total)
	}
	// The articles repeat one text: exact repeats are never chosen twice.
	seen := map[string]bool{}
	for _, s := range sum.Sentences {
		if seen[s.Text] {
			t.Errorf("repeated sentence %q", s.Text)
		}
		seen[s.Text] = true
	}
	if len(sum.Sentences) != 6 {
		t.Errorf("got %d sentences, want 6", len(sum.Sentences))
	}
}

// TestSummarizeNearDuplicates checks that a lightly edited wire copy of a
// sentence already chosen from another article is not chosen again.
func TestSummarizeNearDuplicates(t *testing.T) {
	docs := analyse(t, "testdata/harbour-a.txt")
	copyArt := &domain.Article{Title: "Valmora dockers strike", Paragraphs: []string{
		"Dockers at the port of Valmora walked out on Tuesday, halting grain exports from the country's largest harbour for the first time in 12 years.",
		"The government said it would not intervene before the weekend.",
	}}
	docs = append(docs, nlp.Analyze(copyArt, 1))
	sum := Summarize(docs, domain.Length{Sentences: 6}, domain.Edits{})
	leads := 0
	for _, s := range sum.Sentences {
		if strings.Contains(s.Text, "walked out on Tuesday, halting grain exports") {
			leads++
		}
	}
	if leads != 1 {
		t.Errorf("the strike lead appears %d times: %q", leads, texts(sum.Sentences))
	}
}
