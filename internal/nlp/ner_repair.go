package nlp

import (
	"strings"
	"unicode"
)

// institutionHeads are nouns that end an institution's name: "Monetary Policy
// Committee", "Group of Seven", "World Food Programme".
var institutionHeads = map[string]bool{}

// nameParticles join the parts of a personal name: "Ursula von der Leyen".
var nameParticles = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`committee council commission ministry department agency
		authority bank fund group organisation organization association federation union
		programme program institute office court party league alliance command forces
		conference assembly parliament board tribunal coalition movement front`) {
		institutionHeads[w] = true
	}
	for _, w := range strings.Fields(`von van der den de da di del du dos das bin ibn al el le la ter`) {
		nameParticles[w] = true
	}
}

// repairSpans mends spans the greedy tagger commonly breaks in wire copy,
// using the shape of names rather than the model:
//   - a person's name split at its particles ("Ursula" von der "Leyen");
//   - an organisation split in two adjacent spans ("World" "Food Programme");
//   - an organisation head with an "of" complement ("Group" of "Seven");
//   - an untagged capitalised run ending in an institution noun
//     ("the Monetary Policy Committee").
func repairSpans(sents []nerSent, tags [][]string) {
	for si, ts := range tags {
		ws := sents[si].words
		if isHeadline(ws) || titleCased(ws) {
			continue
		}
		splitTitles(ws, ts)
		splitOrgPerson(ws, ts)
		fixPersons(ws, ts)
		dropPortfolios(ws, ts)
		dropCommodities(ws, ts)
		joinParticles(ws, ts)
		joinOrgs(ws, ts)
		retypeOrgs(ws, ts)
		tagInstitutions(ws, ts)
	}
}

// titleCased reports whether most words of a sentence are capitalised, as in
// a title-case headline, where capitals say nothing about names.
func titleCased(ws []string) bool {
	words, caps := 0, 0
	for _, w := range ws {
		r := []rune(w)
		if len(r) < 4 || !unicode.IsLetter(r[0]) {
			continue
		}
		words++
		if unicode.IsUpper(r[0]) {
			caps++
		}
	}
	return words >= 4 && caps*10 >= words*7
}

func relabel(ts []string, first, last int, typ string) {
	ts[first] = "B-" + typ
	for j := first + 1; j <= last; j++ {
		ts[j] = "I-" + typ
	}
}

func joinParticles(ws, ts []string) {
	for _, sp := range spanList(ts) {
		if sp.typ != "PER" {
			continue
		}
		j := sp.last + 1
		for j < len(ws) && ts[j] == "O" && nameParticles[ws[j]] {
			j++
		}
		if j == sp.last+1 || j >= len(ws) || ts[j] != "B-PER" {
			continue
		}
		end := j
		for end+1 < len(ts) && ts[end+1] == "I-PER" {
			end++
		}
		relabel(ts, sp.first, end, "PER")
	}
}

func joinOrgs(ws, ts []string) {
	for changed := true; changed; {
		changed = false
		spans := spanList(ts)
		for k, sp := range spans {
			if sp.typ != "ORG" {
				continue
			}
			// "World" "Food Programme": an ORG span right before a span of
			// any type that ends in an institution noun.
			if k+1 < len(spans) && spans[k+1].first == sp.last+1 &&
				institutionHeads[strings.ToLower(ws[spans[k+1].last])] {
				relabel(ts, sp.first, spans[k+1].last, "ORG")
				changed = true
				break
			}
			// "Group" of "Seven", "Organisation of" "American States".
			if !institutionHeads[strings.ToLower(ws[sp.last])] || sp.last+2 >= len(ws) || ws[sp.last+1] != "of" {
				continue
			}
			j := sp.last + 2
			if ws[j] == "the" {
				j++
			}
			end := j - 1
			for end+1 < len(ws) && end+1-j < 4 && isCap(ws[end+1]) && (ts[end+1] == "O" || end+1 == j || ts[end+1][0] == 'I') {
				end++
			}
			if end < j {
				continue
			}
			relabel(ts, sp.first, end, "ORG")
			changed = end != sp.last
			if changed {
				break
			}
		}
	}
}

func tagInstitutions(ws, ts []string) {
	for i := 1; i < len(ws); i++ {
		if ts[i] != "O" || !institutionHeads[strings.ToLower(ws[i])] || !isCap(ws[i]) {
			continue
		}
		first := i
		for first-1 >= 1 && ts[first-1] == "O" && isCap(ws[first-1]) {
			first--
		}
		if i-first < 1 {
			continue
		}
		relabel(ts, first, i, "ORG")
	}
}

func isCap(w string) bool {
	r := []rune(w)
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// orgSuffixes end names that are always organisations, whatever the
// tagger guessed: "Capital Economics", "World Food Programme".
var orgSuffixes = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`economics partners holdings securities associates consulting analytics
		programme committee ministry inc inc. ltd ltd. plc llc`) {
		orgSuffixes[w] = true
	}
}

// retypeOrgs makes an ORG of a multi-word span of another type that ends in
// an organisation suffix.
func retypeOrgs(ws, ts []string) {
	for _, sp := range spanList(ts) {
		if sp.typ != "ORG" && sp.last > sp.first && orgSuffixes[strings.ToLower(ws[sp.last])] {
			relabel(ts, sp.first, sp.last, "ORG")
		}
	}
}

// pronouns are never a name on their own ("He" in a story about He
// Yadong); titleWords are not names when a title follows ("Chief Cabinet
// Secretary").
var pronouns, titleWords = map[string]bool{}, map[string]bool{}

func init() {
	for _, w := range strings.Fields(`he she it they we i you his her its their our`) {
		pronouns[w] = true
	}
	for _, w := range strings.Fields(`cabinet foreign defence defense finance interior prime chief deputy trade justice health state`) {
		titleWords[w] = true
	}
}

// fixPersons unmarks one-word persons that are pronouns or title words and
// extends a name with a hyphenated given name the tagger left out ("Lai"
// "Ching-te", "Moon" "Jae-in").
func fixPersons(ws, ts []string) {
	for _, sp := range spanList(ts) {
		if sp.typ != "PER" {
			continue
		}
		if sp.first == sp.last {
			low := strings.ToLower(ws[sp.first])
			if pronouns[low] || (titleWords[low] && sp.last+1 < len(ws) && IsTitle(ws[sp.last+1])) {
				ts[sp.first] = "O"
				continue
			}
		}
		if n := sp.last + 1; n < len(ws) && ts[n] == "O" && hyphenGiven(ws[n]) {
			ts[n] = "I-PER"
		}
	}
}

// hyphenGiven reports whether w looks like a hyphenated East Asian given
// name: "Ching-te", "Jae-in", "Jong-un".
func hyphenGiven(w string) bool {
	parts := strings.Split(w, "-")
	if len(parts) != 2 || len(parts[0]) < 2 || len(parts[1]) < 1 || len(parts[1]) > 4 {
		return false
	}
	r0, r1 := []rune(parts[0]), []rune(parts[1])
	if !unicode.IsUpper(r0[0]) || !unicode.IsLower(r1[0]) {
		return false
	}
	for _, r := range parts[0][1:] + parts[1] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// portfolios are the remits in a title ("Chancellor of the Exchequer",
// "Minister of Foreign Affairs"); there they are part of the title, not an
// actor of their own.
var portfolios = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`exchequer state defence defense foreign home internal affairs finance
		interior justice health commerce trade economy energy agriculture education transport labour labor
		and the`) {
		portfolios[w] = true
	}
}

// dropPortfolios unmarks a span that is the remit of a person's title right
// before it: "Chancellor of the Exchequer", "Minister of Foreign Affairs".
func dropPortfolios(ws, ts []string) {
	for _, sp := range spanList(ts) {
		p := sp.first - 1
		if p >= 0 && ws[p] == "the" {
			p--
		}
		if p < 1 || ws[p] != "of" || !IsTitle(ws[p-1]) {
			continue
		}
		ok := true
		for _, w := range ws[sp.first : sp.last+1] {
			if !portfolios[strings.ToLower(w)] {
				ok = false
			}
		}
		if ok {
			for j := sp.first; j <= sp.last; j++ {
				ts[j] = "O"
			}
		}
	}
}

// personTitles are titles that, inside a span, end the title and start the
// name ("Treasury Secretary Wally Adeyemo" tagged as one organisation).
var personTitles = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`secretary minister spokesman spokeswoman spokesperson ambassador governor
		chancellor president commissioner envoy director chairman chairwoman senator mayor`) {
		personTitles[w] = true
	}
}

// splitTitles splits a non-person span that runs from a title into the name
// after it: the title words become plain words, the name a person.
func splitTitles(ws, ts []string) {
	for _, sp := range spanList(ts) {
		if sp.typ == "PER" {
			continue
		}
		for k := sp.first; k < sp.last; k++ {
			if !personTitles[strings.ToLower(ws[k])] || sp.last-k > 3 {
				continue
			}
			ok := true
			for _, w := range ws[k+1 : sp.last+1] {
				if !isCap(w) || institutionHeads[strings.ToLower(w)] || IsTitle(w) {
					ok = false
				}
			}
			if !ok {
				break
			}
			for j := sp.first; j <= k; j++ {
				ts[j] = "O"
			}
			relabel(ts, k+1, sp.last, "PER")
			break
		}
	}
}

// dropCommodities unmarks a benchmark named before its commodity: "Brent
// crude", "Urals oil".
func dropCommodities(ws, ts []string) {
	for _, sp := range spanList(ts) {
		if sp.first == sp.last && sp.last+1 < len(ws) {
			switch ws[sp.last+1] {
			case "crude", "oil", "futures", "prices":
				if sp.typ == "LOC" && !KnownPlace(ws[sp.first]) {
					ts[sp.first] = "O"
				}
			}
			// "Article 4" of a treaty, "Resolution 2334".
			if w := strings.ToLower(ws[sp.first]); (w == "article" || w == "resolution" || w == "chapter") && isNumber(ws[sp.last+1]) {
				ts[sp.first] = "O"
			}
		}
	}
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// splitOrgPerson splits "NATO Julianne Smith", an organisation and a person
// the tagger ran together after a title ("U.S. Ambassador to NATO Julianne
// Smith"): a known organisation followed by a given name and a surname.
func splitOrgPerson(ws, ts []string) {
	for _, sp := range spanList(ts) {
		if sp.typ != "ORG" {
			continue
		}
		for k := sp.first + 1; k <= sp.last && k <= sp.first+4; k++ {
			org := strings.Join(ws[sp.first:k], " ")
			_, key := OrgKey(org)
			afterTitle := sp.first >= 2 && (ws[sp.first-1] == "to" || ws[sp.first-1] == "at") && IsTitle(ws[sp.first-2])
			if !(key || KnownOrg(org)) || !(IsFirstName(ws[k]) || afterTitle) || sp.last-k < 1 || sp.last-k > 2 {
				continue
			}
			name := true
			for _, w := range ws[k : sp.last+1] {
				if !isCap(w) || KnownOrg(w) || KnownPlace(w) {
					name = false
				}
			}
			if !name {
				continue
			}
			relabel(ts, sp.first, k-1, "ORG")
			relabel(ts, k, sp.last, "PER")
			break
		}
	}
}
