// Package nlp runs the one language pass an article gets: sentence
// segmentation, tokens with part-of-speech tags, and named entities. The
// summary and actors packages share its result, so each article is tagged
// once, and the prose model is built once per process.
package nlp

import (
	"strings"
	"sync"

	"briefdesk/internal/domain"

	"github.com/jdkato/prose/v2"
)

// Token is one word or punctuation mark of a sentence.
type Token struct {
	Text  string
	Tag   string // Penn Treebank part-of-speech tag
	Start int    // byte offset in the article body
	End   int
	Label string // entity label in IOB2 (B-PER, I-ORG, O ...)
}

// Entity is a named-entity mention found in a sentence.
type Entity struct {
	Text     string
	Label    string // PER, ORG, LOC or MISC
	Sentence int    // sentence index within the article
	First    int    // index of the first token within the sentence
	Last     int    // index of the last token within the sentence (inclusive)
	Start    int    // byte offset in the article body
	End      int
}

// Sentence is a segmented sentence with its tokens.
type Sentence struct {
	domain.Sentence
	Tokens []Token
}

// Doc is an analysed article.
type Doc struct {
	Article   *domain.Article
	Index     int // position of the article within its briefing
	Body      string
	Sentences []Sentence
	Entities  []Entity
}

var (
	modelOnce sync.Once
	model     *prose.Model
)

// Model returns the process-wide prose model, built on first use.
func Model() *prose.Model {
	modelOnce.Do(func() { model = loadModel() })
	return model
}

// Analyze segments, tags and extracts entities from an article. index is the
// article's position within its briefing and goes into every SentenceRef.
func Analyze(a *domain.Article, index int) *Doc {
	d := &Doc{Article: a, Index: index, Body: a.Body()}
	para, counted := 0, 0 // paragraph breaks before offset counted
	for _, sp := range Segment(d.Body) {
		para += strings.Count(d.Body[counted:sp.Start], "\n\n")
		counted = sp.Start
		s := Sentence{Sentence: domain.Sentence{
			SentenceRef: domain.SentenceRef{Article: index, Index: len(d.Sentences)},
			Para:        para,
			Start:       sp.Start, End: sp.End,
			Text: d.Body[sp.Start:sp.End],
		}}
		s.Tokens = tag(s.Text, sp.Start)
		d.Sentences = append(d.Sentences, s)
	}
	// Entities are tagged over the whole article at once, so a name's
	// other mentions in the article can settle its type.
	labelEntities(d.Sentences)
	for i, s := range d.Sentences {
		d.Entities = append(d.Entities, entities(s.Tokens, i, d.Body)...)
	}
	return d
}

// Words returns the number of whitespace-separated words in s.
func Words(s string) int { return len(strings.Fields(s)) }
