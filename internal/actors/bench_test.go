package actors

import (
	"bytes"
	"os"
	"testing"

	"briefdesk/internal/evaldata"
	"briefdesk/internal/nlp"

	"github.com/jdkato/prose/v2"
)

// BenchmarkAnalyzeExtract is the whole analysis of a ~430-word article:
// segmentation, prose tokens and tags, our entity tagger, then the cards.
func BenchmarkAnalyzeExtract(b *testing.B) {
	a := load(b, "bench_article.txt", "")
	Extract([]*nlp.Doc{nlp.Analyze(a, 0)}, nil) // models load outside the timing
	b.ResetTimer()
	for b.Loop() {
		Extract([]*nlp.Doc{nlp.Analyze(a, 0)}, nil)
	}
}

// BenchmarkProsePass is one prose pass (tokens, tags, prose's own
// entities) over the same article with the shared model: the floor the
// whole analysis is compared with.
func BenchmarkProsePass(b *testing.B) {
	body := load(b, "bench_article.txt", "").Body()
	m := nlp.Model()
	b.ResetTimer()
	for b.Loop() {
		if _, err := prose.NewDocument(body, prose.UsingModel(m)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseTokensTags is one prose pass without prose's entity
// extracter (tokens and tags only), as nlp.Analyze runs it.
func BenchmarkProseTokensTags(b *testing.B) {
	body := load(b, "bench_article.txt", "").Body()
	m := nlp.Model()
	b.ResetTimer()
	for b.Loop() {
		if _, err := prose.NewDocument(body, prose.UsingModel(m), prose.WithExtraction(false)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtract is the cards alone, on an analysed article.
func BenchmarkExtract(b *testing.B) {
	d := nlp.Analyze(load(b, "bench_article.txt", ""), 0)
	b.ResetTimer()
	for b.Loop() {
		Extract([]*nlp.Doc{d}, nil)
	}
}

// BenchmarkTagCoNLL tags CoNLL dev through TagCoNLL and reports tokens/s.
func BenchmarkTagCoNLL(b *testing.B) {
	data, err := os.ReadFile(evaldata.Path(b, "eval/ner/conll2003-dev.conll"))
	if err != nil {
		b.Fatal(err)
	}
	toks := 0
	for _, l := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 && !bytes.HasPrefix(l, []byte("-DOCSTART-")) {
			toks++
		}
	}
	var out bytes.Buffer
	b.ResetTimer()
	for b.Loop() {
		out.Reset()
		if err := TagCoNLL(bytes.NewReader(data), &out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
