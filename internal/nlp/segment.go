package nlp

import (
	"strings"
	"unicode"
)

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Segment splits text into sentences, returning their byte spans with outer
// white space trimmed. Paragraph breaks always end a sentence.
// TODO(summary issue): abbreviations, quotes, decimals; measure on Golden Rules.
func Segment(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(rune(text[s])) {
			s++
		}
		for e > s && unicode.IsSpace(rune(text[e-1])) {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' && strings.HasPrefix(text[i:], "\n\n") {
			emit(i)
			continue
		}
		if (c == '.' || c == '!' || c == '?') && i+1 < len(text) && text[i+1] == ' ' && i+2 < len(text) && unicode.IsUpper(rune(text[i+2])) {
			emit(i + 1)
		}
	}
	emit(len(text))
	return out
}
