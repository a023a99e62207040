package ingest

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/japanese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/unicode/norm"
)

// errBinary is the reason given for bytes that are not text in any encoding
// we know; it usually means a binary file with a text extension.
const errBinary = "not a text file: it contains binary data (wrong file extension?)"

// decode turns the bytes of a text document into UTF-8. A byte-order mark
// wins; then valid UTF-8; then the declared charset (from an HTML meta tag or
// a MIME header); then Windows-1252, the usual encoding of older Western
// files and a superset of ISO-8859-1's printable range.
func decode(data []byte, declared string) (string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		s, err := utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM).NewDecoder().Bytes(data)
		return string(s), err == nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		return string(s), err == nil
	}
	if e := bomlessUTF16(data); e != nil {
		if s, err := e.NewDecoder().Bytes(data); err == nil {
			return string(s), true
		}
	}
	// ISO-2022-JP (Japanese mail) is 7-bit, so valid UTF-8 too: its escape
	// sequences tell it apart.
	if bytes.Contains(data, []byte("\x1b$B")) || bytes.Contains(data, []byte("\x1b$@")) {
		if s, err := japanese.ISO2022JP.NewDecoder().Bytes(data); err == nil {
			return string(s), true
		}
	}
	if utf8.Valid(data) {
		return string(data), true
	}
	if declared != "" {
		if e, err := htmlindex.Get(strings.TrimSpace(declared)); err == nil && e != xunicode.UTF8 {
			if s, err := e.NewDecoder().Bytes(data); err == nil {
				return string(s), true
			}
		}
	}
	if e := guessCharset(data); e != nil {
		if s, err := e.NewDecoder().Bytes(data); err == nil {
			return string(s), true
		}
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(data)
	return string(s), err == nil
}

// guessable are the legacy charsets statistical detection may choose;
// anything else (and Western text) is read as Windows-1252.
var guessable = map[string]bool{
	"windows-1250": true, "windows-1251": true, "windows-1253": true, "windows-1254": true, "windows-1255": true,
	"windows-1256": true, "KOI8-R": true, "ISO-8859-2": true, "ISO-8859-5": true, "ISO-8859-7": true,
	"ISO-8859-8": true, "Shift_JIS": true, "EUC-JP": true, "EUC-KR": true, "GB-18030": true, "Big5": true,
}

// guessCharset detects the charset of undeclared non-UTF-8 text written
// mostly in another script (a Russian file in Windows-1251, Japanese in
// Shift_JIS). Text that is mostly ASCII stays Windows-1252: a few accented
// letters or curly quotes are not enough evidence for anything else.
func guessCharset(data []byte) encoding.Encoding {
	sample := data[:min(len(data), 64<<10)]
	high := 0
	for _, c := range sample {
		if c >= 0x80 {
			high++
		}
	}
	if high*10 < len(sample) {
		return nil
	}
	r, err := chardet.NewTextDetector().DetectBest(sample)
	if err != nil || r.Confidence < 20 || !guessable[r.Charset] {
		return nil
	}
	name := r.Charset
	if name == "GB-18030" {
		name = "gb18030"
	}
	e, err := htmlindex.Get(name)
	if err != nil {
		return nil
	}
	return e
}

// bomlessUTF16 recognises UTF-16 without a byte-order mark by its pattern of
// zero bytes (Latin text has a zero in every other byte), which no sane
// 8-bit text has.
func bomlessUTF16(data []byte) encoding.Encoding {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return nil
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd > half*6/10 && even < half/20:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case even > half*6/10 && odd < half/20:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	}
	return nil
}

// looksBinary reports whether decoded text is mostly not text: control
// characters or replacement characters that no article contains.
func looksBinary(s string) bool {
	var bad, total int
	for i, r := range s {
		if i > 1<<16 {
			break
		}
		total++
		switch {
		case r == 0:
			return true
		case r == utf8.RuneError, r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f',
			r >= 0x7F && r < 0xA0:
			bad++
		}
	}
	return total > 0 && bad*50 > total // more than 2 %
}

// spaceLike maps typographic spaces to a plain space and drops invisible
// characters that only get in the way of search and sentence splitting.
// Curly quotes and dashes are left as the author wrote them.
func spaceLike(r rune) rune {
	switch r {
	case '\u00A0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
		'\u2007', '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000', '\t', '\f', '\v':
		return ' '
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
		return -1
	case '\u2028', '\u2029', '\u0085':
		return '\n'
	}
	return r
}

// normalize puts decoded text into the one form the rest of the package
// works on: NFC, "\n" line ends, plain spaces, no trailing blanks on lines,
// no control characters.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		r = spaceLike(r)
		if r >= 0 && r < 0x20 && r != '\n' && r != ' ' || r >= 0x7F && r < 0xA0 {
			return -1
		}
		return r
	}, s)
	s = norm.NFC.String(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = collapseSpaces(l)
	}
	return strings.Join(lines, "\n")
}

// collapseSpaces trims a line and squeezes runs of spaces into one.
func collapseSpaces(l string) string {
	l = strings.TrimSpace(l)
	if !strings.Contains(l, "  ") {
		return l
	}
	var b strings.Builder
	b.Grow(len(l))
	prev := false
	for _, r := range l {
		if r == ' ' {
			if prev {
				continue
			}
			prev = true
		} else {
			prev = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// words splits text into lower-case letter/digit tokens; hashing works on
// these so that punctuation, quote styles and line breaks do not matter.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
