package nlp

import (
	"log"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// loadModel builds the prose model used for tokens and part of speech.
// Entities come from our own tagger (ner.go), not from prose's extracter.
func loadModel() *prose.Model {
	return prose.ModelFromData("briefdesk")
}

// clean maps typographic quotes to ASCII the way prose's tokenizer does,
// but keeps, for every byte of the result, its offset in the original, so
// tokens can point back into the article verbatim.
func clean(s string) (string, []int) {
	var b strings.Builder
	at := make([]int, 0, len(s)+1)
	for i, r := range s {
		var rep string
		switch r {
		case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
			rep = `"`
		case '\u2018', '\u2019', '\u201a', '\u2032':
			rep = "'"
		case '\u00a0', '\u2009', '\u202f':
			rep = " "
		}
		if rep == "" {
			n := utf8.RuneLen(r)
			if r == utf8.RuneError {
				n = 1
			}
			b.WriteString(s[i : i+n])
			for k := 0; k < n; k++ {
				at = append(at, i+k)
			}
			continue
		}
		b.WriteString(rep)
		at = append(at, i)
	}
	at = append(at, len(s))
	return b.String(), at
}

// tag tokenises and tags one sentence; offsets are shifted by base.
// Token texts are verbatim from the sentence (curly quotes kept).
func tag(sentence string, base int) []Token {
	text, at := clean(sentence)
	doc, err := prose.NewDocument(text, prose.UsingModel(Model()), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		// Never drop a sentence's words: tag it coarsely instead, and say so.
		proseFailed.Do(func() { log.Printf("briefdesk: nlp: the tagger failed, words tagged by shape: %v", err) })
		return shapeTokens(sentence, base)
	}
	var out []Token
	pos := 0
	add := func(s, e int, t string) {
		os, oe := at[s], at[e]
		out = append(out, Token{Text: sentence[os:oe], Tag: t, Start: base + os, End: base + oe, Label: "O"})
	}
	for _, t := range doc.Tokens() {
		i := strings.Index(text[pos:], t.Text)
		if i < 0 {
			continue // prose never invents text, but stay safe
		}
		start := pos + i
		end := start + len(t.Text)
		pos = end
		// prose leaves "Russia's" whole after a closing quote; split the
		// possessive so the name stands alone, as in the training text.
		if n := len(t.Text); n > 2 && strings.HasSuffix(t.Text, "'s") && t.Tag != "POS" {
			add(start, end-2, t.Tag)
			add(end-2, end, "POS")
			continue
		}
		add(start, end, t.Tag)
	}
	// prose keeps "War." whole (it looks like "Mr."); at the end of a
	// sentence the period is punctuation.
	if n := len(out); n > 0 {
		last := out[n-1]
		if len(last.Text) > 1 && strings.HasSuffix(last.Text, ".") && !strings.Contains(last.Text[:len(last.Text)-1], ".") && !abbrev[strings.ToLower(last.Text)] {
			out[n-1].Text, out[n-1].End = last.Text[:len(last.Text)-1], last.End-1
			out = append(out, Token{Text: ".", Tag: ".", Start: last.End - 1, End: last.End, Label: "O"})
		}
	}
	return out
}

// proseFailed logs prose's first failure only: one is enough to know.
var proseFailed sync.Once

// shapeTokens splits a sentence into words and punctuation and tags each by
// its shape (number, capitalised, punctuation, other), for a sentence the
// tagger could not read: coarse, but every word stays findable.
func shapeTokens(sentence string, base int) []Token {
	var out []Token
	add := func(s, e int) {
		w := sentence[s:e]
		r, _ := utf8.DecodeRuneInString(w)
		t := "NN"
		switch {
		case unicode.IsDigit(r):
			t = "CD"
		case unicode.IsUpper(r):
			t = "NNP"
		case w == "." || w == "!" || w == "?":
			t = "."
		case w == ",":
			t = ","
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			t = "SYM"
		}
		out = append(out, Token{Text: w, Tag: t, Start: base + s, End: base + e, Label: "O"})
	}
	start := -1
	for i, r := range sentence {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			add(start, i)
			start = -1
		}
		if !word && !unicode.IsSpace(r) {
			add(i, i+utf8.RuneLen(r))
		}
	}
	if start >= 0 {
		add(start, len(sentence))
	}
	return out
}

// abbrev are abbreviations whose period stays even at a sentence's end.
var abbrev = map[string]bool{"inc.": true, "co.": true, "corp.": true, "ltd.": true, "jr.": true, "sr.": true, "st.": true}

// modelFailed logs once that the embedded entity model is unreadable (a
// broken build; the model test fails on it).
var modelFailed sync.Once

// labelEntities runs the entity tagger over a document's sentences and
// sets each token's Label.
func labelEntities(sents []Sentence) {
	m, err := entityModel()
	if err != nil {
		modelFailed.Do(func() { log.Printf("briefdesk: nlp: the entity model does not load, so no names are found: %v", err) })
		return
	}
	if len(sents) == 0 {
		return
	}
	ns := make([]nerSent, len(sents))
	for i, s := range sents {
		ws := make([]string, len(s.Tokens))
		for j, t := range s.Tokens {
			ws[j] = normToken(t.Text)
		}
		ns[i] = nerSent{words: ws}
	}
	for i, labels := range m.tagDoc(ns) {
		for j, l := range labels {
			sents[i].Tokens[j].Label = l
		}
	}
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
