package brief

import (
	"strings"
	"time"

	"briefdesk/internal/domain"
)

// The stories below are written for these tests: the people and events are
// invented, and their names carry the letters a brief must keep (ü, Ł, ğ, the
// curly quotes and dashes of real copy).

// storyGrain is a single-article story with a long summary, quotes and figures.
var storyGrain = story{
	title:  "Black Sea grain corridor talks resume in Istanbul after six-week pause",
	source: "Desk Wire", byline: "Katrin Müller and Łukasz Nowak", dateline: "ISTANBUL",
	published: time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC),
	sentences: []string{
		"Negotiators from Ukraine, Turkey and the United Nations resumed talks on Tuesday on reopening the Black Sea grain corridor, six weeks after the last round collapsed over ship inspections.",
		"Turkish mediator Ayşe Erdoğan said the parties had agreed to a “technical agenda” covering inspection times, insurance and the safety of crews.",
		"About 2.4 million tonnes of wheat and maize are waiting in Odesa’s ports, according to port authority figures released on Monday.",
		"Ukraine’s deputy foreign minister, Oleksandr Zelenskyy-Kovalenko, said Kyiv was ready to accept joint inspections “as long as they are quick, fair and predictable”.",
		"Insurers in London have raised war-risk premiums for the route to 3% of a ship’s value, up from 1% in January.",
		"The UN’s coordinator for the talks, Martin Haugland, warned that food prices in East Africa would rise again if no deal was reached before the harvest in July.",
		"Shipping data show that only 14 vessels left Ukrainian ports in February, against 96 in the same month last year.",
		"Diplomats said a draft text could be ready by 20 March, although several points remain open.",
		"Russia has not taken part in the talks, and its foreign ministry called them “a show without substance”.",
		"Traders in Rotterdam said wheat futures fell 2% on news that the talks had resumed.",
		"A second round is planned for next week in Geneva, where the World Food Programme will present a plan for humanitarian cargoes worth €180 million.",
		"The British government pledged £25 million to help fund inspections, a Foreign Office spokesperson said.",
	},
	chosen: []int{0, 1, 2, 3, 5, 7, 10},
	actors: []actorSpec{
		{"Ayşe Erdoğan", domain.Person, "Turkish mediator", domain.Central, 7, 1, "the parties had agreed to a technical agenda covering inspection times, insurance and the safety of crews, and that she expected the next round to settle the question of joint inspections once and for all", true},
		{"Oleksandr Zelenskyy-Kovalenko", domain.Person, "Ukraine’s deputy foreign minister", domain.Central, 5, 3, "as long as they are quick, fair and predictable", true},
		{"Martin Haugland", domain.Person, "UN coordinator for the talks", domain.Supporting, 3, 5, "food prices in East Africa would rise again if no deal was reached before the harvest in July", false},
		{"United Nations", domain.Organization, "", domain.Supporting, 4, 0, "", false},
		{"Odesa", domain.Place, "Ukrainian port city", domain.Supporting, 3, 2, "", false},
		{"World Food Programme", domain.Organization, "UN agency", domain.Supporting, 2, 10, "", false},
		{"Russia", domain.Place, "", domain.Mentioned, 1, 8, "a show without substance", true},
	},
	facts: []factSpec{
		{domain.Number, "2.4 million tonnes", 2}, {domain.Number, "3%", 4}, {domain.Number, "14 vessels", 6},
		{domain.Date, "20 March", 7}, {domain.Number, "€180 million", 10}, {domain.Number, "£25 million", 11},
		{domain.Date, "July", 5}, {domain.Number, "96", 6},
	},
}

// storyPower is a second, shorter story for multi-article briefings.
var storyPower = story{
	title:  "Ukraine and Moldova agree emergency power-sharing deal for the winter",
	source: "Eastern Europe Monitor", byline: "Irina Țurcanu",
	published: time.Date(2026, 3, 2, 16, 0, 0, 0, time.UTC),
	sentences: []string{
		"Ukraine and Moldova signed an agreement on Monday to share up to 500 megawatts of electricity during emergencies, officials in Chișinău said.",
		"Moldova’s energy minister, Victor Dragă, called it “a safety net for both our grids — not a favour, a necessity”.",
		"The deal runs until April 2027 and will be reviewed every three months.",
		"Engineers will upgrade two cross-border lines with €42 million from the European Union.",
	},
	chosen: []int{0, 1, 3},
	actors: []actorSpec{
		{"Victor Dragă", domain.Person, "Moldova’s energy minister", domain.Central, 3, 1, "a safety net for both our grids — not a favour, a necessity", true},
		{"European Union", domain.Organization, "", domain.Supporting, 2, 3, "", false},
	},
	facts: []factSpec{{domain.Number, "500 megawatts", 0}, {domain.Date, "April 2027", 2}, {domain.Number, "€42 million", 3}},
}

type story struct {
	title, source, byline, dateline string
	published                       time.Time
	sentences                       []string
	chosen                          []int
	actors                          []actorSpec
	facts                           []factSpec
}

type actorSpec struct {
	name     string
	typ      domain.ActorType
	role     string
	level    string
	mentions int
	did      int // sentence index of the actor's line; -1 none
	quote    string
	direct   bool
}

type factSpec struct {
	kind domain.FactKind
	text string
	at   int
}

// briefing builds a briefing from stories, scoring sentences so that earlier
// ones rank higher (as a lead-biased ranker would).
func briefing(title string, stories ...story) *domain.Briefing {
	b := &domain.Briefing{ID: 42, Title: title, Analysis: &domain.Analysis{}}
	for ai, s := range stories {
		a := &domain.Article{
			ID: int64(ai + 1), Title: s.title, Source: s.source, Byline: s.byline,
			Dateline: s.dateline, Published: s.published, Language: "en",
		}
		var sents []domain.Sentence
		off := 0
		for i, t := range s.sentences {
			a.Paragraphs = append(a.Paragraphs, t)
			sents = append(sents, domain.Sentence{
				SentenceRef: domain.SentenceRef{Article: ai, Index: i},
				Para:        i, Start: off, End: off + len(t), Text: t,
			})
			off += len(t) + 2
		}
		b.Articles = append(b.Articles, a)
		chosen := map[int]bool{}
		for _, i := range s.chosen {
			chosen[i] = true
		}
		for i, x := range sents {
			ss := domain.ScoredSentence{Sentence: x, Score: 1 / float64(i+1+ai)}
			b.Analysis.Summary.Scores = append(b.Analysis.Summary.Scores, ss)
			if chosen[i] {
				b.Analysis.Summary.Sentences = append(b.Analysis.Summary.Sentences, ss)
			}
		}
		for _, ac := range s.actors {
			act := domain.Actor{Name: ac.name, Type: ac.typ, Role: ac.role, Level: ac.level, Mentions: ac.mentions}
			if ac.did >= 0 && ac.did < len(s.sentences) {
				act.Did = s.sentences[ac.did]
				act.Sentences = []domain.SentenceRef{{Article: ai, Index: ac.did}}
			}
			if ac.quote != "" {
				act.Quotes = []domain.Quote{{Text: ac.quote, Direct: ac.direct, Where: domain.SentenceRef{Article: ai, Index: max(ac.did, 0)}}}
			}
			b.Analysis.Actors = append(b.Analysis.Actors, act)
		}
		for _, f := range s.facts {
			b.Analysis.Facts = append(b.Analysis.Facts, domain.Fact{Kind: f.kind, Text: f.text, Where: domain.SentenceRef{Article: ai, Index: f.at}})
		}
	}
	if title == "" && len(stories) > 0 {
		b.Title = stories[0].title
	}
	return b
}

// normalize folds white space so text extracted from a PDF compares with the
// text that went in.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// loose drops white space and hyphens: pdftotext joins a line that ends in a
// hyphen to the next, so " - " at a line end comes out as "-".
func loose(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' || r == '\n' || r == '\t' {
			return -1
		}
		return r
	}, s)
}
