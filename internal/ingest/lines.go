package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

// Lines of page furniture recognised by their text, whatever the format
// they come in: a saved page, text copied from a browser, a PDF print of
// an article. They are whole lines, so a sentence that happens to start
// with the same words stays.

// pageLabelRe matches the labels of a page's controls and boxes: gallery
// counters and caption toggles, comment prompts, share prompts.
var pageLabelRe = regexp.MustCompile(`^(?i:` +
	// galleries
	`(?:image|photo|picture|slide)s?\s+\d+\s*(?:of|/)\s*\d+|\d+\s+of\s+\d+|caption|close|(?:hide|show|toggle) caption|` +
	`enlarge (?:this )?image|expand|(?:view|open|launch) (?:the )?(?:gallery|slideshow)|(?:previous|next)(?: image| slide)?|prev|` +
	`this slideshow requires javascript\.?|story continues below (?:gallery|advertisement|video)|` +
	// comments
	`(?:\d+\s+)?comments?(?:\s*\(\d+\))?|(?:show|view|read|load|hide) (?:all )?(?:\d+ )?comments?(?:\s*\(\d+\))?|` +
	`comments are closed\.?|leave a (?:comment|reply)|add (?:a|your) comment|post a comment|have your say|` +
	`join the (?:conversation|discussion|debate)|be the first to comment\.?|tell us what you think\W*|what do you think\?|` +
	`comments? (?:on|about) this (?:story|article)\W*|` +
	// sharing
	`share(?: this)?(?: story| article| post| page)?:?|share on (?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email)|` +
	`(?:like|enjoy(?:ed)?|love) this (?:story|article|post)\? share it.*|tweet|email|print|copy link|` +
	`facebook|twitter|linkedin|whatsapp|pinterest|reddit` +
	`)$`)

// pageLabel reports a line that is only the label of a page control.
func pageLabel(p string) bool {
	return len(p) < 100 && pageLabelRe.MatchString(strings.TrimSpace(p)) || cookieNotice(p)
}

// captionTailRe matches the credit that closes a caption: "(Image:
// GETTY)", "(Photo: Ana Ruiz/Reuters)", "(credit: NASA)".
var captionTailRe = regexp.MustCompile(`\((?i:images?|photos?|photograph|pictures?|pic|credit|foto|video)(?:\s+credit)?\s*(?::|by)\s*[^()]{1,80}\)\.?$`)

// photoCreditRe matches the photographer and agency that end a caption:
// "Kathrin Ziegler/Getty", "Ana Ruiz / Reuters", "J. Doe/AFP via Getty Images".
var photoCreditRe = regexp.MustCompile(`\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*){0,3}\s?/\s?(?:Getty Images|Getty|Reuters|AFP|AP|EPA|Shutterstock|iStock|Alamy|PA Images|PA Wire|PA|Bloomberg|Anadolu|NurPhoto|SOPA Images)(?:\s+via\s+[\p{L} ]{2,30})?\)?\.?$`)

// captionTail reports a short paragraph that ends with a photo credit, or
// opens with the photographer's copyright ("© John Brecher Needle ..."):
// a caption left in the text.
func captionTail(p string) bool {
	p = strings.TrimSpace(p)
	return len(p) < 300 && (captionTailRe.MatchString(p) || photoCreditRe.MatchString(p) || strings.HasPrefix(p, "©"))
}

// cookieRe matches a cookie or consent notice.
var cookieRe = regexp.MustCompile(`(?i)\b(?:(?:this|our) (?:web)?site uses cookies|we use cookies|uses? of cookies|by continuing to (?:use|browse)|accept (?:all )?cookies|cookie (?:policy|settings|preferences))\b`)

// cookieNotice reports a short paragraph that asks about cookies.
func cookieNotice(p string) bool {
	return len(p) < 500 && cookieRe.MatchString(p)
}

// urlLine matches a line that is only a web address.
var urlLine = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)

// junkLine reports a line with no words (a stray "/*" or "|" from a
// template) or only a web address: what a page prints around its story,
// never part of it.
func junkLine(p string) bool {
	p = strings.TrimSpace(p)
	if urlLine.MatchString(p) {
		return true
	}
	return strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
}

// headerLine takes p as part of the article's header when a byline or
// date line follows it closely: the top of a page holds a kicker or a
// standfirst above the byline, never the story itself. A standfirst is
// kept; a short label is dropped.
func (d *doc) headerLine(p string, next []string) bool {
	if len(p) > 300 || len(next) < 2 {
		return false
	}
	var probe doc
	meta := false
	for k := 0; k < 2 && k < len(next)-1; k++ {
		if probe.parseByline(next[k]) || probe.parseDate(next[k]) {
			meta = true
			break
		}
		if !junkLine(next[k]) && !pageLabel(next[k]) {
			break
		}
	}
	if !meta {
		return false
	}
	n := len(strings.Fields(p))
	switch {
	case d.standfirst == "" && n >= 6:
		d.standfirst = p
	case d.standfirst != "" && restates(p, d.standfirst):
		d.standfirst = p
	case n <= 12:
	default:
		return false
	}
	return true
}

// dateNote reports a line that only says when the article was published
// or changed ("Last modified on Wed 4 Mar 2026 10.20 GMT"), as pages print
// at its foot.
func dateNote(p string) bool {
	m := dateLeadRe.FindStringSubmatch(p)
	if m == nil || len(p) > 120 {
		return false
	}
	_, ok := findDate(m[1])
	return ok
}
