package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"briefdesk/internal/domain"
)

// Limits for PDFs: an article is a few pages; a content stream that
// inflates beyond maxPDFStream is a bomb, not a page of text.
const (
	maxPDFPages  = 1000
	maxPDFStream = 32 << 20
	maxPDFGlyphs = 5_000_000
)

// browserChrome matches the header and footer a browser prints on each
// page of a saved web page: date and time with the page title, the URL with
// the page count.
var browserChrome = regexp.MustCompile(`^(?:\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?:\s?[AP]M)?\b.*|(?:https?|file)://\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?)$`)

var pageNumRe = regexp.MustCompile(`(?i)^(?:page\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,4})?$`)

// pdfLine is one line of text on a page, in points.
type pdfLine struct {
	text  string
	x, y  float64 // left edge and baseline
	right float64
	size  float64 // font size
	page  int
	edge  bool // among the first or last lines of its page
}

// pdfTimeout bounds a PDF read. The PDF library has no limits of its own:
// a page tree with a cycle would keep it busy forever.
var pdfTimeout = time.Minute

// parsePDFBounded runs parsePDF with a time limit. On timeout the reader's
// goroutine is abandoned (Go cannot stop it) so that the import carries on.
func parsePDFBounded(data []byte) (*doc, error) {
	type result struct {
		d   *doc
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- result{nil, &domain.InputError{Reason: "could not read the file: it is damaged or in an unexpected layout",
					Err: fmt.Errorf("ingest: panic: %v\n%s", r, debug.Stack())}}
			}
		}()
		d, err := parsePDF(data)
		ch <- result{d, err}
	}()
	t := time.NewTimer(pdfTimeout)
	defer t.Stop()
	select {
	case r := <-ch:
		return r.d, r.err
	case <-t.C:
		return nil, &domain.InputError{Reason: "PDF could not be read in time: it is damaged or built to stall readers"}
	}
}

// parsePDF extracts the text layer of a PDF in reading order: glyphs are
// grouped into lines by their coordinates (two-column pages read column by
// column), running headers and footers and page numbers are removed,
// hyphenation at line ends is undone and lines are joined into paragraphs.
func parsePDF(data []byte) (*doc, error) {
	r, err := openPDF(data)
	if err != nil {
		return nil, err
	}
	n := r.NumPage()
	if n <= 0 {
		return nil, &domain.InputError{Reason: "not a valid PDF: it has no pages"}
	}
	if n > maxPDFPages {
		return nil, &domain.InputError{Reason: fmt.Sprintf("PDF has %d pages: more than %d is not an article", n, maxPDFPages)}
	}
	var pages [][]pdfLine
	glyphs := 0
	for i := 1; i <= n; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		if err := checkStreams(p.V.Key("Contents")); err != nil {
			return nil, err
		}
		texts, ok := pageTexts(p)
		if !ok {
			continue // a damaged page costs that page only
		}
		glyphs += len(texts)
		if glyphs > maxPDFGlyphs {
			return nil, &domain.InputError{Reason: "PDF holds far more text than an article"}
		}
		pages = append(pages, pageLines(texts, i))
	}
	removeRunning(pages)
	var lines []pdfLine
	for _, p := range pages {
		lines = append(lines, p...)
	}
	if len(lines) == 0 {
		return nil, &domain.InputError{Reason: "PDF has no text layer (scanned or image-only?)"}
	}
	// The headline set in large type is what the reader sees; the
	// document properties' title is often a file name or carries the
	// site's name, so it only stands in when there is no headline.
	var h hints
	paras, bigTitle, standfirst := pdfParagraphs(lines)
	h.title = bigTitle
	if h.title == "" {
		h.title = pdfInfo(r, "Title")
	}
	h.standfirst = standfirst
	h.dehyphenate = true
	text := normalize(strings.Join(paras, "\n\n"))
	if strings.TrimSpace(text) == "" {
		return nil, &domain.InputError{Reason: "PDF has no text layer (scanned or image-only?)"}
	}
	return structure(text, h), nil
}

// openPDF opens the bytes with the PDF reader, smoothing over header
// variants it is strict about (PDF 2.0, a space after the version, bytes
// before %PDF) and naming encryption plainly.
func openPDF(data []byte) (*pdf.Reader, error) {
	start := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if start < 0 {
		return nil, &domain.InputError{Reason: "not a valid PDF: it does not start with %PDF"}
	}
	if start > 0 && start < 10 {
		data = data[start:]
		start = 0
	}
	if len(data) < 10 {
		return nil, &domain.InputError{Reason: "not a valid PDF: the file is damaged or truncated"}
	}
	if start > 0 || data[8] != '\n' && data[8] != '\r' || data[5] != '1' || data[7] < '0' || data[7] > '7' {
		// Patch a copy's header; lengths and offsets stay the same. Bytes
		// before a late %PDF become blanks after the patched header line.
		fixed := append([]byte(nil), data...)
		for k := 0; k < start; k++ {
			fixed[k] = ' '
		}
		copy(fixed, "%PDF-1.7\n")
		data = fixed
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || bytes.Contains(data, []byte("/Encrypt")) {
			return nil, &domain.InputError{Reason: "PDF is password-protected or encrypted: save an unprotected copy and import that", Err: err}
		}
		return nil, &domain.InputError{Reason: "not a valid PDF: the file is damaged or truncated", Err: err}
	}
	return r, nil
}

// pdfInfo returns a document-information field when it looks like what a
// person typed, not a converter's leftover.
func pdfInfo(r *pdf.Reader, key string) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	s = oneLine(normalize(r.Trailer().Key("Info").Key(key).Text()))
	low := strings.ToLower(s)
	if low == "" || low == "untitled" || strings.HasPrefix(low, "microsoft word") || strings.HasPrefix(low, "microsoft ") ||
		strings.Contains(low, ".doc") || strings.Contains(low, ".pdf") || strings.Contains(low, ".indd") || utf8.RuneCountInString(s) > 250 {
		return ""
	}
	return s
}

// checkStreams inflates a page's content streams into a counter before the
// interpreter sees them, refusing bombs.
func checkStreams(v pdf.Value) (err error) {
	defer func() {
		if recover() != nil {
			err = nil // the page interpreter will skip a damaged page
		}
	}()
	var streams []pdf.Value
	if v.Kind() == pdf.Array {
		for i := 0; i < v.Len() && i < 10000; i++ {
			streams = append(streams, v.Index(i))
		}
	} else if v.Kind() == pdf.Stream {
		streams = append(streams, v)
	}
	var total int64
	for _, s := range streams {
		rc := s.Reader()
		n, _ := io.Copy(io.Discard, io.LimitReader(rc, maxPDFStream+1-total))
		rc.Close()
		total += n
		if total > maxPDFStream {
			return &domain.InputError{Reason: "PDF page expands to more than 32 MB (compression bomb?)"}
		}
	}
	return nil
}

// pageTexts returns a page's glyphs; a page the interpreter chokes on is
// reported as not ok.
func pageTexts(p pdf.Page) (t []pdf.Text, ok bool) {
	defer func() {
		if recover() != nil {
			t, ok = nil, false
		}
	}()
	return dropTJMarkers(p, p.Content().Text), true
}

// dropTJMarkers removes the phantom glyph the PDF reader emits after each
// TJ array: it "shows" a newline byte in the current font, which in a
// subset font with a custom encoding decodes to a real letter ("Nordict",
// "patrolss"). The phantom sits at the pen position and the next text
// starts on top of it or on another line. It is removed only for fonts
// where the overlap proves the reader produced phantoms on this page.
func dropTJMarkers(p pdf.Page, ts []pdf.Text) []pdf.Text {
	phantom := map[string]string{}
	for _, name := range p.Fonts() {
		f := p.Font(name)
		s := f.Encoder().Decode("\n")
		if s == "\n" || s == "" || utf8.RuneCountInString(s) != 1 {
			continue
		}
		base := f.BaseFont()
		if i := strings.Index(base, "+"); i >= 0 {
			base = base[i+1:]
		}
		phantom[base] = s
	}
	if len(phantom) == 0 {
		return ts
	}
	sameLine := func(a, b pdf.Text) bool { return math.Abs(a.Y-b.Y) < 0.45*a.FontSize }
	overlapped := func(i int) bool {
		g := ts[i]
		return i+1 < len(ts) && sameLine(g, ts[i+1]) && ts[i+1].X < g.X+0.5*g.W && ts[i+1].X > g.X-0.5*g.W
	}
	atPen := func(i int) bool {
		return i > 0 && sameLine(ts[i-1], ts[i]) && math.Abs(ts[i-1].X+ts[i-1].W-ts[i].X) < 0.1*ts[i].FontSize
	}
	proven := map[string]bool{}
	for i, g := range ts {
		if phantom[g.Font] == g.S && atPen(i) && overlapped(i) {
			proven[g.Font] = true
		}
	}
	if len(proven) == 0 {
		return ts
	}
	// One proven font shows the producer writes TJ arrays throughout.
	out := ts[:0:0]
	for i, g := range ts {
		if phantom[g.Font] == g.S && atPen(i) && (i+1 == len(ts) || !sameLine(g, ts[i+1]) || overlapped(i)) {
			continue
		}
		out = append(out, g)
	}
	return out
}

// pageLines turns a page's glyphs into lines in reading order, columns
// read one after the other, with spaces where the gaps between glyphs say.
func pageLines(texts []pdf.Text, page int) []pdfLine {
	gs := texts[:0:0]
	noWidth := 0
	for _, t := range texts {
		if t.S == "" || t.S == "\n" || t.S == "\r" || math.IsNaN(t.X) || math.IsNaN(t.Y) {
			continue
		}
		if t.FontSize <= 0 {
			t.FontSize = 10
		}
		if t.W <= 0 {
			noWidth++
		}
		if r, n := utf8.DecodeRuneInString(t.S); n == len(t.S) && r > 0 && r < 0x20 {
			// The reader decodes a ToUnicode range that spans more than one
			// low byte (<0000> <FFFF> <0000>) by adding to the last byte
			// only: U+2019 comes out as U+0019. Control characters never
			// stand in text, and the lost high byte is almost always 0x20,
			// the block of curly quotes and dashes.
			t.S = string(0x2000 + r)
		}
		gs = append(gs, t)
	}
	if noWidth*2 > len(gs) {
		return streamLines(gs, page)
	}
	return layoutLines(buildRuns(gs), page)
}

// run is a stretch of glyphs drawn together on one baseline: a line of a
// column, or a piece of one. Runs never cross a column gutter.
type run struct {
	text            strings.Builder
	x0, x1, y, size float64
}

// buildRuns cuts the glyphs, in content-stream order, into runs. Stream
// order is kept inside a run: the reader misplaces the second letter of
// ligatures ("fi"), so sorting letters by x would swap them. A run ends
// where the baseline changes, where the pen jumps back, or at a gap wider
// than any word space.
func buildRuns(gs []pdf.Text) []*run {
	var runs []*run
	var cur *run
	var prev pdf.Text
	for i, g := range gs {
		if i > 0 && g.S == prev.S && math.Abs(g.X-prev.X) < 0.3 && math.Abs(g.Y-prev.Y) < 0.3 {
			continue // fake bold: the same glyph drawn twice
		}
		gap := g.X - (prev.X + prev.W)
		if cur == nil || math.Abs(g.Y-prev.Y) > 0.45*g.FontSize || gap > 1.8*g.FontSize || gap < -g.FontSize {
			cur = &run{x0: g.X, y: g.Y, size: g.FontSize}
			runs = append(runs, cur)
		} else if gap > 0.18*g.FontSize && prev.S != " " && g.S != " " {
			cur.text.WriteByte(' ')
		}
		cur.text.WriteString(g.S)
		cur.x0 = math.Min(cur.x0, g.X)
		cur.x1 = math.Max(cur.x1, g.X+g.W)
		cur.size = math.Max(cur.size, g.FontSize)
		prev = g
	}
	return runs
}

// layoutLines puts runs into reading order and joins them into lines. On a
// page with a column gutter (an x band no run crosses, between columns of
// text) it reads what spans the columns above them first, then each column
// top to bottom, then what spans them below.
func layoutLines(runs []*run, page int) []pdfLine {
	var groups [][]*run
	if gutter, ok := findGutter(runs); ok {
		var above, left, right, below []*run
		top := math.Inf(-1)
		for _, r := range runs {
			if r.x1 <= gutter || r.x0 >= gutter {
				top = math.Max(top, r.y)
			}
		}
		for _, r := range runs {
			switch {
			case r.x1 <= gutter:
				left = append(left, r)
			case r.x0 >= gutter:
				right = append(right, r)
			case r.y >= top:
				above = append(above, r)
			default:
				below = append(below, r)
			}
		}
		groups = [][]*run{above, left, right, below}
	} else {
		groups = [][]*run{runs}
	}
	var lines []pdfLine
	for _, g := range groups {
		lines = append(lines, joinRuns(g, page)...)
	}
	for i := range lines {
		lines[i].edge = i < 2 || i >= len(lines)-2
	}
	return lines
}

// findGutter looks for the widest empty vertical band in the middle of the
// page that the runs leave between them, ignoring the few runs (headlines)
// that span it. Both sides must hold a fair share of the text.
func findGutter(runs []*run) (float64, bool) {
	if len(runs) < 8 {
		return 0, false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range runs {
		lo, hi = math.Min(lo, r.x0), math.Max(hi, r.x1)
	}
	width := hi - lo
	if width < 150 || width > 5000 {
		return 0, false
	}
	cover := make([]int, int(width)+2)
	for _, r := range runs {
		if r.x1-r.x0 > 0.6*width {
			continue // spans the page: a headline or a full-width line
		}
		for x := int(r.x0 - lo); x <= int(r.x1-lo) && x < len(cover); x++ {
			cover[max(x, 0)]++
		}
	}
	bestStart, bestLen := 0, 0
	for x := int(0.2 * width); x < int(0.8*width); {
		if cover[x] != 0 {
			x++
			continue
		}
		start := x
		for x < int(0.8*width) && cover[x] == 0 {
			x++
		}
		if x-start > bestLen {
			bestStart, bestLen = start, x-start
		}
	}
	if bestLen < 6 {
		return 0, false
	}
	gutter := lo + float64(bestStart) + float64(bestLen)/2
	var left, right, span int
	for _, r := range runs {
		switch {
		case r.x1 <= gutter:
			left++
		case r.x0 >= gutter:
			right++
		default:
			span++
		}
	}
	n := len(runs)
	return gutter, left*5 >= n && right*5 >= n && span*5 <= n
}

// joinRuns groups runs into lines by baseline, top to bottom, each line
// left to right.
func joinRuns(runs []*run, page int) []pdfLine {
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].y > runs[j].y })
	var rows [][]*run
	for _, r := range runs {
		if n := len(rows); n > 0 && math.Abs(rows[n-1][0].y-r.y) < 0.45*r.size {
			rows[n-1] = append(rows[n-1], r)
			continue
		}
		rows = append(rows, []*run{r})
	}
	var lines []pdfLine
	for _, row := range rows {
		sort.SliceStable(row, func(i, j int) bool { return row[i].x0 < row[j].x0 })
		l := pdfLine{x: row[0].x0, y: row[0].y, page: page}
		var b strings.Builder
		for i, r := range row {
			if i > 0 && r.x0-row[i-1].x1 > 0.18*r.size {
				b.WriteByte(' ')
			}
			b.WriteString(r.text.String())
			l.right = math.Max(l.right, r.x1)
			l.size = math.Max(l.size, r.size)
		}
		if l.text = strings.TrimSpace(b.String()); l.text != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// streamLines builds lines in content-stream order, for fonts whose glyph
// widths the reader cannot give (the standard 14 without a Widths array,
// composite fonts): their glyph x positions do not advance within a string,
// so sorting by x would scramble letters. Producers write text in reading
// order, columns included. A word gap shows as a jump of the pen between
// strings; a change of baseline starts a new line.
func streamLines(gs []pdf.Text, page int) []pdfLine {
	var lines []pdfLine
	var b strings.Builder
	var cur pdfLine
	var prev *pdf.Text
	runes := 0
	end := func() {
		cur.text = strings.TrimSpace(b.String())
		cur.right = cur.x + float64(runes)*0.5*cur.size
		if cur.text != "" {
			lines = append(lines, cur)
		}
		b.Reset()
		runes = 0
	}
	for i := range gs {
		g := gs[i]
		switch {
		case prev == nil || math.Abs(g.Y-prev.Y) > 0.45*g.FontSize:
			if prev != nil {
				end()
			}
			cur = pdfLine{x: g.X, y: g.Y, size: g.FontSize, page: page}
		default:
			jump := g.X - prev.X
			if (jump > 0.15*g.FontSize || jump < -0.5*g.FontSize) && prev.S != " " && g.S != " " {
				b.WriteByte(' ')
				runes++
			}
			cur.size = math.Max(cur.size, g.FontSize)
		}
		b.WriteString(g.S)
		runes += utf8.RuneCountInString(g.S)
		prev = &gs[i]
	}
	if prev != nil {
		end()
	}
	for i := range lines {
		lines[i].edge = i < 2 || i >= len(lines)-2
	}
	return lines
}

// removeRunning drops running headers and footers (the same line, numbers
// aside, at the top or bottom of most pages) and bare page numbers.
func removeRunning(pages [][]pdfLine) {
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '#'
			}
			return unicode.ToLower(r)
		}, s)
	}
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, l := range p {
			if l.edge && !seen[key(l.text)] {
				seen[key(l.text)] = true
				count[key(l.text)]++
			}
		}
	}
	need := max(2, (len(pages)+1)/2)
	for i, p := range pages {
		kept := p[:0]
		for _, l := range p {
			if l.edge && (count[key(l.text)] >= need && len(pages) >= 2 || pageNumRe.MatchString(l.text) || browserChrome.MatchString(l.text)) {
				continue
			}
			kept = append(kept, l)
		}
		pages[i] = kept
	}
}

// pdfParagraphs joins lines into paragraphs. A paragraph ends at a larger
// vertical gap than the usual line spacing, a change of font size, an
// indented first line, or a short line ending a sentence. It also returns
// a title and standfirst: the large-type blocks opening the first page.
func pdfParagraphs(lines []pdfLine) (paras []string, title, standfirst string) {
	sizes := make([]float64, 0, len(lines))
	var gaps []float64
	for i, l := range lines {
		sizes = append(sizes, l.size)
		if i > 0 && lines[i-1].page == l.page && lines[i-1].y > l.y {
			gaps = append(gaps, lines[i-1].y-l.y)
		}
	}
	sort.Float64s(sizes)
	body := sizes[len(sizes)/2]
	spacing := body * 1.2
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		spacing = gaps[len(gaps)/2]
	}
	// Title: leading lines in type clearly larger than the body's.
	// A block ends at a gap wider than its own line spacing: title and
	// subtitle are often set in the same size.
	block := func(from int, minSize float64) (string, int) {
		text, next := "", from
		for k := from; k < len(lines) && k < from+4 && lines[k].page == lines[0].page && lines[k].size > minSize; k++ {
			if k > from && lines[k-1].y-lines[k].y > 1.6*lines[k].size {
				break
			}
			text = strings.TrimSpace(text + " " + lines[k].text)
			next = k + 1
		}
		return text, next
	}
	title, i := block(0, body*1.15)
	standfirst, k := block(i, body*1.08)
	if k < len(lines) && title != "" && standfirst != "" {
		i = k
	} else {
		standfirst = ""
	}
	if i == len(lines) {
		title, standfirst, i = "", "", 0
	}
	var b strings.Builder
	flush := func() {
		if s := strings.TrimSpace(b.String()); s != "" {
			paras = append(paras, s)
		}
		b.Reset()
	}
	for j := i; j < len(lines); j++ {
		l := lines[j]
		if b.Len() > 0 {
			p := lines[j-1]
			newPara := false
			switch {
			case p.page == l.page && p.y-l.y > spacing*1.45:
				newPara = true
			case p.y < l.y && p.page == l.page && math.Abs(p.x-l.x) > body: // next column
				// A column that ends a sentence usually ends a paragraph.
				newPara = endsSentence(p.text)
			case math.Abs(p.size-l.size) > 0.15*body:
				newPara = true
			case l.x-p.x > body*1.2 && p.page == l.page:
				newPara = true // indented first line
			case endsSentence(p.text) && (p.right-p.x < 0.8*lineWidth(lines, j) || roomFor(p, l, lines, j)):
				// Ragged text breaks a line where the next word does not
				// fit; if it would have fitted, the paragraph ended.
				newPara = true
			case metaLine(p.text) || metaLine(l.text):
				newPara = true
			case p.right-p.x < 0.6*lineWidth(lines, j) && !startsLower(l.text):
				newPara = true // a short line: heading, byline or the end of a paragraph
			}
			if newPara {
				flush()
			} else {
				prev := b.String()
				if strings.HasSuffix(prev, "-") && len(prev) > 1 && unicode.IsLetter(lastRune(prev[:len(prev)-1])) && startsLower(l.text) {
					b.Reset()
					b.WriteString(prev[:len(prev)-1])
				} else if strings.HasSuffix(prev, "\u00AD") {
					b.Reset()
					b.WriteString(strings.TrimSuffix(prev, "\u00AD"))
				} else {
					b.WriteByte(' ')
				}
			}
		}
		b.WriteString(l.text)
	}
	flush()
	return paras, title, standfirst
}

// roomFor reports whether the first word of l would have fitted at the end
// of p, judged by the widest line nearby. Word widths are estimated from
// l's average glyph width.
func roomFor(p, l pdfLine, lines []pdfLine, j int) bool {
	first := l.text
	if k := strings.IndexByte(first, ' '); k > 0 {
		first = first[:k]
	}
	n := utf8.RuneCountInString(l.text)
	if n == 0 {
		return false
	}
	word := float64(utf8.RuneCountInString(first)) * (l.right - l.x) / float64(n)
	return p.right+word+0.5*p.size < p.x+lineWidth(lines, j-1)
}

// lineWidth is the width of the widest of the lines around j, the measure
// of a full line in that part of the document.
func lineWidth(lines []pdfLine, j int) float64 {
	w := 0.0
	for k := max(0, j-6); k < min(len(lines), j+6); k++ {
		w = math.Max(w, lines[k].right-lines[k].x)
	}
	return w
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
