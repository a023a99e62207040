package nlp

import (
	"strings"

	"github.com/jdkato/prose/v2"
)

// loadModel builds the prose model used for tagging and entities.
// TODO(actors issue): the CoNLL-trained entity model, embedded.
func loadModel() *prose.Model {
	return prose.ModelFromData("briefdesk")
}

// tag tokenises and tags one sentence; offsets are shifted by base.
func tag(sentence string, base int) []Token {
	doc, err := prose.NewDocument(sentence, prose.UsingModel(Model()), prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	var out []Token
	pos := 0
	for _, t := range doc.Tokens() {
		i := strings.Index(sentence[pos:], t.Text)
		start := pos
		if i >= 0 {
			start = pos + i
		}
		end := start + len(t.Text)
		if end > len(sentence) {
			end = len(sentence)
		}
		pos = end
		out = append(out, Token{Text: t.Text, Tag: t.Tag, Start: base + start, End: base + end, Label: prosetoIOB(t.Label)})
	}
	return out
}

func prosetoIOB(l string) string {
	switch {
	case l == "" || l == "O":
		return "O"
	case strings.HasSuffix(l, "PERSON"):
		return l[:2] + "PER"
	case strings.HasSuffix(l, "GPE"):
		return l[:2] + "LOC"
	}
	return l
}

// entities groups IOB-labelled tokens of sentence si into entity mentions.
func entities(toks []Token, si int, body string) []Entity {
	var out []Entity
	for i := 0; i < len(toks); i++ {
		l := toks[i].Label
		if len(l) < 2 || l[0] != 'B' {
			continue
		}
		typ := l[2:]
		j := i
		for j+1 < len(toks) && toks[j+1].Label == "I-"+typ {
			j++
		}
		out = append(out, Entity{
			Text: body[toks[i].Start:toks[j].End], Label: typ, Sentence: si,
			First: i, Last: j, Start: toks[i].Start, End: toks[j].End,
		})
		i = j
	}
	return out
}
