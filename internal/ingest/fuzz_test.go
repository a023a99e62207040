package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"briefdesk/internal/domain"
)

// Fuzz targets, one per parser. Their seed corpus (the fixtures of that
// format plus testdata/fuzz/<Target>) runs in plain `go test`; `make fuzz`
// runs each for longer. Our own parsers are called directly, without
// Parse's recover, so that a panic in our code is found rather than hidden.

func addFixtures(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(filepath.Join("testdata", p))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil && len(data) < 1<<20 {
				f.Add(data)
			}
		}
	}
}

// checkDoc asserts what every successful parse guarantees.
func checkDoc(t *testing.T, d *doc, err error) {
	t.Helper()
	if err != nil {
		var ie *domain.InputError
		if !errors.As(err, &ie) || ie.Reason == "" {
			t.Fatalf("error %v is not an InputError with a reason", err)
		}
		return
	}
	for _, p := range d.paras {
		if !utf8.ValidString(p) || strings.ContainsRune(p, '\r') {
			t.Fatalf("bad paragraph %q", p)
		}
	}
	if !utf8.ValidString(d.title) {
		t.Fatalf("bad title %q", d.title)
	}
}

func FuzzParseText(f *testing.F) {
	addFixtures(f, "good/*.txt", "bad/*.txt")
	f.Add([]byte("(CNN)x"))
	f.Add([]byte("•\nBy A\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parseText(data, "", false)
		checkDoc(t, d, err)
	})
}

func FuzzParseMarkdown(f *testing.F) {
	addFixtures(f, "good/*.md")
	f.Add([]byte("---\ntitle: x\n---\n# a\n```\ncode\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parseText(data, "", true)
		checkDoc(t, d, err)
	})
}

func FuzzParseHTML(f *testing.F) {
	addFixtures(f, "good/*.html", "bad/*.html")
	f.Add([]byte("<p>a<br>b</p><script>x</script>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parseHTML(data, "", "x.html")
		checkDoc(t, d, err)
	})
}

func FuzzParseRTF(f *testing.F) {
	addFixtures(f, "good/*.rtf", "bad/*.rtf")
	f.Add([]byte(`{\rtf1\ansicpg932 \'82\'a0\u-1?\bin3 abc}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parseRTF(data)
		checkDoc(t, d, err)
	})
}

func FuzzParseEML(f *testing.F) {
	addFixtures(f, "good/*.eml", "bad/*.eml")
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parseEML(data)
		checkDoc(t, d, err)
	})
}

func FuzzParseDOCX(f *testing.F) {
	addFixtures(f, "good/*.docx", "bad/*.docx")
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parseDOCX(data)
		checkDoc(t, d, err)
	})
}

func FuzzParseODT(f *testing.F) {
	addFixtures(f, "good/*.odt", "bad/*.odt")
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parseODT(data)
		checkDoc(t, d, err)
	})
}

// The PDF reader is a third-party library that panics on damaged files;
// Parse's recover is part of the defence, so the target goes through it.
func FuzzParsePDF(f *testing.F) {
	addFixtures(f, "good/*.pdf", "bad/*.pdf")
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("x.pdf", data)
		if err != nil {
			var ie *domain.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an InputError", err)
			}
			return
		}
		checkDoc(t, &doc{title: a.Title, paras: a.Paragraphs}, nil)
	})
}

// FuzzParse drives format detection with any bytes under any extension.
func FuzzParse(f *testing.F) {
	addFixtures(f, "good/*", "bad/*")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"a.txt", "a.html", "a.eml", "a.docx", "a.md"} {
			a, err := Parse(name, data)
			if err != nil {
				var ie *domain.InputError
				if !errors.As(err, &ie) {
					t.Fatalf("error %v is not an InputError", err)
				}
				if ie.Err != nil && strings.Contains(ie.Err.Error(), "ingest: panic") && !strings.HasSuffix(name, ".pdf") {
					t.Fatalf("parser panicked: %v", ie.Err)
				}
				continue
			}
			if len(a.Paragraphs) == 0 || a.TextHash == "" {
				t.Fatalf("article without body from %s", name)
			}
		}
	})
}
