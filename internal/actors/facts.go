package actors

import (
	"regexp"
	"strings"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

var (
	// A figure with its unit or the thing it counts: "$4.2 billion",
	// "3.1%", "100,000 troops", "30,000 Russian troops".
	numberRE = regexp.MustCompile(`(?:[$€£¥]\s?)?\b\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[$€£¥]\s?)?\b\d+(?:\.\d+)?`)
	unitRE   = regexp.MustCompile(`^(?:\s?(?:%|percent|per cent|pct)|\s(?:million|billion|trillion|bn|m|km|kilometres|kilometers|miles|tonnes|tons|barrels|dollars|euros|pounds|yuan|roubles|rubles)\b)+`)
	wordRE   = regexp.MustCompile(`^\s+([A-Za-z][A-Za-z-]*)`)
	dateRE   = regexp.MustCompile(`\b(?:(?i:last|next|this|early|late|earlier this|later this|mid-)\s+(?:week|month|year|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|spring|summer|autumn|fall|winter)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:January|February|March|April|June|July|August|September|October|November|December)(?:\s\d{1,2}(?:,\s\d{4})?|\s\d{4})?|\d{1,2}\s(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s\d{4})?|May\s\d{1,2}|(?:in|since|by|until)\s(?:19|20)\d\d|yesterday|tomorrow)\b`)
)

// Facts finds the key numbers and dates of one article, each with the
// sentence it stands in. A figure is kept with the unit or the noun it
// counts; bare small numbers, years and figures inside names are left out.
// Repeats of the same text are kept once.
func Facts(d *nlp.Doc) []domain.Fact {
	var out []domain.Fact
	seen := map[string]bool{}
	add := func(k domain.FactKind, text string, ref domain.SentenceRef) {
		key := string(k) + strings.ToLower(text)
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, domain.Fact{Kind: k, Text: text, Where: ref})
	}
	for _, s := range d.Sentences {
		t := s.Text
		for _, m := range dateRE.FindAllStringIndex(t, -1) {
			text := t[m[0]:m[1]]
			if rest, ok := strings.CutPrefix(text, "in "); ok {
				text = rest // "in 2009" is the year; "since 2009" keeps its word
			}
			add(domain.Date, text, s.SentenceRef)
		}
		for _, m := range numberRE.FindAllStringIndex(t, -1) {
			num := t[m[0]:m[1]]
			end := m[1]
			if u := unitRE.FindStringIndex(t[end:]); u != nil {
				end += u[1]
			}
			end += countedNoun(t[end:])
			text := t[m[0]:end]
			if text == num {
				// A bare number: only money and large figures matter.
				if !strings.ContainsAny(num, "$€£¥,") {
					continue
				}
			}
			if isYear(num) && text == num {
				continue
			}
			// Skip numbers that belong to a date ("March 3", "2022").
			if inDate(t, m[0]) {
				continue
			}
			add(domain.Number, text, s.SentenceRef)
		}
	}
	return out
}

func isYear(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20"))
}

func inDate(t string, at int) bool {
	for _, m := range dateRE.FindAllStringIndex(t, -1) {
		if at >= m[0] && at < m[1] {
			return true
		}
	}
	return false
}

// counted are nouns a figure counts that do not end in s.
var counted = map[string]bool{"people": true, "personnel": true, "staff": true, "police": true, "children": true, "men": true, "women": true, "civilians": true}

// notModifier are words that end a figure's noun phrase.
var notModifier = map[string]bool{"the": true, "a": true, "an": true, "in": true, "of": true, "and": true, "or": true, "to": true, "for": true, "on": true, "at": true, "by": true, "with": true, "from": true, "than": true, "as": true, "were": true, "are": true, "was": true, "is": true, "have": true, "has": true, "had": true, "its": true, "their": true, "his": true, "her": true, "this": true, "that": true, "since": true, "after": true, "before": true, "per": true}

// countedNoun returns the length of the noun phrase after a figure that
// says what it counts ("troops", "Russian troops", "public sector jobs"),
// or 0.
func countedNoun(rest string) int {
	at := 0
	for k := 0; k < 3; k++ {
		m := wordRE.FindStringSubmatchIndex(rest[at:])
		if m == nil {
			return 0
		}
		w := rest[at+m[2] : at+m[3]]
		low := strings.ToLower(w)
		if notModifier[low] {
			return 0
		}
		at += m[1]
		if counted[low] || (len(low) >= 4 && strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss") && w == low) {
			return at
		}
	}
	return 0
}
