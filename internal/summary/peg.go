package summary

import (
	"strings"

	"briefdesk/internal/nlp"
)

// A hard-news story hangs on a peg: somebody with a name did or announced
// something, usually with a figure ("the International Grain Council cut
// its forecast ... by 4.7%"). Feature stories open on a scene instead ("At
// the port of Dastra, the grain elevators are full") and reach the peg a
// few paragraphs down, where the lead prior alone would not find it.

// pegVerbs are the forms of verbs that report news or a change: saying,
// deciding and moving up or down.
var pegVerbs = wordSet(`said says announced announces announce agreed agrees agree signed signs sign
approved approves approve rejected rejects reject voted votes cut cuts raised raises raise lowered lowers
lower rose rises rise fell falls fall increased increases increase decreased decreases decrease reduced
reduces reduce dropped drops jumped jumps climbed climbs slumped slumps doubled tripled halved warned warns
confirmed confirms reported reports estimated estimates forecast forecasts revised revises ordered orders
ruled rules banned bans launched launches killed kills died injured arrested charged sentenced
resigned resigns appointed appoints elected elects won wins lost loses declared declares imposed
imposes lifted lifts suspended suspends withdrew withdraw withdraws pledged pledges promised promises
expects expected plans planned blamed blames accused accuses demanded demands struck strikes`)

// pegFeature scores how much a sentence reads as a news peg, 0..1: a named
// person or organisation, a news verb and a figure each count a third.
func pegFeature(s nlp.Sentence, ents []nlp.Entity, number float64) float64 {
	actor := 0.0
	for _, e := range ents {
		if e.Label == "ORG" || e.Label == "PER" {
			actor = 1
			break
		}
	}
	verb := 0.0
	for _, t := range s.Tokens {
		if strings.HasPrefix(t.Tag, "VB") && pegVerbs[strings.ToLower(t.Text)] {
			verb = 1
			break
		}
	}
	return (actor + verb + number) / 3
}

// sceneFeature marks an opening that sets a scene rather than giving news:
// one of the first two sentences with no named person or organisation, no
// figure and no news verb. It returns 0 for any other sentence.
func sceneFeature(pos int, peg float64) float64 {
	if pos < 2 && peg == 0 {
		return 1
	}
	return 0
}
