package brief

import (
	"fmt"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"briefdesk/internal/domain"
)

// Content is what a brief says, after fitting it to one page: every export
// format renders exactly this.
type Content struct {
	Classification string
	Title          string
	Date           time.Time // the brief's date (generation time)
	Note           string    // the officer's note, if any
	Sources        []Source
	Points         []Point // summary sentences in reading order
	Actors         []Card
	Facts          []FactLine
	Reference      string
	Generated      time.Time
	Omitted        Omitted // what did not fit
	Multi          bool    // more than one article: points carry source numbers
}

// Source is one article the brief draws on.
type Source struct {
	N           int // 1-based number used to mark points
	Publication string
	Title       string
	Byline      string
	Dateline    string
	Published   time.Time
	Incomplete  string // why the source looks cut off (domain.Article.Incomplete)
}

// Point is one summary sentence, quoted verbatim.
type Point struct {
	Text   string
	Source int // 1-based source number
	Ref    domain.SentenceRef
	Score  float64
}

// Card is one key actor, condensed to a few lines.
type Card struct {
	Name     string
	Type     domain.ActorType
	Role     string
	Level    string
	Mentions int
	Line     string // what the actor did, one line from the sources
	Quote    string // one quote, shortened at a word boundary when needed
	Direct   bool   // the quote is the actor's own words
}

// FactLine is one key number or date with a little context.
type FactLine struct {
	Kind    domain.FactKind
	Text    string
	Context string // words around the figure in its sentence
	Source  int
}

// Omitted counts what the one-page limit left out, so the brief can say so.
type Omitted struct {
	Points, Actors, Facts int
}

// Any reports whether anything was left out.
func (o Omitted) Any() bool { return o.Points+o.Actors+o.Facts > 0 }

// material is everything a brief could show, before fitting.
type material struct {
	classification string
	title          string
	note           string
	sources        []Source
	multi          bool
	chosen         int     // how many of points the summary chose
	points         []Point // by priority: what stays longest comes first
	actors         []domain.Actor
	facts          []FactLine
	sentences      map[domain.SentenceRef]string
	reference      string
	generated      time.Time
}

// gather collects the material for b: sources, the summary sentences in the
// order they should survive cuts, the actors and the facts.
func gather(b *domain.Briefing, opts Options) *material {
	m := &material{
		classification: clean(opts.Classification),
		reference:      clean(opts.Reference),
		generated:      opts.Generated,
		multi:          len(b.Articles) > 1,
		note:           clean(b.Notes),
		sentences:      map[domain.SentenceRef]string{},
	}
	if m.classification == "" {
		m.classification = clean(b.Classification)
	}
	if m.generated.IsZero() {
		m.generated = time.Now()
	}
	m.title = clean(b.Title)
	for i, a := range b.Articles {
		if a == nil {
			continue
		}
		if m.title == "" {
			m.title = clean(a.Title)
		}
		m.sources = append(m.sources, Source{
			N:           i + 1,
			Publication: publication(a),
			Title:       clean(a.Title),
			Byline:      clean(strings.TrimPrefix(strings.TrimSpace(a.Byline), "By ")),
			Dateline:    clean(a.Dateline),
			Published:   a.Published,
			Incomplete:  clean(a.Incomplete),
		})
	}
	if m.title == "" {
		m.title = "Untitled brief"
	}
	an := b.Analysis
	if an == nil {
		return m
	}
	for _, s := range an.Summary.Scores {
		m.sentences[s.SentenceRef] = clean(s.Text)
	}
	for _, s := range an.Summary.Sentences {
		if _, ok := m.sentences[s.SentenceRef]; !ok {
			m.sentences[s.SentenceRef] = clean(s.Text)
		}
	}
	m.points = priority(an.Summary, b.Edits, opts.Fit)
	m.chosen = len(an.Summary.Sentences)
	if m.chosen > len(m.points) {
		m.chosen = len(m.points)
	}
	m.actors = an.Actors
	seen := map[string]bool{}
	for _, f := range an.Facts {
		t := clean(f.Text)
		k := strings.ToLower(t)
		if t == "" || seen[k] {
			continue
		}
		seen[k] = true
		m.facts = append(m.facts, FactLine{
			Kind:    f.Kind,
			Text:    t,
			Context: around(m.sentences[f.Where], t, 9),
			Source:  f.Where.Article + 1,
		})
	}
	return m
}

// priority orders the sentences a brief may show by how long they should
// survive cuts: the summary's first sentence of each article (the lead, which
// a reader needs to make sense of the rest), then pinned ones, then the rest of the chosen
// summary by score; with fit, then every other sentence by score, except those
// the officer dropped.
func priority(s domain.Summary, edits domain.Edits, fit bool) []Point {
	point := func(x domain.ScoredSentence) Point {
		return Point{Text: clean(x.Text), Source: x.Article + 1, Ref: x.SentenceRef, Score: x.Score}
	}
	var out []Point
	used := map[domain.SentenceRef]bool{}
	rest := make([]domain.ScoredSentence, 0, len(s.Sentences))
	leads := map[int]bool{}
	for _, x := range s.Sentences {
		if clean(x.Text) == "" || used[x.SentenceRef] {
			continue
		}
		used[x.SentenceRef] = true
		// Each article's first chosen sentence comes first, so that a brief
		// on several articles keeps a point from every one of them.
		if !leads[x.Article] {
			leads[x.Article] = true
			out = append(out, point(x))
			continue
		}
		rest = append(rest, x)
	}
	byScore := func(xs []domain.ScoredSentence) {
		sort.SliceStable(xs, func(i, j int) bool {
			if xs[i].Pinned != xs[j].Pinned {
				return xs[i].Pinned
			}
			return xs[i].Score > xs[j].Score
		})
	}
	byScore(rest)
	for _, x := range rest {
		out = append(out, point(x))
	}
	if !fit {
		return out
	}
	dropped := map[domain.SentenceRef]bool{}
	for _, r := range edits.Dropped {
		dropped[r] = true
	}
	var more []domain.ScoredSentence
	for _, x := range s.Scores {
		if used[x.SentenceRef] || dropped[x.SentenceRef] || clean(x.Text) == "" {
			continue
		}
		used[x.SentenceRef] = true
		more = append(more, x)
	}
	byScore(more)
	for _, x := range more {
		out = append(out, point(x))
	}
	return out
}

// readingOrder returns the first n points of ps sorted as the sources read.
func readingOrder(ps []Point, n int) []Point {
	out := append([]Point(nil), ps[:n]...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Ref.Article != out[j].Ref.Article {
			return out[i].Ref.Article < out[j].Ref.Article
		}
		return out[i].Ref.Index < out[j].Ref.Index
	})
	return out
}

// card condenses an actor: its role, the line saying what it did and one
// quote of at most quoteWords words (0: no quote).
func card(a domain.Actor, quoteWords, lineWords int) Card {
	c := Card{
		Name:     clean(a.Name),
		Type:     a.Type,
		Role:     clean(a.Role),
		Level:    a.Level,
		Mentions: a.Mentions,
		Line:     shorten(clean(a.Did), lineWords),
	}
	if quoteWords > 0 {
		if q, ok := bestQuote(a.Quotes); ok {
			c.Quote = shorten(strings.Trim(clean(q.Text), "\"“”‘’' "), quoteWords)
			c.Direct = q.Direct
		}
	}
	return c
}

// bestQuote prefers the actor's first direct quote of a readable length, then
// any direct quote, then reported speech.
func bestQuote(qs []domain.Quote) (domain.Quote, bool) {
	best, bestRank := domain.Quote{}, -1
	for _, q := range qs {
		n := len(strings.Fields(q.Text))
		if n == 0 {
			continue
		}
		rank := 0
		if q.Direct {
			rank += 2
		}
		if n >= 5 && n <= 45 {
			rank++
		}
		if rank > bestRank {
			best, bestRank = q, rank
		}
	}
	return best, bestRank >= 0
}

// shorten cuts s to at most n words at a word boundary and marks the cut with
// an ellipsis; n <= 0 leaves s whole. Used for quotes and actor lines only:
// summary sentences are never cut.
func shorten(s string, n int) string {
	w := strings.Fields(s)
	if n <= 0 || len(w) <= n {
		return s
	}
	out := strings.Join(w[:n], " ")
	out = strings.TrimRightFunc(out, func(r rune) bool { return unicode.IsPunct(r) && r != ')' && r != '%' })
	return out + "…"
}

// around returns up to n words around needle in sentence, with ellipses
// where it was cut, so a figure reads with what it counts.
func around(sentence, needle string, n int) string {
	if sentence == "" {
		return ""
	}
	w := strings.Fields(sentence)
	at := -1
	first := strings.Fields(needle)
	if len(first) > 0 {
		for i, x := range w {
			if strings.Contains(x, first[0]) {
				at = i
				break
			}
		}
	}
	if at < 0 {
		at = 0
	}
	lo := at - n/2
	if lo < 0 {
		lo = 0
	}
	hi := lo + n + len(first)
	if hi > len(w) {
		hi = len(w)
		if lo = hi - n - len(first); lo < 0 {
			lo = 0
		}
	}
	out := strings.Join(w[lo:hi], " ")
	if lo > 0 {
		out = "…" + out
	}
	if hi < len(w) {
		out = strings.TrimRight(out, ",;:") + "…"
	}
	return out
}

// publication names where an article came from: its source, its credit, or
// the site it was fetched from. A file name is the last resort, used only
// when there is no byline either: to a reader "harbour-talks.txt" says less
// than the author's name.
func publication(a *domain.Article) string {
	if s := clean(a.Source); s != "" {
		return s
	}
	if s := clean(a.Credit); s != "" {
		return s
	}
	if u, err := url.Parse(a.Origin.Name); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	if a.Origin.Name != "" && strings.TrimSpace(a.Byline) == "" {
		return filepath.Base(a.Origin.Name)
	}
	return ""
}

// clean folds runs of white space (newlines included) into single spaces and
// drops control characters, so text lays out on lines as the source wrote it.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if unicode.IsControl(r) || r == '\uFEFF' || r == '\u200B' {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// sourceLine describes a source in one line: publication, byline, date,
// dateline.
func (s Source) line() string {
	var parts []string
	if s.Publication != "" {
		parts = append(parts, s.Publication)
	}
	if s.Byline != "" {
		parts = append(parts, s.Byline)
	}
	if !s.Published.IsZero() {
		parts = append(parts, longDate(s.Published))
	}
	if s.Dateline != "" && !strings.Contains(strings.Join(parts, " "), s.Dateline) {
		parts = append(parts, s.Dateline)
	}
	if len(parts) == 0 {
		return "Unknown source"
	}
	return strings.Join(parts, " · ")
}

// short describes a source in a few words: publication and date.
func (s Source) short() string {
	out := s.Publication
	if out == "" {
		out = s.Byline
	}
	if out == "" {
		out = s.Title
	}
	if !s.Published.IsZero() {
		if out != "" {
			out += ", "
		}
		out += s.Published.Format("2 Jan")
	}
	if out == "" {
		out = "unknown source"
	}
	return out
}

// longDate writes a date as desks do: 3 March 2026.
func longDate(t time.Time) string { return t.Format("2 January 2006") }

// stamp writes a generation time with its zone.
func stamp(t time.Time) string { return t.Format("2 Jan 2006 15:04 MST") }

// cardMeta is the card's second line: type, salience and mentions.
func (c Card) meta() string {
	var parts []string
	if c.Type != "" {
		parts = append(parts, titleCase(string(c.Type)))
	}
	if c.Level != "" {
		parts = append(parts, c.Level)
	}
	if c.Mentions > 0 {
		if c.Mentions == 1 {
			parts = append(parts, "1 mention")
		} else {
			parts = append(parts, fmt.Sprintf("%d mentions", c.Mentions))
		}
	}
	return strings.Join(parts, " · ")
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// omittedNote says what the one-page limit left out, or "".
func (o Omitted) note() string {
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(o.Points, "summary sentence", "summary sentences")
	add(o.Actors, "actor", "actors")
	add(o.Facts, "figure", "figures")
	if len(parts) == 0 {
		return ""
	}
	return "To fit one page, left out: " + strings.Join(parts, ", ") + " (see the library)."
}

// incompleteNote warns, in the footer, that the brief draws on a source that
// looks cut off, so that a reader knows the original must be checked.
func (c *Content) incompleteNote() string {
	var which []string
	reason := ""
	for _, s := range c.Sources {
		if s.Incomplete != "" {
			which = append(which, fmt.Sprintf("[%d]", s.N))
			reason = s.Incomplete
		}
	}
	switch {
	case len(which) == 0:
		return ""
	case !c.Multi:
		return "Warning: the source looks incomplete (" + reason + "); check the original."
	case len(which) == 1:
		return "Warning: source " + which[0] + " looks incomplete (" + reason + "); check the original."
	}
	return "Warning: sources " + strings.Join(which, ", ") + " look incomplete; check the originals."
}

// split finds the figure in its context and returns the words around it, so
// it can be set in bold where it stands.
func (f FactLine) split() (before, after string, ok bool) {
	i := strings.Index(f.Context, f.Text)
	if i < 0 || f.Text == "" {
		return "", "", false
	}
	return f.Context[:i], f.Context[i+len(f.Text):], true
}
