package main

import (
	"log"
	"strings"

	"briefdesk/internal/nlp"

	"github.com/jdkato/prose/v2"
)

// proseBaseline trains prose's own maxent extracter on the training
// documents and tags dev with it, so the report can compare.
func proseBaseline(train, dev []nlp.CoNLLDoc, max int) {
	var data []prose.EntityContext
	for _, d := range train {
		for si, ws := range d.Words {
			text, starts := join(ws)
			ec := prose.EntityContext{Accept: true, Text: text}
			for _, sp := range spansOf(d.Gold[si]) {
				ec.Spans = append(ec.Spans, prose.LabeledEntity{Start: starts[sp[0]], End: starts[sp[1]] + len(ws[sp[1]]), Label: d.Gold[si][sp[0]][2:]})
			}
			data = append(data, ec)
		}
	}
	if max > 0 && len(data) > max {
		data = data[:max]
	}
	log.Printf("prose: training on %d sentences", len(data))
	m := prose.ModelFromData("baseline", prose.UsingEntities(data))
	log.Printf("prose: trained")
	var gold, pred [][]string
	for _, d := range dev {
		for si, ws := range d.Words {
			text, starts := join(ws)
			doc, err := prose.NewDocument(text, prose.UsingModel(m), prose.WithSegmentation(false))
			if err != nil {
				log.Fatal(err)
			}
			tags := make([]string, len(ws))
			for i := range tags {
				tags[i] = "O"
			}
			pos, wi := 0, 0
			for _, t := range doc.Tokens() {
				at := strings.Index(text[pos:], t.Text)
				if at < 0 {
					continue
				}
				at += pos
				pos = at + len(t.Text)
				for wi+1 < len(ws) && starts[wi+1] <= at {
					wi++
				}
				if tags[wi] == "O" && t.Label != "O" && t.Label != "" {
					tags[wi] = t.Label
				}
			}
			gold = append(gold, d.Gold[si])
			pred = append(pred, tags)
		}
	}
	report(nlp.Score(gold, pred))
}

func join(ws []string) (string, []int) {
	starts := make([]int, len(ws))
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(w)
	}
	return b.String(), starts
}

func spansOf(tags []string) [][2]int {
	var out [][2]int
	for i := 0; i < len(tags); i++ {
		if tags[i] == "O" {
			continue
		}
		j := i
		for j+1 < len(tags) && tags[j+1] == "I-"+tags[i][2:] {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}
