// Package summary ranks the sentences of news articles and picks an
// extractive summary of a requested length.
package summary

import (
	"sort"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// DefaultSentences is the summary length when none is asked for.
const DefaultSentences = 4

// Summarize scores every sentence of docs (one briefing's articles) and
// returns the chosen sentences in reading order, honouring the officer's edits.
// TODO(summary issue): the real ranker; this is lead-weighted.
func Summarize(docs []*nlp.Doc, length domain.Length, edits domain.Edits) domain.Summary {
	var sum domain.Summary
	for _, d := range docs {
		for i, s := range d.Sentences {
			sum.Scores = append(sum.Scores, domain.ScoredSentence{Sentence: s.Sentence, Score: 1 / float64(i+1)})
		}
	}
	n := length.Sentences
	if n <= 0 {
		n = DefaultSentences
	}
	order := make([]int, len(sum.Scores))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return sum.Scores[order[a]].Score > sum.Scores[order[b]].Score })
	if n > len(order) {
		n = len(order)
	}
	chosen := order[:n]
	sort.Ints(chosen)
	for _, i := range chosen {
		sum.Sentences = append(sum.Sentences, sum.Scores[i])
	}
	return sum
}
