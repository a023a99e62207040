package engine

import (
	"sync"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// docCache keeps the language pass of recently analysed articles. A change of
// summary length, a pin or a drop, or a new article joining a briefing then
// re-ranks without tagging the unchanged articles again: the pass depends
// only on the article's text and its place in the briefing.
type docCache struct {
	mu    sync.Mutex
	max   int
	docs  map[docKey]*nlp.Doc
	order []docKey // oldest first
}

type docKey struct {
	hash  string // Article.TextHash
	index int    // position in the briefing, which goes into SentenceRefs
}

var passes = &docCache{max: 64, docs: map[docKey]*nlp.Doc{}}

// analyze returns the language pass of a at position index, from the cache
// when the same text was analysed at that position before.
func (c *docCache) analyze(a *domain.Article, index int) *nlp.Doc {
	if a.TextHash == "" {
		return nlp.Analyze(a, index)
	}
	k := docKey{a.TextHash, index}
	c.mu.Lock()
	d, ok := c.docs[k]
	c.mu.Unlock()
	// TextHash is taken over normalised text, so two bodies that differ in
	// white space share it; offsets must point into this article's body.
	if ok && d.Body == a.Body() {
		// Sentences and entities are only read downstream, so they are
		// shared; the article itself may be a fresher copy (metadata).
		cp := *d
		cp.Article = a
		return &cp
	}
	d = nlp.Analyze(a, index)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.docs[k]; !ok {
		c.order = append(c.order, k)
		if len(c.order) > c.max {
			delete(c.docs, c.order[0])
			c.order = c.order[1:]
		}
	}
	c.docs[k] = d
	return d
}
