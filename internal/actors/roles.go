package actors

import (
	"strings"
	"unicode"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// titleHeads are nouns that make a phrase a role ("foreign minister",
// "the IMF's mission chief").
var titleHeads = set(`president|president-elect|minister|chancellor|secretary|secretary-general|ambassador|envoy|senator|governor|mayor|king|queen|prince|princess|pope|emperor|general|colonel|admiral|commander|marshal|judge|justice|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chair|director|director-general|chief|ceo|executive|commissioner|premier|speaker|leader|head|coach|manager|official|lawmaker|diplomat|negotiator|adviser|advisor|analyst|economist|professor|founder|prosecutor|attorney|lawyer|representative|deputy|captain|commissioner-general|under-secretary-general|under-secretary|high-commissioner|emir|sheikh|ayatollah|monarch|candidate|mp|mep|correspondent|editor|officer|sergeant|lieutenant|major|chief-of-staff|ruler|dictator|vice-president|treasurer|governor-general|archbishop|bishop|cardinal|rabbi|imam|researcher|scientist|expert|fellow|partner|owner|boss|striker|midfielder|defender|goalkeeper|player|author|journalist|activist|minister-president`)

// titleMods are words that may come inside a role before its head.
var titleMods = set(`foreign|prime|defence|defense|finance|interior|home|state|deputy|vice|acting|former|top|senior|chief|executive|general|national|security|mission|economy|economic|trade|health|justice|energy|opposition|party|press|of|and|the|white|house|affairs|external|internal|permanent|special|assistant|first|second|junior|federal|regional|military|army|navy|air|force|intelligence|central|bank|agriculture|education|environment|culture|transport|labour|labor|development|european|international|u.n.|un|eu|nato|imf|u.s.|us|uk|high|supreme|lead|managing|operating|financial|technology|digital|public|foreign-policy|policy|human|rights|refugee|humanitarian|peace|arms|control|relations|commerce|industry|communications|information|emergency|emergencies|immigration|veterans|treasury|attorney|solicitor|cabinet|crown|grand|chief-executive|news|media|world|global|local|city|county|provincial|district|former|current|new|outgoing|incoming|then|longtime|long-time|veteran`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(s, "|") {
		m[w] = true
	}
	return m
}

// owners maps each token of a document that belongs to a mention to its
// cluster: sentence index, token index.
func (x *extractor) owners(doc int) map[[2]int]*cluster {
	out := map[[2]int]*cluster{}
	for _, c := range x.clusters {
		for _, m := range c.mentions {
			if m.doc != doc {
				continue
			}
			for t := m.first; t <= m.last; t++ {
				out[[2]int{m.sent, t}] = c
			}
		}
	}
	return out
}

// roles reads people's roles from the words around their names: a title
// before the name ("British Prime Minister Boris Johnson", "Foreign
// Minister, Sergey Lavrov") or an appositive after it ("Sergey Lavrov,
// Russia's foreign minister,").
func (x *extractor) roles(d *nlp.Doc) {
	own := x.owners(d.Index)
	for _, c := range x.clusters {
		if c.typ == domain.Place {
			x.titledPlace(d, c, own)
		}
		if c.typ != domain.Person {
			continue
		}
		for _, m := range c.mentions {
			if m.doc != d.Index || !m.proper {
				continue
			}
			toks := d.Sentences[m.sent].Tokens
			if r := titleBefore(d, toks, m.first, own, m.sent); r != "" {
				// A bare rank says less than the job: "Senior Colonel Shi
				// Yi, a spokesperson for the command," keeps both.
				if isRank(r) {
					if a := appositive(d, toks, m.last, own, m.sent); a != "" {
						r += ", " + a
					}
				}
				c.setRole(r, 1)
			} else if r := appositive(d, toks, m.last, own, m.sent); r != "" {
				c.setRole(r, 2)
			} else if r := affiliation(d, toks, m.last, own, m.sent); r != "" {
				c.setRole(r, 3)
			}
		}
	}
}

// stylings are honorifics that stand between a title and a name.
var stylings = set(`sheikh|sheik|prince|princess|dr|dr.|sir|dame|lord|lady|mr|mr.|mrs|mrs.|ms|ms.|professor|prof|prof.`)

// ranks are military and police grades, which name a rank, not a job.
var ranks = set(`senior|junior|colonel|lieutenant|general|major|brigadier|captain|admiral|rear|vice|sergeant|corporal|private|staff|first|second|field|marshal|lt.|col.|gen.|maj.|capt.|sgt.`)

// isRank reports whether a title is only a rank ("Senior Colonel").
func isRank(r string) bool {
	for _, w := range strings.Fields(strings.ToLower(r)) {
		if !ranks[w] {
			return false
		}
	}
	return true
}

// titledPlace retypes as a person a two- or three-word name the tagger
// read as a place when an appositive gives it a person's title: "Ajay Banga,
// president of the World Bank,". Gazetteer places are left alone.
func (x *extractor) titledPlace(d *nlp.Doc, c *cluster, own map[[2]int]*cluster) {
	name := c.name()
	if n := len(strings.Fields(name)); n > 3 || nlp.KnownPlace(name) {
		return
	}
	if _, ok := nlp.CountryOf(name); ok {
		return
	}
	for _, m := range c.mentions {
		if m.doc != d.Index || !m.proper {
			continue
		}
		toks := d.Sentences[m.sent].Tokens
		full := ""
		if m.last == m.first {
			// The tagger may leave the given name out: "Ajay Banga".
			p := m.first - 1
			if p < 0 || own[[2]int{m.sent, p}] != nil || startsLower(toks[p].Text) || !isWord(toks[p].Text) ||
				titleHeads[strings.ToLower(toks[p].Text)] || titleMods[strings.ToLower(toks[p].Text)] ||
				honorifics[strings.ToLower(toks[p].Text)] || nlp.KnownPlace(toks[p].Text) {
				continue
			}
			full = d.Body[toks[p].Start:toks[m.last].End]
		}
		r := appositive(d, toks, m.last, own, m.sent)
		if r == "" {
			continue
		}
		f := strings.Fields(strings.ToLower(r))
		switch f[0] {
		case "president", "minister", "chairman", "chairwoman", "governor", "director", "secretary", "ambassador", "spokesman", "spokeswoman", "spokesperson", "chief", "head", "managing", "foreign", "prime", "deputy":
			c.typ, c.titled = domain.Person, true
			c.setRole(r, 2)
			if full != "" {
				c.addForm(full)
			}
			return
		}
	}
}

// titleBefore returns the role phrase that ends right before token i.
func titleBefore(d *nlp.Doc, toks []nlp.Token, i int, own map[[2]int]*cluster, si int) string {
	end := i - 1
	if end >= 1 && toks[end].Text == "," && titleHeads[strings.ToLower(toks[end-1].Text)] {
		end-- // "Foreign Minister, Sergey Lavrov"
	} else if end >= 3 && toks[end].Text == "," {
		// "Britain's ambassador to the United Nations, Barbara Woodward":
		// a head with its complement before the comma.
		if k := complementHead(toks, end); k >= 0 {
			if r := titleBefore(d, toks, k+1, own, si); r != "" {
				return r + d.Body[toks[k].End:toks[end-1].End]
			}
			return d.Body[toks[k].Start:toks[end-1].End]
		}
	}
	start := end + 1
	for j := end; j >= 0 && end-j < 8; j-- {
		t := toks[j]
		low := strings.ToLower(t.Text)
		c := own[[2]int{si, j}]
		// "Prime Minister and Foreign Minister": two titles joined.
		joined := low == "and" && j > 0 && j < end && titleHeads[strings.ToLower(toks[j-1].Text)] && !startsLower(toks[j+1].Text)
		// "Ambassador to NATO Julianne Smith".
		to := low == "to" && j > 0 && j < end && titleHeads[strings.ToLower(toks[j-1].Text)]
		ok := titleHeads[low] || (titleMods[low] && low != "the" && low != "and") || joined || to ||
			(low == "of" && j < end) || (isPossessive(t.Text) && j > 0) ||
			(c != nil && c.typ != domain.Person) || strings.HasSuffix(t.Label, "MISC") ||
			(j > 0 && j < end && !startsLower(t.Text) && t.Label == "O" && isWord(t.Text)) // "Lib Dem leader"
		if !ok {
			break
		}
		start = j
	}
	// A styling between the title and the name is not part of the role:
	// "Foreign Minister Sheikh Mohammed".
	for end > start && stylings[strings.ToLower(toks[end].Text)] {
		end--
	}
	if start > end {
		return ""
	}
	// The phrase must end with its head ("Foreign Minister") or with what
	// the head is of ("Secretary of State").
	if !titleHeads[strings.ToLower(toks[end].Text)] {
		h := -1
		for k := start; k < end; k++ {
			if titleHeads[strings.ToLower(toks[k].Text)] && (strings.EqualFold(toks[k+1].Text, "of") || strings.EqualFold(toks[k+1].Text, "to")) {
				h = k
			}
		}
		if h < 0 {
			return ""
		}
	}
	// Trim words that cannot start a role.
	for start <= end {
		low := strings.ToLower(toks[start].Text)
		if low == "of" || isPossessive(toks[start].Text) || low == "and" {
			start++
			continue
		}
		break
	}
	if start > end {
		return ""
	}
	if honorifics[strings.ToLower(toks[start].Text)] {
		return ""
	}
	return d.Body[toks[start].Start:toks[end].End]
}

// complementHead finds a title head before the comma at toks[comma]
// followed by "of", "to" or "for" and capitalised words only ("Chancellor
// of the Exchequer,"); it returns -1 if there is none.
func complementHead(toks []nlp.Token, comma int) int {
	for k := comma - 3; k >= 0 && comma-k <= 8; k-- {
		low := strings.ToLower(toks[k].Text)
		switch strings.ToLower(toks[k+1].Text) {
		case "of", "to", "for":
		default:
			if !titleHeads[low] && !titleMods[low] && !isWord(toks[k].Text) {
				return -1
			}
			continue
		}
		if !titleHeads[low] {
			continue
		}
		for j := k + 2; j < comma; j++ {
			w := toks[j].Text
			lw := strings.ToLower(w)
			if lw != "the" && lw != "of" && lw != "and" && lw != "." && (startsLower(w) || !isWordish(w)) {
				return -1
			}
		}
		return k
	}
	return -1
}

// isWordish reports whether s is a word or an abbreviation like "U.N.".
func isWordish(s string) bool {
	return isWord(strings.ReplaceAll(s, ".", ""))
}

// appositive returns the role in ", <role>," right after token i.
func appositive(d *nlp.Doc, toks []nlp.Token, i int, own map[[2]int]*cluster, si int) string {
	if i+2 >= len(toks) || toks[i+1].Text != "," {
		return ""
	}
	start := i + 2
	if low := strings.ToLower(toks[start].Text); low == "the" || low == "a" || low == "an" {
		start++
	}
	end := -1
	for j := start; j < len(toks) && j-start < 10; j++ {
		t := toks[j]
		low := strings.ToLower(t.Text)
		if t.Text == "," || t.Text == "." || t.Text == ";" || isQuote(t.Text) || t.Text == "(" {
			break
		}
		// The tagger reads "managing" in "managing director" as a verb.
		verb := strings.HasPrefix(t.Tag, "VB") && !titleMods[low] && !titleHeads[low]
		if verb || t.Tag == "MD" || t.Tag == "PRP" || t.Tag == "WP" {
			return ""
		}
		if titleHeads[low] {
			end = j
		}
	}
	if end < start {
		return ""
	}
	// The role ends at its head ("Russia's foreign minister", not "foreign
	// minister in the talks"), or takes what the head is of: "head of
	// currency strategy at Bank of America".
	end = extendOf(toks, end)
	return d.Body[toks[start].Start:toks[end].End]
}

func isQuote(s string) bool {
	switch s {
	case `"`, "\u201c", "\u201d", "``", "''", "'", "\u2018", "\u2019":
		return true
	}
	return false
}

// extendOf extends a role ending at its head with an "of"/"at"/"for"
// complement, up to the next punctuation, verb or quotation.
func extendOf(toks []nlp.Token, end int) int {
	if end+2 >= len(toks) {
		return end
	}
	switch strings.ToLower(toks[end+1].Text) {
	case "of", "at", "for":
	default:
		return end
	}
	last := end
	for j := end + 2; j < len(toks) && j <= end+9; j++ {
		t := toks[j]
		if t.Text == "," || t.Text == "." || t.Text == ";" || t.Text == ")" || isQuote(t.Text) ||
			strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" || t.Tag == "WDT" || t.Tag == "WP" {
			break
		}
		switch strings.ToLower(t.Text) {
		case "in", "on", "and", "who", "which", "that", "since", "after", "before", "during", "when":
			return last
		}
		last = j
	}
	if last == end+1 {
		return end
	}
	return last
}

// isWord reports whether s has letters only (and inner hyphens).
func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return s != ""
}

// affiliation reads "Cara Diemont of IT firm Dimension Data": the
// organisation a person speaks for, when no title is given.
func affiliation(d *nlp.Doc, toks []nlp.Token, i int, own map[[2]int]*cluster, si int) string {
	if i+2 >= len(toks) || !strings.EqualFold(toks[i+1].Text, "of") {
		return ""
	}
	for j := i + 2; j < len(toks) && j <= i+7; j++ {
		if c := own[[2]int{si, j}]; c != nil && c.typ == domain.Organization {
			for j+1 < len(toks) && own[[2]int{si, j + 1}] == c {
				j++
			}
			return d.Body[toks[i+2].Start:toks[j].End]
		}
		t := toks[j]
		if t.Text == "," || t.Text == "." || isQuote(t.Text) || strings.HasPrefix(t.Tag, "VB") {
			break
		}
	}
	return ""
}
