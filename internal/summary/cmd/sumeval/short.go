package main

import (
	"fmt"
	"strings"
	"unicode"

	"briefdesk/internal/domain"
	"briefdesk/internal/ingest"
	"briefdesk/internal/nlp"
	"briefdesk/internal/summary"
)

// Short summaries: an officer mostly asks for 3 to 5 sentences, and BBC's
// references are the sentences an editor kept, so the share of our k
// sentences that the editor also kept (precision@k) measures the pick at
// the lengths that matter, which ROUGE at BBC's long reference length
// does not.

// shortKs are the summary lengths precision is measured at.
var shortKs = []int{3, 5}

// normText lowercases text and keeps only letters and digits, one space
// between words, so that our segments match the reference's sentences
// whatever the quotes, dashes and spacing.
func normText(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// keptSet marks the sentences of it that the editor kept. A segment counts
// when its text lies inside the kept text: the reference was split by a
// different segmenter, so one of its sentences may be two of ours.
func keptSet(it *item) map[int]bool {
	if len(it.c.Kept) == 0 {
		return nil
	}
	var parts []string
	for _, k := range it.c.Kept {
		parts = append(parts, normText(k))
	}
	ref := " " + strings.Join(parts, " ") + " "
	out := map[int]bool{}
	for j, s := range it.doc.Sentences {
		if n := normText(s.Text); n != "" && strings.Contains(ref, " "+n+" ") {
			out[j] = true
		}
	}
	return out
}

// precisionAt returns mean precision@k of pick on the fit and held-out
// parts of s, over articles with more than k sentences (shorter ones are
// all lead).
func precisionAt(s *set, pick func(*item, int) []int, k int) (fit, hold float64) {
	nf, nh := 0, 0
	for _, it := range s.items {
		if it.kept == nil || len(it.doc.Sentences) <= k {
			continue
		}
		hit := 0
		for _, i := range pick(it, k) {
			if it.kept[i] {
				hit++
			}
		}
		p := float64(hit) / float64(k)
		if it.hold {
			hold += p
			nh++
		} else {
			fit += p
			nf++
		}
	}
	return fit / float64(max(nf, 1)), hold / float64(max(nh, 1))
}

// ranker picks with model m.
func ranker(m *summary.Model) func(*item, int) []int {
	return func(it *item, k int) []int {
		sum := it.prep.Summarize(m, domain.Length{Sentences: k}, domain.Edits{})
		var idx []int
		for _, x := range sum.Sentences {
			idx = append(idx, x.Index)
		}
		return idx
	}
}

// shortReport prints precision@k for the ranker and the baselines.
func shortReport(s *set, m *summary.Model) {
	// How well our segments meet the reference's: the share of reference
	// words that lie in segments marked kept. Well under 1 would mean the
	// segmenters disagree and precision undercounts.
	refWords, keptWords := 0, 0
	for _, it := range s.items {
		for _, k := range it.c.Kept {
			refWords += len(strings.Fields(normText(k)))
		}
		for i := range it.kept {
			keptWords += len(strings.Fields(normText(it.doc.Sentences[i].Text)))
		}
	}
	if refWords > 0 {
		fmt.Printf("%-6s kept segments cover %.1f%% of reference words\n", s.name, 100*float64(keptWords)/float64(refWords))
	}
	pickers := []struct {
		name string
		pick func(*item, int) []int
	}{
		{"ranker", ranker(m)},
		{"lead", lead},
		{"centroid", only(summary.FeatureIndex("centroid"))},
		{"pagerank", only(summary.FeatureIndex("rank"))},
	}
	for _, p := range pickers {
		fmt.Printf("%-6s %-9s", s.name, p.name)
		for _, k := range shortKs {
			f, h := precisionAt(s, p.pick, k)
			fmt.Printf("  P@%d fit %.3f held-out %.3f", k, f, h)
		}
		fmt.Println()
	}
}

// shortObjective is the fit-part mean of precision@3 and @5.
func shortObjective(s *set, m *summary.Model) float64 {
	o := 0.0
	for _, k := range shortKs {
		f, _ := precisionAt(s, ranker(m), k)
		o += f
	}
	return o / float64(len(shortKs))
}

// goldCase is one record of a gold file such as shared/eval/seed-gold.json.
type goldCase struct {
	File      string   `json:"file"`
	Sentences []string `json:"summary_sentences"`
}

// goldVerbose makes goldReport list every sentence's score (-v).
var goldVerbose bool

// goldReport summarises each gold article at the gold length and prints
// which picks the editor also chose. It is a sanity check on a handful of
// articles, never a tuning target.
func goldReport(cases []goldCase, dir string, m *summary.Model) {
	for _, g := range cases {
		path := g.File
		if !strings.HasPrefix(path, "/") {
			path = dir + "/" + path
		}
		a, err := ingest.File(path)
		if err != nil {
			fmt.Printf("gold %s: %v\n", g.File, err)
			continue
		}
		doc := nlp.Analyze(a, 0)
		it := &item{doc: doc}
		it.c.Kept = g.Sentences
		kept := keptSet(it)
		sum := summary.Prepare([]*nlp.Doc{doc}).Summarize(m, domain.Length{Sentences: len(g.Sentences)}, domain.Edits{})
		if goldVerbose {
			for _, x := range sum.Scores {
				mark := " "
				if kept[x.Index] {
					mark = "g"
				}
				fmt.Printf("    %s %2d %.3f %.70s\n", mark, x.Index, x.Score, x.Text)
			}
		}
		hit := 0
		for _, x := range sum.Sentences {
			mark := " "
			if kept[x.Index] {
				mark = "*"
				hit++
			}
			fmt.Printf("  %s %2d %.90s\n", mark, x.Index, x.Text)
		}
		fmt.Printf("gold %s: %d/%d picks are the editor's\n", g.File, hit, len(g.Sentences))
	}
}
