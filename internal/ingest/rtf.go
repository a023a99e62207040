package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"

	"briefdesk/internal/domain"
)

// maxRTFDepth bounds group nesting; Word nests a few dozen deep at most.
const maxRTFDepth = 400

// rtfSkip are destinations whose content is not body text.
var rtfSkip = map[string]bool{
	"fonttbl": true, "colortbl": true, "stylesheet": true, "info": true, "pict": true, "object": true,
	"header": true, "headerl": true, "headerr": true, "headerf": true, "footer": true, "footerl": true,
	"footerr": true, "footerf": true, "footnote": true, "fldinst": true, "xmlnstbl": true, "themedata": true,
	"datastore": true, "listtable": true, "listoverridetable": true, "rsidtbl": true, "latentstyles": true,
	"generator": true, "mmathPr": true, "colorschememapping": true, "filetbl": true, "revtbl": true,
	"pgdsctbl": true, "annotation": true, "atnid": true, "atnauthor": true, "bkmkstart": true, "bkmkend": true,
	"nonshppict": true, "shppict": true, "sp": true, "sn": true, "sv": true, "template": true, "listtext": true,
	"pntext": true, "pntxta": true, "pntxtb": true, "falt": true, "panose": true, "wgrffmtfilter": true,
}

// rtfSymbols maps control words to the characters they stand for.
var rtfSymbols = map[string]string{
	"par": "\n\n", "sect": "\n\n", "page": "\n\n", "line": "\n", "tab": " ", "cell": " ", "row": "\n",
	"emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”",
	"bullet": "•", "emspace": " ", "enspace": " ", "qmspace": " ",
}

// rtfState is what a group inherits from its parent.
type rtfState struct {
	skip     bool
	uc       int  // characters to skip after \uN
	title    bool // inside {\info{\title ...}}
	author   bool
	starDest bool
	hidden   bool              // \v hidden text or a \deleted revision
	high     rune              // a \uN high surrogate waiting for its low half
	fontEnc  encoding.Encoding // the current font's \fcharset, if it has one
}

// parseRTF reads an RTF document with a small careful parser: groups,
// control words, \'hh bytes in the declared \ansicpg code page, \uN
// Unicode escapes with their \uc fallbacks, and skipped destinations
// (font tables, pictures, headers, field instructions).
func parseRTF(data []byte) (*doc, error) {
	s := string(data)
	if !strings.HasPrefix(strings.TrimLeft(s, "\ufeff \r\n\t"), `{\rtf`) {
		return nil, &domain.InputError{Reason: `not a valid RTF file: it does not start with {\rtf`}
	}
	p := &rtfParser{s: s, enc: charmap.Windows1252, styles: rtfStyles(s), fonts: rtfFontCharsets(s),
		cur: &para{}, st: rtfState{uc: 1}}
	if err := p.run(); err != nil {
		return nil, err
	}
	return p.finish()
}

// rtfParser holds one parse: the input, the position, the group state and
// what has been read so far.
type rtfParser struct {
	s      string
	i      int
	enc    encoding.Encoding // the document's \ansicpg
	styles map[int]string    // stylesheet names by \sN
	fonts  map[int]encoding.Encoding

	st    rtfState
	stack []rtfState

	ps    []*para
	cur   *para
	style string

	title, author strings.Builder // author is read only to keep it out of the body
	pending       []byte          // \'hh bytes waiting to be decoded together (DBCS)
	skipChars     int             // fallback characters still to skip after \uN
}

// run reads the whole input.
func (p *rtfParser) run() error {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case '{':
			if err := p.openGroup(); err != nil {
				return err
			}
		case '}':
			p.closeGroup()
		case '\r', '\n':
			p.i++
		case '\\':
			p.i++
			if p.i < len(p.s) {
				p.escape()
			}
		default:
			p.text()
		}
	}
	p.flush()
	return nil
}

// finish turns the paragraphs read into a document.
func (p *rtfParser) finish() (*doc, error) {
	p.cur.style = p.style
	p.ps = append(p.ps, p.cur)
	empty := true
	for _, q := range p.ps {
		if strings.TrimSpace(q.text.String()) != "" {
			empty = false
			break
		}
	}
	if empty {
		return nil, &domain.InputError{Reason: "RTF file has no text"}
	}
	// The document properties' author is whoever saved the file, often a
	// desk colleague, so it is not taken as the byline.
	return styledDoc(p.ps, hints{title: oneLine(normalize(p.title.String()))}), nil
}

// keeps reports whether text in the current group is read: body text
// outside skipped destinations, and the title and author inside {\info}.
func (p *rtfParser) keeps() bool { return !p.st.skip || p.st.title || p.st.author }

// sink is where text in the current group goes.
func (p *rtfParser) sink() *strings.Builder {
	switch {
	case p.st.title:
		return &p.title
	case p.st.author:
		return &p.author
	}
	return &p.cur.text
}

// flush decodes the pending \'hh bytes.
func (p *rtfParser) flush() {
	if len(p.pending) == 0 {
		return
	}
	b, err := decoderOf(p.st, p.enc).Bytes(p.pending)
	if err != nil {
		b = p.pending
	}
	if p.keeps() && !p.st.hidden {
		p.sink().Write(b)
	}
	p.pending = p.pending[:0]
}

// emit writes decoded text; "\n\n" ends the paragraph, which keeps the
// style it was written in.
func (p *rtfParser) emit(t string) {
	p.flush()
	if t == "\n\n" {
		if !p.st.skip {
			p.cur.style = p.style
			p.ps = append(p.ps, p.cur)
			p.cur = &para{}
		}
		return
	}
	if p.keeps() && !p.st.hidden {
		p.sink().WriteString(t)
	}
}

// openGroup enters a group, which inherits its parent's state; \* marks
// an optional destination.
func (p *rtfParser) openGroup() error {
	p.flush()
	if len(p.stack) >= maxRTFDepth {
		return &domain.InputError{Reason: "RTF file is nested too deeply to be a real document"}
	}
	p.stack = append(p.stack, p.st)
	p.st.starDest = false
	p.i++
	if strings.HasPrefix(p.s[p.i:], `\*`) {
		p.st.starDest = true
		p.i += 2
	}
	return nil
}

// closeGroup restores the parent's state; the document's own closing
// brace ends the parse and any trailing bytes are ignored.
func (p *rtfParser) closeGroup() {
	p.flush()
	if len(p.stack) == 0 {
		p.i = len(p.s)
		return
	}
	p.st = p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	p.i++
}

// escape reads what follows a backslash: a hex byte, an escaped
// character, a control symbol or a control word.
func (p *rtfParser) escape() {
	s, c := p.s, p.s[p.i]
	switch {
	case c == '\'':
		if p.i+2 < len(s) {
			if v, err := strconv.ParseUint(s[p.i+1:p.i+3], 16, 8); err == nil {
				if p.skipChars > 0 {
					p.skipChars--
				} else if p.keeps() {
					p.pending = append(p.pending, byte(v))
				}
			}
		}
		p.i += 3
	case c == '\\' || c == '{' || c == '}':
		if p.skipChars > 0 {
			p.skipChars--
		} else {
			p.emit(string(c))
		}
		p.i++
	case c == '~':
		p.emit(" ")
		p.i++
	case c == '_':
		p.emit("‑")
		p.i++
	case c == '\n' || c == '\r':
		p.emit("\n\n")
		p.i++
	case isASCIILetter(c):
		p.controlWord()
	default: // \- \* \: \| and unknown symbols carry no text
		p.i++
	}
}

// controlWord reads a control word with its optional numeric argument and
// the space that ends it, then applies it.
func (p *rtfParser) controlWord() {
	s, i := p.s, p.i
	j := i
	for j < len(s) && isASCIILetter(s[j]) && j-i < 32 {
		j++
	}
	word := s[i:j]
	k := j
	if k < len(s) && (s[k] == '-' || s[k] >= '0' && s[k] <= '9') {
		k++
		for k < len(s) && s[k] >= '0' && s[k] <= '9' && k-j < 12 {
			k++
		}
	}
	arg, hasArg := 0, k > j
	if hasArg {
		arg, _ = strconv.Atoi(s[j:k])
	}
	if k < len(s) && s[k] == ' ' {
		k++
	}
	p.i = k
	if word == "bin" && hasArg && arg > 0 {
		p.i += min(arg, len(s)-p.i)
		return
	}
	if word != "u" {
		// A control word ends any pending \uN fallback.
		p.skipChars = 0
	}
	switch {
	case word == "pard" && !p.st.skip:
		p.style = ""
	case word == "s" && hasArg && !p.st.skip:
		p.style = p.styles[arg]
	case word == "f" && hasArg && !p.st.skip:
		p.flush()
		p.st.fontEnc = p.fonts[arg]
	}
	p.control(word, arg, hasArg)
}

// text reads a run of plain text up to the next special character.
func (p *rtfParser) text() {
	if p.skipChars > 0 {
		p.skipChars--
		p.i++
		return
	}
	s, j := p.s, p.i
	for j < len(s) && s[j] != '\\' && s[j] != '{' && s[j] != '}' && s[j] != '\r' && s[j] != '\n' {
		j++
	}
	if p.keeps() && !p.st.hidden {
		p.flush()
		chunk := s[p.i:j]
		if !isASCII(chunk) {
			if b, err := decoderOf(p.st, p.enc).String(chunk); err == nil {
				chunk = b
			}
		}
		p.sink().WriteString(chunk)
	}
	p.i = j
}

// control applies one control word to the parser state.
func (p *rtfParser) control(word string, arg int, hasArg bool) {
	st := &p.st
	switch {
	case word == "ansicpg" && hasArg:
		p.flush()
		if e := codePage(arg); e != nil {
			p.enc = e
		}
	case word == "v":
		st.hidden = !hasArg || arg != 0
	case word == "deleted":
		st.hidden = true
	case word == "plain":
		st.hidden = false
	case word == "uc" && hasArg:
		st.uc = max(arg, 0)
	case word == "u" && hasArg:
		p.unicode(arg)
	case word == "title" && !st.skip:
		// {\info{\title ...}}: info itself is skipped, title is captured.
	case word == "title":
		st.title = true
	case word == "author" && st.skip:
		st.author = true
	case rtfSkip[word] || st.starDest:
		if !st.title && !st.author {
			st.skip = true
		}
		st.starDest = false
	default:
		if t, ok := rtfSymbols[word]; ok {
			p.emit(t)
		}
	}
}

// unicode applies \uN: a signed 16-bit UTF-16 unit, so characters outside
// the BMP come as two escapes, a high then a low surrogate. The next \uc
// characters are the fallback for readers without Unicode and are skipped.
func (p *rtfParser) unicode(arg int) {
	if arg < 0 {
		arg += 65536
	}
	r, high := rune(arg), p.st.high
	p.st.high = 0
	switch {
	case r >= 0xD800 && r < 0xDC00:
		p.st.high = r
	case r >= 0xDC00 && r < 0xE000:
		if high != 0 {
			p.emit(string(utf16.DecodeRune(high, r)))
		}
	case r < 0x20 && r != '\t' && r != '\n', r > unicode.MaxRune:
		// control characters and out-of-range values carry no text
	default:
		p.emit(string(r))
	}
	p.skipChars = p.st.uc
}

var (
	rtfStyleRe   = regexp.MustCompile(`\{\\s(\d+)[\\ ][^{}]*\}`)
	rtfControlRe = regexp.MustCompile(`\\[a-zA-Z]+-?\d* ?|\\'[0-9a-fA-F]{2}`)
)

// rtfStyles reads the paragraph style names of the stylesheet ("\s21 ...
// Title;") so that Title and Subtitle paragraphs are recognised.
func rtfStyles(s string) map[int]string {
	styles := map[int]string{}
	k := strings.Index(s, `{\stylesheet`)
	if k < 0 {
		return styles
	}
	sheet := s[k:min(len(s), k+200000)]
	for _, m := range rtfStyleRe.FindAllStringSubmatch(sheet, 500) {
		n, err := strconv.Atoi(m[1])
		if err != nil {
			continue
		}
		name := strings.TrimSpace(rtfControlRe.ReplaceAllString(m[0][1:len(m[0])-1], ""))
		styles[n] = strings.TrimSpace(strings.TrimSuffix(name, ";"))
	}
	return styles
}

// decoderOf returns the decoder for \'hh bytes: the current font's
// charset wins over the document's \ansicpg, as in Word.
func decoderOf(st rtfState, doc encoding.Encoding) *encoding.Decoder {
	if st.fontEnc != nil {
		return st.fontEnc.NewDecoder()
	}
	return doc.NewDecoder()
}

var rtfFontRe = regexp.MustCompile(`\\f(\d+)(?:[^{}\\]|\\[^f]|\\f[a-z]|\{[^{}]*\})*?\\fcharset(\d+)`)

// rtfCharsets maps \fcharset numbers to Windows code pages.
var rtfCharsets = map[int]int{0: 1252, 161: 1253, 162: 1254, 163: 1258, 177: 1255, 178: 1256, 186: 1257,
	204: 1251, 238: 1250, 222: 874, 128: 932, 134: 936, 129: 949, 136: 950}

// rtfFontCharsets reads the font table's \fcharset of each font, so that
// text in a Cyrillic font (\fcharset204) decodes as Windows-1251 even in
// a document declared \ansicpg1252.
func rtfFontCharsets(s string) map[int]encoding.Encoding {
	fonts := map[int]encoding.Encoding{}
	k := strings.Index(s, `{\fonttbl`)
	if k < 0 {
		return fonts
	}
	table := s[k:min(len(s), k+100000)]
	if end := strings.Index(table, "}}"); end > 0 {
		table = table[:end+2]
	}
	for _, m := range rtfFontRe.FindAllStringSubmatch(table, 1000) {
		f, err1 := strconv.Atoi(m[1])
		cs, err2 := strconv.Atoi(m[2])
		if err1 != nil || err2 != nil || cs == 0 || cs == 1 || cs == 2 {
			continue // default, OEM default or symbol: the document's code page
		}
		if cp, ok := rtfCharsets[cs]; ok {
			if e := codePage(cp); e != nil {
				fonts[f] = e
			}
		}
	}
	return fonts
}

// codePage maps a Windows code page number to its decoder.
func codePage(cp int) encoding.Encoding {
	names := map[int]string{932: "shift_jis", 936: "gbk", 949: "euc-kr", 950: "big5", 874: "windows-874",
		20866: "koi8-r", 28591: "iso-8859-1", 28592: "iso-8859-2", 65001: "utf-8", 10000: "macintosh"}
	name, ok := names[cp]
	if !ok {
		name = "windows-" + strconv.Itoa(cp)
	}
	e, err := htmlindex.Get(name)
	if err != nil {
		return nil
	}
	return e
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
