package actors

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefdesk/internal/nlp"
)

// This file fixes what the tagger gets wrong about names before they become
// cards: two names joined by "and" read as one, a name's type its head word
// gives away, unknown (often fictional) countries the text shows to be
// places, and datelines and wire credits that name no actor.

// entSpan returns e narrowed to tokens a..b of its sentence.
func entSpan(d *nlp.Doc, e nlp.Entity, a, b int, label string) nlp.Entity {
	toks := d.Sentences[e.Sentence].Tokens
	x := e
	x.First, x.Last, x.Label = a, b, label
	x.Start, x.End = toks[a].Start, toks[b].End
	x.Text = strings.TrimSpace(d.Body[x.Start:x.End])
	return x
}

// countWord counts the occurrences of name in body as a whole word:
// "Kestria" in "Kestria's" counts, in "Kestrian" it does not.
func countWord(body, name string) int {
	n := 0
	eachWord(body, name, func(s, e int) { n++ })
	return n
}

// countAlone counts the occurrences of name in body that stand alone: not
// inside a longer capitalised name ("Daily" in "Daily Mail" does not count,
// "Kestria" in "Kestria and Dravonia" does).
func countAlone(body, name string) int {
	n := 0
	eachWord(body, name, func(s, e int) {
		next := strings.Fields(body[e:])
		if len(next) > 0 && startsUpperWord(next[0]) {
			return // "Daily Mail"
		}
		prev := strings.Fields(body[:s])
		if len(prev) > 0 && startsUpperWord(prev[len(prev)-1]) && !leadWords[strings.ToLower(prev[len(prev)-1])] {
			return // "Sunday Telegraph" inside "The Sunday Telegraph" still counts, "Mail" in "Daily Mail" not
		}
		n++
	})
	return n
}

// eachWord calls f with the byte range [s, e) of every occurrence of name
// in body that is a whole word (no letter or digit either side).
func eachWord(body, name string, f func(s, e int)) {
	if name == "" {
		return
	}
	for i := 0; ; {
		k := strings.Index(body[i:], name)
		if k < 0 {
			return
		}
		s, e := i+k, i+k+len(name)
		i = e
		before, _ := utf8.DecodeLastRuneInString(body[:s])
		after, _ := utf8.DecodeRuneInString(body[e:])
		if !isWordRune(before) && !isWordRune(after) {
			f(s, e)
		}
	}
}

// leadWords are capitalised words that may stand before a name at the
// start of a sentence without being part of it.
var leadWords = set(`the|a|an|in|at|by|for|on|from|with|to|and|but|as|after|before|while|when|if|of`)

func startsUpperWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// splitCoordinated splits a mention the tagger took as one name across
// "and" ("Kestria and Dravonia") into its two names, when each part is a
// name on its own: it stands alone elsewhere in the article, is a known
// place, organisation or person, or both parts are single capitalised
// words. Single names with "and" stay whole: the listed ones ("Bosnia and
// Herzegovina", "Procter & Gamble"), structured ones ("Ministry of Trade and
// Industry"), and a unit the article repeats while never naming its parts
// alone.
func (x *extractor) splitCoordinated(d *nlp.Doc, ents []nlp.Entity) []nlp.Entity {
	out := make([]nlp.Entity, 0, len(ents))
	for _, e := range ents {
		left, right, ok := x.coordParts(d, e)
		if !ok {
			out = append(out, e)
			continue
		}
		out = append(out, left, right)
	}
	return out
}

// coordParts returns the two names of a coordinated mention, if it is one.
func (x *extractor) coordParts(d *nlp.Doc, e nlp.Entity) (nlp.Entity, nlp.Entity, bool) {
	toks := d.Sentences[e.Sentence].Tokens
	k := -1
	for i := e.First + 1; i < e.Last; i++ {
		if t := toks[i].Text; t == "and" || t == "&" {
			k = i
			break
		}
	}
	if k < 0 || nlp.IsAndName(e.Text) || nlp.IsAndName(strings.TrimPrefix(e.Text, "the ")) {
		return e, e, false
	}
	for i := e.First; i <= e.Last; i++ {
		if i != k && startsLower(toks[i].Text) {
			return e, e, false // "Ministry of Trade and Industry"
		}
	}
	left := entSpan(d, e, e.First, k-1, e.Label)
	right := entSpan(d, e, k+1, e.Last, e.Label)
	whole := countWord(d.Body, e.Text)
	lAlone := countAlone(d.Body, left.Text) > whole
	rAlone := countAlone(d.Body, right.Text) > whole
	if whole >= 2 && !lAlone && !rAlone {
		return e, e, false // a firm the article always names whole
	}
	// "Deloitte & Touche": an ampersand between two plain words joins a
	// firm's name far more often than two actors.
	single := k-1 == e.First && k+1 == e.Last && toks[k].Text == "and"
	if !(lAlone || x.knownName(left.Text)) || !(rAlone || x.knownName(right.Text)) {
		if !single || startsLower(left.Text) || startsLower(right.Text) {
			return e, e, false
		}
	}
	left.Label = partLabel(d, left)
	right.Label = partLabel(d, right)
	return left, right, true
}

// knownName reports whether a part of a coordination is a name in its own
// right: a listed place or organisation, a person by a known given name, or
// an actor of an earlier article of the briefing.
func (x *extractor) knownName(s string) bool {
	if _, ok := nlp.CountryOf(s); ok {
		return true
	}
	if _, ok := nlp.OrgKey(s); ok || nlp.KnownPlace(s) || nlp.KnownOrg(s) {
		return true
	}
	ws := strings.Fields(s)
	if len(ws) >= 2 && nlp.IsFirstName(ws[0]) {
		return true
	}
	low := strings.ToLower(s)
	for _, p := range []string{"per:", "org:", "loc:"} {
		if x.byKey[p+low] != nil {
			return true
		}
	}
	return false
}

// partLabel types one part of a split coordination: by the gazetteers, else
// by the label the tagger gave the part where it stands alone, else as the
// whole was typed.
func partLabel(d *nlp.Doc, p nlp.Entity) string {
	if _, ok := nlp.CountryOf(p.Text); ok || nlp.KnownPlace(p.Text) {
		return "LOC"
	}
	if _, ok := nlp.OrgKey(p.Text); ok || nlp.KnownOrg(p.Text) {
		return "ORG"
	}
	if ws := strings.Fields(p.Text); len(ws) >= 2 && nlp.IsFirstName(ws[0]) {
		return "PER"
	}
	votes := map[string]int{}
	for _, o := range d.Entities {
		if o.Text == p.Text {
			votes[o.Label]++
		}
	}
	best, bn := p.Label, 0
	for _, l := range []string{"LOC", "ORG", "PER", "MISC"} { // fixed order: ties go to places
		if votes[l] > bn {
			best, bn = l, votes[l]
		}
	}
	return best
}

// headLabel retypes a name by its head word ("Halvard Valley" is a place,
// "Northern Defence Compact" an organisation). People named with a known
// given name keep their type ("Michael Bay", "Joan Rivers").
func headLabel(e nlp.Entity) string {
	if e.Label == "MISC" {
		return e.Label
	}
	h := nlp.NameHead(e.Text)
	if h == "" {
		return e.Label
	}
	if ws := strings.Fields(e.Text); e.Label == "PER" && nlp.IsFirstName(ws[0]) {
		return e.Label
	}
	return h
}

// placeTalk are nouns that, after "X's", show X is a country or region:
// "Kestria's government", "Dravonia's irrigation water" does not count.
var placeTalk = set(`government|army|military|armed|navy|air|parliament|president|prime|foreign|defence|defense|interior|capital|border|borders|borderlands|territory|people|population|economy|leaders|leadership|troops|forces|soldiers|ambassador|embassy|envoy|delegation|national|cabinet|regime|opposition|south|north|east|west|southern|northern|eastern|western|coast|ports|cities|provinces|regions|ministry|minister|authorities|officials|citizens|president's|constitution|currency|central`)

// placeFrom are nouns that, before "from X", show X is a place: "troops
// from Kestria".
var placeFrom = set(`troops|soldiers|forces|refugees|migrants|delegates|delegation|diplomats|officials|envoys|ministers|exports|imports|shipments|grain|gas|oil|units|observers|people|families|civilians|visitors|fighters|militias`)

// placeScore weighs the article's evidence that an unknown single name is a
// country or region: its demonym ("Kestrian", "the Dravonian army"),
// "Kestria's government", "troops from Kestria", "in Kestria".
func placeScore(d *nlp.Doc, name string) int {
	if strings.Contains(name, " ") || utf8.RuneCountInString(name) < 4 {
		return 0
	}
	dems := demonymsOf(name)
	score, strong := 0, false
	for _, s := range d.Sentences {
		toks := s.Tokens
		for i, t := range toks {
			if dems[t.Text] {
				score, strong = score+2, true
				continue
			}
			if t.Text != name {
				continue
			}
			if i+2 < len(toks) && isPossessive(toks[i+1].Text) && placeTalk[strings.ToLower(toks[i+2].Text)] {
				score, strong = score+2, true
			}
			if i > 0 {
				switch strings.ToLower(toks[i-1].Text) {
				case "in", "inside", "throughout", "across":
					score++
				case "from":
					if i > 1 && placeFrom[strings.ToLower(toks[i-2].Text)] {
						score, strong = score+2, true
					}
				}
			}
		}
	}
	// "in X" alone is weak ("Flight into Danger"): ask for one strong
	// sign or three weak ones.
	if !strong && score < 3 {
		return 0
	}
	return score
}

// demonymsOf returns the nationality adjectives a country name may have:
// Kestria -> Kestrian, Valmora -> Valmoran, Corvan -> Corvanese.
func demonymsOf(name string) map[string]bool {
	out := map[string]bool{}
	for _, suf := range []string{"n", "an", "ian", "ese", "i", "ish"} {
		out[name+suf] = true
	}
	r, n := utf8.DecodeLastRuneInString(name)
	if strings.ContainsRune("aeiouy", r) {
		stem := name[:len(name)-n]
		for _, suf := range []string{"an", "ian", "ese", "i"} {
			out[stem+suf] = true
		}
	}
	delete(out, name) // "Rusedski" is no demonym of itself
	return out
}

// demonymBase returns the name, among names, whose demonym word is.
func demonymBase(word string, names []string) string {
	for _, n := range names {
		if demonymsOf(n)[word] {
			return n
		}
	}
	return ""
}

// dateline matches a wire dateline at the start of a paragraph: "GENEVA,
// November 24 (Northline Press) - ", "VELMORA, 14 March -", "GENEVA
// (Reuters) -", "KYIV, Ukraine (AP) —".
var dateline = regexp.MustCompile(`^\s*\p{Lu}[\p{Lu}\p{M}'’. -]*\p{Lu}(?:/\p{Lu}[\p{Lu} ]*)?(?:,[^\n()–—]{0,40}?)?\s*(?:\(([^()\n]{1,40})\))?\s*(?:-{1,2}|–|—)\s*`)

// datelineEnd returns the body offset where the dateline of sentence s
// ends, and the agency it credits; -1 when s opens with none.
func datelineEnd(s nlp.Sentence) (int, string) {
	m := dateline.FindStringSubmatchIndex(s.Text)
	if m == nil {
		return -1, ""
	}
	// The place must be a word in capitals, not a capitalised acronym
	// inside a sentence ("UN - the body ..."): ask for three letters.
	head := strings.TrimSpace(s.Text[:m[1]])
	letters := 0
	for _, r := range head {
		if unicode.IsUpper(r) {
			letters++
		} else if unicode.IsLower(r) {
			break
		}
	}
	if letters < 3 {
		return -1, ""
	}
	agency := ""
	if m[2] >= 0 {
		agency = strings.TrimSpace(s.Text[m[2]:m[3]])
	}
	return s.Start + m[1], agency
}

// isCredit reports whether an entity in parentheses names a news agency
// crediting the text ("(Reuters)", "(Northline Press)") rather than an
// acronym ("(IDO)").
func isCredit(d *nlp.Doc, e nlp.Entity) bool {
	before := strings.TrimRight(d.Body[:e.Start], " ")
	after := strings.TrimLeft(d.Body[e.End:], " ")
	if !strings.HasSuffix(before, "(") || !strings.HasPrefix(after, ")") {
		return false
	}
	if nlp.IsWire(e.Text) {
		return true
	}
	ws := strings.Fields(e.Text)
	switch ws[len(ws)-1] {
	case "Press", "Wire", "Newswire", "Dispatch":
		return true
	}
	return false
}

// datelines finds the dateline opening each sentence, if any, and marks
// the agency it credits as no actor. It returns, by sentence, the body
// offset where the dateline ends.
func (x *extractor) datelines(d *nlp.Doc) map[int]int {
	out := map[int]int{}
	for i, s := range d.Sentences {
		end, agency := datelineEnd(s)
		if end < 0 {
			continue
		}
		out[i] = end
		if agency != "" {
			x.excluded[strings.ToLower(agency)] = true
		}
	}
	return out
}

// placesByEvidence retypes as places the names no list knows that the
// article treats as countries or regions (see placeScore).
func (x *extractor) placesByEvidence(d *nlp.Doc, ents []nlp.Entity) {
	score := map[string]int{}
	surnames := map[string]bool{}
	for _, e := range ents {
		if ws := strings.Fields(e.Text); e.Label == "PER" && len(ws) > 1 {
			surnames[ws[len(ws)-1]] = true
		}
	}
	for i := range ents {
		e := &ents[i]
		if e.Label == "LOC" || e.Label == "MISC" || strings.Contains(e.Text, " ") || nlp.NameHead(e.Text) != "" || surnames[e.Text] {
			continue
		}
		if _, ok := nlp.CountryOf(e.Text); ok || nlp.KnownOrg(e.Text) || nlp.KnownPlace(e.Text) || isAcronym(e.Text) {
			continue
		}
		if _, ok := nlp.OrgKey(e.Text); ok {
			continue
		}
		n, ok := score[e.Text]
		if !ok {
			n = placeScore(d, e.Text)
			score[e.Text] = n
		}
		if n >= 2 {
			e.Label = "LOC"
		}
	}
	// A lone demonym of one of these places is an adjective, not an actor
	// ("Kestrian" tagged as a person); unknownDemonyms counts it for the
	// place.
	var places []string
	for _, e := range ents {
		if e.Label == "LOC" && !strings.Contains(e.Text, " ") {
			places = append(places, e.Text)
		}
	}
	for i := range ents {
		if e := &ents[i]; e.First == e.Last && e.Label != "LOC" && demonymBase(e.Text, places) != "" {
			e.Label = "MISC"
		}
	}
}

// docPlaces returns the one-word place names of a document, in order of
// first appearance.
func (x *extractor) docPlaces(doc int) []string {
	var out []string
	for _, c := range x.clusters {
		if !strings.HasPrefix(c.key, "loc:") || !c.hasDoc(doc) {
			continue
		}
		for _, f := range c.sortedForms() {
			if !strings.Contains(f, " ") {
				out = append(out, f)
			}
		}
	}
	return out
}

// sortedForms returns the cluster's proper forms in order of first
// appearance, so that nothing depends on map order.
func (c *cluster) sortedForms() []string {
	out := make([]string, 0, len(c.forms))
	for f := range c.forms {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return c.formAt[out[i]] < c.formAt[out[j]] })
	return out
}

// unknownDemonyms counts "Kestrian" and "the Dravonian army" for Kestria
// and Dravonia, countries no list knows, when the article names them.
func (x *extractor) unknownDemonyms(d *nlp.Doc, inQuote func(int) bool) {
	places := x.docPlaces(d.Index)
	if len(places) == 0 {
		return
	}
	for si, s := range d.Sentences {
		for i, t := range s.Tokens {
			// The tagger may call a lone demonym anything ("Kestrian/B-PER").
			if t.Label != "O" && !strings.HasPrefix(t.Label, "B-") {
				continue
			}
			if t.Label != "O" && i+1 < len(s.Tokens) && strings.HasPrefix(s.Tokens[i+1].Label, "I-") {
				continue
			}
			if _, ok := nlp.IsDemonym(t.Text); ok || startsLower(t.Text) {
				continue
			}
			base := demonymBase(t.Text, places)
			if base == "" {
				continue
			}
			c := x.byKey["loc:"+strings.ToLower(base)]
			if c == nil {
				continue
			}
			c.addAlias(t.Text)
			c.mentions = append(c.mentions, mention{doc: d.Index, sent: si, first: i, last: i, text: t.Text, inQuote: inQuote(t.Start)})
		}
	}
}

// joinAndNames rejoins single names with "and" the tagger cut in two
// ("Bosnia" + "Herzegovina", "Trinidad" + untagged "Tobago"), when the
// gazetteer lists the whole.
func joinAndNames(d *nlp.Doc, ents []nlp.Entity) []nlp.Entity {
	out := make([]nlp.Entity, 0, len(ents))
	for i := 0; i < len(ents); i++ {
		e := ents[i]
		toks := d.Sentences[e.Sentence].Tokens
		// Backwards: untagged "Procter" before "and Gamble".
		if a := e.First - 1; a >= 1 && (toks[a].Text == "and" || toks[a].Text == "&") {
			for k := 3; k >= 1; k-- {
				if a-k < 0 || (len(out) > 0 && out[len(out)-1].Sentence == e.Sentence && out[len(out)-1].Last >= a-k) {
					continue
				}
				if text := d.Body[toks[a-k].Start:e.End]; nlp.IsAndName(text) {
					e = entSpan(d, e, a-k, e.Last, andLabel(text))
					break
				}
			}
		}
		for k := 4; k >= 2; k-- {
			last := e.Last + k
			if last >= len(toks) {
				continue
			}
			if t := toks[e.Last+1].Text; t != "and" && t != "&" {
				break
			}
			text := d.Body[e.Start:toks[last].End]
			if !nlp.IsAndName(text) {
				continue
			}
			e = entSpan(d, e, e.First, last, andLabel(text))
			for i+1 < len(ents) && ents[i+1].Sentence == e.Sentence && ents[i+1].First <= last {
				i++ // swallowed: "Herzegovina"
			}
			break
		}
		out = append(out, e)
	}
	return out
}

// andPlaces are the places among the single names with "and".
const andPlaces = `|Bosnia and Herzegovina|Trinidad and Tobago|Antigua and Barbuda|Saint Kitts and Nevis|St Kitts and Nevis|Saint Vincent and the Grenadines|Sao Tome and Principe|Turks and Caicos|Turks and Caicos Islands|Heard and McDonald Islands|Wallis and Futuna|Saint Pierre and Miquelon|Svalbard and Jan Mayen|`

func andLabel(name string) string {
	if nlp.KnownPlace(name) || strings.Contains(andPlaces, "|"+name+"|") {
		return "LOC"
	}
	return "ORG"
}

// orgNouns and placeNouns are the common nouns that, next to a name, say
// what it names: "a group known as Grey Heron", "the national grid
// company, Valnet", "Velm, the battered valley town", "the port of Dastra".
var (
	orgNouns   = set(`group|company|firm|operator|agency|organisation|organization|militia|network|movement|coalition|party|faction|outfit|gang|consortium|insurer|bank|broker|carrier|airline|utility|contractor|manufacturer|maker|producer|exporter|importer|trader|house|foundation|charity|newspaper|broadcaster|body|watchdog|regulator|union|alliance|bloc|institute|think-tank|thinktank|startup|conglomerate|lender|fund|authority|ministry|council|committee|court|tribunal`)
	placeNouns = set(`town|city|village|port|capital|region|province|district|valley|river|island|strait|enclave|hamlet|settlement|county|country|nation|republic|kingdom|territory|suburb|neighbourhood|neighborhood|oblast|municipality|state|harbour|harbor|crossing|border|coast|peninsula|lake|sea|bay|mountain|mountains|desert`)
	namingVerb = set(`as|called|named|dubbed|styled`)
)

// nounType is "ORG" or "LOC" for a noun of orgNouns or placeNouns.
func nounType(w string) string {
	w = strings.ToLower(w)
	switch {
	case orgNouns[w]:
		return "ORG"
	case placeNouns[w]:
		return "LOC"
	}
	return ""
}

// describedType returns what the words around a mention say it names,
// and whether the words are explicit ("known as", "the port of") rather
// than a noun that happens to stand next to the name.
func describedType(toks []nlp.Token, first, last int) (string, bool) {
	at := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].Text
	}
	lowerNoun := func(i int) string {
		if w := at(i); w != "" && startsLower(w) {
			return nounType(w)
		}
		return ""
	}
	// "a group known as Grey Heron"
	if namingVerb[at(first-1)] {
		for i := first - 2; i >= 0 && i >= first-5; i-- {
			if t := lowerNoun(i); t != "" {
				return t, true
			}
		}
	}
	// "the port of Dastra", "the valley town of Velm"
	if at(first-1) == "of" {
		if t := lowerNoun(first - 2); t == "LOC" {
			return t, true
		}
	}
	// "the national grid company, Valnet", "the hacking group Grey Heron"
	if at(first-1) == "," {
		if t := lowerNoun(first - 2); t != "" {
			return t, false
		}
	} else if t := lowerNoun(first - 1); t != "" {
		return t, false
	}
	// "Velm, the battered valley town at the heart of the dispute"
	if at(last+1) == "," {
		switch strings.ToLower(at(last + 2)) {
		case "a", "an", "the":
			head := ""
			for i := last + 3; i < len(toks) && i <= last+8; i++ {
				w := toks[i].Text
				if isPossessive(w) {
					head = "" // "the council's executive director"
					continue
				}
				if strings.HasPrefix(toks[i].Tag, "VB") || toks[i].Tag == "MD" {
					// "At Gatwick, the company has written": a clause, not
					// an appositive.
					return "", false
				}
				if !startsLower(w) || !isWord(w) || toks[i].Tag == "IN" || toks[i].Tag == "WDT" || toks[i].Tag == "WP" {
					break
				}
				head = w
			}
			return nounType(head), false
		}
	}
	return "", false
}

// describedTypes retypes names by what the article says they are (see
// describedType); all mentions of a name follow the majority of its
// described mentions. Names the gazetteers know, and people named with a
// known given name, keep their type.
func describedTypes(d *nlp.Doc, ents []nlp.Entity) {
	votes := map[string]map[string]int{}
	for _, e := range ents {
		if e.Label == "MISC" {
			continue
		}
		t, strong := describedType(d.Sentences[e.Sentence].Tokens, e.First, e.Last)
		// A noun next to a full personal name is more often the end of
		// another phrase ("its coordinator for the region, Ayşe Demir").
		if t == "" || (!strong && e.Label == "PER" && e.Last > e.First) {
			continue
		}
		if votes[e.Text] == nil {
			votes[e.Text] = map[string]int{}
		}
		votes[e.Text][t]++
	}
	for i := range ents {
		e := &ents[i]
		v := votes[e.Text]
		if v == nil || e.Label == "MISC" || gazKnown(e.Text) {
			continue
		}
		if ws := strings.Fields(e.Text); e.Label == "PER" && len(ws) > 1 && nlp.IsFirstName(ws[0]) {
			continue
		}
		switch {
		case v["ORG"] > v["LOC"]:
			e.Label = "ORG"
		case v["LOC"] > v["ORG"]:
			e.Label = "LOC"
		}
	}
}

// gazKnown reports whether the gazetteers know name, whatever its type.
func gazKnown(name string) bool {
	if _, ok := nlp.CountryOf(name); ok {
		return true
	}
	if _, ok := nlp.OrgKey(name); ok {
		return true
	}
	return nlp.KnownPlace(name) || nlp.KnownOrg(name)
}
