package actors

import (
	"sort"
	"strings"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// didWords is the most words a card's "Did" line shows.
const didWords = 24

// did picks the line that says what the actor did. In order of
// preference: a sentence that opens with the actor as agent ("Kestria
// agreed ...", "Okonjo, a former army chief, told ..."), one where the
// actor is otherwise the subject, one where a pronoun for it is, then any
// sentence that names it. Within a preference, a sentence no higher-ranked
// card already shows wins, so the lead does not repeat on every card;
// sentences that open with a quotation are left out (the card shows the
// quote already). used collects the sentences chosen so far.
func (x *extractor) did(c *cluster, refs []domain.SentenceRef, used map[domain.SentenceRef]bool) string {
	var agent []domain.SentenceRef
	for _, m := range c.mentions {
		if d := x.docAt(m.doc); d != nil && leadsAsAgent(d.Sentences[m.sent].Tokens, m.first, m.last) {
			agent = append(agent, domain.SentenceRef{Article: m.doc, Index: m.sent})
		}
	}
	usable := func(r domain.SentenceRef) bool {
		t := x.sentenceText(r)
		return t != "" && !opensQuote(t)
	}
	pick := func(sets ...[]domain.SentenceRef) (domain.SentenceRef, bool) {
		var all []domain.SentenceRef
		for _, set := range sets {
			all = append(all, sortRefs(set)...)
		}
		for _, fresh := range []bool{true, false} {
			for _, r := range all {
				if usable(r) && (!fresh || !used[r]) {
					return r, true
				}
			}
		}
		return domain.SentenceRef{}, false
	}
	r, ok := pick(agent, c.subject)
	if !ok {
		r, ok = pick(c.pronSubject, refs)
	}
	if !ok {
		if len(refs) == 0 {
			return ""
		}
		r = refs[0]
	}
	used[r] = true
	return focus(x.sentenceText(r), x.mentionAt(c, r), didWords)
}

// mentionAt returns the byte offset, within sentenceText(r), of the
// cluster's first mention in sentence r; -1 when it has none there.
func (x *extractor) mentionAt(c *cluster, r domain.SentenceRef) int {
	d := x.docAt(r.Article)
	if d == nil || r.Index >= len(d.Sentences) {
		return -1
	}
	s := d.Sentences[r.Index]
	base := s.Start
	if end, _ := datelineEnd(s); end > s.Start && end-s.Start < len(s.Text) {
		base = end
	}
	best := -1
	for _, m := range c.mentions {
		if m.doc != r.Article || m.sent != r.Index || m.first >= len(s.Tokens) {
			continue
		}
		if off := s.Tokens[m.first].Start - base; off >= 0 && (best < 0 || off < best) {
			best = off
		}
	}
	return best
}

// focus clips text to n words so that the actor named at byte offset at
// stays in view: when the cut would hide it, the line starts at the clause
// that names it ("…Marevian Navy Chief Admiral Dorota Kaczmarek said on
// Sunday that ...").
func focus(text string, at, n int) string {
	line := clip(text, n)
	shown := len(strings.Fields(strings.TrimSuffix(line, "\u2026")))
	if at > 0 && at < len(text) && len(strings.Fields(text[:at]))+2 > shown {
		cut := -1
		for _, sep := range []string{", and ", ", but ", "; ", ", while ", " \u2013 ", " \u2014 ", ", ", ",\u201d ", ",\" "} {
			if k := strings.LastIndex(text[:at], sep); k > cut {
				cut = k + len(sep)
			}
		}
		if cut > 0 {
			return "\u2026" + clip(text[cut:], n)
		}
	}
	return line
}

func (x *extractor) docAt(index int) *nlp.Doc {
	for _, d := range x.docs {
		if d.Index == index {
			return d
		}
	}
	return nil
}

func (x *extractor) sentenceText(r domain.SentenceRef) string {
	if d := x.docAt(r.Article); d != nil && r.Index < len(d.Sentences) {
		s := d.Sentences[r.Index]
		if end, _ := datelineEnd(s); end > s.Start && end-s.Start < len(s.Text) {
			return s.Text[end-s.Start:] // the dateline is no part of what anyone did
		}
		return s.Text
	}
	return ""
}

// sortRefs returns refs in reading order, without repeats.
func sortRefs(in []domain.SentenceRef) []domain.SentenceRef {
	out := append([]domain.SentenceRef(nil), in...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Article != out[j].Article {
			return out[i].Article < out[j].Article
		}
		return out[i].Index < out[j].Index
	})
	k := 0
	for i, r := range out {
		if i == 0 || r != out[k-1] {
			out[k] = r
			k++
		}
	}
	return out[:k]
}

// leadsAsAgent reports whether the mention at tokens first..last opens its
// sentence as the one acting: only a title or "the" before it, and a verb
// after it, past an appositive ("Okonjo, a former army chief, told"), a
// second name joined by "and" ("Kestria and Dravonia agreed") or a
// possessive's noun ("Valmora's government on Wednesday blamed").
func leadsAsAgent(toks []nlp.Token, first, last int) bool {
	if first > 5 {
		return false
	}
	for _, t := range toks[:first] {
		low := strings.ToLower(t.Text)
		name := !startsLower(t.Text) && (strings.HasPrefix(t.Tag, "NNP") || t.Tag == "JJ")
		if low == "the" || titleHeads[low] || titleMods[low] || name {
			continue
		}
		return false
	}
	i := last + 1
	if i < len(toks) && toks[i].Text == "," { // appositive
		k := i + 1
		for k < len(toks) && k < i+16 && toks[k].Text != "," {
			k++
		}
		if k >= len(toks) || toks[k].Text != "," {
			return false
		}
		i = k + 1
	}
	if i < len(toks) && (toks[i].Text == "and" || toks[i].Text == "&") {
		i++
		for i < len(toks) && !startsLower(toks[i].Text) && isWord(toks[i].Text) {
			i++
		}
	}
	if i < len(toks) && isPossessive(toks[i].Text) {
		for k := i + 1; k < len(toks) && k <= i+5; k++ {
			if isVerb(toks[k]) {
				return true
			}
		}
		return false
	}
	// An adverb or a time may sit between: "Kestria on Tuesday agreed".
	for k := i; k < len(toks) && k <= i+3; k++ {
		if isVerb(toks[k]) {
			return true
		}
		if t := toks[k].Tag; t != "RB" && t != "IN" && t != "NNP" && t != "CD" {
			return false
		}
	}
	return false
}

func isVerb(t nlp.Token) bool {
	return t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD" || speechVerbs[strings.ToLower(t.Text)]
}

// clip shortens text to at most n words for a one-line card field. It
// cuts at the last clause boundary (comma, semicolon, colon, dash) in the
// second half of the line, else after the last word that is not a function
// word ("of", "the"), and marks the cut with an ellipsis. Words are never
// split.
func clip(text string, n int) string {
	ws := strings.Fields(text)
	if len(ws) <= n {
		return strings.Join(ws, " ")
	}
	cut := 0
	for i := n; i >= n/2 && cut == 0; i-- {
		w := ws[i-1]
		if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":") {
			cut = i
		} else if i < len(ws) && (ws[i] == "\u2013" || ws[i] == "\u2014" || ws[i] == "-") {
			cut = i
		}
	}
	if cut == 0 {
		cut = n
		for cut > n/2 && functionWords[strings.ToLower(ws[cut-1])] {
			cut--
		}
	}
	return strings.TrimRight(strings.Join(ws[:cut], " "), ",;:") + "\u2026"
}

// functionWords are words a clipped line should not end on.
var functionWords = set(`a|an|the|of|to|in|on|at|by|for|from|with|and|or|but|that|which|who|whose|as|its|their|his|her|our|this|these|those|is|are|was|were|be|been|has|have|had|would|will|could|should|may|might|than|into|onto|over|under|about|after|before|between|while`)
