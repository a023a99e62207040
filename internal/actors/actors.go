// Package actors turns entity mentions into key-actor cards (people,
// organisations, places with roles, aliases and quotes) and finds the key
// numbers and dates of a story.
package actors

import (
	"sort"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// Extract builds the actor cards and key facts of a briefing's articles. sum,
// when not nil, lets presence in the summary raise an actor's salience.
// TODO(actors issue): merging, roles, quotes, facts.
func Extract(docs []*nlp.Doc, sum *domain.Summary) ([]domain.Actor, []domain.Fact) {
	byName := map[string]*domain.Actor{}
	var order []string
	for _, d := range docs {
		for _, e := range d.Entities {
			typ := map[string]domain.ActorType{"PER": domain.Person, "ORG": domain.Organization, "LOC": domain.Place}[e.Label]
			if typ == "" {
				continue
			}
			a := byName[e.Text]
			if a == nil {
				a = &domain.Actor{Name: e.Text, Type: typ}
				byName[e.Text] = a
				order = append(order, e.Text)
			}
			a.Mentions++
			a.Sentences = append(a.Sentences, domain.SentenceRef{Article: d.Index, Index: e.Sentence})
		}
	}
	out := make([]domain.Actor, 0, len(order))
	for _, n := range order {
		out = append(out, *byName[n])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions > out[j].Mentions })
	for i := range out {
		out[i].Salience = float64(out[i].Mentions) / float64(out[0].Mentions)
		out[i].Level = domain.Mentioned
	}
	return out, nil
}

