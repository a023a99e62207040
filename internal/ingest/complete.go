package ingest

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefdesk/internal/domain"
)

// A file that ends early (a download that stopped, a page saved while it
// loaded, a text copied half-way) still parses: its first part is often all
// the officer needs. It is imported, but marked, so that nobody briefs from
// half an article without knowing. The checks look at how the file ends:
// its format's closing structure, and whether its text stops in the middle
// of a sentence.

// incomplete says why a source that parsed as format, with the article a,
// looks cut off, or "" when it looks whole.
func incomplete(format domain.Format, data []byte, a *domain.Article) string {
	switch format {
	case domain.FormatHTML:
		if r := htmlCut(data); r != "" {
			return r
		}
	case domain.FormatPDF:
		if !bytes.Contains(tail(data, 2048), []byte("%%EOF")) {
			return "the PDF file stops before its end marker"
		}
	case domain.FormatRTF:
		if rtfOpen(data) {
			return "the RTF file stops before its last group closes"
		}
	}
	if midSentence(a.Paragraphs) {
		return "it stops in the middle of a sentence"
	}
	return ""
}

// tail returns the last n bytes of b.
func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// htmlCut checks the end of a web page: inside a tag, or before the closing
// tags of a page that opened with <html> or <body>. Fragments without those
// tags are judged by their text alone.
func htmlCut(data []byte) string {
	end := bytes.ToLower(tail(bytes.TrimSpace(data), 64<<10))
	if lt, gt := bytes.LastIndexByte(end, '<'), bytes.LastIndexByte(end, '>'); lt > gt {
		return "the page stops in the middle of an HTML tag"
	}
	head := bytes.ToLower(data[:min(len(data), 64<<10)])
	opened := bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<body"))
	closed := bytes.Contains(end, []byte("</html")) || bytes.Contains(end, []byte("</body"))
	if opened && !closed {
		return "the page stops before its closing tags"
	}
	return ""
}

// rtfOpen reports whether an RTF file ends with groups still open: every
// "{" not escaped as "\{" must be closed by a "}".
func rtfOpen(data []byte) bool {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++ // an escaped brace or backslash
		case '{':
			depth++
		case '}':
			depth--
		}
	}
	return depth > 0
}

// sentenceEnds are the characters a finished paragraph ends with: final
// punctuation, closing quotes and brackets.
const sentenceEnds = ".!?…\"'”’»)]"

// minProse is the fewest words a last paragraph without a sentence end
// needs to be judged: shorter ones are headings, kickers and sign-offs
// ("More to follow").
const minProse = 8

// midSentence reports whether the text stops in the middle of a sentence.
// Its last paragraph must be prose (most words in lower case: not a list
// of names or a credit line such as "Editing by Ruth Abeyta"), and either
// a sentence of it ends before a trailing fragment ("... in 2004. The
// Tanka"), or it is one unfinished sentence of minProse words or more
// ending on a comma, a lower-case word or a number. A labelled headline
// ("Opinion: Lesson of ...") ends without punctuation on purpose.
func midSentence(paras []string) bool {
	if len(paras) == 0 {
		return false
	}
	last := strings.TrimSpace(paras[len(paras)-1])
	words := strings.Fields(last)
	if len(words) == 0 {
		return false
	}
	lower, lettered := 0, 0
	for _, w := range words {
		if f, _ := utf8.DecodeRuneInString(w); unicode.IsLetter(f) {
			lettered++
			if unicode.IsLower(f) {
				lower++
			}
		}
	}
	prose := lower*2 >= lettered // not a headline, a list of names or tags
	r, size := utf8.DecodeLastRuneInString(last)
	before, bsize := utf8.DecodeLastRuneInString(last[:len(last)-size])
	quoted, _ := utf8.DecodeLastRuneInString(last[:len(last)-size-bsize])
	lastWord := words[len(words)-1]
	switch {
	case strings.ContainsAny(lastWord, "/@") || strings.Contains(strings.TrimRight(lastWord, "."), "."):
		return false // a link or an address signs off
	case (r == '"' || r == '“') && before == ' ' && !strings.ContainsRune("'’", quoted):
		return prose // a quote opened, never closed (`said. "`, not `behave.' "`)
	case strings.ContainsRune("\"”’", r) && before == ',':
		return prose // `... costs,"` goes on with "he said"
	case strings.ContainsRune(sentenceEnds, r) || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == ',' || r == ';' || r == '-'):
		return false
	case !prose:
		return false
	case endsSentenceBefore(words):
		return true
	case len(words) >= 2 && functionWords[strings.ToLower(lastWord)]:
		return true // "... declined to", "The one thing that"
	case len(words) < minProse:
		return false
	}
	for _, w := range words[:min(5, len(words)-1)] {
		if strings.HasSuffix(w, ":") {
			return false // "Opinion: ...", "RELATED: ..."
		}
	}
	if r == ',' || r == ';' || r == '-' {
		return true // nothing finishes a paragraph on a comma
	}
	f, _ := utf8.DecodeRuneInString(lastWord)
	return unicode.IsLower(f) || unicode.IsDigit(f)
}

// endsSentenceBefore reports whether a sentence ends before the last word:
// a word with final punctuation followed by one starting a new sentence.
func endsSentenceBefore(words []string) bool {
	for i := len(words) - 2; i >= 0; i-- {
		w := strings.TrimRight(words[i], "\"'”’»)]")
		if w == "" || !strings.ContainsAny(w[len(w)-1:], ".!?") {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(words[i+1], "\"'“‘«(["))
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) {
			continue // "e.g. the", "3.5 per cent"
		}
		if len(w) <= 3 && unicode.IsUpper([]rune(w)[0]) {
			continue // "Mr. Smith", "St. Louis", "U.S. Army"
		}
		return true
	}
	return false
}

// functionWords are English words no heading, credit or sign-off ends on:
// a text that stops on one stops mid-sentence.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true, "to": true, "in": true,
	"on": true, "at": true, "by": true, "for": true, "from": true, "with": true, "as": true, "that": true,
	"which": true, "who": true, "whose": true, "is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "has": true, "have": true, "had": true, "will": true, "would": true, "could": true,
	"should": true, "can": true, "its": true, "their": true, "his": true, "her": true, "our": true, "than": true,
	"into": true, "said": true, "says": true, "told": true, "if": true, "when": true, "while": true, "because": true,
}
