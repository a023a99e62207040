package actors

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"briefdesk/internal/nlp"
)

// TagCoNLL reads a CoNLL file and writes each token line with one more
// column: the predicted IOB2 tag (PER, ORG, LOC, MISC). Blank lines and
// -DOCSTART- lines are copied as they are. Each -DOCSTART- document is
// tagged as a whole, through the same tagger as articles, on the given
// tokens (no re-tokenisation).
func TagCoNLL(r io.Reader, w io.Writer) error {
	const op = "actors.TagCoNLL"
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	bw := bufio.NewWriter(w)
	var lines []string   // the document's lines, verbatim
	var words [][]string // its sentences' tokens
	var cur []string
	flush := func() error {
		if len(cur) > 0 {
			words = append(words, cur)
			cur = nil
		}
		var tags [][]string
		if len(words) > 0 {
			var err error
			if tags, err = nlp.TagEntities(words); err != nil {
				return fmt.Errorf("%s: %w", op, err)
			}
		}
		si, ti := 0, 0
		for _, l := range lines {
			f := strings.Fields(l)
			if len(f) == 0 || f[0] == "-DOCSTART-" {
				if len(f) == 0 && ti > 0 {
					si, ti = si+1, 0
				}
				fmt.Fprintln(bw, l)
				continue
			}
			fmt.Fprintln(bw, l+" "+tags[si][ti])
			ti++
		}
		lines, words = lines[:0], nil
		return nil
	}
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && f[0] == "-DOCSTART-":
			if err := flush(); err != nil {
				return err
			}
		case len(f) == 0:
			if len(cur) > 0 {
				words = append(words, cur)
				cur = nil
			}
		default:
			cur = append(cur, f[0])
		}
		lines = append(lines, line)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := flush(); err != nil {
		return err
	}
	return bw.Flush()
}

// ScoreTagged scores TagCoNLL output conlleval-style: gold tags in the 4th
// column, predictions in the last. Keys are PER, ORG, LOC, MISC, "ALL"
// (micro over PER, ORG, LOC) and "ALL4" (with MISC).
func ScoreTagged(r io.Reader) (map[string]nlp.PRF, error) {
	const op = "actors.ScoreTagged"
	var gold, pred [][]string
	var g, p []string
	end := func() {
		if len(g) > 0 {
			gold, pred = append(gold, g), append(pred, p)
		}
		g, p = nil, nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		f := strings.Fields(sc.Text())
		if len(f) == 0 || f[0] == "-DOCSTART-" {
			end()
			continue
		}
		if len(f) < 5 {
			return nil, fmt.Errorf("%s: line %d: want 5 columns, got %d", op, n, len(f))
		}
		g, p = append(g, f[3]), append(p, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	end()
	return nlp.Score(gold, pred), nil
}
