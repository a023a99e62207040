// Package summary ranks the sentences of news articles and picks an
// extractive summary of a requested length.
//
// The ranker is a weighted sum of news features (lead position, paragraph
// structure, TF-IDF centrality and PageRank, headline overlap, entity and
// number salience, quotations, boilerplate, scene-setting openings, claims
// of the story's central actor, background openers, restatements of the
// lead),
// followed by a maximal marginal relevance pass that keeps repeated facts
// out, within one article and across the articles of a briefing. Across
// articles a fact is recognised by its anchors (shared figures and named
// actors) as well as its words, since two outlets rarely word it alike; the
// earlier article's telling wins a close call, and an article with nothing
// in the summary yet gets a small bonus, so each outlet shows what it adds.
// Lines that are no statement (breadcrumbs, bylines) and standfirsts left in
// the body are never chosen unless pinned, and a "He said ..." sentence
// loses ground until a chosen sentence before it names him. The weights were fitted on
// development data (see cmd/sumeval); nothing here depends on the
// evaluation harness.
package summary

import (
	"math"
	"sort"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// DefaultSentences is the summary length of a single article when none is
// asked for; briefings of several articles get one more per extra article,
// up to MaxDefaultSentences.
const (
	DefaultSentences    = 4
	MaxDefaultSentences = 8
)

// maxLeadFade caps the share of sentences by which the lead prior fades:
// a long summary of a news story leans less on the first sentences than a
// short one, but never shuns them.
const maxLeadFade = 0.4

// wireCopy is the share of a sentence's terms that another article's chosen
// sentence must hold for it to count as a copy of it ("Dock workers ...
// twelve years" and "Dockers ... 12 years" from two agencies).
const wireCopy = 0.75

// Model is the ranker's parameters.
type Model struct {
	Weights    [numFeatures]float64 // one per feature, see FeatureNames
	Redundancy float64              // MMR penalty on similarity to sentences already chosen
	Duplicate  float64              // similarity above which a sentence repeats a chosen one and is skipped
	Dangling   float64              // penalty on a he/she opening whose referent no earlier chosen sentence names
}

// DefaultModel holds the weights fitted by coordinate ascent (cmd/sumeval
// -fit) on 70% of the BBC and CNN development sets, the other 30% held out.
// The salience weight is then split between named entities and proper
// nouns, so the ranker gains from the entity model without depending on it.
// Duplicate is set by hand: single articles rarely repeat themselves, so the
// development sets cannot fit it, but wire copies in one briefing do.
// The scene weight was set by a line search with the others fixed; the peg
// weight came out at zero (entities and numbers already carry it on the
// development sets), but the scene feature is defined by it.
// The lead prior fades from 1.6 (a few sentences of a long story, as in CNN
// highlights) to zero at 40% of the sentences (BBC's long summaries).
// The claim, background, pronoun and lead-similarity weights were fitted
// (sumeval -fit -short 1 -params claim,leadsim,background,restate,pronoun)
// against ROUGE plus BBC precision@3/5 on the fit split. The development
// sets barely see lead-quote restatements or dangling he/she openings
// (their references are auto-extracted BBC sentences and abstractive CNN
// highlights), so restate and Dangling, and background beyond its fitted
// -0.05, are set where an editor's short pick needs them at no measurable
// ROUGE cost. Lowering the lead prior raised BBC precision@3 but cost CNN
// ROUGE, so it was left alone.
var DefaultModel = Model{
	Weights: [numFeatures]float64{
		fFirst: 0.275, fLead: 1.6, fRel: 0.35, fParaFirst: 0.028, fLast: 0.166,
		fLen: -0.3, fShort: 0.116, fCentroid: 0.4, fRank: 0.8, fCover: 0.675,
		fTitle: 0.4, fEntity: 0.25, fProper: 0.3, fNumber: 0.125,
		fQuoteOpen: -0.188, fQuote: 0.133, fQuestion: -1.221, fBoiler: -0.8,
		fFracLen: 0.08, fFracLead: -4.033, fForward: 0.317, fBackward: 0.4, fOverlap: 0.417,
		fPeg: 0, fScene: -0.5,
		fClaim: 0.2, fBackground: -0.15, fPronoun: 0, fLeadSim: -0.225, fRestate: -0.5,
	},
	Redundancy: 0.35,
	Duplicate:  0.7,
	Dangling:   0.4,
}

// Summarize scores every sentence of docs (one briefing's articles) and
// returns the chosen sentences in reading order, honouring the officer's edits.
func Summarize(docs []*nlp.Doc, length domain.Length, edits domain.Edits) domain.Summary {
	return Prepare(docs).Summarize(&DefaultModel, length, edits)
}

// Summarize picks sentences with model m. Pinned sentences are always in the
// summary and count towards its length; dropped ones never are. Ties are
// broken by reading order, so the result is deterministic.
func (p *Prepared) Summarize(m *Model, length domain.Length, edits domain.Edits) domain.Summary {
	var sum domain.Summary
	n := len(p.sents)
	if n == 0 {
		return sum
	}
	k, words := p.budget(length)
	frac := 0.0
	if k > 0 {
		frac = float64(k) / float64(n)
	} else if p.words > 0 {
		frac = float64(words) / float64(p.words)
	}
	frac = math.Min(frac, 1)

	// Scores: the weighted features, scaled to 0..1 over the briefing so
	// the GUI can shade sentences and MMR can trade score for novelty.
	score := make([]float64, n)
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range p.sents {
		f := p.sents[i].feat
		f[fFracLen] = frac * f[fLen]
		f[fFracLead] = math.Min(frac, maxLeadFade) * f[fLead]
		s := 0.0
		for j, w := range m.Weights {
			s += w * f[j]
		}
		score[i] = s
		lo, hi = math.Min(lo, s), math.Max(hi, s)
	}
	for i := range score {
		if hi > lo {
			score[i] = (score[i] - lo) / (hi - lo)
		} else {
			score[i] = 1
		}
	}

	index := map[domain.SentenceRef]int{}
	for i, s := range p.sents {
		index[s.SentenceRef] = i
	}
	dropped := map[int]bool{}
	for _, r := range edits.Dropped {
		if i, ok := index[r]; ok {
			dropped[i] = true
		}
	}
	chosen := map[int]bool{}
	pinned := map[int]bool{}
	used := 0
	var picked []int
	for _, r := range edits.Pinned {
		if i, ok := index[r]; ok && !chosen[i] {
			chosen[i], pinned[i] = true, true
			picked = append(picked, i)
			used += p.sents[i].words
		}
	}
	seen := map[string]bool{}
	voiced := map[int]bool{} // articles with a sentence in the summary
	for _, i := range picked {
		seen[p.sents[i].dedup] = true
		voiced[p.sents[i].Article] = true
	}
	maxSim := make([]float64, n)
	copied := make([]bool, n) // repeats a chosen sentence of another article
	update := func(c int) {
		for i := range p.sents {
			if s := cosine(p.sents[i].vec, p.sents[c].vec); s > maxSim[i] {
				maxSim[i] = s
			}
			if p.sents[i].Article != p.sents[c].Article && (containment(p.sents[i].vec, p.sents[c].vec) >= wireCopy || sameFact(&p.sents[i], &p.sents[c])) {
				copied[i] = true
			}
		}
	}
	for _, c := range picked {
		update(c)
	}
	for {
		if k > 0 && len(picked) >= k {
			break
		}
		best, bestVal := -1, math.Inf(-1)
		for i := range p.sents {
			s := &p.sents[i]
			if chosen[i] || dropped[i] || seen[s.dedup] || copied[i] || s.skip || s.teases >= 0 && !dropped[s.teases] {
				continue
			}
			if len(picked) > 0 && maxSim[i] > m.Duplicate {
				continue
			}
			if k == 0 && used+s.words > words {
				continue
			}
			v := score[i] - m.Redundancy*maxSim[i]
			if p.dangles(i, picked) {
				v -= m.Dangling
			}
			if len(picked) > 0 && !voiced[s.Article] {
				v += newSource
			}
			if v > bestVal {
				best, bestVal = i, v
			}
		}
		if best < 0 {
			break
		}
		best = p.earlierTelling(best, bestVal, score, maxSim, m, chosen, dropped, copied)
		chosen[best] = true
		voiced[p.sents[best].Article] = true
		seen[p.sents[best].dedup] = true
		picked = append(picked, best)
		used += p.sents[best].words
		update(best)
	}

	sort.Ints(picked)
	for i, s := range p.sents {
		sum.Scores = append(sum.Scores, domain.ScoredSentence{Sentence: s.Sentence, Score: score[i], Pinned: pinned[i]})
	}
	for _, i := range picked {
		sum.Sentences = append(sum.Sentences, sum.Scores[i])
	}
	return sum
}

// closeCall is the score margin within which the same fact is taken from
// the earlier article of a briefing: the officer put it first, and the
// summary, in reading order, then opens on the story's main fact rather
// than ending on it.
const closeCall = 0.2

// newSource is the bonus, on the 0..1 score scale, of a sentence from an
// article with nothing in the summary yet: a briefing of several outlets
// should show what each adds, as long as it adds something (repeated
// facts are kept out before the bonus counts).
const newSource = 0.1

// earlierTelling returns the sentence to take for best: best itself, or a
// sentence of an earlier article that states the same fact and scores
// within closeCall of it.
func (p *Prepared) earlierTelling(best int, bestVal float64, score, maxSim []float64, m *Model, chosen, dropped map[int]bool, copied []bool) int {
	b := &p.sents[best]
	pick, pickVal := best, bestVal
	for i := range p.sents {
		s := &p.sents[i]
		if s.Article >= b.Article || chosen[i] || dropped[i] || copied[i] || s.skip {
			continue
		}
		if v := score[i] - m.Redundancy*maxSim[i]; v >= bestVal-closeCall && sameFact(s, b) {
			if pick == best || s.Article < p.sents[pick].Article || s.Article == p.sents[pick].Article && v > pickVal {
				pick, pickVal = i, v
			}
		}
	}
	return pick
}

// budget turns a requested length into a sentence count k, or (k == 0) a
// word budget.
func (p *Prepared) budget(l domain.Length) (k, words int) {
	switch {
	case l.Sentences > 0:
		return l.Sentences, 0
	case l.Words > 0:
		return 0, l.Words
	case l.Ratio > 0:
		return 0, int(math.Round(l.Ratio * float64(p.words)))
	}
	arts := map[int]bool{}
	for _, s := range p.sents {
		arts[s.Article] = true
	}
	return min(DefaultSentences+len(arts)-1, MaxDefaultSentences), 0
}
