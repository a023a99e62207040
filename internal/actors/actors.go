// Package actors turns entity mentions into key-actor cards (people,
// organisations, places with roles, aliases and quotes) and finds the key
// numbers and dates of a story.
package actors

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// mention is one place an actor is named or referred to.
type mention struct {
	doc, sent   int
	first, last int // token indexes within the sentence, inclusive
	text        string
	proper      bool // a name, not a pronoun or a description
	inQuote     bool
}

// cluster gathers the mentions of one real actor across a briefing.
type cluster struct {
	typ      domain.ActorType
	key      string
	forms    map[string]int // proper surface forms and how often they occur
	formAt   map[string]int // order of first appearance of each form
	aliases  []string       // descriptive and demonym forms, in order of appearance
	mentions []mention
	role     string
	roleRank int // lower is better: 1 title before the name, 2 appositive, 3 description
	quotes   []domain.Quote
	subject  []domain.SentenceRef // sentences where the actor, named, is the subject
	// sentences where a pronoun for the actor is the subject
	pronSubject []domain.SentenceRef
	order       int
	votes       map[string]int // entity labels the tagger gave the names
	// titled is set when a name tagged as a place carries a person's title
	// ("Ajay Banga, president of the World Bank,"): the title outweighs the
	// tagger.
	titled bool
}

// vote records the tagger's label for one proper mention. A card's type is
// the majority label, unless a gazetteer fixed it (countries, known
// organisations).
func (c *cluster) vote(label string) {
	if c.votes == nil {
		c.votes = map[string]int{}
	}
	c.votes[label]++
}

// finalType settles the card's type from the votes.
func (c *cluster) finalType() domain.ActorType {
	if c.titled {
		return domain.Person
	}
	k := strings.TrimPrefix(strings.TrimPrefix(c.key, "org:"), "loc:")
	if _, ok := nlp.CountryOf(k); ok && strings.HasPrefix(c.key, "loc:") {
		return domain.Place
	}
	if _, ok := nlp.OrgKey(k); ok && strings.HasPrefix(c.key, "org:") {
		return domain.Organization
	}
	if nlp.KnownPlace(c.name()) {
		return domain.Place
	}
	if nlp.KnownOrg(c.name()) {
		return domain.Organization
	}
	// An unknown acronym that is not a country ("UNRWA", "OCHA") names an
	// organisation, whatever the tagger guessed.
	if n := c.name(); isAcronym(n) && len(n) >= 4 && len(n) <= 6 && !strings.Contains(n, ".") {
		if _, ok := nlp.CountryOf(n); !ok && !nlp.KnownPlace(n) {
			return domain.Organization
		}
	}
	types := map[string]domain.ActorType{"PER": domain.Person, "ORG": domain.Organization, "LOC": domain.Place}
	best, bn := c.typ, 0
	for _, l := range []string{"PER", "ORG", "LOC"} {
		if n := c.votes[l]; n > bn {
			best, bn = types[l], n
		}
	}
	if n := c.votes[typeLabel(c.typ)]; n == bn {
		return c.typ
	}
	return best
}

func typeLabel(t domain.ActorType) string {
	switch t {
	case domain.Person:
		return "PER"
	case domain.Organization:
		return "ORG"
	}
	return "LOC"
}

func (c *cluster) addForm(f string) {
	if c.forms == nil {
		c.forms, c.formAt = map[string]int{}, map[string]int{}
	}
	if _, ok := c.formAt[f]; !ok {
		c.formAt[f] = len(c.formAt)
	}
	c.forms[f]++
}

func (c *cluster) addAlias(a string) {
	for _, x := range c.aliases {
		if strings.EqualFold(x, a) {
			return
		}
	}
	c.aliases = append(c.aliases, a)
}

func (c *cluster) setRole(r string, rank int) {
	r = strings.TrimSpace(r)
	if len(r) > 4 && strings.EqualFold(r[:4], "the ") {
		r = r[4:]
	}
	if r == "" {
		return
	}
	if c.role == "" || rank < c.roleRank {
		c.role, c.roleRank = r, rank
	}
}

// name is the canonical name: for people and organisations the longest
// proper form ("Jens Stoltenberg" over "Stoltenberg"), for places the most
// used one ("Russia" over "Moscow").
func (c *cluster) name() string {
	best, bn := "", -1
	for f, n := range c.forms {
		score := n
		if c.typ != domain.Place {
			score = len(strings.Fields(f))*1000 + len(f)
		} else if _, dem := nlp.IsDemonym(f); dem {
			score = -1
		} else if _, cap := nlp.IsCapital(f); !cap {
			score += 1000 // the country, not its capital standing for it
		}
		if score > bn || (score == bn && c.formAt[f] < c.formAt[best]) {
			best, bn = f, score
		}
	}
	return best
}

// extractor holds the state of one Extract call.
type extractor struct {
	docs     []*nlp.Doc
	clusters []*cluster
	byKey    map[string]*cluster
	excluded map[string]bool // lowercased names of bylines and credits
}

// Extract builds the actor cards and key facts of a briefing's articles. sum,
// when not nil, lets presence in the summary raise an actor's salience.
func Extract(docs []*nlp.Doc, sum *domain.Summary) ([]domain.Actor, []domain.Fact) {
	x := &extractor{docs: docs, byKey: map[string]*cluster{}, excluded: map[string]bool{}}
	var facts []domain.Fact
	for _, d := range docs {
		x.doc(d)
		facts = append(facts, Facts(d)...)
	}
	return x.cards(sum), facts
}

// doc adds one article's mentions, roles and quotes.
func (x *extractor) doc(d *nlp.Doc) {
	skip := x.bylines(d)
	quotes := findQuotes(d.Body)
	inQuote := func(off int) bool {
		for _, q := range quotes {
			if off >= q.start && off < q.end {
				return true
			}
		}
		return false
	}
	dateEnd := x.datelines(d)
	ents := make([]nlp.Entity, 0, len(d.Entities))
	for _, e := range x.splitCoordinated(d, joinAndNames(d, tidy(d))) {
		if skip[e.Sentence] || x.excluded[strings.ToLower(e.Text)] || junk(e.Text) || nlp.KnownEvent(e.Text) {
			continue
		}
		if end, ok := dateEnd[e.Sentence]; ok && e.Start < end {
			continue // "GENEVA, November 24 (Northline Press) -"
		}
		if isCredit(d, e) {
			x.excluded[strings.ToLower(e.Text)] = true
			continue
		}
		e.Label = headLabel(e)
		ents = append(ents, e)
	}
	describedTypes(d, ents)
	x.placesByEvidence(d, ents)
	// People first, full names before single words, so that "Stoltenberg"
	// finds "Jens Stoltenberg" wherever the full name comes in the article.
	sort.SliceStable(ents, func(i, j int) bool {
		return rankEnt(ents[i]) < rankEnt(ents[j])
	})
	capGov := governmentCapitals(d, ents)
	var demonyms []nlp.Entity
	for _, e := range ents {
		text := stripHonorific(e.Text)
		m := mention{doc: d.Index, sent: e.Sentence, first: e.First, last: e.Last, text: text, proper: true, inQuote: inQuote(e.Start)}
		var c *cluster
		switch e.Label {
		case "PER":
			if x.excluded[strings.ToLower(text)] || x.excludedSurname(text) {
				continue
			}
			c = x.person(text, d.Index)
		case "ORG":
			if p := x.surnameMatch(text, d.Index); p != nil {
				c = p
				break
			}
			c = x.org(text)
		case "LOC":
			if p := x.surnameMatch(text, d.Index); p != nil {
				c = p
				break
			}
			c = x.place(text, capGov)
		case "MISC":
			if _, ok := nlp.IsDemonym(text); ok {
				demonyms = append(demonyms, e)
			}
			if k, ok := nlp.OrgKey(text); ok {
				c = x.get("org:"+strings.ToLower(k), domain.Organization)
			}
		}
		if c == nil {
			continue
		}
		c.addForm(text)
		c.vote(e.Label)
		c.mentions = append(c.mentions, m)
	}
	// A nationality adjective counts for its country when the article
	// names the country itself ("Russian forces" -> Russia).
	for _, e := range demonyms {
		country, _ := nlp.IsDemonym(e.Text)
		c := x.byKey["loc:"+strings.ToLower(country)]
		if c == nil || !c.hasDoc(d.Index) {
			continue
		}
		c.addAlias(e.Text)
		c.mentions = append(c.mentions, mention{doc: d.Index, sent: e.Sentence, first: e.First, last: e.Last, text: e.Text, inQuote: inQuote(e.Start)})
	}
	x.unknownDemonyms(d, inQuote)
	x.mergeAcronyms(d.Index)
	x.mergeParts(d.Index)
	x.mergeDescribed(d.Index)
	x.orgDescriptions(d, inQuote)
	x.roles(d)
	x.attribute(d, quotes, skip)
}

// rankEnt orders entities for clustering: full personal names, then single
// personal names, then the rest, in text order within each group.
func rankEnt(e nlp.Entity) int {
	switch {
	case e.Label == "PER" && e.Last > e.First:
		return 0
	case e.Label == "PER":
		return 1
	}
	return 2
}

func (c *cluster) hasDoc(doc int) bool {
	for _, m := range c.mentions {
		if m.doc == doc {
			return true
		}
	}
	return false
}

func (x *extractor) get(key string, typ domain.ActorType) *cluster {
	if c := x.byKey[key]; c != nil {
		return c
	}
	c := &cluster{typ: typ, key: key, order: len(x.clusters)}
	x.byKey[key] = c
	x.clusters = append(x.clusters, c)
	return c
}

// person finds or makes the cluster of a personal name. A single word
// joins the person whose surname (or given name) it is, preferring people
// of the same article.
func (x *extractor) person(name string, doc int) *cluster {
	words := strings.Fields(name)
	if len(words) == 1 {
		if c := x.surnameMatch(name, doc); c != nil {
			return c
		}
	}
	return x.get("per:"+strings.ToLower(name), domain.Person)
}

// surnameMatch returns the person one word names, if any.
func (x *extractor) surnameMatch(word string, doc int) *cluster {
	if strings.Contains(word, " ") {
		return nil
	}
	var best *cluster
	bestScore := 0
	for _, c := range x.clusters {
		if c.typ != domain.Person {
			continue
		}
		for f := range c.forms {
			ws := strings.Fields(f)
			if len(ws) < 2 {
				continue
			}
			score := 0
			if strings.EqualFold(ws[len(ws)-1], word) {
				score = 3
			} else if strings.EqualFold(ws[0], word) {
				score = 1
			}
			if score > 0 && c.hasDoc(doc) {
				score += 4
			}
			if score > bestScore {
				best, bestScore = c, score
			}
		}
	}
	return best
}

func (x *extractor) excludedSurname(name string) bool {
	for ex := range x.excluded {
		ws := strings.Fields(ex)
		if len(ws) > 1 && strings.EqualFold(ws[len(ws)-1], name) {
			return true
		}
	}
	return false
}

func (x *extractor) org(name string) *cluster {
	if k, ok := nlp.OrgKey(name); ok {
		return x.get("org:"+strings.ToLower(k), domain.Organization)
	}
	// "NATO-Russia Council" keeps its own card, but a country named as an
	// organisation ("Russia" tagged ORG in a sports story) is still Russia.
	if c, ok := nlp.CountryOf(name); ok {
		if _, dem := nlp.IsDemonym(name); !dem {
			return x.get("loc:"+strings.ToLower(c), domain.Place)
		}
	}
	return x.get("org:"+strings.ToLower(name), domain.Organization)
}

func (x *extractor) place(name string, capGov map[string]bool) *cluster {
	if k, ok := nlp.OrgKey(name); ok {
		return x.get("org:"+strings.ToLower(k), domain.Organization) // "White House", "Kremlin"
	}
	if country, ok := nlp.IsCapital(name); ok && capGov[strings.ToLower(name)] {
		// "Brussels has raised concerns" speaks for the EU executive when
		// the article is about it, not for Belgium.
		if strings.EqualFold(name, "Brussels") {
			for _, k := range []string{"org:european commission", "org:eu"} {
				if c := x.byKey[k]; c != nil && x.live(c) {
					return c
				}
			}
		}
		return x.get("loc:"+strings.ToLower(country), domain.Place)
	}
	if c, ok := nlp.CountryOf(name); ok {
		if _, cap := nlp.IsCapital(name); !cap {
			return x.get("loc:"+strings.ToLower(c), domain.Place)
		}
	}
	return x.get("loc:"+strings.ToLower(name), domain.Place)
}

// governmentCapitals finds capitals the article uses for their government:
// "Moscow has denied", "Beijing said", "Washington's sanctions". Only
// then do their mentions join the country's card.
func governmentCapitals(d *nlp.Doc, ents []nlp.Entity) map[string]bool {
	out := map[string]bool{}
	for _, e := range ents {
		country, ok := nlp.IsCapital(e.Text)
		if !ok || country == "" {
			continue
		}
		toks := d.Sentences[e.Sentence].Tokens
		if e.Last+1 >= len(toks) {
			continue
		}
		next := toks[e.Last+1]
		if strings.HasPrefix(next.Tag, "VB") || next.Tag == "MD" || isPossessive(next.Text) {
			out[strings.ToLower(e.Text)] = true
		}
		// "pressure on Moscow", "called on Beijing", "urged Washington":
		// the capital is acted on as a government, not visited.
		if e.First > 0 {
			switch strings.ToLower(toks[e.First-1].Text) {
			case "on", "urged", "pressed", "warned", "accused", "against", "with", "told":
				out[strings.ToLower(e.Text)] = true
			}
		}
	}
	return out
}

func isPossessive(t string) bool { return t == "'s" || t == "\u2019s" }

// mergeAcronyms joins an all-capitals organisation name with the
// organisation of the same article whose initials it spells ("ECOWAS",
// "Economic Community of West African States").
func (x *extractor) mergeAcronyms(doc int) {
	// Work on a copy: absorb drops clusters from x.clusters.
next:
	for _, a := range append([]*cluster(nil), x.clusters...) {
		if a.typ != domain.Organization || !a.hasDoc(doc) || !x.live(a) {
			continue
		}
		for _, f := range a.sortedForms() {
			if !isAcronym(f) {
				continue
			}
			for _, b := range x.clusters {
				if b == a || b.typ != domain.Organization || !b.hasDoc(doc) {
					continue
				}
				for _, g := range b.sortedForms() {
					if initials(g) == strings.ReplaceAll(f, ".", "") {
						x.absorb(b, a)
						continue next
					}
				}
			}
		}
	}
}

// live reports whether c is still a cluster of the briefing, not one
// absorbed into another.
func (x *extractor) live(c *cluster) bool {
	for _, o := range x.clusters {
		if o == c {
			return true
		}
	}
	return false
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) || unicode.IsSpace(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "on", "in", "&":
			continue
		}
		r := []rune(w)[0]
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// absorb moves everything of b into a and drops b.
func (x *extractor) absorb(a, b *cluster) {
	if a == b {
		return
	}
	for _, f := range b.sortedForms() {
		a.addForm(f)
		a.forms[f] += b.forms[f] - 1
	}
	for l, n := range b.votes {
		if a.votes == nil {
			a.votes = map[string]int{}
		}
		a.votes[l] += n
	}
	for _, al := range b.aliases {
		a.addAlias(al)
	}
	a.mentions = append(a.mentions, b.mentions...)
	a.quotes = append(a.quotes, b.quotes...)
	a.subject = append(a.subject, b.subject...)
	a.pronSubject = append(a.pronSubject, b.pronSubject...)
	if b.role != "" {
		a.setRole(b.role, b.roleRank)
	}
	for k, c := range x.byKey {
		if c == b {
			x.byKey[k] = a
		}
	}
	for i, c := range x.clusters {
		if c == b {
			x.clusters = append(x.clusters[:i], x.clusters[i+1:]...)
			break
		}
	}
}

// orgDescriptions counts "the alliance", "the military alliance", "the
// Fund" as mentions of the organisation they stand for, when the article
// names that organisation.
func (x *extractor) orgDescriptions(d *nlp.Doc, inQuote func(int) bool) {
	for si, s := range d.Sentences {
		toks := s.Tokens
		for i := 0; i < len(toks); i++ {
			if !strings.EqualFold(toks[i].Text, "the") {
				continue
			}
			for n := 3; n >= 1; n-- {
				if i+n >= len(toks) {
					continue
				}
				if toks[i+n].Label != "O" && n > 1 {
					continue
				}
				var words []string
				for _, t := range toks[i+1 : i+n+1] {
					words = append(words, t.Text)
				}
				c := x.describedOrg(strings.Join(words, " "), d.Index)
				if c == nil {
					continue
				}
				text := d.Body[toks[i].Start:toks[i+n].End]
				c.addAlias(lowerFirst(text))
				c.mentions = append(c.mentions, mention{doc: d.Index, sent: si, first: i, last: i + n, text: text, inQuote: inQuote(toks[i].Start)})
				i += n
				break
			}
		}
	}
}

// mergeParts folds a one-word name into the one multi-word name of the
// same article that contains it ("Labour" into "Labour Party", "Reserve"
// into "Federal Reserve"), whatever type the tagger gave the word alone.
// Countries and nationalities stay apart ("Russia" is not
// "NATO-Russia Council").
func (x *extractor) mergeParts(doc int) {
	for _, c := range append([]*cluster(nil), x.clusters...) {
		if len(c.forms) != 1 || !c.hasDoc(doc) {
			continue
		}
		var word string
		for f := range c.forms {
			word = f
		}
		if strings.Contains(word, " ") || isAcronym(word) {
			continue
		}
		if _, ok := nlp.CountryOf(word); ok || nlp.KnownPlace(word) {
			continue // "Washington" is not the "Washington Post"
		}
		var target *cluster
		n := 0
		for _, o := range x.clusters {
			if o == c || !o.hasDoc(doc) {
				continue
			}
			for f := range o.forms {
				ws := strings.Fields(f)
				if len(ws) < 2 {
					continue
				}
				for _, w := range ws {
					if w == word {
						if target != o {
							n++
						}
						target = o
						break
					}
				}
			}
		}
		if n == 1 {
			x.absorb(target, c)
		}
	}
}

// mergeDescribed folds an organisation named only by a generic noun the
// tagger took for a name ("the Fund's mission chief") into the
// organisation it stands for.
func (x *extractor) mergeDescribed(doc int) {
	for _, c := range append([]*cluster(nil), x.clusters...) {
		if c.typ != domain.Organization || len(c.forms) != 1 || !c.hasDoc(doc) {
			continue
		}
		for f := range c.forms {
			if t := x.describedOrg(f, doc); t != nil && t != c {
				x.absorb(t, c)
				delete(t.forms, f)
				t.addAlias("the " + f)
			}
		}
	}
}

// describedOrg returns the organisation of the document a generic noun
// ("alliance", "Fund") stands for, if exactly one fits.
func (x *extractor) describedOrg(noun string, doc int) *cluster {
	var found *cluster
	for _, k := range nlp.OrgsByDescription(noun) {
		c := x.byKey["org:"+strings.ToLower(k)]
		if c == nil || !c.hasDoc(doc) {
			continue
		}
		if found != nil && found != c {
			return nil
		}
		found = c
	}
	return found
}

func lowerFirst(s string) string {
	if strings.HasPrefix(s, "The ") {
		return "the " + s[4:]
	}
	return s
}

// bylines records the names of the article's byline and credit, and
// returns the sentences that are byline or credit lines themselves.
func (x *extractor) bylines(d *nlp.Doc) map[int]bool {
	a := d.Article
	addNames := func(s string) {
		for _, p := range splitNames(s) {
			x.excluded[strings.ToLower(p)] = true
		}
	}
	if a != nil {
		addNames(a.Byline)
		addNames(a.Credit)
		addNames(a.Source)
	}
	skip := map[int]bool{}
	for i, s := range d.Sentences {
		t := strings.TrimSpace(s.Text)
		low := strings.ToLower(t)
		for _, p := range []string{"by ", "credit", "photo:", "photo by", "reporting by", "editing by", "writing by", "additional reporting", "(reporting", "compiled by"} {
			max := 14
			if strings.HasSuffix(p, " by") || strings.Contains(p, "reporting") {
				max = 40 // "Reporting by A in Geneva and B in Tarnel; editing by C | Agency"
			}
			if strings.HasPrefix(low, p) && nlp.Words(t) <= max {
				skip[i] = true
				rest := t[len(p):]
				rest = strings.TrimLeft(rest, " :|-")
				addNames(rest)
			}
		}
	}
	return skip
}

// creditPlace is where a credit says a reporter worked: "in Geneva".
var creditPlace = regexp.MustCompile(` in [^,;|&/]+?( and |[,;|&/]|$)`)

// creditRole is what a credit says a name did: "editing by".
var creditRole = regexp.MustCompile(`(?i)^(?:additional |)(?:reporting|editing|writing|compiled|photos?|graphics|research)(?: by)?\s*:?\s*`)

// splitNames splits "Agnes Szucs and John Smith; AA" into names. The place
// a reporter filed from ("Reporting by A in Geneva") is not a name of the
// credit: Geneva may well be an actor of the story.
func splitNames(s string) []string {
	s = creditPlace.ReplaceAllString(s, "$1")
	s = strings.NewReplacer(" and ", ",", ";", ",", "|", ",", "&", ",", "/", ",").Replace(s)
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "By "))
		p = strings.TrimSpace(creditRole.ReplaceAllString(p, ""))
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// tidy fixes entity spans the way news text needs: "Labour's Yvette
// Cooper" is two names, "Prof Joni Lovenduski" and "Margaret Moran MP" are
// a title and a name (the title stays in the text for the role), and a
// name does not end with the sentence's full stop.
func tidy(d *nlp.Doc) []nlp.Entity {
	var out []nlp.Entity
	for _, e := range d.Entities {
		toks := d.Sentences[e.Sentence].Tokens
		span := func(a, b int, label string) nlp.Entity {
			x := e
			x.First, x.Last, x.Label = a, b, label
			x.Start, x.End = toks[a].Start, toks[b].End
			x.Text = strings.TrimSpace(d.Body[x.Start:x.End])
			if n := len(x.Text); n > 4 && x.Text[n-1] == '.' && !strings.Contains(x.Text[:n-1], ".") {
				x.Text = x.Text[:n-1]
			}
			return x
		}
		a, b, label := e.First, e.Last, e.Label
		// Names start with a capital: "eastern Europe" is Europe.
		for a < b && startsLower(toks[a].Text) {
			a++
		}
		// Titles in front: "Prof", "President", "Lord", or the tail of one
		// the tagger took into the name ("State Antony Blinken").
		for a < b {
			low := strings.ToLower(toks[a].Text)
			if nlp.IsTitle(toks[a].Text) || honorifics[low] ||
				((titleHeads[low] || titleMods[low]) && b-a >= 2 && (label == "PER" || nlp.IsFirstName(toks[a+1].Text))) {
				a++
				label = "PER"
				continue
			}
			break
		}
		for b > a && (toks[b].Text == "MP" || toks[b].Text == "MEP" || toks[b].Text == "QC") {
			b--
		}
		if a == b && (nlp.IsTitle(toks[a].Text) || honorifics[strings.ToLower(toks[a].Text)] || toks[a].Text == "MP" || toks[a].Text == "MPs") {
			continue // a title alone names no one
		}
		split := -1
		for k := a + 1; k < b; k++ {
			if isPossessive(toks[k].Text) {
				split = k
				break
			}
		}
		if split < 0 {
			out = append(out, span(a, b, label))
			continue
		}
		left := span(a, split-1, label)
		if _, ok := nlp.CountryOf(left.Text); ok {
			left.Label = "LOC"
		}
		right := span(split+1, b, label)
		if nlp.IsFirstName(toks[split+1].Text) || b-split >= 2 {
			right.Label = "PER"
		}
		out = append(out, left, right)
	}
	return out
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

var honorifics = map[string]bool{"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "dr": true, "dr.": true, "sir": true, "dame": true, "miss": true}

func stripHonorific(s string) string {
	w, rest, ok := strings.Cut(s, " ")
	if ok && honorifics[strings.ToLower(w)] {
		return rest
	}
	return strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "\u2019s")
}

// junk rejects entity texts no reader would call an actor.
func junk(s string) bool {
	letters := 0
	lower := true
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				lower = false
			}
		}
	}
	return letters < 2 || lower
}

// cards ranks the clusters and turns them into actor cards.
func (x *extractor) cards(sum *domain.Summary) []domain.Actor {
	inSum := map[domain.SentenceRef]bool{}
	if sum != nil {
		for _, s := range sum.Sentences {
			inSum[s.SentenceRef] = true
		}
	}
	nsent := map[int]int{}
	for _, d := range x.docs {
		nsent[d.Index] = len(d.Sentences)
	}
	type scored struct {
		c     *cluster
		score float64
	}
	var all []scored
	for _, c := range x.clusters {
		if len(c.forms) == 0 || len(c.mentions) == 0 {
			continue // only descriptions or adjectives: no name to show
		}
		score := 0.0
		seen := map[domain.SentenceRef]bool{}
		for _, m := range c.mentions {
			ref := domain.SentenceRef{Article: m.doc, Index: m.sent}
			w := 1.0
			if m.inQuote || !m.proper {
				w = 0.5
			}
			if n := nsent[m.doc]; n > 0 {
				w += 0.5 * (1 - float64(m.sent)/float64(n)) // early mentions weigh more
			}
			if inSum[ref] && !seen[ref] {
				w += 1
			}
			seen[ref] = true
			score += w
		}
		score += 0.5 * float64(len(c.quotes))
		all = append(all, scored{c, score})
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].score != all[j].score {
			return all[i].score > all[j].score
		}
		return all[i].c.order < all[j].c.order
	})
	out := make([]domain.Actor, 0, len(all))
	if len(all) == 0 {
		return out
	}
	top := all[0].score
	usedDid := map[domain.SentenceRef]bool{}
	for _, s := range all {
		c := s.c
		c.typ = c.finalType()
		a := domain.Actor{Name: c.name(), Type: c.typ, Role: c.role, Mentions: len(c.mentions), Quotes: c.quotes}
		a.Salience = math.Round(s.score/top*1000) / 1000
		switch {
		case a.Salience >= 0.45 && (a.Mentions >= 3 || len(a.Quotes) > 0):
			a.Level = domain.Central
		case a.Salience >= 0.2:
			a.Level = domain.Supporting
		default:
			a.Level = domain.Mentioned
		}
		forms := make([]string, 0, len(c.forms))
		for f := range c.forms {
			forms = append(forms, f)
		}
		sort.Slice(forms, func(i, j int) bool { return c.formAt[forms[i]] < c.formAt[forms[j]] })
		for _, f := range append(forms, c.aliases...) {
			if containsFold(c.aliases, "the "+f) {
				continue // "the Fund" says it better than "Fund"
			}
			if !strings.EqualFold(f, a.Name) && !containsFold(a.Aliases, f) {
				a.Aliases = append(a.Aliases, f)
			}
		}
		seen := map[domain.SentenceRef]bool{}
		for _, m := range c.mentions {
			ref := domain.SentenceRef{Article: m.doc, Index: m.sent}
			if !seen[ref] {
				seen[ref] = true
				a.Sentences = append(a.Sentences, ref)
			}
		}
		sort.Slice(a.Sentences, func(i, j int) bool {
			if a.Sentences[i].Article != a.Sentences[j].Article {
				return a.Sentences[i].Article < a.Sentences[j].Article
			}
			return a.Sentences[i].Index < a.Sentences[j].Index
		})
		a.Did = x.did(c, a.Sentences, usedDid)
		out = append(out, a)
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func opensQuote(s string) bool {
	return strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "\u201c") || strings.HasPrefix(s, "'") || strings.HasPrefix(s, "\u2018")
}
