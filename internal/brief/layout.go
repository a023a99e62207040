package brief

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"briefdesk/internal/domain"
)

// ItemKind says what a page item draws.
type ItemKind uint8

// Kinds of page items.
const (
	TextItem ItemKind = iota // Text at (X, Y), Y being the baseline
	RectItem                 // filled rectangle X, Y, W, H
	LineItem                 // line from (X, Y) to (X+W, Y+H), Stroke wide
)

// Color is an RGB colour.
type Color struct{ R, G, B uint8 }

// Item is one thing drawn on the page, in millimetres from the top-left
// corner. The PDF is drawn from these items, and a preview can draw the same
// list (text in Noto Sans of Size points, baseline at Y).
type Item struct {
	Kind   ItemKind
	X, Y   float64
	W, H   float64
	Stroke float64 // line width, LineItem only
	Text   string
	Style  Style
	Size   float64 // points
	Color  Color
}

// Page is a laid-out one-page brief: its size, what it draws and the content
// it holds.
type Page struct {
	Paper         Paper
	Width, Height float64 // millimetres
	Items         []Item
	Content       *Content
	BodySize      float64 // the body text size the fitting settled on, in points
	fits          bool    // the body ended above the footer
}

// Page geometry and type, in millimetres and points. Margins of 15 mm or more
// print on every office printer; the body never goes below 9 pt.
const (
	marginX      = 18.0
	marginTop    = 15.0
	marginBottom = 15.0
	minSize      = 9.0
	baseSize     = 10.0
	smallSize    = 9.0
	bannerH      = 6.5
	colGap       = 5.0
	cardPad      = 2.6
)

var (
	ink      = Color{28, 32, 38}
	grey     = Color{92, 98, 108}
	rule     = Color{196, 202, 210}
	accent   = Color{22, 54, 102}
	cardFill = Color{242, 245, 249}
	white    = Color{255, 255, 255}
)

// size returns the page size of p in millimetres; anything but Letter is A4.
func (p Paper) size() (w, h float64, name Paper) {
	if strings.EqualFold(string(p), string(Letter)) {
		return 215.9, 279.4, Letter
	}
	return 210, 297, A4
}

// ParsePaper reads a paper size as an officer types it: "a4", "letter" or
// "us-letter", in any case; "" is A4.
func ParsePaper(s string) (Paper, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "a4":
		return A4, nil
	case "letter", "us-letter", "usletter", "us":
		return Letter, nil
	}
	return "", &domain.InputError{Path: s, Reason: "unknown paper size (use a4 or letter)"}
}

// config is one attempt at fitting: how much of the material to show and
// at what size.
type config struct {
	size       float64 // body text size, points
	points     int
	actors     int
	facts      int
	quoteWords int
	lineLines  int // lines an actor's "did" line may take
	quoteLines int
	note       bool
	clip       bool // last resort: clip the lead sentence to the page
}

// Layout fits b's brief to one page and lays it out. Every export uses its
// Content; PDF draws its Items.
func Layout(b *domain.Briefing, opts Options) (*Page, error) {
	const op = "brief.Layout"
	if b == nil {
		return nil, opError(op, fmt.Errorf("no briefing"))
	}
	m := gather(b, opts)
	l := &layouter{m: m, fm: getMetrics(), opts: opts}
	l.w, l.h, l.paper = opts.Paper.size()
	l.eligible = eligibleActors(m.actors)
	if m.multi {
		// Each source gets one line; a long title is cut to fit it.
		d := &drawer{fm: l.fm}
		w := l.w - 2*marginX - sourceIndent
		for i, s := range m.sources {
			m.sources[i].Title = d.fitText(s.Title, 1, 1, w, func(t string) []span {
				s.Title = t
				return sourceSpans(s)
			})
		}
	}
	return l.fit(), nil
}

// layouter holds what stays the same across fitting attempts.
type layouter struct {
	m        *material
	fm       *metrics
	opts     Options
	paper    Paper
	w, h     float64
	eligible []domain.Actor
}

// eligibleActors are the actors worth a card: the central and supporting
// ones, or the few most salient when the analysis marked none so.
func eligibleActors(all []domain.Actor) []domain.Actor {
	var out []domain.Actor
	for _, a := range all {
		if a.Level != domain.Mentioned && strings.TrimSpace(a.Name) != "" {
			out = append(out, a)
		}
	}
	if len(out) < 2 {
		out = out[:0]
		for _, a := range all {
			if strings.TrimSpace(a.Name) != "" && len(out) < 4 {
				out = append(out, a)
			}
		}
	}
	return out
}

// fit tries ever leaner configurations until the page holds one. It first
// shortens what is secondary (quotes, then size, figures and actors), then
// drops the lowest-ranked summary sentences, keeping the lead; it never
// enlarges anything to fill space.
func (l *layouter) fit() *Page {
	c := config{
		size:       baseSize,
		points:     l.m.chosen,
		actors:     min(6, len(l.eligible)),
		facts:      min(8, len(l.m.facts)),
		quoteWords: 40,
		lineLines:  2,
		quoteLines: 3,
		note:       true,
	}
	if c.points == 0 && len(l.m.points) > 0 {
		c.points = 1
	}
	if l.opts.Fit {
		// Fill the page: the most sentences, in priority order, that fit with
		// the usual actors and figures.
		lo, hi := c.points, len(l.m.points)
		if p, ok := l.try(c); ok {
			best := p
			for lo < hi {
				mid := (lo + hi + 1) / 2
				c2 := c
				c2.points = mid
				if p, ok := l.try(c2); ok {
					lo, best = mid, p
				} else {
					hi = mid - 1
				}
			}
			return best
		}
	}
	if p, ok := l.try(c); ok {
		return p
	}
	p, c := l.shrink(c)
	if c.clip {
		return p
	}
	return l.refill(p, c)
}

// refill gives back room freed by the last cut: it adds points, then actor
// cards, then figures, one step at a time, as long as the page still fits.
func (l *layouter) refill(p *Page, c config) *Page {
	limits := []struct {
		field *int
		max   int
		step  int
	}{
		{&c.points, len(l.m.points), 1},
		{&c.actors, min(6, len(l.eligible)), 2},
		{&c.facts, min(8, len(l.m.facts)), 2},
	}
	if !l.opts.Fit {
		limits[0].max = max(1, l.m.chosen)
	}
	for _, lim := range limits {
		for *lim.field < lim.max {
			old := *lim.field
			*lim.field = min(lim.max, old+lim.step)
			q, ok := l.try(c)
			if !ok {
				*lim.field = old
				break
			}
			p = q
		}
	}
	return p
}

// shrink applies ever stronger cuts to c until the page fits, and returns
// the page with the configuration it settled on.
func (l *layouter) shrink(c config) (*Page, config) {
	steps := []func(*config){
		func(c *config) { c.quoteWords = 25 },
		func(c *config) { c.size = 9.5 },
		func(c *config) { c.facts = min(c.facts, 6) },
		func(c *config) { c.actors = min(c.actors, 4) },
		func(c *config) { c.size = minSize },
		func(c *config) { c.quoteWords, c.lineLines, c.quoteLines = 16, 1, 2 },
		func(c *config) { c.facts = min(c.facts, 4) },
	}
	for _, s := range steps {
		s(&c)
		if p, ok := l.try(c); ok {
			return p, c
		}
	}
	if p, n := l.mostPoints(c, min(3, c.points)); p != nil {
		c.points = n
		return p, c
	}
	c.points = min(3, c.points)
	c.actors, c.facts, c.quoteWords, c.quoteLines = min(c.actors, 2), min(c.facts, 2), 10, 1
	if p, n := l.mostPoints(c, 1); p != nil {
		c.points = n
		return p, c
	}
	c.points = min(1, c.points)
	c.actors, c.facts, c.note = 0, 0, false
	if p, ok := l.try(c); ok {
		return p, c
	}
	// One sentence longer than a page: no real article has one, but pasted
	// text without full stops can. Clip it rather than print two pages.
	c.clip = true
	p, _ := l.try(c)
	return p, c
}

// mostPoints returns the page showing the most points, between least and
// c.points, that fits with the rest of c, and that number; nil if none fits. The height grows with the
// number of points, so a binary search finds it in a few layouts.
func (l *layouter) mostPoints(c config, least int) (*Page, int) {
	var best *Page
	n := 0
	lo, hi := least, c.points-1 // c.points itself is known not to fit
	for lo <= hi {
		mid := (lo + hi) / 2
		c.points = mid
		if p, ok := l.try(c); ok {
			best, n, lo = p, mid, mid+1
		} else {
			hi = mid - 1
		}
	}
	return best, n
}

// content builds the page's content for a configuration.
func (l *layouter) content(c config) *Content {
	m := l.m
	ct := &Content{
		Classification: m.classification,
		Title:          m.title,
		Date:           m.generated,
		Sources:        m.sources,
		Reference:      m.reference,
		Generated:      m.generated,
		Multi:          m.multi,
	}
	if c.note {
		ct.Note = m.note
	}
	n := min(c.points, len(m.points))
	ct.Points = readingOrder(m.points, n)
	shown := map[string]bool{}
	for _, p := range ct.Points {
		shown[p.Text] = true
	}
	// Quotes, actor lines and figures' context are cut here, at a word, to
	// what the page shows, so every export holds the same words as the PDF.
	d := &drawer{fm: l.fm}
	contentW := l.w - 2*marginX
	iw := (contentW-colGap)/2 - 2*cardPad - 1
	for _, a := range l.eligible[:min(c.actors, len(l.eligible))] {
		cd := card(a, c.quoteWords, 0)
		if shown[cd.Line] {
			cd.Line = "" // already a key point: the card need not repeat it
		}
		cd.Line = d.fitText(cd.Line, 1, c.lineLines, iw, func(s string) []span {
			return []span{{text: s, style: Regular, size: smallSize}}
		})
		cd.Quote = d.fitText(cd.Quote, 1, c.quoteLines, iw, func(s string) []span {
			q := cd
			q.Quote = s
			return []span{{text: q.quoted(), style: Italic, size: smallSize}}
		})
		ct.Actors = append(ct.Actors, cd)
	}
	fs := max(minSize, c.size-0.5)
	for _, f := range m.facts[:min(c.facts, len(m.facts))] {
		least := 1
		if i := strings.Index(f.Context, f.Text); i >= 0 {
			least = len(strings.Fields(f.Context[:i+len(f.Text)]))
		}
		f.Context = d.fitText(f.Context, least, 2, (contentW-colGap)/2, func(s string) []span {
			g := f
			g.Context = s
			return factSpans(g, fs, m.multi)
		})
		ct.Facts = append(ct.Facts, f)
	}
	ct.Omitted = Omitted{
		Points: max(0, m.chosen-n),
		Actors: max(0, min(6, len(l.eligible))-len(ct.Actors)),
		Facts:  max(0, min(8, len(m.facts))-len(ct.Facts)),
	}
	return ct
}

// try lays out configuration c and reports whether it fits the page.
func (l *layouter) try(c config) (*Page, bool) {
	ct := l.content(c)
	p := &Page{Paper: l.paper, Width: l.w, Height: l.h, Content: ct, BodySize: c.size}
	d := &drawer{fm: l.fm, x0: marginX, w: l.w - 2*marginX}
	bottom := d.footer(ct, l.w, l.h)
	footer := d.items
	d.items = nil
	d.y = marginTop
	d.header(ct, l.w)
	limit := bottom - 2
	d.body(ct, c, limit)
	p.Items = append(d.items, footer...)
	p.fits = d.y <= limit
	return p, p.fits
}

// drawer lays items out top to bottom.
type drawer struct {
	fm    *metrics
	items []Item
	x0, w float64 // content box
	y     float64 // top of the next block
}

// span is a run of text in one style.
type span struct {
	text  string
	style Style
	size  float64
	color Color
}

// frag is a span's part on one line, with its width.
type frag struct {
	span
	x, w float64
}

func mm(pt float64) float64 { return pt * ptToMM }

func (d *drawer) text(x, baseline float64, s string, st Style, size float64, col Color) {
	if s == "" {
		return
	}
	d.items = append(d.items, Item{Kind: TextItem, X: x, Y: baseline, Text: s, Style: st, Size: size, Color: col})
}

func (d *drawer) rect(x, y, w, h float64, col Color) {
	d.items = append(d.items, Item{Kind: RectItem, X: x, Y: y, W: w, H: h, Color: col})
}

func (d *drawer) line(x, y, w, h, stroke float64, col Color) {
	d.items = append(d.items, Item{Kind: LineItem, X: x, Y: y, W: w, H: h, Stroke: stroke, Color: col})
}

// drawable keeps the runes the typeface has, so nothing prints as a box and
// every width is exact.
func (d *drawer) drawable(s string, st Style) string {
	ok := true
	for _, r := range s {
		if !d.fm.has(r, st) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if d.fm.has(r, st) {
			b.WriteRune(r)
		} else if r == '\t' {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// wrap breaks spans into lines no wider than width, at spaces; a word wider
// than a line is broken between letters. Text that runs from one span into
// the next without a space (a bold figure and its full stop) stays on one
// line.
func (d *drawer) wrap(spans []span, width float64) [][]frag {
	// Words made of pieces, each piece in one span's style.
	type piece struct {
		span
		w, trimmed float64 // width with and without trailing spaces
	}
	var words [][]piece
	for _, s := range spans {
		s.text = d.drawable(s.text, s.style)
		for k, tok := range splitWords(s.text) {
			pc := piece{span: span{text: tok, style: s.style, size: s.size, color: s.color}}
			pc.w = d.fm.textWidth(tok, s.style, s.size)
			pc.trimmed = d.fm.textWidth(strings.TrimRight(tok, " "), s.style, s.size)
			if n := len(words); k == 0 && n > 0 && !strings.HasSuffix(words[n-1][len(words[n-1])-1].text, " ") && !strings.HasPrefix(tok, " ") {
				words[n-1] = append(words[n-1], pc)
				continue
			}
			words = append(words, []piece{pc})
		}
	}
	var lines [][]frag
	var cur []frag
	x := 0.0
	flush := func() {
		// Trailing spaces take no room at the end of a line.
		if n := len(cur); n > 0 {
			f := &cur[n-1]
			f.text = strings.TrimRight(f.text, " ")
			f.w = d.fm.textWidth(f.text, f.style, f.size)
		}
		lines = append(lines, cur)
		cur, x = nil, 0
	}
	add := func(s span, w float64) {
		if n := len(cur); n > 0 && cur[n-1].style == s.style && cur[n-1].size == s.size && cur[n-1].color == s.color {
			cur[n-1].text += s.text
			cur[n-1].w += w
		} else {
			cur = append(cur, frag{span: s, x: x, w: w})
		}
		x += w
	}
	for _, word := range words {
		ww := 0.0
		for i, pc := range word {
			if i == len(word)-1 {
				ww += pc.trimmed
			} else {
				ww += pc.w
			}
		}
		if x+ww > width+1e-6 && x > 0 {
			flush()
			word[0].text = strings.TrimLeft(word[0].text, " ")
		}
		if ww <= width {
			for _, pc := range word {
				add(pc.span, d.fm.textWidth(pc.text, pc.style, pc.size))
			}
			continue
		}
		// A word wider than the line: break it between letters.
		for _, pc := range word {
			var part strings.Builder
			pw := 0.0
			for _, r := range pc.text {
				rw := d.fm.textWidth(string(r), pc.style, pc.size)
				if x+pw+rw > width && (part.Len() > 0 || x > 0) {
					if part.Len() > 0 {
						sp := pc.span
						sp.text = part.String()
						add(sp, pw)
						part.Reset()
						pw = 0
					}
					flush()
				}
				part.WriteRune(r)
				pw += rw
			}
			sp := pc.span
			sp.text = part.String()
			add(sp, pw)
		}
	}
	if len(cur) > 0 {
		flush()
	}
	return lines
}

// splitWords splits s into words, each keeping its trailing spaces.
func splitWords(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			break
		}
		k := i + j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		out = append(out, s[start:k])
		start, i = k, k
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// para lays spans out at x in width, from the current y, with lines lead
// millimetres apart, at most maxLines lines (0: no limit); a paragraph cut
// short ends with an ellipsis. It returns the lines drawn.
func (d *drawer) para(x, width float64, spans []span, lead float64, maxLines int) int {
	lines := d.wrap(spans, width)
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		last := lines[maxLines-1]
		f := &last[len(last)-1]
		ell := d.fm.textWidth("…", f.style, f.size)
		for f.x+f.w+ell > width && f.text != "" {
			_, n := utf8.DecodeLastRuneInString(f.text)
			f.text = f.text[:len(f.text)-n]
			f.w = d.fm.textWidth(f.text, f.style, f.size)
		}
		// Cut back to a word boundary when one is near.
		if i := strings.LastIndexByte(f.text, ' '); i > len(f.text)/2 {
			f.text = f.text[:i]
		}
		f.text = strings.TrimRight(f.text, " ,;:") + "…"
	}
	for _, ln := range lines {
		top := d.y
		size := 0.0
		for _, f := range ln {
			size = max(size, f.size)
		}
		base := top + mm(size)*1.0
		for _, f := range ln {
			d.text(x+f.x, base, f.text, f.style, f.size, f.color)
		}
		d.y += lead
	}
	return len(lines)
}

// lead is the distance between lines of size pt text.
func lead(size float64) float64 { return mm(size) * 1.34 }

// bannerColor picks the conventional colour for a classification marking.
func bannerColor(class string) Color {
	u := strings.ToUpper(class)
	switch {
	case strings.Contains(u, "UNCLASSIFIED"):
		return Color{0, 122, 51}
	case strings.Contains(u, "TOP SECRET"):
		return Color{214, 110, 0}
	case strings.Contains(u, "SECRET"):
		return Color{200, 16, 46}
	case strings.Contains(u, "CONFIDENTIAL"):
		return Color{0, 51, 160}
	}
	return Color{60, 64, 72}
}

// banner draws the classification bar with its top at y.
func (d *drawer) banner(class string, pageW, y float64) {
	d.rect(d.x0, y, d.w, bannerH, bannerColor(class))
	t := d.drawable(strings.ToUpper(class), Bold)
	tw := d.fm.textWidth(t, Bold, smallSize)
	for tw > d.w-4 && t != "" {
		_, n := utf8.DecodeLastRuneInString(t)
		t = t[:len(t)-n]
		tw = d.fm.textWidth(t+"…", Bold, smallSize)
	}
	d.text((pageW-tw)/2, y+bannerH/2+mm(smallSize)*0.36, t, Bold, smallSize, white)
}

// footer draws the bottom banner and the footer lines, and returns the y
// above which the body must end.
func (d *drawer) footer(c *Content, pageW, pageH float64) float64 {
	y := pageH - marginBottom
	if c.Classification != "" {
		y -= bannerH
		d.banner(c.Classification, pageW, y)
		y -= 2.5
	}
	fs := smallSize
	ld := lead(fs)
	left := "Generated " + stamp(c.Generated)
	if c.Reference != "" {
		left = "Ref. " + c.Reference + "  ·  " + left
	}
	right := "Extractive brief: points are quoted verbatim from the sources"
	if d.fm.textWidth(left+right, Regular, fs)+8 > d.w {
		right = "Points quoted verbatim"
	}
	y -= ld
	d.text(d.x0, y+mm(fs), d.drawable(left, Regular), Regular, fs, grey)
	rw := d.fm.textWidth(d.drawable(right, Italic), Italic, fs)
	d.text(d.x0+d.w-rw, y+mm(fs), d.drawable(right, Italic), Italic, fs, grey)
	if note := c.Omitted.note(); note != "" {
		y -= ld
		d.text(d.x0, y+mm(fs), d.drawable(note, Italic), Italic, fs, grey)
	}
	if note := c.incompleteNote(); note != "" {
		y -= ld
		d.text(d.x0, y+mm(fs), d.drawable(note, Bold), Bold, fs, ink)
	}
	y -= 1.8
	d.line(d.x0, y, d.w, 0, 0.3, rule)
	return y
}

// header draws the top banner, title block, sources and note.
func (d *drawer) header(c *Content, pageW float64) {
	if c.Classification != "" {
		d.banner(c.Classification, pageW, d.y)
		d.y += bannerH + 4
	}
	kicker := "BRIEF"
	if c.Multi {
		kicker = fmt.Sprintf("BRIEF  ·  %d SOURCES", len(c.Sources))
	}
	date := longDate(c.Date)
	d.text(d.x0, d.y+mm(smallSize), kicker, Bold, smallSize, accent)
	dw := d.fm.textWidth(date, Regular, smallSize)
	d.text(d.x0+d.w-dw, d.y+mm(smallSize), date, Regular, smallSize, grey)
	d.y += lead(smallSize) + 1.2

	// The title: large, at most three lines; a very long one is set smaller
	// and then clipped (a title is not a summary sentence).
	ts := 19.0
	for _, s := range []float64{19, 16.5, 14} {
		ts = s
		if len(d.wrap([]span{{text: c.Title, style: Bold, size: s}}, d.w)) <= 2 {
			break
		}
	}
	d.para(d.x0, d.w, []span{{text: c.Title, style: Bold, size: ts, color: ink}}, mm(ts)*1.2, 3)
	d.y += 1.2
	d.line(d.x0, d.y, d.w, 0, 0.8, accent)
	d.y += 3

	fs := smallSize
	if !c.Multi {
		for _, s := range c.Sources {
			d.para(d.x0, d.w, []span{
				{text: "Source  ", style: Bold, size: fs, color: grey},
				{text: s.line(), style: Regular, size: fs, color: grey},
			}, lead(fs), 2)
		}
	} else {
		d.text(d.x0, d.y+mm(fs), "Sources", Bold, fs, grey)
		d.y += lead(fs) + 0.3
		if len(c.Sources) <= maxSourceLines {
			for _, s := range c.Sources {
				d.text(d.x0, d.y+mm(fs), fmt.Sprintf("[%d]", s.N), Bold, fs, accent)
				d.para(d.x0+sourceIndent, d.w-sourceIndent, sourceSpans(s), lead(fs), 1)
			}
		} else {
			// Many sources: run them on as "[n] publication, date" so the
			// list stays a few lines whatever the count.
			var spans []span
			for i, s := range c.Sources {
				sep := ""
				if i > 0 {
					sep = "   "
				}
				spans = append(spans,
					span{text: fmt.Sprintf("%s[%d] ", sep, s.N), style: Bold, size: fs, color: accent},
					span{text: s.short(), style: Regular, size: fs, color: grey})
			}
			d.para(d.x0, d.w, spans, lead(fs), 4)
		}
	}
	if c.Note != "" {
		d.y += 1
		d.para(d.x0, d.w, []span{
			{text: "Note  ", style: Bold, size: fs, color: ink},
			{text: c.Note, style: Italic, size: fs, color: ink},
		}, lead(fs), 3)
	}
	d.y += 2.5
}

// section draws a section heading with a hairline under it.
func (d *drawer) section(title string) {
	d.y += 1.5
	d.text(d.x0, d.y+mm(9.5), title, Bold, 9.5, accent)
	d.y += lead(9.5) + 0.2
	d.line(d.x0, d.y, d.w, 0, 0.25, rule)
	d.y += 1.8
}

// body draws the key points, actor cards and figures.
func (d *drawer) body(c *Content, cfg config, limit float64) {
	size := cfg.size
	if len(c.Points) > 0 {
		d.section("KEY POINTS")
		indent := 5.0
		for i, p := range c.Points {
			if i > 0 {
				d.y += mm(size) * 0.45
			}
			sq := mm(size) * 0.34
			d.rect(d.x0+0.6, d.y+mm(size)*0.62-sq/2, sq, sq, accent)
			spans := []span{{text: p.Text, style: Regular, size: size, color: ink}}
			if c.Multi {
				spans = append(spans, span{text: fmt.Sprintf("  [%d]", p.Source), style: Bold, size: max(minSize, size-1), color: accent})
			}
			maxLines := 0
			if cfg.clip {
				maxLines = max(1, int((limit-d.y)/lead(size)))
			}
			d.para(d.x0+indent, d.w-indent, spans, lead(size), maxLines)
		}
		d.y += 1
	}
	if len(c.Actors) > 0 {
		d.section("KEY ACTORS")
		cw := (d.w - colGap) / 2
		for i := 0; i < len(c.Actors); i += 2 {
			row := c.Actors[i:min(i+2, len(c.Actors))]
			var parts [][]Item
			h := 0.0
			for j, a := range row {
				its, ch := d.card(a, cfg, d.x0+float64(j)*(cw+colGap), d.y, cw)
				parts = append(parts, its)
				h = max(h, ch)
			}
			for j, its := range parts {
				x := d.x0 + float64(j)*(cw+colGap)
				d.rect(x, d.y, cw, h, cardFill)
				d.rect(x, d.y, 0.9, h, typeColor(row[j].Type))
				d.items = append(d.items, its...)
			}
			d.y += h + 2.2
		}
	}
	if len(c.Facts) > 0 {
		d.section("KEY FIGURES & DATES")
		cw := (d.w - colGap) / 2
		fs := max(minSize, size-0.5)
		for i := 0; i < len(c.Facts); i += 2 {
			top, bottom := d.y, d.y
			for j, f := range c.Facts[i:min(i+2, len(c.Facts))] {
				d.y = top
				x := d.x0 + float64(j)*(cw+colGap)
				d.para(x, cw, factSpans(f, fs, c.Multi), lead(fs), 2)
				bottom = max(bottom, d.y)
			}
			d.y = bottom + 0.8
		}
	}
}

// factSpans sets a figure in bold inside its context, with its source mark.
func factSpans(f FactLine, fs float64, multi bool) []span {
	var spans []span
	if before, after, ok := f.split(); ok {
		spans = []span{
			{text: before, style: Regular, size: fs, color: grey},
			{text: f.Text, style: Bold, size: fs, color: ink},
			{text: after, style: Regular, size: fs, color: grey},
		}
	} else {
		spans = []span{{text: f.Text, style: Bold, size: fs, color: ink}}
		if f.Context != "" {
			spans = append(spans, span{text: "  " + f.Context, style: Regular, size: fs, color: grey})
		}
	}
	if multi {
		spans = append(spans, span{text: fmt.Sprintf("  [%d]", f.Source), style: Bold, size: fs, color: accent})
	}
	return spans
}

// sourceIndent is where a numbered source's line starts.
const sourceIndent = 7.0

// maxSourceLines is how many sources get a line each; more run on in a
// paragraph of at most four lines.
const maxSourceLines = 6

// sourceSpans is one numbered source: publication, byline, date, title.
func sourceSpans(s Source) []span {
	spans := []span{{text: s.line(), style: Regular, size: smallSize, color: grey}}
	if s.Title != "" {
		spans = append(spans, span{text: "  —  " + s.Title, style: Italic, size: smallSize, color: grey})
	}
	return spans
}

// fitText shortens s at a word boundary (with an ellipsis) to the most words,
// at least least, whose spans wrap to at most lines lines in width. It is for
// quotes, actor lines, figures' context and titles of sources, never for
// summary sentences.
func (d *drawer) fitText(s string, least, lines int, width float64, spans func(string) []span) string {
	if s == "" || len(d.wrap(spans(s), width)) <= lines {
		return s
	}
	if lines <= 0 {
		return ""
	}
	n := len(strings.Fields(s))
	best := least
	lo, hi := least+1, n-1
	for lo <= hi {
		mid := (lo + hi) / 2
		if len(d.wrap(spans(shorten(s, mid)), width)) <= lines {
			best, lo = mid, mid+1
		} else {
			hi = mid - 1
		}
	}
	return shorten(s, max(best, 1))
}

// typeColor tells actor types apart on the cards' edge.
func typeColor(t domain.ActorType) Color {
	switch t {
	case domain.Organization:
		return Color{0, 118, 128}
	case domain.Place:
		return Color{128, 104, 26}
	}
	return accent
}

// card lays out one actor card at (x, y) and returns its items and height.
func (d *drawer) card(a Card, cfg config, x, y, w float64) ([]Item, float64) {
	sub := &drawer{fm: d.fm, x0: x, w: w, y: y + cardPad}
	ix, iw := x+cardPad+1, w-2*cardPad-1
	ns := max(minSize, cfg.size)
	name := []span{{text: a.Name, style: Bold, size: ns, color: ink}}
	if a.Role != "" {
		name = append(name, span{text: "  " + a.Role, style: Regular, size: smallSize, color: grey})
	}
	sub.para(ix, iw, name, lead(ns), 2)
	if m := a.meta(); m != "" {
		sub.para(ix, iw, []span{{text: m, style: Regular, size: smallSize, color: grey}}, lead(smallSize), 1)
	}
	if a.Line != "" && cfg.lineLines > 0 {
		sub.y += 0.4
		sub.para(ix, iw, []span{{text: a.Line, style: Regular, size: smallSize, color: ink}}, lead(smallSize), cfg.lineLines)
	}
	if a.Quote != "" && cfg.quoteLines > 0 {
		sub.y += 0.4
		sub.para(ix, iw, []span{{text: a.quoted(), style: Italic, size: smallSize, color: ink}}, lead(smallSize), cfg.quoteLines)
	}
	return sub.items, sub.y - y + cardPad - 0.8
}
