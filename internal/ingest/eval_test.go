package ingest

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// These tests read the shared evaluation data (BBC and CNN articles, never
// copied into the project) to check the title/body split and the dateline
// split on hundreds of real layouts. The floors sit below measured figures.

// readJSONL calls fn for each record; under -short or the race detector
// it samples every tenth record to keep the test quick.
func readJSONL(t *testing.T, path string, fn func([]byte)) {
	f, err := os.Open(path)
	if err != nil {
		t.Skip("evaluation data not available: ", err)
	}
	defer f.Close()
	stride := 1
	if testing.Short() || raceEnabled {
		stride = 10
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for n := 0; sc.Scan(); n++ {
		if n%stride == 0 {
			fn(sc.Bytes())
		}
	}
}

// BBC files are "title line, blank line, paragraphs": the title must come
// out exactly and the body must keep every word.
func TestEvalBBCTitleAndBody(t *testing.T) {
	var n, title, body, english int
	readJSONL(t, "../../../shared/eval/summaries/bbc.jsonl", func(line []byte) {
		var r struct{ ID, Title, Text string }
		if json.Unmarshal(line, &r) != nil {
			return
		}
		n++
		a, err := Parse(r.ID+".txt", []byte(r.Title+"\n\n"+r.Text))
		if err != nil {
			t.Errorf("%s: %v", r.ID, err)
			return
		}
		if a.Title == oneLine(r.Title) {
			title++
		}
		if strings.Join(strings.Fields(a.Body()), " ") == strings.Join(strings.Fields(r.Text), " ") {
			body++
		}
		if a.Language == "en" {
			english++
		}
	})
	t.Logf("BBC: %d articles, title %d, body %d, English %d", n, title, body, english)
	if n > 0 && (title*100 < n*98 || body*100 < n*97 || english*100 < n*99) {
		t.Errorf("below floor: title %d, body %d, English %d of %d", title, body, english, n)
	}
}

// CNN texts open with "(CNN)" or "PLACE (CNN) --": the dateline is split
// off and the body starts right after it.
func TestEvalCNNDateline(t *testing.T) {
	var n, with, split int
	readJSONL(t, "../../../shared/eval/summaries/cnndm.jsonl", func(line []byte) {
		var r struct{ ID, Text string }
		if json.Unmarshal(line, &r) != nil {
			return
		}
		n++
		k := strings.Index(r.Text, "(CNN)")
		if k < 0 || k > 60 {
			return
		}
		with++
		a, err := Parse(r.ID+".txt", []byte(r.Text))
		if err != nil {
			t.Errorf("%s: %v", r.ID, err)
			return
		}
		rest := strings.TrimLeft(strings.TrimSpace(r.Text[k+len("(CNN)"):]), "-— ")
		if strings.HasSuffix(a.Dateline, "(CNN)") && strings.HasPrefix(strings.Join(strings.Fields(a.Body()), " "), strings.Join(strings.Fields(rest), " ")[:20]) {
			split++
		}
	})
	t.Logf("CNN: %d stories, %d with a CNN dateline, %d split", n, with, split)
	if with > 0 && split*100 < with*97 {
		t.Errorf("dateline split in %d of %d", split, with)
	}
}
