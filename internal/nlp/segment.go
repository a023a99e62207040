package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Segment splits text into sentences, returning their byte spans with outer
// white space trimmed. Paragraph breaks always end a sentence, and so do
// single line breaks before a bullet or after a line that reads as a heading.
//
// Within a paragraph a sentence ends at '.', '!', '?' or an ellipsis, with any
// closing quotes and brackets that follow, when white space and a plausible
// sentence start come next. Abbreviations ("Mr.", "Gen.", "U.S.", "No. 10"),
// initials ("J. K. Rowling"), decimals and amounts ("3.1%", "$4.2bn") and
// quotes that run on into their attribution ('"We will win," he said.') do
// not end one. The rules are measured on a Golden-Rules-style table in
// segment_test.go.
func Segment(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && segIsSpaceByte(text[s]) {
			s++
		}
		for e > s && segIsSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' {
			if segLineBreakEnds(text, start, i) {
				emit(i)
			}
			i++
			continue
		}
		if c != '.' && c != '!' && c != '?' && !strings.HasPrefix(text[i:], "…") {
			i++
			continue
		}
		end, ok := segSentenceEnd(text, i)
		if ok {
			emit(end)
			i = end
			continue
		}
		if end > i {
			i = end
		} else {
			i++
		}
	}
	emit(len(text))
	return out
}

func segIsSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// segLineBreakEnds decides whether the newline at i ends the sentence that
// began at start. A blank line (paragraph break) always does. A single line
// break does before a bullet, and after a line without final punctuation that
// looks like a heading or list item; otherwise it is hard wrapping.
func segLineBreakEnds(text string, start, i int) bool {
	// Paragraph break: the next line is blank.
	j := i + 1
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j >= len(text) || text[j] == '\n' {
		return true
	}
	next := text[j:]
	if segIsBullet(next) {
		return true
	}
	// The current line, from its start (or the sentence start).
	ls := strings.LastIndexByte(text[:i], '\n') + 1
	if ls < start {
		ls = start
	}
	line := strings.TrimSpace(text[ls:i])
	if line == "" {
		return false
	}
	if segIsBullet(line) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(",;:-–(", last) || unicode.IsLower(last) && len(line) > 60 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	// A short line without final punctuation followed by a capitalised line
	// is a heading, a dateline or a list entry.
	return !strings.ContainsRune(".!?", last) && len(line) <= 60 && (unicode.IsUpper(first) || unicode.IsDigit(first))
}

// segIsBullet reports whether line starts with a list marker.
func segIsBullet(line string) bool {
	line = strings.TrimLeft(line, " \t")
	for _, m := range []string{"- ", "* ", "• ", "– ", "— ", "· ", "▪ ", "► "} {
		if strings.HasPrefix(line, m) {
			return true
		}
	}
	// "1. ", "2) ", "a) "
	k := 0
	for k < len(line) && k < 3 && line[k] >= '0' && line[k] <= '9' {
		k++
	}
	if k > 0 && k+1 < len(line) && (line[k] == '.' || line[k] == ')') && line[k+1] == ' ' {
		return true
	}
	return false
}

// segClosers may follow the final punctuation of a sentence and belong to it.
const segClosers = "\"')]}’”»"

// segOpeners may precede the first word of a sentence.
const segOpeners = "\"'([{‘“«¿¡"

// segSentenceEnd examines the terminal punctuation at i. It returns the end of
// the punctuation run (with closing quotes and brackets) and whether the
// sentence ends there.
func segSentenceEnd(text string, i int) (int, bool) {
	// Take the whole run of terminal marks: "?!", "...", "…", ".)".
	j := i
	dots, other := 0, false
	for j < len(text) {
		switch {
		case text[j] == '.':
			dots++
			j++
		case text[j] == '!' || text[j] == '?':
			other = true
			j++
		case strings.HasPrefix(text[j:], "…"):
			dots += 3
			j += len("…")
		case text[j] == ' ' && j+1 < len(text) && text[j+1] == '.' && dots > 0 && !other:
			// spaced ellipsis ". . ."
			j++
		default:
			goto done
		}
	}
done:
	// Spaced ellipsis may have eaten a trailing space; step back over it.
	for j > i && text[j-1] == ' ' {
		j--
	}
	k := j
	closed := false
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if !strings.ContainsRune(segClosers, r) {
			break
		}
		closed = true
		k += n
	}
	if k >= len(text) {
		return k, true
	}
	// Something must separate sentences: white space, except for a missing
	// space after a plain word ("the talks.Then"), a common slip in pasted
	// text that must not catch "example.Com" or "2.5".
	if !segIsSpaceByte(text[k]) {
		return k, !other && dots == 1 && !closed && segMissingSpace(text, i, k)
	}
	nextStart := k
	for nextStart < len(text) && segIsSpaceByte(text[nextStart]) {
		nextStart++
	}
	if nextStart >= len(text) {
		return k, true
	}
	if strings.Contains(text[k:nextStart], "\n\n") {
		return k, true
	}
	next := text[nextStart:]
	word := segNextWord(next)
	nr := segFirstLetter(next)
	lower := unicode.IsLower(nr)
	if other || dots >= 2 {
		// "?" / "!" / ellipsis: ends unless a lowercase word runs on
		// ('"Why?" he asked.', 'I was... well').
		return k, !lower
	}
	// A single period.
	if lower {
		return k, false
	}
	if closed {
		// 'He said "no." Then' or '(see below.) Next'.
		return k, true
	}
	prev := segPrevWord(text, i)
	if prev == "" {
		return k, true
	}
	if segListNumber(text, i, prev) {
		return k, false
	}
	return k, !segAbbreviation(prev, word, next)
}

// segMissingSpace reports whether a period at i, directly followed by text
// at k, ends a sentence all the same: a lower-case word (or an amount) of two
// letters or more before it, a capitalised word after it that is not part of
// a domain name or file name.
func segMissingSpace(text string, i, k int) bool {
	prev := segPrevWord(text, i)
	if len(prev) < 2 || strings.ContainsAny(prev, "./@:") || strings.HasPrefix(prev, "www") {
		return false
	}
	for _, r := range prev {
		if !unicode.IsLower(r) && !unicode.IsDigit(r) && r != ',' {
			return false
		}
	}
	next := text[k:]
	r1, n1 := utf8.DecodeRuneInString(next)
	r2, _ := utf8.DecodeRuneInString(next[n1:])
	if !unicode.IsUpper(r1) || !unicode.IsLower(r2) {
		return false
	}
	w := segNextWord(next)
	rest := next[len(w):]
	return !(len(rest) > 1 && rest[0] == '.' && unicode.IsLetter(rune(rest[1])))
}

// segListNumber reports whether prev, ending at the period at i, is the
// number of a numbered list item at the start of a line ("2. Sign it.").
func segListNumber(text string, i int, prev string) bool {
	if len(prev) > 3 || strings.TrimLeft(prev, "0123456789") != "" {
		return false
	}
	ls := i - len(prev)
	return ls == 0 || text[ls-1] == '\n'
}

// segNextWord returns the first word of s, without opening quotes or brackets.
func segNextWord(s string) string {
	s = strings.TrimLeft(s, segOpeners)
	s = strings.TrimLeftFunc(s, func(r rune) bool { return strings.ContainsRune(segOpeners, r) })
	end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",;:.!?", r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// segFirstLetter returns the first letter or digit of s.
func segFirstLetter(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
	}
	return ' '
}

// segPrevWord returns the word that ends at the period at i, without the
// period and without opening punctuation.
func segPrevWord(text string, i int) string {
	s := i
	for s > 0 && !segIsSpaceByte(text[s-1]) {
		s--
	}
	w := text[s:i]
	w = strings.TrimLeftFunc(w, func(r rune) bool { return strings.ContainsRune(segOpeners, r) || r == '—' || r == '-' })
	return w
}

// segTitles precede a name: a period after them never ends a sentence.
var segTitles = segSet("mr mrs ms messrs mme mlle dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig rev revd fr sr jr st hon gov sen rep pres supt insp det insp gens ft mt esq amb atty")

// segAbbrevs are other common abbreviations. After them a sentence ends only
// when a word that typically opens sentences follows.
var segAbbrevs = segSet("inc ltd co corp plc llc bros dept univ assn approx est etc vs v al fig figs vol vols pp p ed eds min max no nos op cf ca av ave blvd rd hwy jan feb mar apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri a.m p.m u.s u.k u.n e.u u.s.a d.c n.y l.a e.g i.e viz ph.d b.a m.a m.d a.d b.c r.i.p mph kg km cm mm lb lbs oz yr yrs govt gov't intl natl calif fla ariz colo conn kan ky md mich minn mont neb nev okla tenn vt wis wyo")

// segStarters commonly open a sentence; after an ambiguous segAbbreviation such as
// "U.S." or "Inc." they signal a new sentence.
var segStarters = segSet("the a an he she it they we i you his her its their our this that these those there here but and so yet or if when while after before as in on at for with by from to of since although though however meanwhile then why what who how where mr mrs ms dr some")

func segSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// segAbbreviation reports whether the period after prev is an segAbbreviation's,
// not a sentence end, given the following word and text.
func segAbbreviation(prev, word, next string) bool {
	low := strings.ToLower(prev)
	nextLow := strings.ToLower(word)
	// Numbers: "No. 10", "pp. 4", "Jan. 5", "art. 3".
	nr, _ := utf8.DecodeRuneInString(next)
	if segTitles[low] {
		return true
	}
	if (low == "no" || low == "nos" || low == "p" || low == "pp" || low == "art" || low == "vol" || low == "fig") && unicode.IsDigit(nr) {
		return true
	}
	if segAbbrevs[low] {
		if low == "no" {
			// "The answer is No. It ..." vs "No. 10": only digits continue.
			return unicode.IsDigit(nr) || nr == '#'
		}
		if unicode.IsDigit(nr) {
			return true
		}
		return !segStarters[nextLow]
	}
	// Initials: "J. K. Rowling", "George W. Bush".
	if utf8.RuneCountInString(prev) == 1 {
		r, _ := utf8.DecodeRuneInString(prev)
		if unicode.IsUpper(r) {
			return !segStarters[nextLow] || nextLow == "a" || nextLow == "i"
		}
	}
	// Dotted acronyms not in the list: "U.S.A", "N.A.T.O", "a.k.a".
	if strings.Contains(prev, ".") {
		parts := strings.Split(prev, ".")
		short := true
		for _, p := range parts {
			if utf8.RuneCountInString(p) > 2 || strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
				short = false
			}
		}
		if short {
			return !segStarters[nextLow]
		}
	}
	return false
}
