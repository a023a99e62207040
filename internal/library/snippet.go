package library

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"briefdesk/internal/domain"
)

// Article snippets are cut in Go rather than by FTS5's snippet(): that
// re-tokenises and scores the whole article for every hit (about 0.2 ms
// each, most of a search's time at 100,000 articles), while the window we
// show is nearly always near the top. Matching mirrors the index's
// tokenizer and matchExpr: letters and digits, case and diacritics folded,
// prefixes where matchExpr asks FTS5 for a prefix.

// snippetWords is how many words a snippet shows.
const snippetWords = 24

// qword is one word of the query as the highlighter matches it.
type qword struct {
	forms  []string // folded words that match
	prefix bool     // any word starting with forms[0] matches
}

// highlightTerms turns what the officer typed into words to highlight,
// matching as matchExpr does.
func highlightTerms(input string, asYouType bool) []qword {
	terms, closed := parseQuery(input)
	var out []qword
	for i, t := range terms {
		if t.not || !hasToken(t.text) {
			continue
		}
		forms, prefix := termForms(terms, i, closed, asYouType)
		toks := tokens(t.text)
		for j, tk := range toks {
			q := qword{forms: []string{fold(t.text[tk.start:tk.end])}}
			if j == len(toks)-1 {
				q.prefix = prefix
				for _, f := range forms[1:] {
					ft := tokens(f)
					q.forms = append(q.forms, fold(f[ft[len(ft)-1].start:]))
				}
			}
			out = append(out, q)
		}
	}
	return out
}

type token struct{ start, end int }

// tokens splits s into runs of letters and digits, as unicode61 does.
func tokens(s string) []token {
	var out []token
	for pos := 0; ; {
		tk, ok := nextToken(s, pos)
		if !ok {
			return out
		}
		out = append(out, tk)
		pos = tk.end
	}
}

// isWordRune reports whether unicode61 keeps r in a token.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
}

// nextToken returns the first token of s at or after byte pos.
func nextToken(s string, pos int) (token, bool) {
	start := -1
	for i := pos; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		word := isWordRune(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			return token{start, i}, true
		}
		i += n
	}
	if start >= 0 {
		return token{start, len(s)}, true
	}
	return token{}, false
}

// fold lowercases and strips diacritics ("Café" -> "cafe").
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func (q qword) matches(w string) bool {
	if q.prefix {
		return strings.HasPrefix(w, q.forms[0])
	}
	for _, f := range q.forms {
		if w == f {
			return true
		}
	}
	return false
}

// cutSnippet returns the window of text with the most distinct query words
// (earliest on ties), matches marked, and "…" where text was cut. ok is
// false when no word matches.
func cutSnippet(text string, qs []qword) (domain.Snippet, bool) {
	if len(qs) == 0 {
		return domain.Snippet{}, false
	}
	// Tokens are read lazily: most hits show every query word near the
	// top, and the rest of the body need not be tokenised or folded.
	var toks []token
	var hit []int // bitmask of query words each token matches (first 62)
	pos, found := 0, false
	more := func(n int) { // reads tokens until there are n or the text ends
		for len(toks) < n && pos < len(text) {
			tk, ok := nextToken(text, pos)
			if !ok {
				pos = len(text)
				break
			}
			pos = tk.end
			w := fold(text[tk.start:tk.end])
			m := 0
			for j, q := range qs {
				if j < 62 && q.matches(w) {
					m |= 1 << j
					found = true
				}
			}
			toks, hit = append(toks, tk), append(hit, m)
		}
	}
	best, bestScore := 0, -1
	for s := 0; ; s++ {
		more(s + snippetWords + 1)
		if s >= len(toks) {
			break
		}
		if hit[s] == 0 {
			continue // windows worth showing start near a match
		}
		var seen, n int
		for i := s; i < len(toks) && i < s+snippetWords; i++ {
			if hit[i] != 0 {
				seen |= hit[i]
				n++
			}
		}
		score := bits.OnesCount(uint(seen))*100 + n
		if score > bestScore {
			best, bestScore = s, score
		}
		if bits.OnesCount(uint(seen)) == len(qs) {
			break // every word in view: the earliest such window is the one
		}
	}
	if !found {
		return domain.Snippet{}, false
	}
	// Start a few words before the first match, for context.
	start := max(0, best-4)
	more(start + snippetWords + 1) // one past the window: is the text cut?
	end := min(len(toks), start+snippetWords)
	var b snippetBuilder
	if start > 0 {
		b.text("\u2026")
	}
	pos = toks[start].start
	if start == 0 {
		pos = 0
	}
	for i := start; i < end; i++ {
		tk := toks[i]
		b.text(text[pos:tk.start])
		if hit[i] != 0 {
			b.mark(text[tk.start:tk.end])
		} else {
			b.text(text[tk.start:tk.end])
		}
		pos = tk.end
	}
	if end == len(toks) {
		b.text(text[pos:])
	} else {
		b.text("\u2026")
	}
	return b.snippet(), true
}

// snippetBuilder writes a snippet with its whitespace collapsed to single
// spaces, recording where the marked words land.
type snippetBuilder struct {
	b     strings.Builder
	marks []domain.Mark
	space bool // a space is owed before the next visible text
}

func (sb *snippetBuilder) text(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			sb.space = sb.b.Len() > 0
			continue
		}
		if sb.space {
			sb.b.WriteByte(' ')
			sb.space = false
		}
		sb.b.WriteRune(r)
	}
}

func (sb *snippetBuilder) mark(s string) {
	if sb.space {
		sb.b.WriteByte(' ')
		sb.space = false
	}
	start := sb.b.Len()
	sb.b.WriteString(s)
	sb.marks = append(sb.marks, domain.Mark{Start: start, End: sb.b.Len()})
}

func (sb *snippetBuilder) snippet() domain.Snippet {
	return domain.Snippet{Text: sb.b.String(), Marks: sb.marks}
}

// articleSnippet highlights the query in an article's body, or in its title
// when only the title matches.
func articleSnippet(title, body string, qs []qword) domain.Snippet {
	if s, ok := cutSnippet(body, qs); ok {
		return s
	}
	if s, ok := cutSnippet(title, qs); ok {
		return s
	}
	return opening(body)
}

// opening returns the first words of text, for a hit whose match the
// highlighter cannot see (a stem it does not know).
func opening(text string) domain.Snippet {
	toks := tokens(text)
	if len(toks) <= snippetWords {
		return domain.Snippet{Text: strings.Join(strings.Fields(text), " ")}
	}
	return domain.Snippet{Text: strings.Join(strings.Fields(text[:toks[snippetWords-1].end]), " ") + "\u2026"}
}
