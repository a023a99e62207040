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
	var enc encoding.Encoding = charmap.Windows1252
	var title, author strings.Builder // author is read only to keep it out of the body
	styles := rtfStyles(s)
	fonts := rtfFontCharsets(s)
	var ps []*para
	cur := &para{}
	style := ""
	var pending []byte // \'hh bytes waiting to be decoded together (DBCS)
	st := rtfState{uc: 1}
	var stack []rtfState
	skipChars := 0 // fallback characters still to skip after \uN

	sink := func() *strings.Builder {
		switch {
		case st.title:
			return &title
		case st.author:
			return &author
		}
		return &cur.text
	}
	flush := func() {
		if len(pending) == 0 {
			return
		}
		b, err := decoderOf(st, enc).Bytes(pending)
		if err != nil {
			b = pending
		}
		if (!st.skip || st.title || st.author) && !st.hidden {
			sink().Write(b)
		}
		pending = pending[:0]
	}
	emit := func(t string) {
		flush()
		if t == "\n\n" {
			// End of paragraph: it keeps the style it was written in.
			if !st.skip {
				cur.style = style
				ps = append(ps, cur)
				cur = &para{}
			}
			return
		}
		if (!st.skip || st.title || st.author) && !st.hidden {
			sink().WriteString(t)
		}
	}
	setStyle := func(n int, reset bool) {
		if reset {
			style = ""
			return
		}
		style = styles[n]
	}

	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '{':
			flush()
			if len(stack) >= maxRTFDepth {
				return nil, &domain.InputError{Reason: "RTF file is nested too deeply to be a real document"}
			}
			stack = append(stack, st)
			st.starDest = false
			i++
			if strings.HasPrefix(s[i:], `\*`) {
				st.starDest = true
				i += 2
			}
			continue
		case '}':
			flush()
			if len(stack) == 0 {
				i = len(s) // the document's closing brace; ignore trailing bytes
				continue
			}
			st = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			i++
			continue
		case '\r', '\n':
			i++
			continue
		case '\\':
			i++
			if i >= len(s) {
				break
			}
			c = s[i]
			switch {
			case c == '\'':
				if i+2 < len(s) {
					if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
						if skipChars > 0 {
							skipChars--
						} else if !st.skip || st.title || st.author {
							pending = append(pending, byte(v))
						}
					}
				}
				i += 3
				continue
			case c == '\\' || c == '{' || c == '}':
				if skipChars > 0 {
					skipChars--
				} else {
					emit(string(c))
				}
				i++
				continue
			case c == '~':
				emit(" ")
				i++
				continue
			case c == '_':
				emit("‑")
				i++
				continue
			case c == '-' || c == '*' || c == ':' || c == '|':
				i++
				continue
			case c == '\n' || c == '\r':
				emit("\n\n")
				i++
				continue
			case isASCIILetter(c):
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
				i = k
				if word == "bin" && hasArg && arg > 0 {
					i += min(arg, len(s)-i)
					continue
				}
				if word != "u" {
					// A control word ends any pending \uN fallback.
					skipChars = 0
				}
				switch {
				case word == "pard" && !st.skip:
					setStyle(0, true)
				case word == "s" && hasArg && !st.skip:
					setStyle(arg, false)
				case word == "f" && hasArg && !st.skip:
					flush()
					st.fontEnc = fonts[arg]
				}
				rtfControl(word, arg, hasArg, &st, &enc, emit, flush, &skipChars)
				continue
			default:
				i++
				continue
			}
		default:
			if skipChars > 0 {
				skipChars--
				i++
				continue
			}
			// Plain text run up to the next special character.
			j := i
			for j < len(s) && s[j] != '\\' && s[j] != '{' && s[j] != '}' && s[j] != '\r' && s[j] != '\n' {
				j++
			}
			if (!st.skip || st.title || st.author) && !st.hidden {
				flush()
				chunk := s[i:j]
				if !isASCII(chunk) {
					b, err := decoderOf(st, enc).String(chunk)
					if err == nil {
						chunk = b
					}
				}
				sink().WriteString(chunk)
			}
			i = j
			continue
		}
		i++
	}
	flush()
	cur.style = style
	ps = append(ps, cur)
	empty := true
	for _, p := range ps {
		if strings.TrimSpace(p.text.String()) != "" {
			empty = false
			break
		}
	}
	if empty {
		return nil, &domain.InputError{Reason: "RTF file has no text"}
	}
	// The document properties' author is whoever saved the file, often a
	// desk colleague, so it is not taken as the byline.
	return styledDoc(ps, hints{title: oneLine(normalize(title.String()))}), nil
}

// rtfControl applies one control word to the parser state.
func rtfControl(word string, arg int, hasArg bool, st *rtfState, enc *encoding.Encoding, emit func(string), flush func(), skipChars *int) {
	switch {
	case word == "ansicpg" && hasArg:
		flush()
		if e := codePage(arg); e != nil {
			*enc = e
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
		// \uN is a signed 16-bit UTF-16 unit: characters outside the BMP
		// come as two escapes, a high then a low surrogate.
		if arg < 0 {
			arg += 65536
		}
		r, high := rune(arg), st.high
		st.high = 0
		switch {
		case r >= 0xD800 && r < 0xDC00:
			st.high = r
		case r >= 0xDC00 && r < 0xE000:
			if high != 0 {
				emit(string(utf16.DecodeRune(high, r)))
			}
		case r < 0x20 && r != '\t' && r != '\n', r > unicode.MaxRune:
			// control characters and out-of-range values carry no text
		default:
			emit(string(r))
		}
		*skipChars = st.uc
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
			emit(t)
		}
	}
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
