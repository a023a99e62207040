package summary

import (
	"strings"
	"unicode/utf8"

	"briefdesk/internal/nlp"
)

// An editor cutting a story to a few sentences keeps the lead and then the
// new claims of the story's central actor ("Stoltenberg warned ...", "He
// stressed ..."), and leaves out background ("Last month, ...", "In
// addition to that, ...") and sentences that only restate the lead. These
// features let the ranker see those choices.

// claimVerbs are the forms of verbs that attribute a claim or a warning.
var claimVerbs = wordSet(`said says told warned warns stressed stresses added adds urged urges insisted
insists told tells announced announces confirmed confirms argued argues noted notes emphasised
emphasized emphasises emphasizes underlined cautioned declared declares vowed vows pledged pledges
acknowledged admitted admits denied denies accused accuses threatened threatens called calls
demanded demands promised promises predicted predicts revealed reveals suggested suggests
expressed estimated estimates asserted explained`)

// backgroundOpeners start sentences that look back or aside rather than
// carry the story forward.
var backgroundOpeners = []string{
	"last week", "last month", "last year", "last december", "last january", "earlier this", "earlier,",
	"earlier in", "in addition", "additionally", "previously", "meanwhile", "separately", "back in",
	"at the same time", "also,", "in recent", "in the past", "historically", "since then", "over the past",
	"for years", "in 19", "in 20", "the last time", "it was", "there have been", "this is not the first",
}

// pronounOpeners start sentences whose subject is named in another one.
var pronounOpeners = wordSet(`he she they it this these those his her their its`)

// centralActors returns the entity keys of the story's central actors:
// the person and the organisation mentioned most (each at least twice),
// and whether there is such a person, to whom a he/she opening refers.
func centralActors(d *nlp.Doc) (keys map[string]bool, person bool) {
	count := map[string]int{}
	label := map[string]string{}
	for _, e := range d.Entities {
		if e.Label != "PER" && e.Label != "ORG" {
			continue
		}
		if k := entityKey(e); k != "" {
			count[k]++
			label[k] = e.Label
		}
	}
	best := map[string]int{"PER": 2, "ORG": 2}
	for k, n := range count {
		best[label[k]] = max(best[label[k]], n)
	}
	keys = map[string]bool{}
	for k, n := range count {
		if n == best[label[k]] {
			keys[k] = true
			person = person || label[k] == "PER"
		}
	}
	return keys, person
}

// quotedSpans returns the lower-cased quotations of at least three words
// in text, between curly or straight double quotes.
func quotedSpans(text string) []string {
	var out []string
	open := -1
	for i, r := range text {
		switch {
		case r == '“' || r == '"' && open < 0:
			open = i + utf8.RuneLen(r)
		case (r == '”' || r == '"') && open >= 0:
			if q := strings.ToLower(strings.Trim(text[open:i], " ,.;:")); len(strings.Fields(q)) >= 3 {
				out = append(out, q)
			}
			open = -1
		}
	}
	return out
}

// restatesLead is 1 when a sentence repeats one of the lead's quotations:
// the full quote the lead paraphrased adds little to a short summary.
func restatesLead(text string, leadQuotes []string) bool {
	low := strings.ToLower(text)
	for _, q := range leadQuotes {
		if strings.Contains(low, q) {
			return true
		}
	}
	return false
}

// claimFeature is 1 for a sentence that attributes a claim to a central
// actor, named or a he/she opening in a story about a person. Claims of
// bystanders get nothing: on CNN they cost more than they gained.
func claimFeature(s nlp.Sentence, ents []nlp.Entity, central map[string]bool, person bool) float64 {
	verb := false
	for _, t := range s.Tokens {
		if strings.HasPrefix(t.Tag, "VB") && claimVerbs[strings.ToLower(t.Text)] {
			verb = true
			break
		}
	}
	if !verb {
		return 0
	}
	for _, e := range ents {
		if e.Label != "PER" && e.Label != "ORG" {
			continue
		}
		if central[entityKey(e)] {
			return 1
		}
	}
	if person && len(s.Tokens) > 0 {
		if w := strings.ToLower(s.Tokens[0].Text); w == "he" || w == "she" {
			return 1
		}
	}
	return 0
}

// backgroundFeature is 1 for a sentence that opens on background.
func backgroundFeature(text string) float64 {
	low := strings.ToLower(strings.TrimLeft(text, " \"“‘'-–—"))
	for _, o := range backgroundOpeners {
		if strings.HasPrefix(low, o) {
			return 1
		}
	}
	return 0
}

// pronounFeature is 1 for a sentence whose first word is a pronoun.
func pronounFeature(s nlp.Sentence) float64 {
	if len(s.Tokens) == 0 {
		return 0
	}
	if pronounOpeners[strings.ToLower(s.Tokens[0].Text)] {
		return 1
	}
	return 0
}

// antecedents returns, for each sentence of d that opens with he or she,
// the entity keys of the people named in the nearest sentence before it
// that names any (its referent is one of them), and for every sentence the
// keys of the people it names. A summary that keeps "He stressed ..."
// without a sentence naming him leaves the officer guessing who spoke.
func antecedents(d *nlp.Doc) (refers, people [][]string) {
	n := len(d.Sentences)
	refers = make([][]string, n)
	people = make([][]string, n)
	for _, e := range d.Entities {
		if e.Label == "PER" && e.Sentence >= 0 && e.Sentence < n {
			if k := entityKey(e); k != "" {
				people[e.Sentence] = append(people[e.Sentence], k)
			}
		}
	}
	var last []string
	for j, s := range d.Sentences {
		if len(s.Tokens) > 0 {
			if w := strings.ToLower(s.Tokens[0].Text); w == "he" || w == "she" {
				refers[j] = last
			}
		}
		if len(people[j]) > 0 {
			last = people[j]
		}
	}
	return refers, people
}

// dangles reports whether sentence i opens with a pronoun whose referent
// no chosen sentence before it in its article names.
func (p *Prepared) dangles(i int, picked []int) bool {
	s := &p.sents[i]
	if len(s.refers) == 0 {
		return false
	}
	for _, c := range picked {
		if c < i && p.sents[c].Article == s.Article && sharedAny(p.sents[c].people, s.refers) {
			return false
		}
	}
	return true
}

// sharedAny reports whether a and b have an element in common.
func sharedAny(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
