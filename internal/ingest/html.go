package ingest

import (
	"mime"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"briefdesk/internal/domain"
)

// maxHTMLElems bounds readability's work on monster pages; beyond it we
// fall back to the plain block walk, which is linear.
const maxHTMLElems = 100000

// htmlCharset returns the charset declared for an HTML document: the HTTP
// Content-Type header if any, else a <meta> tag in the first kilobyte.
func htmlCharset(data []byte, contentType string) string {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			return params["charset"]
		}
		if !strings.Contains(contentType, "/") {
			return contentType // a bare charset name
		}
	}
	_, name, _ := charset.DetermineEncoding(data, "")
	return name
}

// decodeHTML decodes and parses an HTML document, with everything that
// could run (scripts, event handlers, javascript: links) removed.
func decodeHTML(data []byte, contentType string) (*html.Node, error) {
	return decodeHTMLKeep(data, contentType, false)
}

// decodeHTMLKeep is decodeHTML that may keep JSON-LD metadata blocks, which
// never execute but tell readability the author and publication date.
func decodeHTMLKeep(data []byte, contentType string, keepJSONLD bool) (*html.Node, error) {
	s, _ := decode(data, htmlCharset(data, contentType))
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil, &domain.InputError{Reason: "not a readable web page (damaged or nested too deeply)", Err: err}
	}
	sanitize(root, keepJSONLD)
	return root, nil
}

// sanitizeHTML returns the page as stored for provenance: the document's
// text and structure (headings, paragraphs, lists, tables, figures, links,
// images, the title and its meta tags) through an allow-list, so whatever a
// page could run or load (scripts, styles, frames, forms, handlers,
// javascript: and data: links) is not kept, including tricks a deny-list
// does not know yet.
func sanitizeHTML(data []byte, contentType string) []byte {
	s, _ := decode(data, htmlCharset(data, contentType))
	return []byte(storedPolicy.Sanitize(s))
}

// storedPolicy is the allow-list for stored pages: bluemonday's policy for
// user content (formatting, http/https/mailto links, images) plus the
// document and article elements that give a page its shape, and the meta
// tags that say who wrote it and when. A policy is safe for concurrent use
// once built.
var storedPolicy = func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowElements("html", "head", "body", "title", "main", "article", "section", "header", "footer",
		"nav", "aside", "figure", "figcaption", "time", "address", "mark")
	p.AllowAttrs("name", "property", "content", "charset", "itemprop").OnElements("meta")
	p.AllowAttrs("datetime").OnElements("time")
	p.AllowAttrs("lang").OnElements("html")
	p.AllowURLSchemes("http", "https", "mailto")
	return p
}()

// dangerous elements are removed with their content; none of them holds
// article text a reader sees.
var dangerous = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Applet: true, atom.Frame: true, atom.Frameset: true, atom.Template: true,
	atom.Base: true, atom.Link: true,
}

// sanitize removes dangerous elements, on* handlers, javascript: URLs and
// meta refreshes from the tree, in place.
func sanitize(n *html.Node, keepJSONLD bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		jsonLD := keepJSONLD && c.DataAtom == atom.Script && strings.EqualFold(attr(c, "type"), "application/ld+json")
		if c.Type == html.ElementNode && !jsonLD && (dangerous[c.DataAtom] || c.Data == "svg" && hasScript(c) ||
			c.DataAtom == atom.Meta && strings.EqualFold(attr(c, "http-equiv"), "refresh")) {
			n.RemoveChild(c)
		} else {
			sanitize(c, keepJSONLD)
		}
		c = next
	}
	if n.Type != html.ElementNode {
		return
	}
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		k := strings.ToLower(a.Key)
		v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
		if strings.HasPrefix(k, "on") || k == "formaction" || k == "srcdoc" ||
			strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:text/html") {
			continue
		}
		kept = append(kept, a)
	}
	n.Attr = kept
}

func hasScript(n *html.Node) bool {
	if n.Type == html.ElementNode && n.Data == "script" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasScript(c) {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// parseHTML extracts a web page's main content with readability (dropping
// navigation, cookie banners, sidebars and comments) and its metadata.
func parseHTML(data []byte, contentType, name string) (*doc, error) {
	root, err := decodeHTMLKeep(data, contentType, true)
	if err != nil {
		return nil, err
	}
	var h hints
	var paras []string
	// The byline as the page shows it ("By A and B") reads better than
	// the metadata's list; readability removes it from the content.
	visibleByline, bylineDate := findByline(root)
	published := findPublished(root)
	if published.IsZero() && bylineDate.Year() >= 1900 {
		published = bylineDate
	}
	pruneWidgets(root)
	removeHidden(root)
	p := readability.NewParser()
	p.MaxElemsToParse = maxHTMLElems
	p.KeepClasses = true // pruneContent reads them
	art, rerr := p.ParseDocument(root, nil)
	if rerr == nil {
		h.title = art.Title()
		h.byline = cleanByline(art.Byline())
		h.source = art.SiteName()
		if t, err := art.PublishedTime(); err == nil {
			h.published = t.UTC()
		}
		if art.Node != nil {
			h.standfirst = pruneContent(art.Node)
			paras = blockText(art.Node)
			before, after := chapterParas(root, paras)
			paras = append(append(before, paras...), after...)
		}
		// Readability's excerpt is the page's description, or else its
		// first paragraph: only the former is a standfirst, and only when
		// the page shows none of its own. A description that repeats the
		// lede leaves the lede in the body.
		if ex := art.Excerpt(); h.standfirst == "" && ex != "" && len(ex) < maxStandfirst && !inOpening(paras, ex) {
			h.standfirst = ex
		}
		h.keepLede = true
	}
	// Readability needs a few hundred characters of prose to trust a
	// candidate; a short page or a fragment is read block by block.
	wholePage := false
	if n := len(strings.Join(paras, "")); n < 200 {
		if body := findBody(root); body != nil {
			if all := blockText(body); len(strings.Join(all, "")) > n {
				// Worth a warning when the page around the text is menus
				// and links, not for a clean fragment of an article.
				paras, wholePage = all, linkTextLen(body)*10 > textLen(body, 1<<30)*3
			}
		}
	}
	if visibleByline != "" {
		h.byline = visibleByline
	}
	h.source = siteName(h.source)
	h.byline = trimPublication(h.byline, h.source)
	if strings.EqualFold(h.byline, h.source) {
		h.byline = "" // the publication in the author field ("RT" by RT) is no byline
	}
	if h.published.IsZero() {
		h.published = published
	}
	if h.title == "" {
		h.title = firstHeading(root)
	}
	if h.title == "" {
		if t := findElem(root, atom.Title); t != nil {
			h.title = textOf(t)
		}
	}
	text := normalize(strings.Join(paras, "\n\n"))
	if strings.TrimSpace(text) == "" {
		return nil, &domain.InputError{Reason: "web page has no article text (it may need JavaScript, or be only a frame or an image)"}
	}
	h.title = oneLine(normalize(h.title))
	d := structure(text, h)
	if wholePage {
		d.warnings = append(d.warnings, warnWholePage)
	}
	return d, nil
}

// warnWholePage is the warning on a page whose article block was not
// found, so that all of its text was read.
const warnWholePage = "no article block found on the page: all of its text was kept, with whatever surrounds the story"

// siteName tidies the name a page gives its site: a bare address becomes
// its host ("https://www.example.com" gives "example.com"), and of a name
// with a tagline ("Autoracing | F1 | Indy") the first part is kept.
func siteName(s string) string {
	s = oneLine(s)
	if IsURL(s) {
		if u, err := url.Parse(s); err == nil && u.Host != "" {
			return strings.TrimPrefix(u.Host, "www.")
		}
	}
	if k := strings.Index(s, " | "); k > 0 {
		s = strings.TrimSpace(s[:k])
	}
	return s
}

// inOpening reports whether s is (the start of) one of the first paragraphs.
func inOpening(paras []string, s string) bool {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "..."), "…")
	sw := strings.Join(words(s), " ")
	if sw == "" {
		return false
	}
	for i, p := range paras {
		if i == 4 {
			break
		}
		// Compared by words: the description and the page differ in
		// quotes, dashes and spaces ("BERLIN --" beside "BERLIN —").
		pw := strings.Join(words(p), " ")
		if pw != "" && (strings.HasPrefix(pw, sw) || strings.HasPrefix(sw, pw)) {
			return true
		}
	}
	return false
}

var jsonLDDate = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{8,40})"`)

// findPublished reads the publication date from the places pages state it:
// article:published_time and similar meta tags, JSON-LD, or the first
// <time datetime> of the page.
func findPublished(root *html.Node) time.Time {
	var metaDate, ldDate, timeDate, shownDate string
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 200 {
			return
		}
		if n.Type == html.ElementNode {
			if shownDate == "" && n.DataAtom != atom.Meta && datedBox(n) {
				if t := textOf(n); len(t) < 200 {
					if _, ok := findDate(t); ok {
						shownDate = t
					}
				}
			}
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				switch key {
				case "article:published_time", "datepublished", "date", "dc.date", "dcterms.date", "pubdate", "publishdate", "sailthru.date":
					if metaDate == "" {
						metaDate = attr(n, "content")
					}
				}
			case atom.Script:
				if m := jsonLDDate.FindStringSubmatch(textContent(n)); m != nil && ldDate == "" {
					ldDate = m[1]
				}
			case atom.Time:
				if timeDate == "" {
					timeDate = attr(n, "datetime")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	for _, s := range []string{metaDate, ldDate, timeDate, shownDate} {
		if s == "" {
			continue
		}
		// Templates print "0001-01-01T00:00:00Z" for an unset date.
		if t, ok := findDate(s); ok && t.Year() >= 1900 {
			return t
		}
	}
	return time.Time{}
}

// datedBox reports an element whose class says it shows the article's
// date or byline line ("USA TODAY Published 7:07 PM EST Nov 19, 2019"),
// outside sidebars and teasers.
func datedBox(n *html.Node) bool {
	if teaserBox(n) {
		return false
	}
	for _, w := range classWords(n) {
		switch w {
		case "date", "dateline", "timestamp", "published", "pubdate", "byline", "posted":
			return true
		}
	}
	return false
}

// textContent is the raw text under n (script bodies included).
func textContent(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// skipped elements carry no article text even outside readability's output.
var skipped = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Input: true, atom.Figcaption: true, atom.Svg: true, atom.Math: true, atom.Head: true,
	atom.Label: true, atom.Dialog: true, atom.Menu: true, atom.Title: true,
}

// blocks start a new paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Header: true, atom.Figure: true,
	atom.Hr: true, atom.Address: true, atom.Center: true, atom.Details: true, atom.Summary: true, atom.Body: true,
}

// blockText returns the text of n as paragraphs, one per block element;
// <br> becomes a line break inside a paragraph.
func blockText(n *html.Node) []string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			if inPre(n) {
				cur.WriteString(n.Data) // preformatted: its line breaks are the text's
			} else {
				cur.WriteString(collapseWS(n.Data))
			}
			return
		case html.ElementNode:
			if skipped[n.DataAtom] || dangerous[n.DataAtom] || hidden(n) || widget(n) {
				return
			}
			if n.DataAtom == atom.Br {
				cur.WriteString("\n")
				return
			}
		}
		isBlock := n.Type == html.ElementNode && blocks[n.DataAtom]
		if isBlock {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if isBlock {
			flush()
		}
	}
	walk(n, 0)
	flush()
	// Lines inside a paragraph are kept apart only where <br> put them.
	for i, p := range paras {
		var ls []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				ls = append(ls, l)
			}
		}
		paras[i] = strings.Join(ls, "\n")
	}
	return paras
}

// widget reports a block built around a form (newsletter sign-up, search,
// poll): a few words of prompt around inputs and buttons, not prose.
func widget(n *html.Node) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.Section && n.DataAtom != atom.Aside && n.DataAtom != atom.P {
		return false
	}
	controls, text := 0, 0
	var walk func(*html.Node, int)
	walk = func(c *html.Node, depth int) {
		if depth > 50 || text > 400 {
			return
		}
		switch {
		case c.Type == html.TextNode:
			text += len(strings.TrimSpace(c.Data))
		case c.Type == html.ElementNode && (c.DataAtom == atom.Form || c.DataAtom == atom.Input || c.DataAtom == atom.Button || c.DataAtom == atom.Select):
			controls++
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k, depth+1)
		}
	}
	walk(n, 0)
	return controls > 0 && text < 300
}

// pruneWidgets removes form-built blocks before readability sees the page:
// it drops the inputs but would keep the prompt ("Get our briefing").
func pruneWidgets(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && widget(c) {
			n.RemoveChild(c)
		} else {
			pruneWidgets(c)
		}
		c = next
	}
}

// inPre reports whether a text node stands inside <pre>.
func inPre(n *html.Node) bool {
	for p, k := n.Parent, 0; p != nil && k < 20; p, k = p.Parent, k+1 {
		if p.DataAtom == atom.Pre {
			return true
		}
	}
	return false
}

// hidden reports elements a browser would not show.
func hidden(n *html.Node) bool {
	if _, ok := attrOK(n, "hidden"); ok {
		return true
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// collapseWS squeezes HTML source whitespace (newlines, indentation) into
// single spaces, as a browser does.
func collapseWS(s string) string {
	if strings.TrimSpace(s) == "" {
		if s == "" {
			return ""
		}
		return " "
	}
	// Any space counts at the edges, as strings.Fields drops it: readability
	// turns the space before a link into U+00A0 ("has\u00a0<a>suffered").
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	lead, trail := unicode.IsSpace(first), unicode.IsSpace(last)
	out := strings.Join(strings.Fields(s), " ")
	if lead {
		out = " " + out
	}
	if trail {
		out += " "
	}
	return out
}

func findElem(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElem(c, a); f != nil {
			return f
		}
	}
	return nil
}

func findBody(root *html.Node) *html.Node {
	if b := findElem(root, atom.Body); b != nil {
		return b
	}
	return root
}

func firstHeading(root *html.Node) string {
	if h := findElem(root, atom.H1); h != nil {
		return textOf(h)
	}
	return ""
}

// textOf returns the visible text of n on one line.
func textOf(n *html.Node) string {
	return oneLine(strings.Join(blockText(n), " "))
}
