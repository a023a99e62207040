package actors

import (
	"strings"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// qspan is a quotation: the byte range of its words inside the marks.
type qspan struct{ start, end int }

// findQuotes finds quotations in a body, with curly or straight double
// quotes. A quotation left open at a paragraph's end stops there, as news
// style reopens it in the next paragraph. Single quoted words are scare
// quotes, not speech, and are skipped.
func findQuotes(body string) []qspan {
	var out []qspan
	open := -1
	emit := func(end int) {
		if open >= 0 {
			q := strings.TrimSpace(body[open:end])
			if len(strings.Fields(q)) >= 2 {
				s := open + strings.Index(body[open:end], q)
				out = append(out, qspan{s, s + len(q)})
			}
		}
		open = -1
	}
	for i := 0; i < len(body); i++ {
		switch {
		case strings.HasPrefix(body[i:], "\u201c"):
			if open >= 0 {
				emit(i)
			}
			open = i + 3
			i += 2
		case strings.HasPrefix(body[i:], "\u201d"):
			emit(i)
			i += 2
		case body[i] == '"':
			if open >= 0 {
				emit(i)
			} else {
				open = i + 1
			}
		case body[i] == '\n' && strings.HasPrefix(body[i:], "\n\n"):
			emit(i)
		}
	}
	emit(len(body))
	return out
}

var speechVerbs = set(`say|says|said|saying|told|tells|added|adds|warned|warns|stressed|stresses|asserted|asserts|explained|explains|insisted|insists|noted|notes|argued|argues|urged|urges|declared|declares|announced|announces|wrote|writes|tweeted|asked|asks|replied|replies|reiterated|reiterates|claimed|claims|acknowledged|adding|saying|explaining|noting|warning|stressing|insisting|arguing|claiming|emphasised|emphasized|cautioned|vowed|pledged|predicted|suggested|admitted|conceded|remarked|commented|stated|states|continued|confirmed|maintained|recalled|responded|complained|told|says|believes|believed|according`)

// speaker is who a sentence attributes speech to.
type speaker struct {
	c     *cluster
	verb  int    // token index of the speech verb
	desc  string // a description standing for a person not yet named ("the alliance's chief")
	role  string // the role that description gives, e.g. "NATO chief"
	head  string // the description's head noun, e.g. "minister"
	first int    // description's first token
	last  int
	pron  int // token index of a pronoun standing for the speaker; 0 when none or sentence-initial (counted as the subject)
}

// attribute finds who speaks in each sentence of a document, and gives
// them the direct quotes and reported speech there.
func (x *extractor) attribute(d *nlp.Doc, quotes []qspan, skip map[int]bool) {
	own := x.owners(d.Index)
	inQ := func(off int) bool {
		for _, q := range quotes {
			if off >= q.start && off < q.end {
				return true
			}
		}
		return false
	}
	sp := make([]*speaker, len(d.Sentences))
	var focus *cluster
	for si, s := range d.Sentences {
		if skip[si] {
			continue
		}
		toks := s.Tokens
		found := x.findSpeaker(d, si, own, inQ, focus)
		if found != nil && found.c == nil && found.head != "" {
			// "the minister said": the person whose role has that noun,
			// first one whose role names the description's organisation.
			if found.c = x.describedBefore(d, si, found, own); found.c == nil {
				found.c = x.byRole(d.Index, si, found.head)
			}
		}
		if found != nil {
			sp[si] = found
			if found.pron > 0 && found.c != nil {
				found.c.mentions = append(found.c.mentions, mention{doc: d.Index, sent: si, first: found.pron, last: found.pron, text: toks[found.pron].Text})
			}
		}
		// Who the sentence is about: its grammatical subject, roughly the
		// first actor named before the verb, or the person a title phrase
		// leads to ("Ukrainian Defence Minister Oleksii Reznikov thanked",
		// "In Brussels, NATO chief Jens Stoltenberg urged").
		subj, byPronoun := (*cluster)(nil), false
		for j := 0; j < len(toks) && j < 10; j++ {
			if inQ(toks[j].Start) {
				break
			}
			if c := own[[2]int{si, j}]; c != nil {
				if c.typ == domain.Person || (subj == nil && j < 4) {
					subj = c
				}
				if c.typ == domain.Person {
					break
				}
				continue
			}
			if subj == nil && j >= 4 {
				break
			}
			low := strings.ToLower(toks[j].Text)
			if (low == "he" || low == "she") && focus != nil && subj == nil {
				subj, byPronoun = focus, true
				focus.mentions = append(focus.mentions, mention{doc: d.Index, sent: si, first: j, last: j, text: toks[j].Text})
				break
			}
			if strings.HasPrefix(toks[j].Tag, "VB") {
				break
			}
		}
		if subj != nil {
			ref := domain.SentenceRef{Article: d.Index, Index: si}
			if byPronoun {
				subj.pronSubject = append(subj.pronSubject, ref)
			} else {
				subj.subject = append(subj.subject, ref)
			}
		}
		switch {
		case found != nil && found.c != nil && found.c.typ == domain.Person:
			focus = found.c
		case subj != nil && subj.typ == domain.Person:
			focus = subj
		}
	}
	// Descriptions ("the military alliance's chief said") stand for the
	// person who speaks next, usually named in the following sentence.
	for si, s := range sp {
		if s == nil || s.c != nil || s.desc == "" {
			continue
		}
		// "Fed Governor Christopher Waller said ... The Fed official
		// added": a description naming an organisation is the person just
		// named with a role in it.
		s.c = x.describedBefore(d, si, s, own)
		for k := si + 1; s.c == nil && k < len(sp) && k <= si+2; k++ {
			if sp[k] != nil && sp[k].c != nil && sp[k].c.typ == domain.Person {
				s.c = sp[k].c
				break
			}
		}
		if s.c == nil {
			continue
		}
		s.c.addAlias(lowerFirst(s.desc))
		s.c.setRole(s.role, 3)
		s.c.mentions = append(s.c.mentions, mention{doc: d.Index, sent: si, first: s.first, last: s.last, text: s.desc})
	}
	// Direct quotes: to the speaker of a sentence they stand in, else of
	// the next sentence ("... forward." The minister said so on Friday.),
	// else of the paragraph's previous sentence (a quote that continues).
	speakerAt := func(k int) *cluster {
		if k >= 0 && k < len(sp) && sp[k] != nil {
			return sp[k].c
		}
		return nil
	}
	hasQuote := map[int]bool{}
	for _, q := range quotes {
		first, last := -1, -1
		for si, s := range d.Sentences {
			if q.start < s.End && q.end > s.Start {
				if first < 0 {
					first = si
				}
				last = si
			}
		}
		if first < 0 || skip[first] {
			continue
		}
		var who *cluster
		if label, c := labelQuote(d, first, q, own, inQ); label {
			// A short label ("what it called "joint patrols"") belongs to
			// whoever applied it, or to no one.
			for k := first; k <= last; k++ {
				hasQuote[k] = true
			}
			if c != nil {
				c.quotes = append(c.quotes, domain.Quote{Text: d.Body[q.start:q.end], Direct: true, Where: domain.SentenceRef{Article: d.Index, Index: first}})
			}
			continue
		}
		for k := first; k <= last && who == nil; k++ {
			who = speakerAt(k)
		}
		if who == nil && last+1 < len(d.Sentences) && d.Sentences[last+1].Para == d.Sentences[last].Para {
			who = speakerAt(last + 1)
		}
		if who == nil && first > 0 && d.Sentences[first-1].Para == d.Sentences[first].Para {
			who = speakerAt(first - 1)
		}
		for k := first; k <= last; k++ {
			hasQuote[k] = true
		}
		if who == nil {
			continue
		}
		who.quotes = append(who.quotes, domain.Quote{Text: d.Body[q.start:q.end], Direct: true, Where: domain.SentenceRef{Article: d.Index, Index: first}})
	}
	// Reported speech: "he said that ...", "adding that ...", when the
	// clause has no quotation of its own.
	for si, s := range sp {
		if s == nil || s.c == nil {
			continue
		}
		toks := d.Sentences[si].Tokens
		for v := s.verb; v < len(toks); v++ {
			if !speechVerbs[strings.ToLower(toks[v].Text)] || inQ(toks[v].Start) {
				continue
			}
			for j := v + 1; j < len(toks) && j <= v+4; j++ {
				if !strings.EqualFold(toks[j].Text, "that") || j+1 >= len(toks) {
					continue
				}
				end := toks[len(toks)-1]
				stop := end.Start
				if end.Text != "." && end.Text != "!" && end.Text != "?" {
					stop = end.End
				}
				text := strings.TrimSpace(d.Body[toks[j+1].Start:stop])
				if len(strings.Fields(text)) >= 3 && !strings.ContainsAny(text, "\"\u201c\u201d") {
					s.c.quotes = append(s.c.quotes, domain.Quote{Text: text, Where: domain.SentenceRef{Article: d.Index, Index: si}})
				}
				v = len(toks)
				break
			}
			if v < len(toks) {
				if j := bareClause(toks, v); j > 0 {
					end := toks[len(toks)-1]
					stop := end.Start
					if end.Text != "." && end.Text != "!" && end.Text != "?" {
						stop = end.End
					}
					text := strings.TrimSpace(d.Body[toks[j].Start:stop])
					if len(strings.Fields(text)) >= 4 && !strings.ContainsAny(text, "\"\u201c\u201d") {
						s.c.quotes = append(s.c.quotes, domain.Quote{Text: text, Where: domain.SentenceRef{Article: d.Index, Index: si}})
					}
					v = len(toks)
				}
			}
		}
	}
}

// bareClause returns where the reported clause starts after the speech verb
// at v when "that" is left out, as wire copy usually does: "said the group
// would act", "told reporters food prices remained volatile". It returns 0
// when the words after the verb are not a clause ("said on Friday").
func bareClause(toks []nlp.Token, v int) int {
	switch strings.ToLower(toks[v].Text) {
	case "said", "says", "told", "tells", "warned", "added", "argued", "insisted", "predicted", "believes":
	default:
		return 0
	}
	j := v + 1
	if strings.EqualFold(toks[v].Text, "told") || strings.EqualFold(toks[v].Text, "tells") {
		for j < len(toks) && j <= v+3 && toks[j].Text != "," && (strings.HasPrefix(toks[j].Tag, "NN") || toks[j].Tag == "DT" || toks[j].Tag == "PRP") {
			j++ // the audience: "told reporters", "told the council"
		}
		if j == v+1 {
			return 0
		}
	}
	if j >= len(toks) {
		return 0
	}
	switch t := toks[j].Tag; {
	case t == "DT", t == "PRP", t == "PRP$", strings.HasPrefix(t, "NN"), t == "JJ", t == "CD":
	default:
		return 0
	}
	for k := j + 1; k < len(toks) && k <= j+6; k++ {
		t := toks[k].Tag
		if toks[k].Text == "," || isQuote(toks[k].Text) || t == "IN" && k == j+1 {
			return 0
		}
		if t == "MD" || t == "VBD" || t == "VBZ" || t == "VBP" {
			return j
		}
	}
	return 0
}

// byRole returns the person of a document whose role is headed by the
// noun ("Finance Minister" for "the minister", not "chief economist" for
// "the chief"), the one named last up to sentence si when several are;
// failing that, one whose role merely contains the noun.
func (x *extractor) byRole(doc, si int, head string) *cluster {
	var best, loose *cluster
	bestAt := -1
	for _, c := range x.clusters {
		if c.typ != domain.Person || !c.hasDoc(doc) || c.role == "" {
			continue
		}
		role := strings.ToLower(c.role)
		if cut := strings.Index(role, " of "); cut > 0 {
			role = role[:cut]
		}
		if cut := strings.Index(role, " at "); cut > 0 {
			role = role[:cut]
		}
		ws := strings.Fields(role)
		if len(ws) == 0 || ws[len(ws)-1] != head {
			if loose == nil && strings.Contains(strings.ToLower(c.role), head) {
				loose = c
			}
			continue
		}
		at := -1
		for _, m := range c.mentions {
			if m.doc == doc && m.sent <= si && m.sent > at {
				at = m.sent
			}
		}
		if best == nil || at > bestAt {
			best, bestAt = c, at
		}
	}
	if best != nil {
		return best
	}
	return loose
}

// findSpeaker looks for a speech verb outside quotations and who it
// belongs to: the actor named right before it ("Stoltenberg said"), right
// after it ("said Stoltenberg"), a pronoun for the person in focus, or a
// description ("the minister said").
func (x *extractor) findSpeaker(d *nlp.Doc, si int, own map[[2]int]*cluster, inQ func(int) bool, focus *cluster) *speaker {
	toks := d.Sentences[si].Tokens
	for v, t := range toks {
		low := strings.ToLower(t.Text)
		if !speechVerbs[low] || inQ(t.Start) {
			continue
		}
		if low == "according" {
			if v+2 < len(toks) && strings.EqualFold(toks[v+1].Text, "to") {
				if c := own[[2]int{si, v + 2}]; c != nil {
					return &speaker{c: c, verb: v}
				}
			}
			continue
		}
		// Before the verb, skipping auxiliaries and adverbs.
		j := v - 1
		for j >= 0 && (toks[j].Tag == "RB" || toks[j].Tag == "MD" || isAux(toks[j].Text)) {
			j--
		}
		if s := x.speakerAt(d, si, j, -1, own, focus); s != nil {
			s.verb = v
			return s
		}
		// Over an appositive or an aside: "Carlos Mendes, the IMF's mission
		// chief, told", "Gerry Conlon - who was wrongly convicted - said".
		if j > 0 {
			if open := opener(toks[j].Text); open != "" {
				verbs := 0
				for k := j - 1; k > 0 && j-k < 16; k-- {
					if toks[k].Text == open {
						if c := own[[2]int{si, k - 1}]; c != nil && c.typ == domain.Person {
							return &speaker{c: c, verb: v}
						}
						// "Its deputy managing director, Gita Gopinath,
						// said": the aside is the name itself.
						if c := own[[2]int{si, k + 1}]; c != nil && c.typ == domain.Person && own[[2]int{si, j - 1}] == c &&
							k > 0 && titleHeads[strings.ToLower(toks[k-1].Text)] {
							return &speaker{c: c, verb: v}
						}
						break
					}
					if strings.HasPrefix(toks[k].Tag, "VB") {
						verbs++
					}
					// A comma aside has no verb of its own ("speaking in
					// Berlin" is fine); a dash or bracket aside may.
					if isQuote(toks[k].Text) || (open == "," && verbs > 0 && toks[k].Tag != "VBG") {
						break
					}
				}
			}
		}
		// After it, only right after a quotation or a comma: "..., said
		// Stoltenberg", "..." said the minister". In "and said Mr Blair
		// was", Blair is not the speaker.
		if v == 0 || !(isQuote(toks[v-1].Text) || toks[v-1].Text == ",") {
			continue
		}
		if s := x.speakerAt(d, si, v+1, +1, own, focus); s != nil {
			s.verb = v
			return s
		}
	}
	return nil
}

func isAux(w string) bool {
	switch strings.ToLower(w) {
	case "has", "had", "have", "also", "later", "then", "again", "was", "is", "would", "will":
		return true
	}
	return false
}

// speakerAt reads the speaker whose name or description ends (dir -1) or
// starts (dir +1) at token j.
func (x *extractor) speakerAt(d *nlp.Doc, si, j, dir int, own map[[2]int]*cluster, focus *cluster) *speaker {
	toks := d.Sentences[si].Tokens
	if j < 0 || j >= len(toks) {
		return nil
	}
	if c := own[[2]int{si, j}]; c != nil && (dir < 0 || c.typ == domain.Person) {
		return &speaker{c: c}
	}
	low := strings.ToLower(toks[j].Text)
	if low == "he" || low == "she" {
		if focus == nil {
			return nil
		}
		return &speaker{c: focus, pron: j}
	}
	if dir > 0 {
		// "said the minister" / "said NATO chief Jens Stoltenberg"
		for k := j; k < len(toks) && k < j+7; k++ {
			if c := own[[2]int{si, k}]; c != nil && c.typ == domain.Person {
				return &speaker{c: c}
			}
			if titleHeads[strings.ToLower(toks[k].Text)] && strings.EqualFold(toks[j].Text, "the") {
				return x.description(d, si, j, k)
			}
			if toks[k].Text == "," || toks[k].Text == "." {
				break
			}
		}
		// No person: an organisation or a government ("said the Kremlin").
		if c := own[[2]int{si, j}]; c != nil {
			return &speaker{c: c}
		}
		if strings.EqualFold(toks[j].Text, "the") && j+1 < len(toks) {
			if c := own[[2]int{si, j + 1}]; c != nil {
				return &speaker{c: c}
			}
		}
		return nil
	}
	if !titleHeads[low] {
		return nil
	}
	// A description ending at j: walk back to its article.
	for k := j - 1; k >= 0 && k >= j-6; k-- {
		if strings.EqualFold(toks[k].Text, "the") {
			return x.description(d, si, k, j)
		}
		if toks[k].Text == "," || isQuote(toks[k].Text) {
			break
		}
	}
	return nil
}

// description builds a speaker from "the <...> <head>" between tokens a
// and b, turning an organisation's description into its name for the role
// ("the military alliance's chief" -> "NATO chief").
func (x *extractor) description(d *nlp.Doc, si, a, b int) *speaker {
	toks := d.Sentences[si].Tokens
	s := &speaker{desc: d.Body[toks[a].Start:toks[b].End], head: strings.ToLower(toks[b].Text), first: a, last: b}
	// Find "<org words>'s" inside.
	for p := a + 1; p < b; p++ {
		if !isPossessive(toks[p].Text) {
			continue
		}
		var words []string
		for _, t := range toks[a+1 : p] {
			words = append(words, t.Text)
		}
		org := strings.Join(words, " ")
		if c := x.describedOrg(org, d.Index); c != nil {
			org = c.name()
		} else if c := x.describedOrg(words[len(words)-1], d.Index); c != nil {
			org = c.name()
		} else if a+1 == p-1 && toks[a+1].Label != "O" {
			org = toks[a+1].Text
		} else {
			org = ""
		}
		if org != "" {
			s.role = org + " " + d.Body[toks[p+1].Start:toks[b].End]
		}
		break
	}
	return s
}

// opener returns the mark that opens an aside closed by close.
func opener(close string) string {
	switch close {
	case ",", "-", "\u2013", "\u2014", "--":
		return close
	case ")":
		return "("
	}
	return ""
}

// labelVerbs introduce a short quoted label rather than speech.
var labelVerbs = set(`called|calls|dubbed|so-called|termed|labelled|labeled|branded|described`)

// labelQuote reports whether quotation q, starting in sentence si, is a
// short label a verb like "called" puts on something ("launched what it
// called "joint patrols"", "Putin called the sanctions "a declaration of
// war""), and returns who applied it: the actor named nearest before the
// verb, nil if none.
func labelQuote(d *nlp.Doc, si int, q qspan, own map[[2]int]*cluster, inQ func(int) bool) (bool, *cluster) {
	if len(strings.Fields(d.Body[q.start:q.end])) > 10 {
		return false, nil
	}
	toks := d.Sentences[si].Tokens
	qi := -1
	for i, t := range toks {
		if t.Start >= q.start {
			qi = i
			break
		}
	}
	if qi < 0 {
		return false, nil
	}
	for v := qi - 1; v >= 0 && v >= qi-5; v-- {
		if !labelVerbs[strings.ToLower(toks[v].Text)] {
			if toks[v].Text == "," || toks[v].Text == "." {
				break
			}
			continue
		}
		for k := v - 1; k >= 0 && k >= v-8; k-- {
			if inQ(toks[k].Start) || toks[k].Text == ";" {
				break
			}
			if c := own[[2]int{si, k}]; c != nil {
				return true, c
			}
		}
		return true, nil
	}
	return false, nil
}

// describedBefore returns the person named in the sentence si or the two
// before it whose role shares a capitalised word with the description
// ("The Fed official" and "Fed Governor"), nil if there is none.
func (x *extractor) describedBefore(d *nlp.Doc, si int, s *speaker, own map[[2]int]*cluster) *cluster {
	var keys []string
	for i, w := range strings.Fields(s.desc + " " + s.role) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if (i > 0 || !strings.EqualFold(w, "the")) && !startsLower(w) && !strings.EqualFold(w, "the") {
			keys = append(keys, w)
		}
		// "the alliance chief": the organisations the noun may stand for.
		if startsLower(w) {
			keys = append(keys, nlp.OrgsByDescription(w)...)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	for k := si; k >= 0 && k >= si-2; k-- {
		toks := d.Sentences[k].Tokens
		for j := len(toks) - 1; j >= 0; j-- {
			c := own[[2]int{k, j}]
			if c == nil || c.typ != domain.Person || c.role == "" {
				continue
			}
			for _, w := range strings.Fields(c.role) {
				for _, key := range keys {
					if w == key && !titleHeads[strings.ToLower(w)] {
						return c
					}
				}
			}
		}
	}
	return nil
}
