package engine

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"briefdesk/internal/domain"
	"briefdesk/internal/evaldata"
)

// bbcFiles writes up to n BBC dev articles (title, blank line, text) as files
// for benchmarks; the text is read at run time and never committed.
func bbcFiles(b *testing.B, n int) []string {
	f, err := os.Open(evaldata.Path(b, "eval/summaries/bbc.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	dir := b.TempDir()
	var paths []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() && len(paths) < n {
		var r struct{ ID, Title, Text string }
		if json.Unmarshal(sc.Bytes(), &r) != nil {
			continue
		}
		p := filepath.Join(dir, r.ID+".txt")
		os.WriteFile(p, []byte(r.Title+"\n\n"+r.Text), 0o644)
		paths = append(paths, p)
	}
	return paths
}

// BenchmarkImport measures the whole import of an article: parse, one
// language pass, summary, actors, and the library transaction.
func BenchmarkImport(b *testing.B) {
	paths := bbcFiles(b, 200)
	e, err := Open(filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	b.ResetTimer()
	start := time.Now()
	imported := 0
	for i := 0; i < b.N; i++ {
		r := e.Import(context.Background(), []string{paths[i%len(paths)]}, 0, nil)
		if len(r) == 1 && r[0].Status == domain.Imported {
			imported++
		}
	}
	if imported > 0 {
		b.ReportMetric(float64(imported)/time.Since(start).Seconds(), "articles/s")
	}
}

func loadBBC(b *testing.B, n int) []*domain.Article {
	var arts []*domain.Article
	for _, p := range bbcFiles(b, n) {
		if a, err := Load(context.Background(), p); err == nil {
			arts = append(arts, a)
		}
	}
	return arts
}

// BenchmarkAnalyze measures the whole analysis of one ~400-word article:
// the language pass, the summary and the actors.
func BenchmarkAnalyze(b *testing.B) {
	arts := loadBBC(b, 50)
	for _, a := range arts {
		a.TextHash = "" // no cache: every run does the language pass
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(arts[i%len(arts):i%len(arts)+1], domain.Length{}, domain.Edits{})
	}
}

// BenchmarkReanalyze measures what a change of length, pin or drop costs:
// the article's language pass comes from the cache.
func BenchmarkReanalyze(b *testing.B) {
	arts := loadBBC(b, 20)
	for _, a := range arts {
		Analyze([]*domain.Article{a}, domain.Length{}, domain.Edits{})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(arts[i%len(arts):i%len(arts)+1], domain.Length{Sentences: 1 + i%6}, domain.Edits{})
	}
}
