package summary

import (
	"sort"
	"strings"
	"unicode"

	"briefdesk/internal/nlp"
)

// Two outlets rarely word one fact alike: "agreed to withdraw a combined
// 12,000 troops ... within 30 days" and "moving some 12,000 soldiers ... in
// the next 30 days" share few words, so word cosine misses them. What they
// do share is the fact's anchors: its numbers and its named actors. A
// sentence of one article repeats a chosen sentence of another when they
// share enough anchors and enough of their remaining words.

// factKeys are a sentence's anchors.
type factKeys struct {
	nums []string // normalised numbers, sorted: "12,000" and "12000" meet
	ents []string // stemmed words of the named entities it mentions, sorted
}

// numbersOf returns the normalised numbers written in digits in text:
// thousands separators dropped, decimals kept, so "12,000" == "12000" and
// "3.4" stays itself. Years are left out.
func numbersOf(text string) []string {
	set := map[string]bool{}
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if !unicode.IsDigit(rs[i]) {
			i++
			continue
		}
		var b strings.Builder
		j := i
		for j < len(rs) {
			r := rs[j]
			switch {
			case unicode.IsDigit(r):
				b.WriteRune(r)
			case r == ',' && j+1 < len(rs) && unicode.IsDigit(rs[j+1]):
				// thousands separator
			case r == '.' && j+1 < len(rs) && unicode.IsDigit(rs[j+1]):
				b.WriteRune(r)
			default:
				goto done
			}
			j++
		}
	done:
		if n := b.String(); !isYear(n) {
			set[n] = true
		}
		i = j
	}
	return sortedKeys(set)
}

// isYear reports a plausible year: a weak anchor, since many sentences of
// a story name the same year without stating the same fact.
func isYear(n string) bool {
	return len(n) == 4 && (strings.HasPrefix(n, "19") || strings.HasPrefix(n, "20"))
}

// entityWords returns the stemmed content words of the entities named in
// each sentence of d: "Kestria and Dravonia" yields kestria and dravonia,
// so one outlet's joint mention meets another's two.
func entityWords(d *nlp.Doc) [][]string {
	per := make([]map[string]bool, len(d.Sentences))
	for _, e := range d.Entities {
		if e.Sentence < 0 || e.Sentence >= len(per) {
			continue
		}
		for _, t := range terms(e.Text) {
			if per[e.Sentence] == nil {
				per[e.Sentence] = map[string]bool{}
			}
			per[e.Sentence][t] = true
		}
	}
	out := make([][]string, len(per))
	for i, m := range per {
		out[i] = sortedKeys(m)
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sharedSorted counts the strings two sorted slices have in common.
func sharedSorted(a, b []string) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// sameFact reports whether sentences a and b, from different articles,
// state the same fact in other words. Numbers are the strongest anchors:
// two shared figures with a shared actor or a few shared words are one fact.
// One shared figure needs an actor and more words in common. Without
// figures, a short restatement ("Kestria and Dravonia have signed up to a
// rapid troop withdrawal") repeats a fuller sentence when it names the same
// actors and most of its words are in it, and a longer one when it names
// them and shares several other words.
func sameFact(a, b *sentence) bool {
	sn := sharedSorted(a.keys.nums, b.keys.nums)
	se := sharedSorted(a.keys.ents, b.keys.ents)
	other := sharedPlainTerms(a, b)
	contain := containment(a.vec, b.vec)
	switch {
	case sn >= 2 && (se >= 1 || other >= 2):
		return true
	case sn >= 1 && se >= 1 && other >= 2 && contain >= 0.3:
		return true
	case se >= 2 && other >= 1 && contain >= 0.5:
		return true
	case se >= 2 && other >= 3 && contain >= 0.35:
		// The same actors doing the same thing, told with other figures
		// ("within 72 hours of ratification", "within three days of the
		// parliamentary vote").
		return true
	}
	return false
}

// sharedPlainTerms counts the terms two sentences share beyond their
// anchors: not entity words, not figures.
func sharedPlainTerms(a, b *sentence) int {
	n, i, j := 0, 0, 0
	ka, kb := a.vec.keys, b.vec.keys
	for i < len(ka) && j < len(kb) {
		switch {
		case ka[i] == kb[j]:
			t := ka[i]
			if !isDigits(t) && !hasSorted(a.keys.ents, t) && !hasSorted(b.keys.ents, t) {
				n++
			}
			i++
			j++
		case ka[i] < kb[j]:
			i++
		default:
			j++
		}
	}
	return n
}

func isDigits(t string) bool {
	for _, r := range t {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func hasSorted(ss []string, t string) bool {
	i := sort.SearchStrings(ss, t)
	return i < len(ss) && ss[i] == t
}

// creditPhrases mark a wire story's credit line ("Reporting by ...;
// editing by ... | Northline Press"), however long.
var creditPhrases = []string{"reporting by", "editing by", "writing by", "contributed to this report", "additional reporting"}

// separators mark navigation and credit lines: breadcrumbs ("World ›
// Halvard Valley"), bylines ("By Ann Lee | Staff"), datelines.
const separators = "›»|·•/>"

// notASentence reports lines that slipped through ingest but carry no
// statement: breadcrumbs, bylines, kickers and credits. They are short and
// have no verb, or are made of a few words joined by separators.
func notASentence(s nlp.Sentence, words int) bool {
	t := strings.Trim(strings.TrimSpace(s.Text), "*_") // Markdown emphasis
	if t == "" {
		return true
	}
	verb := false
	for _, tk := range s.Tokens {
		if strings.HasPrefix(tk.Tag, "VB") || tk.Tag == "MD" {
			verb = true
			break
		}
	}
	if isListItem(t) {
		return false // a point of its own, however terse
	}
	low := strings.ToLower(t)
	for _, c := range creditPhrases {
		if strings.Contains(low, c) {
			return true
		}
	}
	if words <= 12 && strings.HasPrefix(low, "by ") && !strings.ContainsAny(t, ".!?") {
		return true // a byline
	}
	seps := 0
	for _, r := range t {
		if strings.ContainsRune(separators, r) {
			seps++
		}
	}
	if seps > 0 && words <= 12 && !endsSentence(t) {
		return true
	}
	if !verb && words <= 8 && !endsSentence(t) {
		return true
	}
	return false
}

// isListItem reports whether t opens with a bullet and a space ("- Cut
// tax rates"); "*By Ann Lee*" is Markdown emphasis, not a bullet.
func isListItem(t string) bool {
	for _, b := range []string{"- ", "– ", "— ", "• ", "* ", "· "} {
		if strings.HasPrefix(t, b) {
			return true
		}
	}
	return false
}

// endsSentence reports whether t ends like a sentence.
func endsSentence(t string) bool {
	t = strings.TrimRight(t, "\"'”’)]")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "…")
}

// standfirstWords is the length under which an opening sentence that comes
// before the real news lead reads as a standfirst or teaser.
const standfirstWords = 12

// teasers finds the sentences of an article that come before its news lead
// and only tease it: short opening sentences ("Kestria and Dravonia have
// signed up to a rapid troop withdrawal.") followed, within the first three
// sentences, by a full lead that shares their actors or words. It returns,
// for each sentence, the index of the lead it teases, or -1.
//
// A teaser in a paragraph of its own is a standfirst that ingest kept in the
// body, and is never chosen. A teaser that opens the lead's paragraph may be
// a news lead in its own right ("Malcolm Fraser has died."), so it is only
// kept out while its lead may be chosen: the lead says it all in full.
func teasers(ss []sentence) []int {
	out := make([]int, len(ss))
	for i := range out {
		out[i] = -1
	}
	lead, seen := -1, 0
	for j := 0; j < len(ss) && seen < 3; j++ {
		if ss[j].skip {
			continue
		}
		seen++
		if ss[j].words >= 20 {
			lead = j
			break
		}
	}
	if lead <= 0 {
		return out
	}
	for j := 0; j < lead; j++ {
		s := &ss[j]
		if s.skip || s.words >= standfirstWords || len(s.keys.nums) > 0 || len(s.vec.keys) == 0 {
			continue
		}
		// A teaser repeats the lead's actors or words; an unrelated short
		// opening ("It was a quiet Monday.") is left to the ranker.
		if containment(s.vec, ss[lead].vec) >= 0.3 || sharedSorted(s.keys.ents, ss[lead].keys.ents) >= 1 {
			out[j] = lead
		}
	}
	return out
}
