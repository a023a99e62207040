package ingest

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefdesk/internal/domain"
)

// doc is an article as a parser sees it before provenance and hashes are
// added: metadata fields and body paragraphs.
type doc struct {
	title, standfirst, byline, dateline, credit, source string
	published                                           time.Time
	paras                                               []string
	format                                              domain.Format // set when the container holds another format (a saved web page in MHTML)
	original                                            []byte        // what to store instead of the input bytes (the page, without scripts)
	warnings                                            []string      // what the parser noticed about the source
}

// hints are metadata a container format states outright (an HTML <title>,
// a Word "Title" style, an e-mail Subject). They win over guesses from the
// text, and lines repeating them are removed from the body.
type hints struct {
	title, standfirst, byline, source string
	published                         time.Time
	dehyphenate                       bool // join "inter-\nnational" (PDF line ends)
	// keepLede says the standfirst was read from the page's structure, so
	// a body paragraph that resembles it is the lede, not a rewording.
	keepLede bool
}

// Patterns for metadata lines. They are anchored and bounded so that a body
// sentence that merely starts with "By" or "Photo" is not taken.
var (
	bylineRe   = regexp.MustCompile(`^(?i:(?:written |words |story |text )?by|authors?:)[:\s]\s*(\p{Lu}[\p{L}\p{M}.'’\- ]*(?:(?:,| and| &) *\p{Lu}?[\p{L}\p{M}.'’\- ]*)*)$`)
	dateLeadRe = regexp.MustCompile(`^(?i)(?:first published|last updated|last modified|published|updated|modified|posted|date)(?: on| at)?\s*[:|\-–—]?\s*(.*)$`)
	creditRe   = regexp.MustCompile(`^(?i)(?:credit|source)\s*[|:]\s*(.{1,80})$`)
	captionRe  = regexp.MustCompile(`^(?i)(?:\(?(?:photo|image|picture|photograph|caption|file photo|pictured)(?: credit)?\s*[:|]|\[(?:photo|image)[^\]]*\]$)`)
	reportRe   = regexp.MustCompile(`^(?:\(|--\s*|—\s*)(?i:(?:additional )?(?:reporting|writing|editing|compiled|reporting and writing) by)\s*([^)]*)\)?\.?$`)
	// "Reporting by A in Geneva; editing by B | Northline Press" closes a wire
	// copy without brackets; the names are checked before it is taken.
	bareReportRe = regexp.MustCompile(`^(?i:(?:additional )?(?:reporting|writing|reporting and writing) by)\s+([^|()]{3,250}?)\.?(?:\s*\|\s*([^|]{2,60}))?$`)
	inPlace      = regexp.MustCompile(` in \p{Lu}[\p{L}\p{M}.'’\-]*(?: \p{Lu}[\p{L}\p{M}.'’\-]*)*`) // "Ann Berg in Geneva"
	contribRe    = regexp.MustCompile(`^(?i:.{3,150} contributed (?:to )?(?:this )?(?:report|story|article)(?:ing)?\.?)$`)
	reportTail   = regexp.MustCompile(`\s*\((?i:(?:additional )?(?:reporting|writing) by)[^()]*\)\.?$`)
	// Web page furniture that survives extraction or copy and paste.
	furnitureRe = regexp.MustCompile(`^(?i:advertisement|supported by|story continues below|continue reading|share (?:this|on|via)|skip (?:to|advert)|image (?:source|caption|copyright)|media (?:caption|playback)|getty images$|related (?:topics|articles|stories|content|coverage)|more on this story|read more\b|also read|see also|follow (?:us|@)|sign up\b|subscribe (?:now|to)|click here|listen to this article|watch:|(?:\d+ )?min(?:ute)? read$|back to top$|most (?:read|popular|viewed|shared)$|(?:print|email|share) (?:this )?(?:article|story|page)$|we use cookies\b|(?:accept|reject|manage) (?:all|cookies|preferences)\b|(?:topics|tags|filed under):)`)
	// A correction or update note at the end is about the article, not part of it.
	noteRe    = regexp.MustCompile(`^(?i:(?:correction|clarification|editor'?s note)\s*[:\-–—]|this (?:article|story|report|piece) (?:was|has been) (?:amended|corrected|updated|edited|changed)\b)`)
	copyRe    = regexp.MustCompile(`^(?i:(?:©|\(c\)|copyright)\s.{0,150}|all rights reserved\.?)$`)
	bulletRe  = regexp.MustCompile(`^[•·▪●■◆►‣◦*\-–]\s*`)
	monthYear = regexp.MustCompile(`(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\b|\b\d{1,2}/\d{1,2}/\d{4}\b`)
)

// Datelines: "GENEVA, March 3 (Reuters) - ", "LONDON, England (CNN) -- ",
// "(CNN)", "WASHINGTON (AP) — ", "VELMORA, 14 March - ", "Kyiv, Ukraine – ",
// "RIO DE JANEIRO, 3 March 2026 (Reuters) —". datelineRe reads an optional
// head (place, optional region, optional date; or a date alone), then an
// agency in brackets, a separating dash or both; parseDateline decides
// whether what it read is a dateline.
var datelineRe = regexp.MustCompile(`^((?:` + dlPlace + `(?:,\s*` + dlPlace + `){0,2}(?:,?\s+` + dlDate + `)?|` + dlDate + `)?)` +
	`\s*(?:\((\p{Lu}[\p{L}&.\- ]{0,38}[\p{L}.])\)(` + dlSep + `)?|(` + dlSep + `))`)

const (
	// dlPlace is a place of up to four capitalised words, with the
	// particles of names such as "Rio de Janeiro" or "Dar es Salaam".
	dlPlace = `\p{Lu}[\p{L}\p{M}.'’\-]*(?:\s(?:(?:de|da|do|dos|das|del|della|di|du|des|la|le|les|el|al|es|of|upon|on|am|an|sur|en)\s)*\p{Lu}[\p{L}\p{M}.'’\-]*){0,3}`
	dlMonth = `(?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`
	dlDay   = `\d{1,2}(?:st|nd|rd|th)?`
	dlSep   = `\s*(?:--|—|–)\s*|\s+-\s+`
	dlWeek  = `(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	// dlDate is "March 3", "3 March", either with a year, a weekday before
	// them, or a weekday alone.
	dlDate = `(?:(?:` + dlWeek + `,?\s+)?(?:` + dlMonth + `\s+` + dlDay + `(?:,?\s+\d{4})?|` + dlDay + `\s+` + dlMonth + `(?:,?\s+\d{4})?)|` + dlWeek + `)`
)

// dlDateRe finds the date part of a dateline head.
var dlDateRe = regexp.MustCompile(`(?:,?\s+|^)` + dlDate + `$`)

// agencies maps what stands in a dateline's brackets to a publication name.
var agencies = map[string]string{
	"AP": "Associated Press", "AFP": "Agence France-Presse", "CNN": "CNN", "Reuters": "Reuters",
	"AA": "Anadolu Agency", "dpa": "dpa", "DPA": "dpa", "UPI": "UPI", "IANS": "IANS", "PTI": "PTI",
}

// structure splits normalised text into metadata and body paragraphs.
func structure(text string, h hints) *doc {
	d := &doc{title: cleanMeta(h.title), standfirst: cleanMeta(h.standfirst), byline: cleanMeta(h.byline),
		source: cleanMeta(h.source), published: h.published}
	paras := toParagraphs(text, h.dehyphenate)

	// Leading metadata: title, standfirst bullets, byline, date lines, in
	// whatever order they come, up to the first body paragraph.
	i := 0
	sawByline := false
lead:
	for ; i < len(paras) && i < 12; i++ {
		p := paras[i]
		switch {
		case d.title != "" && sameText(p, d.title):
		case d.standfirst != "" && sameText(p, d.standfirst):
		case d.standfirst != "" && !sawByline && !h.keepLede && i+1 < len(paras) && restates(p, d.standfirst):
			// The page's standfirst, worded a little differently from its
			// description: the visible one is what the reader saw. After
			// the byline it would be the lede, which descriptions echo.
			d.standfirst = p
		case d.parseByline(p):
			sawByline = true
		case d.parseDate(p):
		case d.parseCredit(p):
		case captionRe.MatchString(p) && len(p) < 300:
		case breadcrumb(p), furnitureRe.MatchString(p) && len(p) < 200:
		case bulletRe.MatchString(p) && isBullet(p) && len(p) < 400 && i+1 < len(paras):
			s := strings.TrimSpace(bulletRe.ReplaceAllString(p, ""))
			if d.standfirst == "" {
				d.standfirst = s
			} else {
				d.standfirst += " " + s
			}
		case d.title == "" && d.byline == "" && d.standfirst == "" && i+1 < len(paras) && titleLike(p):
			// A headline comes first, or after a date line at most.
			d.title = strings.TrimSpace(strings.TrimPrefix(strings.TrimLeft(p, "# "), "Title: "))
		case junkLine(p) || pageLabel(p):
		case d.headerLine(p, paras[i+1:]):
		default:
			break lead
		}
	}
	body := paras[i:]

	// Trailing metadata: credit, "(Reporting by ...)", copyright lines.
	for len(body) > 0 {
		p := body[len(body)-1]
		if m := reportRe.FindStringSubmatch(p); m != nil {
			if d.byline == "" {
				d.byline = reporters(m[1])
			}
		} else if m := bareReportRe.FindStringSubmatch(p); m != nil && namesLike(inPlace.ReplaceAllString(reporters(m[1]), "")) {
			if d.byline == "" {
				d.byline = reporters(m[1])
			}
			if src := strings.TrimSpace(m[2]); src != "" && d.credit == "" {
				d.credit = src
			}
		} else if !d.parseCredit(p) && !copyRe.MatchString(p) && !contribRe.MatchString(p) && !(captionRe.MatchString(p) && len(p) < 300) &&
			!(noteRe.MatchString(p) && len(p) < 400) && !breadcrumb(p) && !pageLabel(p) && !captionTail(p) && !junkLine(p) && !dateNote(p) {
			break
		}
		body = body[:len(body)-1]
	}
	if n := len(body); n > 0 {
		if m := reportTail.FindStringIndex(body[n-1]); m != nil && m[0] > 0 {
			tail := strings.TrimSpace(body[n-1][m[0]:])
			if sm := reportRe.FindStringSubmatch(tail); sm != nil && d.byline == "" {
				d.byline = reporters(sm[1])
			}
			body[n-1] = strings.TrimSpace(body[n-1][:m[0]])
		}
	}

	// Captions, credit lines and page furniture inside the body are
	// layout, not content.
	out := body[:0:0]
	for _, p := range body {
		if (captionRe.MatchString(p) && len(p) < 300) || creditRe.MatchString(p) || furnitureRe.MatchString(p) && len(p) < 200 || breadcrumb(p) ||
			pageLabel(p) || captionTail(p) {
			continue
		}
		out = append(out, p)
	}
	body = out

	if len(body) > 0 {
		body[0] = d.parseDateline(body[0])
		if body[0] == "" {
			body = body[1:]
		}
	}
	d.paras = body
	if d.title == "" {
		d.title = d.standfirst
	}
	if d.title == "" && len(body) > 0 {
		d.title = firstSentence(body[0])
	}
	if d.source == "" && d.credit != "" {
		d.source = d.credit
	}
	return d
}

// cleanMeta makes a metadata value from a container (an e-mail header, a
// document property) valid, normalised text on one line.
func cleanMeta(s string) string {
	if !utf8.ValidString(s) {
		s, _ = decode([]byte(s), "")
	}
	return oneLine(normalize(s))
}

// isBullet tells a bullet standfirst ("• NATO chief says ...") from a body
// line that starts with a dash used as a minus or an em dash quotation.
func isBullet(p string) bool {
	r, n := utf8.DecodeRuneInString(p)
	rest := p[n:]
	if r == '-' || r == '*' || r == '–' {
		return strings.HasPrefix(rest, " ")
	}
	return true
}

// crumbSep splits breadcrumb trails and section labels.
// Slashes, pipes and ">" count only between spaces: "Swindon/Notts Co" is a
// fixture list, not a trail.
var crumbSep = regexp.MustCompile(`\s*[›»→]\s*|\s+[>|/]\s+`)

// breadcrumb reports whether p is a navigation trail or section label such
// as "World › Halvard Valley" or "Home / News / Europe": a short line of two
// or more capitalised segments of a few words, with no sentence punctuation.
// Sentences that use the same characters ("52 / 48", "Kestria > Dravonia on
// every measure") fail on length, capitals or lower-case words.
func breadcrumb(p string) bool {
	if len(p) > 120 || strings.ContainsAny(p, ".!?\"“”:;") {
		return false
	}
	if !crumbSep.MatchString(p) {
		return false
	}
	segs := crumbSep.Split(strings.TrimSpace(p), -1)
	n := 0
	for _, s := range segs {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		ws := strings.Fields(s)
		r, _ := utf8.DecodeRuneInString(s)
		if len(ws) > 5 || !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		// Labels are capitalised ("Science and Technology", "Middle
		// East"); a phrase with several lower-case words is prose.
		lower := 0
		for _, w := range ws[1:] {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !nameParticles[w] && w != "the" && w != "for" {
				lower++
			}
		}
		if lower > 1 {
			return false
		}
		n++
	}
	return n >= 2
}

// restates reports whether paragraph p says what standfirst s says: most of
// p's words are in s and p is no longer than s and a half.
func restates(p, s string) bool {
	pw, sw := words(p), words(s)
	if len(pw) < 4 || len(pw) > len(sw)*3/2 {
		return false
	}
	in := make(map[string]bool, len(sw))
	for _, w := range sw {
		in[w] = true
	}
	n := 0
	for _, w := range pw {
		if in[w] {
			n++
		}
	}
	return n*10 >= len(pw)*8
}

// sameText compares two lines ignoring case, punctuation and spacing.
func sameText(a, b string) bool {
	return strings.Join(words(a), " ") == strings.Join(words(b), " ") && len(words(a)) > 0
}

func (d *doc) parseByline(p string) bool {
	if len(p) > 160 {
		return false
	}
	// "By Jane Doe | Published 3 March 2022" carries two fields.
	for _, sep := range []string{" | ", " · ", " • "} {
		if k := strings.Index(p, sep); k > 0 && bylineRe.MatchString(p[:k]) {
			d.parseByline(p[:k])
			if tail := strings.TrimSpace(p[k+len(sep):]); !d.parseDate(tail) {
				d.credit = tail
			}
			return true
		}
	}
	// "By Jane Doe Monday, March 9, 2026", "By Jane Doe @janedoe": the
	// names end where the date or handle starts.
	if loc := bylineStop.FindStringIndex(p); loc != nil && loc[0] > 3 && bylinePrefix.MatchString(p) {
		head := bylineEndJunk.ReplaceAllString(p[:loc[0]], "")
		var probe doc
		if probe.parseByline(head) {
			if d.byline == "" {
				d.byline = probe.byline
			}
			if t, ok := findDate(p[loc[0]:]); ok && d.published.IsZero() {
				d.published = t
			}
			return true
		}
	}
	m := bylineRe.FindStringSubmatch(p)
	if m == nil {
		return false
	}
	name := strings.TrimSpace(m[1])
	if n := len(strings.Fields(name)); n > 14 || n == 0 || !namesLike(name) {
		return false
	}
	if d.byline == "" {
		d.byline = trimPublication(name, d.source)
	}
	return true
}

// nameParticles may stand lower-case inside a name list.
var nameParticles = map[string]bool{"and": true, "&": true, "of": true, "de": true, "van": true, "von": true,
	"der": true, "den": true, "al": true, "bin": true, "la": true, "le": true, "du": true, "da": true, "y": true, "in": true}

// namesLike tells "Ann Berg and Tom Holt, diplomatic correspondent" from a
// sentence opening with "By": before the first comma every word is
// capitalised, apart from particles, and it does not end a sentence.
func namesLike(s string) bool {
	names, _, _ := strings.Cut(s, ",")
	ws := strings.Fields(names)
	if len(ws) == 0 || len(ws) > 8 {
		return false
	}
	for _, w := range ws {
		if nameParticles[w] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	if calendarWord[strings.ToLower(strings.Trim(ws[0], ".,"))] {
		return false // "By March, ..." opens a sentence
	}
	// A byline does not end a sentence; "Jr." and initials may end it.
	all := strings.Fields(s)
	last := strings.TrimSuffix(all[len(all)-1], ".")
	return !strings.HasSuffix(s, ".") || len(last) <= 2
}

var calendarWord = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"then": true, "now": true, "contrast": true, "comparison": true, "the": true, "then,": true}

// parseDate takes "Published: 3 March 2022", "Updated 10:32 GMT" or a line
// that is only a date.
func (d *doc) parseDate(p string) bool {
	if len(p) > 120 {
		return false
	}
	if m := dateLeadRe.FindStringSubmatch(p); m != nil {
		if t, ok := findDate(m[1]); ok && d.published.IsZero() {
			d.published = t
		}
		return len(strings.Fields(m[1])) <= 12
	}
	loc := monthYear.FindStringIndex(p)
	if loc == nil || len(strings.Fields(p)) > 9 {
		return false
	}
	// Only a date, perhaps with a weekday, time and zone around it.
	rest := p[:loc[0]] + p[loc[1]:]
	if strings.ContainsAny(rest, ".!?") && !strings.Contains(rest, ":") {
		return false
	}
	// "Harbourline Dispatch · 23 November 2026" names the publication;
	// "Jane Doe · 23 November 2026" the reporter, who is never the source.
	if name := strings.Trim(strings.TrimSpace(p[:loc[0]]), "·•|–—- "); name != "" &&
		strings.ContainsAny(p[:loc[0]], "·•|") && len(strings.Fields(name)) <= 5 && namesLike(name) &&
		!calendarWord[strings.ToLower(strings.Fields(name)[0])] && !dateLeadRe.MatchString(name) {
		switch {
		case publicationLike(name) && d.source == "":
			d.source = name
		case personLike(name) && d.byline == "":
			d.byline = name
		}
	}
	if t, ok := findDate(p); ok && d.published.IsZero() {
		d.published = t
	}
	return true
}

func (d *doc) parseCredit(p string) bool {
	m := creditRe.FindStringSubmatch(p)
	if m == nil {
		return false
	}
	if d.credit == "" {
		d.credit = strings.TrimSpace(m[1])
	}
	return true
}

// reporters turns "Jane Doe; Editing by John Roe" into "Jane Doe".
func reporters(s string) string {
	if k := strings.IndexByte(s, ';'); k >= 0 {
		s = s[:k]
	}
	return strings.TrimSpace(s)
}

// parseDateline splits a wire dateline off the first body paragraph and
// returns the rest. With an agency in brackets the head may be anything
// place-like; without one, a separating dash is required and the head must
// be an all-capitals place, carry a date, or name a region ("Kyiv,
// Ukraine"), so that "Geneva, the city of talks, ..." or "NATO — the
// alliance" stay sentences.
func (d *doc) parseDateline(p string) string {
	m := datelineRe.FindStringSubmatchIndex(p)
	if m == nil || m[1] == 0 {
		return p
	}
	head := strings.TrimSpace(p[m[2]:m[3]])
	hasAgency, hasSep := m[4] >= 0, m[8] >= 0
	rest := strings.TrimLeftFunc(p[m[1]:], unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(rest)
	if rest == "" || !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“‘'(", r) {
		return p
	}
	if hasAgency {
		agency := p[m[4]:m[5]]
		if !datelineAgency(agency) {
			return p
		}
		if d.dateline == "" {
			d.dateline = strings.TrimSpace(p[:m[5]+1])
		}
		if d.source == "" {
			d.source = agency
			if s, ok := agencies[agency]; ok {
				d.source = s
			}
		}
		return rest
	}
	if !hasSep || head == "" || len(rest) < 20 {
		return p
	}
	place := head
	hasDate := false
	if dm := dlDateRe.FindStringIndex(head); dm != nil {
		place, hasDate = strings.TrimSpace(head[:dm[0]]), true
	}
	if place == "" || !plainDateline(place, hasDate) {
		return p
	}
	if d.dateline == "" {
		d.dateline = head
	}
	return rest
}

// plainDateline accepts the place of a dateline that has no agency.
func plainDateline(place string, hasDate bool) bool {
	city, region, hasRegion := strings.Cut(place, ",")
	low := strings.ToLower(place)
	first := strings.ToLower(strings.Fields(city)[0])
	if notDateline[low] || notDateline[strings.ToLower(city)] || notDateline[first] || calendarWord[first] ||
		strings.Contains(low, "'s ") || strings.HasSuffix(low, "'s") || strings.Contains(low, "’s") {
		return false
	}
	if hasDate || strings.ToUpper(city) == city {
		return true
	}
	// Title case without a date: "Kyiv, Ukraine" or a single word.
	if hasRegion {
		return len(strings.Fields(city)) <= 3 && len(strings.Fields(region)) <= 2
	}
	return len(strings.Fields(city)) == 1
}

// datelineAgency accepts a bracket that names a news organisation ("CNN",
// "Reuters", "The Hollywood Reporter") and refuses ordinary brackets that
// happen to open a paragraph.
func datelineAgency(s string) bool {
	if _, ok := agencies[s]; ok {
		return true
	}
	if notDateline[strings.ToLower(s)] {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && w != "of" && w != "the" && w != "and" && w != "&" {
			return false
		}
	}
	return true
}

// notDateline are labels that open a paragraph in brackets or capitals the
// way a dateline does, but are not places or agencies.
var notDateline = map[string]bool{"update": true, "updated": true, "photo": true, "photos": true, "video": true,
	"watch": true, "audio": true, "listen": true, "correction": true, "corrected": true, "analysis": true,
	"opinion": true, "editorial": true, "exclusive": true, "breaking": true, "breaking news": true, "live": true,
	"sponsored": true, "advertisement": true, "ad": true, "comment": true, "review": true, "interview": true,
	"explainer": true, "factbox": true, "graphic": true, "graphics": true, "insight": true, "column": true,
	"urgent": true, "flash": true, "wrapup": true, "refile": true, "repeat": true, "nato": true, "un": true, "eu": true,
	"background": true, "context": true, "overview": true, "summary": true, "timeline": true, "profile": true,
	"reaction": true, "latest": true, "preview": true, "recap": true, "fact check": true, "q&a": true, "note": true,
	"developing": true, "developing story": true, "just in": true, "newsletter": true, "podcast": true}

// titleLike reports whether a first line reads as a headline rather than
// the opening paragraph.
func titleLike(p string) bool {
	p = strings.TrimSpace(strings.TrimLeft(p, "#"))
	n := len(strings.Fields(p))
	if n == 0 || n > 25 || utf8.RuneCountInString(p) > 200 {
		return false
	}
	if strings.HasSuffix(p, ".") && n > 3 && !strings.HasSuffix(p, "...") {
		return false
	}
	return true
}

// firstSentence derives a title from an opening paragraph: its first
// sentence, cut at a word boundary when long.
func firstSentence(p string) string {
	end := len(p)
	for i, r := range p {
		if i < 20 || (r != '.' && r != '!' && r != '?') {
			continue
		}
		j := i + 1
		for j < len(p) && strings.ContainsRune("\"”’')", rune(p[j])) {
			j++
		}
		if j < len(p) && p[j] == ' ' {
			prev := p[max(0, strings.LastIndexByte(p[:i], ' ')+1):i]
			if r == '.' && (len(prev) <= 2 && prev != "" && unicode.IsUpper(rune(prev[0])) || abbrev[strings.ToLower(prev)]) {
				continue
			}
			end = j
			break
		}
	}
	s := strings.TrimSpace(p[:end])
	if utf8.RuneCountInString(s) > 150 {
		rs := []rune(s)[:150]
		s = string(rs)
		if k := strings.LastIndexByte(s, ' '); k > 60 {
			s = s[:k]
		}
		s = strings.TrimRight(s, ",;:–— ") + "…"
	}
	return s
}

var abbrev = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "rep": true, "sen": true, "gov": true, "prof": true, "jan": true, "feb": true, "aug": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "corp": true, "co": true, "no": true, "vs": true}

// toParagraphs splits text into paragraphs. Blank lines always separate
// paragraphs. Inside a block, hard-wrapped lines (an editor's or e-mail
// client's fixed width) are re-flowed; other lines, as in files with one
// sentence or paragraph per line, each stay a paragraph.
func toParagraphs(text string, dehyphenate bool) []string {
	var blocks [][]string
	var cur []string
	for _, l := range strings.Split(text, "\n") {
		if l == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	width, wrapped := wrapWidth(blocks)
	var paras []string
	for _, b := range blocks {
		if len(b) == 1 || !wrapped {
			paras = append(paras, b...)
			continue
		}
		paras = append(paras, reflow(b, width, dehyphenate)...)
	}
	return paras
}

// wrapWidth estimates the width text was hard-wrapped at and whether it
// was: most non-final lines of multi-line blocks come close to that width
// and end in mid-sentence.
func wrapWidth(blocks [][]string) (int, bool) {
	var lens []int
	for _, b := range blocks {
		for _, l := range b {
			lens = append(lens, utf8.RuneCountInString(l))
		}
	}
	if len(lens) < 3 {
		return 0, false
	}
	sort.Ints(lens)
	w := lens[len(lens)*95/100]
	if w < 25 || w > 140 {
		return w, false
	}
	var inner, full, open int
	for _, b := range blocks {
		for i := 0; i+1 < len(b); i++ {
			inner++
			n := utf8.RuneCountInString(b[i])
			if fits(n, b[i+1], w) {
				continue
			}
			full++
			if !endsSentence(b[i]) {
				open++
			}
		}
	}
	return w, inner >= 2 && full*2 >= inner && open*3 >= full
}

// fits reports whether the first word of next would have fitted on a line
// of n runes wrapped at width w: if so, the line break was deliberate.
func fits(n int, next string, w int) bool {
	first := next
	if k := strings.IndexByte(next, ' '); k >= 0 {
		first = next[:k]
	}
	return n+1+utf8.RuneCountInString(first) <= w-2
}

func endsSentence(l string) bool {
	l = strings.TrimRight(l, "\"”’')]")
	return strings.HasSuffix(l, ".") || strings.HasSuffix(l, "!") || strings.HasSuffix(l, "?") || strings.HasSuffix(l, ":")
}

// reflow joins the hard-wrapped lines of a block, starting a new paragraph
// after a line that ends a sentence well short of the wrap width.
func reflow(lines []string, w int, dehyphenate bool) []string {
	var out []string
	var b strings.Builder
	for i, l := range lines {
		if b.Len() > 0 {
			prev := b.String()
			if strings.HasSuffix(prev, "-") && len(prev) > 1 && unicode.IsLetter(rune(prev[len(prev)-2])) && startsLower(l) {
				if dehyphenate {
					b.Reset()
					b.WriteString(prev[:len(prev)-1])
				}
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
		last := i+1 == len(lines)
		if last || metaLine(l) || metaLine(lines[i+1]) || i == 0 && titleLike(l) && fits(utf8.RuneCountInString(l), lines[i+1], w) ||
			(fits(utf8.RuneCountInString(l), lines[i+1], w) && endsSentence(l)) || bulletRe.MatchString(lines[i+1]) && isBullet(lines[i+1]) {
			out = append(out, b.String())
			b.Reset()
		}
	}
	return out
}

// metaLine reports lines that stand alone even in hard-wrapped text:
// bylines, date lines, credits and captions.
func metaLine(l string) bool {
	if len(l) > 160 {
		return false
	}
	var d doc
	return d.parseByline(l) || dateLeadRe.MatchString(l) || creditRe.MatchString(l) || captionRe.MatchString(l)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
