package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readability finds the block that holds the article, but keeps what
// publishers put inside that block around the story: captions and photo
// credits, share bars, sign-up boxes, lists of related links, comment
// prompts, the header with the date. The rules here remove them from its
// output by structure (class and id words, tags, link density), never by
// site.

// hiddenClasses are class names that hide an element with a style sheet
// rather than inline style: hover cards, screen-reader labels, collapsed
// boxes. A browser does not show their text where it stands.
var hiddenClasses = map[string]bool{
	"hidden": true, "hide": true, "is-hidden": true, "u-hidden": true, "visually-hidden": true, "visuallyhidden": true,
	"sr-only": true, "screen-reader-text": true, "screen-reader-only": true, "screenreader": true, "element-invisible": true,
	"invisible": true, "d-none": true, "offscreen": true, "off-screen": true, "a11y-hidden": true, "visually-hidden-text": true,
	"hovercard": true, "hover-card": true, "tooltip": true, "popover": true,
}

// classHidden reports an element hidden by one of its classes.
func classHidden(n *html.Node) bool {
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		if hiddenClasses[c] {
			return true
		}
	}
	return false
}

// maxHiddenText bounds what a class-hidden element may hold and still be
// dropped: hover cards and labels are short, while a page that hides the
// rest of its story behind a "read more" button hides thousands of
// characters the reader asked for.
const maxHiddenText = 1000

// removeHidden drops class-hidden elements before readability scores the
// page, so that a hover card's name and headline are not spliced into the
// sentence around it ("Rep. Ilhan OmarIlhan OmarHillicon Valley: ...").
func removeHidden(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (classHidden(c) || hidden(c)) && textLen(c, maxHiddenText+1) <= maxHiddenText {
			n.RemoveChild(c)
		} else {
			removeHidden(c)
		}
		c = next
	}
}

// textLen counts the bytes of visible text under n, stopping at limit.
func textLen(n *html.Node, limit int) int {
	total := 0
	var walk func(*html.Node, int)
	walk = func(c *html.Node, depth int) {
		if total >= limit || depth > 256 {
			return
		}
		if c.Type == html.TextNode {
			total += len(strings.TrimSpace(c.Data))
			return
		}
		if c.Type == html.ElementNode && (dangerous[c.DataAtom] || c.DataAtom == atom.Head) {
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k, depth+1)
		}
	}
	walk(n, 0)
	return total
}

// linkTextLen counts the bytes of text under n that stand inside links.
func linkTextLen(n *html.Node) int {
	total := 0
	var walk func(*html.Node, bool, int)
	walk = func(c *html.Node, in bool, depth int) {
		if depth > 256 {
			return
		}
		if c.Type == html.TextNode {
			if in {
				total += len(strings.TrimSpace(c.Data))
			}
			return
		}
		in = in || c.Type == html.ElementNode && c.DataAtom == atom.A
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k, in, depth+1)
		}
	}
	walk(n, false, 0)
	return total
}

// classWords splits an element's class and id into lower-case words at
// hyphens, underscores and camel-case humps: "newsCaption" gives "news"
// and "caption", "wp-caption-text" gives "wp", "caption" and "text".
func classWords(n *html.Node) []string {
	s := attr(n, "class") + " " + attr(n, "id")
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	prevLower := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) && prevLower {
				flush()
			}
			cur = append(cur, r)
			prevLower = unicode.IsLower(r)
		default:
			flush()
			prevLower = false
		}
	}
	flush()
	return words
}

// furniture kinds, by the words publishers name them with.
const (
	kindNone = iota
	kindCaption
	kindShare
	kindPromo
	kindRelated
	kindComments
	kindMeta
)

var furnitureWords = map[string]int{
	"caption": kindCaption, "captions": kindCaption, "figcaption": kindCaption, "credit": kindCaption, "credits": kindCaption,
	"attribution": kindCaption, "courtesy": kindCaption, "gallery": kindCaption, "slideshow": kindCaption, "carousel": kindCaption,
	"lightbox": kindCaption, "photo": kindCaption, "photos": kindCaption, "image": kindCaption, "picture": kindCaption,
	"share": kindShare, "sharing": kindShare, "social": kindShare, "sharebar": kindShare, "addthis": kindShare, "sharethis": kindShare,
	"newsletter": kindPromo, "signup": kindPromo, "subscribe": kindPromo, "subscription": kindPromo, "cta": kindPromo,
	"promo": kindPromo, "promotion": kindPromo, "ad": kindPromo, "ads": kindPromo, "advert": kindPromo,
	"advertisement": kindPromo, "sponsored": kindPromo, "outbrain": kindPromo, "taboola": kindPromo,
	"related": kindRelated, "recommended": kindRelated, "recommendations": kindRelated, "recirc": kindRelated,
	"trending": kindRelated, "popular": kindRelated, "readmore": kindRelated, "tags": kindRelated, "keywords": kindRelated,
	"comment": kindComments, "comments": kindComments, "disqus": kindComments,
	"byline": kindMeta, "dateline": kindMeta, "timestamp": kindMeta, "pubdate": kindMeta, "date": kindMeta,
	"author": kindMeta, "bio": kindMeta, "meta": kindMeta,
}

// furnitureKind names what an element's class or id says it is.
func furnitureKind(n *html.Node) int {
	for _, w := range classWords(n) {
		if k := furnitureWords[w]; k != kindNone {
			return k
		}
	}
	return kindNone
}

// standfirstWords name the element that holds a page's standfirst.
// Subheads, summaries and intros are not among them: sites use those for
// section headings, bullet boxes and the lede.
var standfirstWords = map[string]bool{"standfirst": true, "dek": true, "deck": true, "subtitle": true,
	"strapline": true, "excerpt": true, "chapo": true, "sapo": true}

// maxStandfirst is the longest standfirst taken from a page, in bytes.
const maxStandfirst = 400

// findStandfirst returns the text of the visible standfirst in content: an
// element named as one, or else the text of the article's header beside
// its headline, byline and date.
func findStandfirst(content *html.Node) string {
	var named, header string
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if named != "" || depth > 256 || n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return
		}
		if n.Type == html.ElementNode {
			for _, w := range classWords(n) {
				if standfirstWords[w] {
					if t := textOf(n); t != "" && len(t) <= maxStandfirst {
						named = t
					}
					return
				}
			}
			if n.DataAtom == atom.Header && header == "" {
				header = headerStandfirst(n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(content, 0)
	if named != "" {
		return named
	}
	return header
}

// headerStandfirst is the longest line of prose in an article header that
// is neither the headline nor its metadata.
func headerStandfirst(h *html.Node) string {
	best := ""
	for _, n := range leafBlocks(h) {
		if n.DataAtom == atom.H1 || furnitureKind(n) != kindNone || linkBlock(n) {
			continue
		}
		t := textOf(n)
		if len(strings.Fields(t)) >= 6 && len(t) <= maxStandfirst && len(t) > len(best) && !metaLine(t) {
			best = t
		}
	}
	return best
}

// pruneContent removes page furniture from readability's output in place
// and returns the visible standfirst it removed with it, if any. Every
// rule is bounded by size: an element that holds a good part of the text
// is the article's wrapper, whatever its class says.
func pruneContent(content *html.Node) (standfirst string) {
	fixAtoms(content, 0)
	total := textLen(content, 1<<30)
	if total == 0 {
		return ""
	}
	standfirst = findStandfirst(content)
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 256 {
			return
		}
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && furniture(c, total) {
				if k := furnitureKind(c); k == kindShare || k == kindPromo || k == kindRelated || k == kindComments {
					if l := introLabel(c); l != nil {
						n.RemoveChild(l)
					}
				}
				n.RemoveChild(c)
			} else {
				walk(c, depth+1)
			}
			c = next
		}
	}
	walk(content, 0)
	pruneLinkBlocks(content)
	return standfirst
}

// fixAtoms sets the atom of elements readability created or renamed
// (a <div> turned into <p>), which it leaves unset: the rules here and the
// text walk go by atoms.
func fixAtoms(n *html.Node, depth int) {
	if depth > 512 {
		return
	}
	if n.Type == html.ElementNode {
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		fixAtoms(c, depth+1)
	}
}

// introLabel returns the sibling just before n when it is a short label
// that introduces n ("related news", "Tell us what you think"), else nil.
func introLabel(n *html.Node) *html.Node {
	var p *html.Node
	// The label may stand before the box that holds n, when n opens it.
	for cur, up := n, 0; cur != nil && up < 3; cur, up = cur.Parent, up+1 {
		p = cur.PrevSibling
		for p != nil && p.Type == html.TextNode && strings.TrimSpace(p.Data) == "" {
			p = p.PrevSibling
		}
		if p != nil {
			break
		}
	}
	if p == nil || p.Type != html.ElementNode || !blocks[p.DataAtom] && !headings[p.DataAtom] {
		return nil
	}
	if t := textOf(p); len(t) < 80 && labelLike(t) && linkTextLen(p) == 0 {
		return p
	}
	return nil
}

var headings = map[atom.Atom]bool{atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true}

// leafBlocks lists the block elements under n that hold no other block, in
// document order: the paragraphs as a reader sees them.
func leafBlocks(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node, int) bool
	// walk returns whether n holds a block element.
	walk = func(n *html.Node, depth int) bool {
		if depth > 256 {
			return false
		}
		inner := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !dangerous[c.DataAtom] && walk(c, depth+1) {
				inner = true
			}
		}
		isBlock := n.Type == html.ElementNode && blocks[n.DataAtom]
		if isBlock && !inner {
			out = append(out, n)
		}
		return isBlock || inner
	}
	walk(n, 0)
	return out
}

// linkBlock reports a paragraph or list item that is all, or nearly all,
// link text: a teaser for another story ("SEE MORE: ...", a list of
// related headlines), not a sentence that cites a source in passing.
func linkBlock(n *html.Node) bool {
	size := textLen(n, 1000)
	if size == 0 || size >= 1000 {
		return false
	}
	return linkTextLen(n)*10 >= size*8
}

// labelLike reports a short line that introduces what follows ("DON'T
// MISS", "More Great WIRED Stories", "Related coverage:"): a few words
// that do not end a sentence.
func labelLike(s string) bool {
	s = strings.TrimSpace(s)
	n := len(strings.Fields(s))
	if n == 0 || n > 8 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?\"”»)", r)
}

// pruneLinkBlocks removes runs of link blocks from the content, with the
// label that introduces a run.
func pruneLinkBlocks(content *html.Node) {
	leaves := leafBlocks(content)
	drop := make([]bool, len(leaves))
	for i, n := range leaves {
		drop[i] = linkBlock(n)
	}
	for i := range leaves {
		if drop[i] && (i == 0 || !drop[i-1]) && i > 0 && labelLike(textOf(leaves[i-1])) && linkTextLen(leaves[i-1]) == 0 {
			drop[i-1] = true
		}
	}
	for i, n := range leaves {
		if drop[i] && n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	pruneLinkLists(content)
}

// pruneLinkLists removes lists of teasers that are only partly links
// ("YouTubers must unionize, <a>no matter what Google says</a>") when a
// label introduces them ("More Great WIRED Stories"): every item holds a
// link and is short, and links carry a good part of the text.
func pruneLinkLists(content *html.Node) {
	var lists []*html.Node
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 256 {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) {
			lists = append(lists, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(content, 0)
	for _, l := range lists {
		items, linked := 0, 0
		for c := l.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom != atom.Li {
				continue
			}
			items++
			if linkTextLen(c) > 0 && textLen(c, 300) < 250 {
				linked++
			}
		}
		size := textLen(l, 1<<20)
		if items < 2 || linked < items || linkTextLen(l)*100 < size*35 {
			continue
		}
		label := introLabel(l)
		if label == nil || l.Parent == nil {
			continue
		}
		label.Parent.RemoveChild(label)
		l.Parent.RemoveChild(l)
	}
}

// furniture reports whether element n of content with total bytes of text
// is page furniture rather than part of the story.
func furniture(n *html.Node, total int) bool {
	size := textLen(n, total+1)
	if size == 0 {
		return false
	}
	small := size*4 <= total // under a quarter of the text
	switch n.DataAtom {
	case atom.Header:
		return small
	case atom.Figure:
		return small && size < 600
	}
	for _, w := range classWords(n) {
		if standfirstWords[w] && size <= maxStandfirst {
			return true
		}
	}
	switch furnitureKind(n) {
	case kindCaption:
		return small && size < 600
	case kindShare, kindPromo, kindRelated, kindComments:
		return small
	case kindMeta:
		return small && size < 300
	}
	return false
}

// hasLower reports whether s has a lower-case letter.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}
