package ingest

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"briefdesk/internal/evaldata"
)

// These tests read the shared evaluation data (BBC and CNN articles, never
// copied into the project) to check the title/body split and the dateline
// split on hundreds of real layouts. The floors sit below measured figures.

// readJSONL calls fn for each record; under -short or the race detector
// it samples every tenth record to keep the test quick.
func readJSONL(t *testing.T, path string, fn func([]byte)) {
	f, err := os.Open(evaldata.Path(t, path))
	if err != nil {
		t.Fatal(err)
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
	readJSONL(t, "eval/summaries/bbc.jsonl", func(line []byte) {
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
	readJSONL(t, "eval/summaries/cnndm.jsonl", func(line []byte) {
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

// Near-duplicates: the same BBC story with small edits, or with a paragraph
// dropped, stays within NearDuplicate bits; different stories of the same
// section do not.
func TestEvalNearDuplicates(t *testing.T) {
	var texts, cats []string
	readJSONL(t, "eval/summaries/bbc.jsonl", func(line []byte) {
		var r struct{ Text, Category string }
		if json.Unmarshal(line, &r) == nil {
			texts = append(texts, r.Text)
			cats = append(cats, r.Category)
		}
	})
	hashes := make([]uint64, len(texts))
	for i, tx := range texts {
		hashes[i] = SimHash(tx)
	}
	var small, dropped, pairs, smallOK, droppedOK, falsePos int
	for i, tx := range texts {
		paras := strings.Split(strings.TrimSpace(tx), "\n\n")
		if len(paras) < 4 {
			continue
		}
		h := hashes[i]
		edited := strings.Replace(tx, " the ", " a ", 3) + "\n\nThis story has been updated."
		small++
		if Distance(h, SimHash(edited)) <= NearDuplicate {
			smallOK++
		}
		cut := append(append([]string{}, paras[:len(paras)/2]...), paras[len(paras)/2+1:]...)
		dropped++
		if Distance(h, SimHash(strings.Join(cut, "\n\n"))) <= NearDuplicate {
			droppedOK++
		}
		for j := i + 1; j < len(texts) && j < i+40; j++ {
			if cats[j] == cats[i] && texts[j] != tx {
				pairs++
				if Distance(h, hashes[j]) <= NearDuplicate {
					falsePos++
				}
			}
		}
	}
	t.Logf("near-duplicates: small edits %d/%d, paragraph dropped %d/%d, unrelated same-section pairs flagged %d/%d",
		smallOK, small, droppedOK, dropped, falsePos, pairs)
	if small > 0 && (smallOK*100 < small*98 || droppedOK*100 < dropped*75 || falsePos*200 > pairs) {
		t.Error("near-duplicate detection below floor")
	}
}
