package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/internal/domain"
	"briefdesk/internal/evaldata"
)

// Hand-written sources, whole and cut, with the warning each must get ("" for
// none). The held half was written with the dev half and kept unrun while
// the checks were tuned.
type cutCase struct {
	name, file, text string
	want             bool
}

var cutDev = []cutCase{
	{"whole text", "a.txt", "Port reopens\n\nThe port of Tessaly reopened on Monday after three weeks of closure, officials said.\n\nShips queued in the bay as pilots returned to work on the first tide of the morning.\n", false},
	{"text cut mid-word", "a.txt", "Port reopens\n\nThe port of Tessaly reopened on Monday after three weeks of closure, officials said.\n\nShips queued in the bay as pilots returned to work on the first ti", true},
	{"text cut after a comma", "a.txt", "Port reopens\n\nThe port of Tessaly reopened on Monday after three weeks of closure, officials said.\n\nShips queued in the bay as pilots, who had been on strike since March,", true},
	{"credit line at the end", "a.txt", "Port reopens\n\nThe port of Tessaly reopened on Monday after three weeks of closure, officials said.\n\nReporting by Ilse Marten in Tessaly; editing by Jonas Feld and Ruth Abeyta\n", false},
	{"whole page", "p.html", "<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1><p>The port of Tessaly reopened on Monday after three weeks of closure, officials said.</p><p>Ships queued in the bay as pilots returned to work.</p></article></body></html>", false},
	{"page cut in a tag", "p.html", "<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1><p>The port of Tessaly reopened on Monday after three weeks of closure, officials said.</p><p>Ships queued in the bay as pilots returned to work.</p></article><div class=\"foo", true},
	{"whole RTF", "a.rtf", `{\rtf1\ansi{\fonttbl{\f0 Times;}}\f0 Port reopens\par The port of Tessaly reopened on Monday after three weeks of closure, officials said.\par Ships queued in the bay as pilots returned to work.\par}`, false},
	{"RTF cut", "a.rtf", `{\rtf1\ansi{\fonttbl{\f0 Times;}}\f0 Port reopens\par The port of Tessaly reopened on Monday after three weeks of closure, officials said.\par Ships queued in the bay as pilots returned to work.\par`, true},
}

var cutHeld = []cutCase{
	{"whole text ending in a quote", "b.txt", "Grain deal signed\n\nThe grain council signed the corridor deal in Morvik on Friday after a night of talks.\n\n\"We have a corridor that works, and we intend to keep it open,\" the council's director said.\n", false},
	{"text cut after 'the'", "b.txt", "Grain deal signed\n\nThe grain council signed the corridor deal in Morvik on Friday after a night of talks.\n\nInsurers said they would review war-risk premiums once the first convoy had crossed the", true},
	{"short last line", "b.txt", "Grain deal signed\n\nThe grain council signed the corridor deal in Morvik on Friday after a night of talks.\n\nMore to follow\n", false},
	{"page without closing tags", "q.html", "<!DOCTYPE html><html><body><main><h1>Grain deal signed</h1><p>The grain council signed the corridor deal in Morvik on Friday after a night of talks.</p><p>Insurers said they would review war-risk premiums.</p></main>", true},
	{"fragment without html tags", "q.html", "<h1>Grain deal signed</h1><p>The grain council signed the corridor deal in Morvik on Friday after a night of talks.</p><p>Insurers said they would review war-risk premiums.</p>", false},
	{"markdown whole", "c.md", "# Grain deal signed\n\nThe grain council signed the corridor deal in Morvik on Friday after a night of talks.\n\n- Insurers will review premiums.\n- The first convoy sails on Monday.\n", false},
	{"markdown cut", "c.md", "# Grain deal signed\n\nThe grain council signed the corridor deal in Morvik on Friday after a night of talks.\n\nInsurers said they would review war-risk premiums once the first convoy had crossed and the ships were", true},
	{"text ending in a number", "d.txt", "Grain deal signed\n\nThe grain council signed the corridor deal in Morvik on Friday after a night of talks.\n\nThe council said the number of ships cleared to sail this week had risen to 14.\n", false},
}

func runCutCases(t *testing.T, cases []cutCase) {
	for _, c := range cases {
		a, err := Parse(c.file, []byte(c.text))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := a.Incomplete != ""; got != c.want {
			t.Errorf("%s: incomplete %q, want flagged %v", c.name, a.Incomplete, c.want)
		}
	}
}

func TestIncompleteSourcesDev(t *testing.T)  { runCutCases(t, cutDev) }
func TestIncompleteSourcesHeld(t *testing.T) { runCutCases(t, cutHeld) }

// A PDF cut short keeps no end marker: when it still parses, it is marked.
func TestIncompletePDFMarker(t *testing.T) {
	if got := incomplete(domain.FormatPDF, []byte("%PDF-1.4\n...\n%%EOF\n"), &domain.Article{}); got != "" {
		t.Errorf("whole PDF flagged: %q", got)
	}
	if got := incomplete(domain.FormatPDF, []byte("%PDF-1.4\n1 0 obj << >> stream\nBT (half"), &domain.Article{}); got == "" {
		t.Error("cut PDF not flagged")
	}
}

// cutAt cuts s at a point between 30% and 90% of its length chosen from its
// hash, so the figures are the same on every run.
func cutAt(s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	n := len(s)
	at := n*3/10 + int(h.Sum32()%uint32(n*6/10+1))
	for at < n && s[at]&0xC0 == 0x80 {
		at++ // not inside a UTF-8 sequence
	}
	return s[:at]
}

// TestEvalIncomplete measures the check on the shared data: whole BBC and
// CNN articles and web pages must not be flagged; the same cut at a point
// between 30% and 90% must be. Records alternate between a dev half (even)
// and a held half (odd), reported apart.
func TestEvalIncomplete(t *testing.T) {
	type tally struct{ whole, falsePos, cut, caught int }
	tallies := map[string]*tally{}
	show := os.Getenv("BRIEFDESK_SHOW_MISSES") != ""
	count := func(corpus string, i int, name string, whole, cut []byte) {
		half := "dev"
		if i%2 == 1 {
			half = "held"
		}
		key := corpus + " " + half
		tl := tallies[key]
		if tl == nil {
			tl = &tally{}
			tallies[key] = tl
		}
		a, err := Parse(name, whole)
		if err != nil {
			return
		}
		tl.whole++
		if a.Incomplete != "" {
			tl.falsePos++
			if half == "dev" && show {
				t.Logf("whole %s flagged: %s (ends %q)", name, a.Incomplete, string(tail([]byte(a.Body()), 80)))
			}
		}
		b, err := Parse(name, cut)
		if err != nil {
			return
		}
		tl.cut++
		if b.Incomplete != "" {
			tl.caught++
		} else if half == "dev" && show {
			t.Logf("cut %s missed (ends %q)", name, string(tail([]byte(b.Body()), 60)))
		}
	}
	for _, c := range []struct{ corpus, file string }{{"BBC", "eval/summaries/bbc.jsonl"}, {"CNN", "eval/summaries/cnn-train.jsonl"}} {
		i := 0
		readJSONL(t, c.file, func(line []byte) {
			var r struct{ ID, Title, Text string }
			if json.Unmarshal(line, &r) != nil || i >= 1500 {
				return
			}
			src := strings.TrimSpace(r.Title + "\n\n" + r.Text)
			count(c.corpus, i, r.ID+".txt", []byte(src+"\n"), []byte(cutAt(src)))
			i++
		})
	}
	pages, _ := filepath.Glob(filepath.Join(evaldata.Path(t, "eval/html/pages"), "*.html.gz"))
	for i, p := range pages {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bufio.NewReader(f))
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(zr)
		f.Close()
		data = bytes.TrimSpace(data)
		count("web", i, filepath.Base(strings.TrimSuffix(p, ".gz")), data, []byte(cutAt(string(data))))
	}
	// Floors well below the measured figures (README, "How good and how
	// fast"). CNN's texts end with the site's "E-mail to a friend" and
	// related headlines, which read like a cut sentence: its floor is lower.
	floors := map[string][2]int{"BBC": {2, 80}, "CNN": {10, 55}, "web": {15, 85}} // most % flagged whole, least % caught cut
	for _, key := range []string{"BBC dev", "CNN dev", "web dev", "BBC held", "CNN held", "web held"} {
		tl := tallies[key]
		if tl == nil || tl.whole == 0 {
			continue
		}
		if strings.HasSuffix(key, "dev") || os.Getenv("BRIEFDESK_REPORT_HELD") != "" {
			t.Logf("%s: %d whole sources, %d flagged (%.1f%%); %d cut sources, %d flagged (%.1f%%)", key,
				tl.whole, tl.falsePos, 100*float64(tl.falsePos)/float64(tl.whole),
				tl.cut, tl.caught, 100*float64(tl.caught)/float64(max(tl.cut, 1)))
		}
		f := floors[strings.Fields(key)[0]]
		if tl.falsePos*100 > tl.whole*f[0] || tl.caught*100 < tl.cut*f[1] {
			t.Errorf("%s below floor: %d of %d whole flagged, %d of %d cut caught", key, tl.falsePos, tl.whole, tl.caught, tl.cut)
		}
	}
}

// None of the project's own whole files looks cut off.
func TestWholeFixturesNotFlagged(t *testing.T) {
	good, _ := filepath.Glob(filepath.Join("testdata", "good", "*"))
	samples, _ := filepath.Glob(filepath.Join("..", "..", "assets", "samples", "*"))
	for _, p := range append(good, samples...) {
		a, err := File(p)
		if err != nil {
			continue // other tests say why
		}
		if a.Incomplete != "" {
			t.Errorf("%s: flagged %q", p, a.Incomplete)
		}
	}
}
