package ingest

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A byline is a name or names: "Jane Doe", "Ann Berg and Tom Holt,
// Diplomatic Correspondent". Pages print more in the same element (the
// date, the time, a social handle, an e-mail address, the publication,
// "on Deadspin" under a teaser); all of that is cut away here, and a
// publication is never taken for a reporter, nor a reporter for the
// publication.

// bylineClass matches the class, rel or itemprop of byline elements.
var bylineClass = regexp.MustCompile(`(?i)\b(byline|author|writer|dateline-author)\b`)

// teaserWords name the boxes around an article that show other stories
// with their own bylines: sidebars, rails, teaser cards.
var teaserWords = map[string]bool{"sidebar": true, "rail": true, "teaser": true, "teasers": true, "widget": true,
	"recirc": true, "related": true, "recommended": true, "trending": true, "popular": true, "promo": true,
	"outbrain": true, "taboola": true, "comment": true, "comments": true}

// teaserBox reports an element whose class or id names such a box. The
// page's own wrappers are not boxes, whatever their class ("body
// one-sidebar"), nor is anything that holds the headline.
func teaserBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	for _, w := range classWords(n) {
		if teaserWords[w] {
			return findElem(n, atom.H1) == nil
		}
	}
	return false
}

// findByline returns the visible byline of the page, and the date printed
// in it if any: the first element marked as byline or author after the
// headline (or, failing that, the first anywhere), outside sidebars and
// teasers, whose text cleans up to names.
func findByline(root *html.Node) (string, time.Time) {
	var first, afterH1 string
	var firstDate, afterDate time.Time
	seenH1 := false
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if afterH1 != "" || depth > 200 {
			return
		}
		if n.Type == html.ElementNode {
			if skipped[n.DataAtom] || hidden(n) || classHidden(n) || teaserBox(n) {
				return
			}
			if n.DataAtom == atom.H1 {
				seenH1 = true
			}
			marks := attr(n, "class") + " " + attr(n, "rel") + " " + attr(n, "itemprop") + " " + attr(n, "id")
			if n.DataAtom != atom.Meta && n.DataAtom != atom.Link && bylineClass.MatchString(marks) {
				if b := authorNames(n); b != "" && len(b) <= 80 && len(strings.Fields(b)) <= 12 {
					// The date a byline swallows ("By Petra Lind Published
					// 2:16 AM EST Mar 11, 2026") is the article's.
					t, _ := findDate(textOf(n))
					if first == "" {
						first, firstDate = b, t
					}
					if seenH1 {
						afterH1, afterDate = b, t
					}
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	if afterH1 != "" {
		return afterH1, afterDate
	}
	return first, firstDate
}

// authorNames reads the names in a byline element. When it marks each
// author apart (a link with rel="author", an element whose class says
// author, itemprop="name"), only those are read, so that the section,
// share counts, profile links and publication printed beside them stay
// out; else its whole text is.
func authorNames(n *html.Node) string {
	names := markedNames(n, 0)
	seen := map[string]bool{}
	var uniq []string
	for _, b := range names {
		if !seen[strings.ToLower(b)] {
			seen[strings.ToLower(b)] = true
			uniq = append(uniq, b)
		}
	}
	switch len(uniq) {
	case 0:
		if hasMarked(n, 0) {
			return ""
		}
		return cleanByline(bylineText(n))
	case 1:
		// "Henrik Solberg, Diplomatic Correspondent": the role printed
		// after the one marked name stays with it.
		whole := cleanByline(bylineText(n))
		if rest, ok := strings.CutPrefix(whole, uniq[0]); ok && strings.HasPrefix(rest, ",") && roleLike(rest) {
			return whole
		}
		return uniq[0]
	}
	return strings.Join(uniq[:len(uniq)-1], ", ") + " and " + uniq[len(uniq)-1]
}

// authorMark reports an element marked as holding one author's name.
func authorMark(n *html.Node) bool {
	marks := attr(n, "class") + " " + attr(n, "itemprop")
	return bylineClass.MatchString(marks) || strings.EqualFold(attr(n, "rel"), "author") || strings.EqualFold(attr(n, "itemprop"), "name")
}

// hasMarked reports whether n holds an element marked as an author.
func hasMarked(n *html.Node, depth int) bool {
	for k := n.FirstChild; k != nil && depth < 50; k = k.NextSibling {
		if k.Type == html.ElementNode && (authorMark(k) || hasMarked(k, depth+1)) {
			return true
		}
	}
	return false
}

// markedNames lists the names of the author-marked elements under n,
// innermost first.
func markedNames(n *html.Node, depth int) []string {
	var names []string
	for k := n.FirstChild; k != nil && depth < 50; k = k.NextSibling {
		if k.Type != html.ElementNode || hidden(k) || classHidden(k) || k.DataAtom == atom.Time {
			continue
		}
		if !authorMark(k) {
			names = append(names, markedNames(k, depth+1)...)
			continue
		}
		if sub := markedNames(k, depth+1); len(sub) > 0 {
			names = append(names, sub...)
		} else if !hasMarked(k, depth+1) {
			if b := cleanByline(bylineText(k)); b != "" && !publicationLike(b) {
				names = append(names, b)
			}
		}
	}
	return names
}

// bylineText is the text of a byline element without the dates it holds
// (<time>, or an element whose class says date or time).
func bylineText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(c *html.Node, depth int) {
		if depth > 50 {
			return
		}
		switch c.Type {
		case html.TextNode:
			b.WriteString(collapseWS(c.Data))
			return
		case html.ElementNode:
			if c.DataAtom == atom.Time || dangerous[c.DataAtom] || hidden(c) || classHidden(c) {
				return
			}
			for _, w := range classWords(c) {
				if w == "date" || w == "time" || w == "timestamp" || w == "published" || w == "updated" {
					return
				}
			}
			if blocks[c.DataAtom] || c.DataAtom == atom.Br {
				b.WriteString(" ")
			}
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k, depth+1)
		}
	}
	walk(n, 0)
	return oneLine(b.String())
}

var (
	// bylinePrefix is the "By" before the names.
	bylinePrefix = regexp.MustCompile(`^(?i:(?:written|posted|words|story|text|reported|published|photos?) by|by)\b[:\s]*`)
	// bylineStop marks where the names end: a digit (dates, times,
	// phone numbers), a weekday, a month followed by a day, a handle,
	// or the words pages print after the names.
	bylineStop = regexp.MustCompile(`\d|@|(?i:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b(?:published|updated|posted|last updated|last modified|modified)\b)`)
	// emailWord is an e-mail address; the names stop before it.
	emailWord = regexp.MustCompile(`\s\S+@\S+\.\S+`)
	// onSite is the site a teaser's author writes for: "Tom Reyes on Ballpark".
	onSite = regexp.MustCompile(`\s+on\s+\p{Lu}[\p{L}\p{N}.&'’\- ]*$`)
	// bylineEndJunk is what is left hanging after the names were cut.
	bylineEndJunk = regexp.MustCompile(`(?i)(?:[\s,;:|·•\-–—(]+|\s+(?:on|at|and|de|the))+$`)
)

// cleanByline turns what a page prints as its byline ("By Jane Doe | 3
// min read", "Jeff Foust Monday, November 18, 2019", "Natasha
// Turak@NatashaTurak", "Monday November 18, 2019 7:45 am PST by Joe
// Rossignol") into the names, or "" when no names are left.
func cleanByline(s string) string {
	s = oneLine(s)
	// A date first, then "by" and the names.
	if k := strings.LastIndex(strings.ToLower(s), " by "); k >= 0 && bylineStop.MatchString(s[:k]) {
		s = s[k+4:]
	}
	if k := strings.IndexAny(s, "|·•"); k > 0 {
		s = s[:k]
	}
	s = bylinePrefix.ReplaceAllString(strings.TrimSpace(s), "")
	if loc := emailWord.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	if loc := bylineStop.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	s = onSite.ReplaceAllString(s, "")
	s = bylineEndJunk.ReplaceAllString(s, "")
	s = strings.TrimSpace(strings.TrimLeft(s, ",;:|-–— "))
	s = trimPublication(s, "")
	if s == "" || len(s) > 100 || !namesLike(s) || bylineLabels[strings.ToLower(s)] {
		return ""
	}
	return s
}

// bylineLabels are the links a byline box prints beside the names.
var bylineLabels = map[string]bool{"biography": true, "bio": true, "profile": true, "view profile": true, "contact": true,
	"follow": true, "more": true, "email": true, "author": true, "authors": true, "by": true, "more articles": true}

// publicationWords are words that name newspapers, agencies and
// broadcasters, not people.
var publicationWords = map[string]bool{"times": true, "post": true, "news": true, "herald": true, "dispatch": true,
	"journal": true, "tribune": true, "gazette": true, "daily": true, "press": true, "wire": true, "agency": true,
	"telegraph": true, "guardian": true, "observer": true, "chronicle": true, "courier": true, "express": true,
	"mail": true, "review": true, "standard": true, "star": true, "mirror": true, "monitor": true, "examiner": true,
	"inquirer": true, "register": true, "bulletin": true, "record": true, "ledger": true, "today": true,
	"weekly": true, "magazine": true, "network": true, "radio": true, "tv": true, "television": true,
	"broadcasting": true, "media": true, "online": true, "insider": true, "service": true, "bureau": true,
	"associated": true, "reuters": true, "afp": true, "bloomberg": true, "newswire": true, "staff": true}

// publicationLike reports a name that reads as a publication or agency:
// it has a publication word ("Harbourline Dispatch", "Florida Today"), is
// a known agency, an acronym ("BBC") or a domain ("Express.co.uk").
func publicationLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if _, ok := agencies[s]; ok {
		return true
	}
	ws := strings.Fields(s)
	if len(ws) == 1 && len(s) >= 2 && len(s) <= 6 && strings.ToUpper(s) == s && strings.IndexFunc(s, unicode.IsLetter) >= 0 {
		return true
	}
	if strings.Contains(s, ".") && !strings.Contains(s, " ") && strings.IndexFunc(s, unicode.IsLower) >= 0 {
		return true
	}
	for _, w := range ws {
		if publicationWords[strings.ToLower(strings.Trim(w, ".,"))] {
			return true
		}
	}
	return false
}

// trimPublication removes the publication a page prints after the names
// ("Tanza Loudenback, Business Insider", "Elliot Brownstein Florida
// Today", "LISA MASCARO and ERIC TUCKER Associated Press"): the part
// after the last comma when it reads as a publication, or the site's
// own name, or an agency's.
func trimPublication(s, site string) string {
	low := strings.ToLower(s)
	for _, name := range []string{site, "The Associated Press", "Associated Press", "Reuters", "AFP", "AP"} {
		n := strings.ToLower(name)
		if n != "" && len(low) > len(n)+3 && strings.HasSuffix(low, " "+n) {
			s = strings.TrimRight(strings.TrimSpace(s[:len(s)-len(n)]), " ,")
			low = strings.ToLower(s)
		}
	}
	// After the last comma: a publication, not more names or a role.
	if k := strings.LastIndex(s, ","); k > 0 {
		tail := s[k+1:]
		if publicationLike(tail) && !roleLike(tail) && !strings.Contains(tail, " and ") && !strings.Contains(tail, " & ") {
			s = strings.TrimSpace(s[:k])
		}
	}
	return strings.TrimRight(s, " ,")
}

// roleLike reports a job title after a byline's comma ("Diplomatic
// Correspondent", "Staff Writer"), which stays with the names.
func roleLike(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"correspondent", "editor", "writer", "reporter", "columnist", "critic", "contributor", "analyst", "producer", "chief", "staff writer"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// personLike reports two to four capitalised words with no publication
// word among them: how a reporter's name looks ("Jane Doe", "Ana de la
// Cruz").
func personLike(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 4 || publicationLike(s) {
		return false
	}
	for _, w := range ws {
		if nameParticles[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '’' && r != '-' }) >= 0 {
			return false
		}
	}
	return true
}
