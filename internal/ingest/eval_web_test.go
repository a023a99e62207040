package ingest

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"briefdesk/internal/evaldata"
)

// The web pages of the shared evaluation data (scrapinghub's article
// extraction benchmark, dev half; never copied into the project) are
// imported and scored as the benchmark scores them: 4-word shingles of
// \w+ tokens, precision and recall per page, the F1 of their means. make
// eval prints the figures; this is a floor well below them.
func TestEvalWebExtraction(t *testing.T) {
	dir := evaldata.Path(t, "eval/html")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string]struct{ ArticleBody string }
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	stride := 1
	if testing.Short() || raceEnabled {
		stride = 4
	}
	var sumP, sumR float64
	n, np, nr := 0, 0, 0
	for i, id := range ids {
		if i%stride != 0 {
			continue
		}
		f, err := os.Open(filepath.Join(dir, "pages", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		a, err := Parse(id+".html", page)
		got := ""
		if err == nil {
			got = strings.Join(append([]string{a.Dateline}, a.Paragraphs...), "\n")
		}
		p, r, okP, okR := shinglePR(gold[id].ArticleBody, got)
		n++
		if okP {
			sumP, np = sumP+p, np+1
		}
		if okR {
			sumR, nr = sumR+r, nr+1
		}
	}
	p, r := sumP/float64(max(np, 1)), sumR/float64(max(nr, 1))
	f1 := 2 * p * r / (p + r)
	t.Logf("%d pages: P %.3f R %.3f F1 %.3f", n, p, r, f1)
	if f1 < 0.95 {
		t.Errorf("web extraction F1 %.3f below the floor 0.95", f1)
	}
}

// Python's \w is Unicode: letters, digits and marks of any script.
var wordRe = regexp.MustCompile(`[\p{L}\p{M}\p{N}_]+`)

// shinglePR is the benchmark's per-page precision and recall, and whether
// each is defined (the benchmark leaves out of the mean a page where the
// extractor returned nothing, or the gold is empty).
func shinglePR(want, got string) (p, r float64, okP, okR bool) {
	count := func(s string) map[string]int {
		toks := wordRe.FindAllString(s, -1)
		m := map[string]int{}
		for i := 0; i == 0 || i+4 <= len(toks); i++ {
			if len(toks) == 0 {
				break
			}
			m[strings.Join(toks[i:min(i+4, len(toks))], " ")]++
		}
		return m
	}
	w, g := count(want), count(got)
	var tp, fp, fn float64
	for k, c := range g {
		tp += float64(min(c, w[k]))
		fp += float64(max(0, c-w[k]))
	}
	for k, c := range w {
		fn += float64(max(0, c-g[k]))
	}
	okP, okR = tp+fp > 0, tp+fn > 0
	if fp == 0 && fn == 0 {
		return 1, 1, okP, okR
	}
	if tp > 0 {
		p, r = tp/(tp+fp), tp/(tp+fn)
	}
	return p, r, okP, okR
}
