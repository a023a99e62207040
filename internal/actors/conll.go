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
		line := sc.Text()
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
