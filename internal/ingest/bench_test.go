package ingest

import (
	"os"
	"strings"
	"testing"
)

// benchImport measures import throughput of one fixture; MB/s comes from
// SetBytes, files/s is reported alongside.
func benchImport(b *testing.B, file string) {
	data, err := os.ReadFile("testdata/good/" + file)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(file, data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "files/s")
}

func BenchmarkImportText(b *testing.B)     { benchImport(b, "bbc-style.txt") }
func BenchmarkImportWrapped(b *testing.B)  { benchImport(b, "wrapped.txt") }
func BenchmarkImportUTF16(b *testing.B)    { benchImport(b, "utf16le.txt") }
func BenchmarkImportMarkdown(b *testing.B) { benchImport(b, "article.md") }
func BenchmarkImportHTML(b *testing.B)     { benchImport(b, "article.html") }
func BenchmarkImportPDF(b *testing.B)      { benchImport(b, "article.pdf") }
func BenchmarkImportDOCX(b *testing.B)     { benchImport(b, "article.docx") }
func BenchmarkImportODT(b *testing.B)      { benchImport(b, "article.odt") }
func BenchmarkImportRTF(b *testing.B)      { benchImport(b, "article.rtf") }
func BenchmarkImportEML(b *testing.B)      { benchImport(b, "article.eml") }

// BenchmarkImportLargeHTML is a long page (60 paragraphs in a cluttered
// layout), closer to a saved news site than the small fixture.
func BenchmarkImportLargeHTML(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<html><head><title>Long page</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Long page</h1>")
	for i := 0; i < 60; i++ {
		sb.WriteString("<p>" + wantBody[i%len(wantBody)] + "</p>")
	}
	sb.WriteString("</article><aside><ul><li>Related</li></ul></aside></body></html>")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse("long.html", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "files/s")
}
