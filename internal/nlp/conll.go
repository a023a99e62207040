package nlp

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// CoNLLDoc is one -DOCSTART- document of a CoNLL-2003 file: sentences of
// tokens with the gold IOB2 entity tag of each.
type CoNLLDoc struct {
	Words [][]string
	Gold  [][]string
}

// ReadCoNLL parses a CoNLL-2003 file ("token POS chunk NER" lines, blank
// lines between sentences, -DOCSTART- between documents). Files without
// -DOCSTART- lines come back as one document.
func ReadCoNLL(r io.Reader) ([]CoNLLDoc, error) {
	const op = "nlp.ReadCoNLL"
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var docs []CoNLLDoc
	var cur CoNLLDoc
	var ws, gs []string
	endSent := func() {
		if len(ws) > 0 {
			cur.Words = append(cur.Words, ws)
			cur.Gold = append(cur.Gold, gs)
		}
		ws, gs = nil, nil
	}
	endDoc := func() {
		endSent()
		if len(cur.Words) > 0 {
			docs = append(docs, cur)
		}
		cur = CoNLLDoc{}
	}
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			endSent()
		case f[0] == "-DOCSTART-":
			endDoc()
		default:
			ws = append(ws, f[0])
			g := "O"
			if len(f) >= 4 {
				g = f[3]
			} else if len(f) > 1 {
				g = f[len(f)-1]
			}
			gs = append(gs, g)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", op, line, err)
	}
	endDoc()
	return docs, nil
}

// labelSpan is a labelled entity span over token positions [First, Last] of a
// sentence, used to score taggers conlleval-style.
type labelSpan struct {
	sent, first, last int
	typ               string
}

// spans groups IOB2 tags into entity spans (an I- without a matching B-
// starts a new span, as conlleval does).
func spans(tags [][]string) map[labelSpan]bool {
	out := map[labelSpan]bool{}
	for si, ts := range tags {
		for _, sp := range spanList(ts) {
			out[labelSpan{si, sp.first, sp.last, sp.typ}] = true
		}
	}
	return out
}

// PRF holds precision, recall and F1 for one entity type.
type PRF struct {
	Gold, Pred, Correct int
}

// P is the precision.
func (s PRF) P() float64 { return ratio(s.Correct, s.Pred) }

// R is the recall.
func (s PRF) R() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of P and R.
func (s PRF) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score compares predicted with gold IOB2 tags (exact span and type, as
// conlleval does) and returns counts per type; key "ALL" sums PER, ORG and
// LOC, "ALL4" adds MISC.
func Score(gold, pred [][]string) map[string]PRF {
	g, p := spans(gold), spans(pred)
	out := map[string]PRF{}
	add := func(typ string, f func(*PRF)) {
		for _, k := range []string{typ, "ALL4"} {
			s := out[k]
			f(&s)
			out[k] = s
		}
		if typ != "MISC" {
			s := out["ALL"]
			f(&s)
			out["ALL"] = s
		}
	}
	for s := range g {
		add(s.typ, func(x *PRF) { x.Gold++ })
		if p[s] {
			add(s.typ, func(x *PRF) { x.Correct++ })
		}
	}
	for s := range p {
		add(s.typ, func(x *PRF) { x.Pred++ })
	}
	return out
}
