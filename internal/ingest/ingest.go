// Package ingest turns files, links and pasted text into articles: it detects
// the format from the content, decodes the text, extracts the main content and
// splits off metadata (title, standfirst, byline, dateline, credit, date).
//
// Every failure is a *domain.InputError whose Reason a desk officer can act
// on. Parsers never panic to the caller and never run without bounds: sizes,
// zip entries, decompressed bytes and nesting are all limited.
package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"briefdesk/internal/domain"
)

// MaxSize is the largest file or download imported, in bytes.
const MaxSize = 50 << 20

// Reasons shared by several parsers.
const (
	reasonEmpty    = "file is empty"
	reasonBlank    = "file contains only whitespace"
	reasonTooLarge = "file is larger than 50 MB"
	reasonNoText   = "no article text found in the file"
)

// File reads and parses the file at path. A file over MaxSize is refused
// from its size alone, before any of it is read.
func File(path string) (*domain.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		reason := "cannot read file"
		if os.IsNotExist(err) {
			reason = "no such file"
		} else if os.IsPermission(err) {
			reason = "permission denied: cannot read file"
		}
		return nil, &domain.InputError{Path: path, Reason: reason, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &domain.InputError{Path: path, Reason: "cannot read file", Err: err}
	}
	if st.IsDir() {
		return nil, &domain.InputError{Path: path, Reason: "is a folder, not a file"}
	}
	if st.Size() > MaxSize {
		return nil, &domain.InputError{Path: path, Reason: reasonTooLarge}
	}
	// The size may change under us (a file still being written): never
	// read more than the limit.
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, &domain.InputError{Path: path, Reason: "cannot read file", Err: err}
	}
	return Parse(path, data)
}

// Parse parses the bytes of a file called name. The format is detected from
// the content; the name's extension only breaks ties (Markdown versus plain
// text, HTML fragments). Web pages (and MHTML) are stored without scripts or
// event handlers: Origin.Original holds the sanitised page, while
// Origin.Size and Origin.SHA256 describe the bytes as received.
func Parse(name string, data []byte) (a *domain.Article, err error) {
	return parse(name, data, "", time.Now())
}

// parse is Parse with a charset declared outside the bytes (an HTTP header)
// and a fixed import time for tests.
func parse(name string, data []byte, charset string, now time.Time) (a *domain.Article, err error) {
	// Last line of defence: a parser bug on a hostile file must cost one
	// file, not the whole import (or the app).
	defer func() {
		if r := recover(); r != nil {
			a = nil
			err = &domain.InputError{Path: name, Reason: "could not read the file: it is damaged or in an unexpected layout",
				Err: fmt.Errorf("ingest: panic: %v\n%s", r, debug.Stack())}
		}
	}()
	if len(data) == 0 {
		return nil, &domain.InputError{Path: name, Reason: reasonEmpty}
	}
	if len(data) > MaxSize {
		return nil, &domain.InputError{Path: name, Reason: reasonTooLarge}
	}
	format, reason := sniff(name, data)
	if reason != "" {
		return nil, &domain.InputError{Path: name, Reason: reason}
	}
	var d *doc
	switch format {
	case domain.FormatPDF:
		d, err = parsePDFBounded(data)
	case domain.FormatDOCX:
		d, err = parseDOCX(data)
	case domain.FormatODT:
		d, err = parseODT(data)
	case domain.FormatRTF:
		d, err = parseRTF(data)
	case domain.FormatEML:
		d, err = parseEML(data)
	case domain.FormatHTML:
		d, err = parseHTML(data, charset, name)
	default:
		d, err = parseText(data, charset, format == domain.FormatMD)
	}
	if err != nil {
		if ie, ok := err.(*domain.InputError); ok && ie.Path == "" {
			ie.Path = name
		}
		return nil, err
	}
	if len(d.paras) == 0 {
		return nil, &domain.InputError{Path: name, Reason: reasonNoText}
	}
	a = finish(d)
	if unreadable(a.Paragraphs) {
		return nil, &domain.InputError{Path: name, Reason: "the text is unreadable: most of its characters could not be decoded (a damaged file, or an encoding Briefdesk does not know)"}
	}
	a.Incomplete = incomplete(format, data, a)
	if d.format != "" {
		format = d.format
	}
	sum := sha256.Sum256(data)
	a.Origin = domain.Origin{Name: name, Format: format, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:]),
		ImportedAt: now.UTC(), Original: data}
	switch {
	case d.original != nil:
		a.Origin.Original = d.original
	case format == domain.FormatHTML:
		// Stored HTML must never carry scripts or event handlers: keep the
		// page as the officer saw it, without anything that could run.
		a.Origin.Original = sanitizeHTML(data, charset)
	}
	return a, nil
}

// finish turns a parsed doc into an article: trimmed fields, language and
// the hashes used for duplicate detection.
func finish(d *doc) *domain.Article {
	var paras []string
	for _, p := range d.paras {
		if p = strings.TrimSpace(stripBidi(p)); p != "" {
			paras = append(paras, p)
		}
	}
	a := &domain.Article{
		Title:      oneLine(d.title),
		Standfirst: oneLine(d.standfirst),
		Byline:     oneLine(d.byline),
		Dateline:   oneLine(d.dateline),
		Credit:     oneLine(d.credit),
		Source:     oneLine(d.source),
		Published:  d.published,
		Paragraphs: paras,
		Warnings:   d.warnings,
	}
	body := a.Body()
	ws := words(body)
	a.Language = language(body, ws)
	a.TextHash = textHash(ws)
	a.SimHash = simHash(ws)
	return a
}

// oneLine flattens a metadata value to one tidy line, without the controls
// that would reorder or hide it where it is shown.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, stripBidi(s))), " ")
}

// stripBidi removes the Unicode bidi controls (embeddings, overrides,
// isolates and the direction marks): in a title or a body they can make
// "report<U+202E>fdp.exe" display as "reportexe.pdf", in the window, the
// brief and every export. Right-to-left scripts display without them.
func stripBidi(s string) string {
	if !strings.ContainsFunc(s, isBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

func isBidiControl(r rune) bool { return unicode.Is(unicode.Bidi_Control, r) }

// language returns the ISO 639-1 code of the body's language. Short or
// ambiguous Latin-script text is taken as English, the language almost all
// of a desk's sources are in, rather than marked unsupported on a guess.
func language(body string, ws []string) string {
	// Trigram statistics settle within a few hundred words; the detector
	// costs time in proportion to its input, so it reads only the opening.
	if len(body) > 1500 {
		cut := strings.LastIndexByte(body[:1500], ' ')
		if cut < 500 {
			cut = 1500
			for cut > 0 && !utf8.RuneStart(body[cut]) {
				cut--
			}
		}
		body = body[:cut]
	}
	if englishShare(ws) >= 0.12 {
		return "en"
	}
	info := whatlanggo.Detect(body)
	code := info.Lang.Iso6391()
	if code == "" {
		return "en"
	}
	if code != "en" && whatlanggo.Scripts[info.Script] == "Latin" &&
		(!info.IsReliable() || len(strings.Fields(body)) < 20) {
		return "en"
	}
	return code
}

// englishWords are frequent English function words that other languages
// written in Latin script do not share.
var englishWords = map[string]bool{"the": true, "and": true, "of": true, "to": true, "that": true, "with": true,
	"was": true, "said": true, "from": true, "have": true, "which": true, "were": true, "has": true, "they": true}

// englishShare is the share of the words ws that are englishWords:
// about a quarter in English prose, near zero elsewhere. It settles the
// common case without the cost of trigram statistics.
func englishShare(ws []string) float64 {
	if len(ws) < 20 {
		return 0
	}
	n := 0
	for _, w := range ws {
		if englishWords[w] {
			n++
		}
	}
	return float64(n) / float64(len(ws))
}

// parseText parses plain text or Markdown.
func parseText(data []byte, charset string, markdown bool) (*doc, error) {
	s, ok := decode(data, charset)
	if !ok || looksBinary(s) {
		return nil, &domain.InputError{Reason: errBinary}
	}
	if strings.TrimSpace(s) == "" {
		return nil, &domain.InputError{Reason: reasonBlank}
	}
	if markdown {
		// Indentation is Markdown syntax (code blocks, nested lists):
		// normalise the text the parser gives back, not its input.
		s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\t", "    ").Replace(s)
		return parseMarkdown(s), nil
	}
	return structure(normalize(s), hints{}), nil
}

// Paste makes an article of text pasted by the user. Pasted HTML (copied
// page source) is read as a web page.
func Paste(text string) (*domain.Article, error) {
	const name = "pasted text"
	if strings.TrimSpace(text) == "" {
		return nil, &domain.InputError{Path: name, Reason: "the clipboard holds no text"}
	}
	if IsURL(text) {
		// A copied address is not an article; the caller fetches links.
		return nil, &domain.InputError{Path: name, Reason: "the clipboard holds a link, not an article: import it as a link"}
	}
	a, err := Parse(name, []byte(text))
	if err == nil && a.Origin.Format != domain.FormatHTML {
		a.Origin.Format = domain.FormatPaste
	}
	return a, err
}

// IsURL reports whether s is a http or https link rather than a path.
func IsURL(s string) bool {
	s = strings.TrimSpace(s)
	l := strings.ToLower(s)
	return (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")) && !strings.ContainsAny(s, " \n\t")
}

// otherScheme matches a link with a scheme other than http(s): ftp://, file://.
var otherScheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*://`)

// statReason says in the officer's words why a path given to import cannot
// be opened.
func statReason(p string, err error) string {
	switch {
	case otherScheme.MatchString(p):
		return "only http and https links can be imported"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: cannot read this file or folder"
	}
	return "no such file or folder"
}

// Expand turns the given paths into the files to import: folders are walked
// recursively (hidden files and folders skipped), links are kept as they are
// but for any user name and password in them (RedactLink). Paths that cannot
// be read come back as errors, one per path.
//
// A symbolic link the officer names is followed, to a file or a folder.
// Inside folders, links to files and folders are followed too, each folder
// at most once (a link back up the tree is a loop, reported and skipped);
// a link that leads nowhere is reported, never dropped without a word.
func Expand(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, p := range paths {
		if IsURL(p) {
			files = append(files, RedactLink(p))
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &domain.InputError{Path: p, Reason: statReason(p, err), Err: err})
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		w := &walker{seen: map[string]bool{}}
		w.dir(p)
		files = append(files, w.files...)
		errs = append(errs, w.errs...)
	}
	return files, errs
}

// walker collects the files under a folder, following symbolic links.
type walker struct {
	seen  map[string]bool // real paths of the folders walked, against loops
	files []string
	errs  []error
}

// dir walks the folder at path (which may be reached through links); the
// paths it reports keep the names the officer sees, under path.
func (w *walker) dir(path string) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		w.errs = append(w.errs, &domain.InputError{Path: path, Reason: "cannot read folder", Err: err})
		return
	}
	if w.seen[real] {
		w.errs = append(w.errs, &domain.InputError{Path: path, Reason: "skipped: a link to a folder already imported (a loop)"})
		return
	}
	w.seen[real] = true
	entries, err := os.ReadDir(path)
	if err != nil {
		w.errs = append(w.errs, &domain.InputError{Path: path, Reason: "cannot read folder", Err: err})
		return
	}
	for _, e := range entries {
		child := filepath.Join(path, e.Name())
		if strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "~$") || savedPageAssets(child, e) {
			continue
		}
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			st, err := os.Stat(child)
			if err != nil {
				w.errs = append(w.errs, &domain.InputError{Path: child, Reason: "skipped: a link to a file that does not exist", Err: err})
				continue
			}
			typ = st.Mode().Type()
		}
		switch {
		case typ.IsDir():
			w.dir(child)
		case typ.IsRegular():
			w.files = append(w.files, child)
		case typ&fs.ModeNamedPipe != 0, typ&fs.ModeSocket != 0, typ&fs.ModeDevice != 0:
			w.errs = append(w.errs, &domain.InputError{Path: child, Reason: "skipped: not a regular file (a pipe, socket or device)"})
		}
	}
}

// savedPageAssets reports the parts of a browser's "save page, complete"
// inside a folder: the "page_files" folder beside page.html, and style
// sheets and scripts. They belong to a page, not to the desk's articles.
func savedPageAssets(path string, d os.DirEntry) bool {
	if d.IsDir() {
		base, ok := strings.CutSuffix(path, "_files")
		if !ok {
			return false
		}
		for _, ext := range []string{".html", ".htm", ".xhtml"} {
			if _, err := os.Stat(base + ext); err == nil {
				return true
			}
		}
		return false
	}
	switch strings.ToLower(filepath.Ext(d.Name())) {
	case ".css", ".js", ".map", ".woff", ".woff2", ".ttf", ".ico":
		return true
	}
	return false
}

// sniff detects the format from the first bytes, using the name's extension
// only where the content cannot tell (Markdown, fragments of HTML). It
// returns a reason instead when the bytes are something we cannot import.
func sniff(name string, data []byte) (domain.Format, string) {
	ext := strings.ToLower(filepath.Ext(name))
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return domain.FormatPDF, ""
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return zipFormat(data, ext)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "", "old binary Office file (.doc or Outlook .msg) is not supported: save it as .docx or .eml"
	case bytes.HasPrefix(bytes.TrimLeft(data, "\xEF\xBB\xBF \r\n\t"), []byte(`{\rtf`)):
		return domain.FormatRTF, ""
	}
	if r := binaryKind(data); r != "" {
		return "", r
	}
	switch ext {
	case ".pdf":
		if !textual(head) {
			return "", "not a valid PDF: it does not start with %PDF"
		}
	case ".docx", ".odt":
		if !textual(head) {
			return "", "not a valid " + docKind(ext) + ": it is not a zip container"
		}
	case ".rtf":
		if !textual(head) {
			return "", "not a valid RTF file: it does not start with {\\rtf"
		}
	}
	// From here on the bytes are text of some kind.
	s, _ := decode(head, "")
	trim := strings.ToLower(strings.TrimSpace(s))
	if what := nonArticleText(trim, data, ext); what != "" {
		return "", "not an article: " + what
	}
	switch {
	case looksHTML(trim, ext):
		return domain.FormatHTML, ""
	case looksEML(s, ext):
		return domain.FormatEML, ""
	case ext == ".md" || ext == ".markdown":
		return domain.FormatMD, ""
	}
	return domain.FormatText, ""
}

// unreadable reports whether most of a body is U+FFFD, the mark decoders
// leave for bytes that mean nothing in the encoding: storing it would keep
// an article of question marks.
func unreadable(paras []string) bool {
	bad, all := 0, 0
	for _, p := range paras {
		for _, r := range p {
			if unicode.IsSpace(r) {
				continue
			}
			all++
			if r == utf8.RuneError {
				bad++
			}
		}
	}
	return all > 0 && bad*3 > all
}

// nonArticleText names text that is data or code rather than an article
// (JSON, XML, an SVG image, a news feed, a script or style sheet), or "".
// trim is the lower-cased start of the text.
func nonArticleText(trim string, data []byte, ext string) string {
	switch ext {
	case ".js", ".mjs", ".cjs":
		return "JavaScript code"
	case ".css":
		return "a style sheet"
	case ".svg":
		return "an SVG image"
	}
	if strings.HasPrefix(trim, "{") || strings.HasPrefix(trim, "[") {
		if json.Valid(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))) {
			return "JSON data"
		}
		return ""
	}
	if !strings.HasPrefix(trim, "<") {
		return ""
	}
	switch root := xmlRoot(trim); {
	case root == "svg":
		return "an SVG image"
	case root == "rss" || root == "feed" || root == "rdf:rdf":
		return "a news feed (import one of its stories instead)"
	case root == "" || root == "html":
		return ""
	case strings.HasPrefix(trim, "<?xml"):
		return "XML data"
	}
	return ""
}

// xmlRoot returns the name of the first element of a markup text, past an
// XML declaration, processing instructions, comments and a DOCTYPE; "" when
// none shows in the text given, and "html" for an HTML DOCTYPE.
func xmlRoot(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(s, "<?"):
			i := strings.Index(s, "?>")
			if i < 0 {
				return ""
			}
			s = s[i+2:]
		case strings.HasPrefix(s, "<!--"):
			i := strings.Index(s, "-->")
			if i < 0 {
				return ""
			}
			s = s[i+3:]
		case strings.HasPrefix(s, "<!doctype"):
			if strings.HasPrefix(strings.TrimSpace(s[len("<!doctype"):]), "html") {
				return "html"
			}
			i := strings.Index(s, ">")
			if i < 0 {
				return ""
			}
			s = s[i+1:]
		case strings.HasPrefix(s, "<"):
			end := strings.IndexAny(s[1:], " \t\r\n/>")
			if end < 0 {
				return ""
			}
			return s[1 : 1+end]
		default:
			return ""
		}
	}
}

// textual reports whether the first bytes look like text rather than a
// damaged binary.
func textual(head []byte) bool {
	s, _ := decode(head, "")
	return !looksBinary(s)
}

func docKind(ext string) string {
	if ext == ".odt" {
		return "OpenDocument text file"
	}
	return "Word document"
}

// binaryKind names common binary files dropped by mistake.
func binaryKind(data []byte) string {
	magic := []struct {
		sig  string
		what string
	}{
		{"\x89PNG", "this is a PNG image, not an article: there is no text to import"},
		{"\xFF\xD8\xFF", "this is a JPEG image, not an article: there is no text to import"},
		{"GIF8", "this is a GIF image, not an article: there is no text to import"},
		{"\x1F\x8B", "this is a gzip archive: unpack it first"},
		{"Rar!", "this is a RAR archive: unpack it first"},
		{"7z\xBC\xAF", "this is a 7-Zip archive: unpack it first"},
		{"\x7FELF", "this is a program, not an article"},
		{"MZ", "this is a program, not an article"},
	}
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.sig)) {
			return m.what
		}
	}
	return ""
}

func looksHTML(trim, ext string) bool {
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml version=\"1.0\"?>\n<!doctype html", "<meta",
		"<article", "<p>", "<p ", "<div", "<h1", "<h2", "<section", "<main", "<table", "<span", "<b>", "<strong>"} {
		if strings.HasPrefix(trim, p) {
			return true
		}
	}
	if strings.HasPrefix(trim, "<!--") && strings.Contains(trim, "<html") {
		return true
	}
	if ext == ".html" || ext == ".htm" || ext == ".xhtml" {
		return strings.Contains(trim, "<")
	}
	return false
}

// looksEML recognises an RFC 5322 message by its header block.
func looksEML(s, ext string) bool {
	known := 0
	for i, l := range strings.SplitN(s, "\n", 40) {
		l = strings.TrimRight(l, "\r")
		if l == "" {
			break
		}
		if l[0] == ' ' || l[0] == '\t' {
			continue
		}
		k := strings.IndexByte(l, ':')
		if k <= 0 || strings.ContainsAny(l[:k], " \t") {
			if i == 0 && strings.HasPrefix(l, "From ") { // mbox separator
				continue
			}
			return false
		}
		switch strings.ToLower(l[:k]) {
		case "from", "to", "subject", "date", "mime-version", "received", "message-id", "return-path", "content-type", "cc":
			known++
		}
	}
	if ext == ".eml" || ext == ".mht" || ext == ".mhtml" {
		return known >= 1
	}
	return known >= 3
}
