package summary

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// The features the ranker combines. Each is scaled to about 0..1 within an
// article so that one set of weights serves short and long articles.
const (
	fFirst      = iota // first sentence of its article: the news lead
	fLead              // exp(-index/3): the inverted pyramid
	fRel               // 1 - relative position
	fParaFirst         // opens a paragraph (after the first)
	fLast              // last sentence of the article: sign-offs, asides
	fLen               // length in words, capped
	fShort             // under ten words
	fCentroid          // TF-IDF cosine with the story's centroid
	fRank              // PageRank over the TF-IDF similarity graph
	fCover             // Luhn-style coverage of words repeated elsewhere
	fTitle             // share of the headline's terms the sentence holds
	fEntity            // salience of the named entities it mentions
	fProper            // salience of the proper nouns it mentions
	fNumber            // holds a number: amounts, counts, dates
	fQuoteOpen         // opens with a quotation mark
	fQuote             // holds a quotation
	fQuestion          // ends with a question mark
	fBoiler            // looks like boilerplate (credits, links, prompts)
	fFracLen           // length times the share of sentences asked for
	fFracLead          // lead times the share of sentences asked for
	fForward           // similarity to later sentences of its article (PacSum-style directed centrality)
	fBackward          // similarity to earlier sentences of its article
	fOverlap           // TextRank with word-overlap similarity, which favours full sentences
	fPeg               // reads as a news peg: named actor, news verb, figure
	fScene             // an opening that sets a scene: no actor, figure or news verb
	fClaim             // attributes a claim, most of all to a central actor
	fBackground        // opens on background ("Last month", "In addition")
	fPronoun           // opens with a pronoun
	fLeadSim           // similarity to its article's lead, which it may only restate
	fRestate           // repeats a quotation of its article's lead
	numFeatures
)

// FeatureNames names the features, in weight order, for tuning reports.
var FeatureNames = [numFeatures]string{
	"first", "lead", "rel", "parafirst", "last", "len", "short", "centroid",
	"rank", "cover", "title", "entity", "proper", "number", "quoteopen",
	"quote", "question", "boiler", "fraclen", "fraclead", "forward",
	"backward", "overlap", "peg", "scene", "claim", "background", "pronoun",
	"leadsim", "restate",
}

// sentence is one candidate with what the ranker knows about it.
type sentence struct {
	domain.Sentence
	words  int
	feat   [numFeatures]float64
	vec    vector
	dedup  string // normalised text, to spot the same sentence in two articles
	keys   factKeys
	refers []string // the people a he/she opening may refer to
	people []string // entity keys of the people it names
	teases int      // the lead sentence (briefing index) this opening sentence only teases, or -1
	skip   bool     // not a statement (breadcrumb, byline) or a teaser of the lead: never chosen unless pinned
}

// Prepared holds the features of a briefing's sentences. Building it is
// the costly part of summarising; choosing sentences for a given length and
// set of weights is cheap, which is what the tuning harness relies on.
type Prepared struct {
	sents []sentence
	words int // words in all articles
}

// Prepare computes the features of every sentence of docs.
func Prepare(docs []*nlp.Doc) *Prepared {
	p := &Prepared{}
	var tfs []map[string]int
	df := map[string]int{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			tf := map[string]int{}
			for _, t := range terms(s.Text) {
				tf[t]++
			}
			for t := range tf {
				df[t]++
			}
			tfs = append(tfs, tf)
			w := nlp.Words(s.Text)
			p.words += w
			p.sents = append(p.sents, sentence{Sentence: s.Sentence, words: w, dedup: strings.Join(terms(s.Text), " ")})
		}
	}
	if len(p.sents) == 0 {
		return p
	}
	nAll := float64(len(p.sents))
	idf := make(map[string]float64, len(df))
	for t, n := range df {
		idf[t] = math.Log(1 + nAll/float64(n))
	}
	// Story centroid over all articles: what the briefing is about.
	centroid := map[string]int{}
	for i := range p.sents {
		p.sents[i].vec = newVector(tfs[i], idf)
		for t, n := range tfs[i] {
			centroid[t] += n
		}
	}
	cvec := newVector(centroid, idf)
	rank, overlap := graphRanks(p.sents, docs)

	k := 0
	for _, d := range docs {
		n := len(d.Sentences)
		title := titleTerms(d)
		ent := entitySalience(d)
		prop := properSalience(d)
		ew := entityWords(d)
		central, person := centralActors(d)
		refers, people := antecedents(d)
		sentEnts := make([][]nlp.Entity, n)
		for _, e := range d.Entities {
			if e.Sentence >= 0 && e.Sentence < n {
				sentEnts[e.Sentence] = append(sentEnts[e.Sentence], e)
			}
		}
		docTF := map[string]int{}
		for j := 0; j < n; j++ {
			for t, c := range tfs[k+j] {
				docTF[t] += c
			}
		}
		// Lines that are no statement (breadcrumbs, bylines) and
		// standfirsts kept in the body are found first: they never
		// count towards the lead, so the news lead after them keeps
		// its place.
		for j, s := range d.Sentences {
			ps := &p.sents[k+j]
			ps.keys = factKeys{nums: numbersOf(s.Text), ents: ew[j]}
			ps.skip = notASentence(s, ps.words)
			ps.refers, ps.people = refers[j], people[j]
		}
		for j, l := range teasers(p.sents[k : k+n]) {
			ps := &p.sents[k+j]
			ps.teases = -1
			switch {
			case l < 0:
			case ps.Para != p.sents[k+l].Para:
				ps.skip = true
			default:
				ps.teases = k + l
			}
		}
		pos := make([]int, n) // position among the sentences that may be chosen
		kept := 0
		for j := range pos {
			pos[j] = kept
			if ps := &p.sents[k+j]; !ps.skip && ps.teases < 0 {
				kept++
			}
		}
		for j, s := range d.Sentences {
			ps := &p.sents[k+j]
			f := &ps.feat
			if pos[j] == 0 && !ps.skip && ps.teases < 0 {
				f[fFirst] = 1
			}
			f[fLead] = math.Exp(-float64(pos[j]) / 3)
			if kept > 1 {
				f[fRel] = math.Max(0, 1-float64(pos[j])/float64(kept-1))
			} else {
				f[fRel] = 1
			}
			if j > 0 && s.Para != d.Sentences[j-1].Para {
				f[fParaFirst] = 1
			}
			if j == n-1 && n > 3 {
				f[fLast] = 1
			}
			f[fLen] = math.Min(float64(ps.words), 50) / 25
			if ps.words < 10 {
				f[fShort] = 1
			}
			f[fCentroid] = cosine(ps.vec, cvec)
			f[fRank] = rank[k+j]
			f[fOverlap] = overlap[k+j]
			for o := 0; o < n; o++ {
				if c := cosine(ps.vec, p.sents[k+o].vec); o > j {
					f[fForward] += c
				} else if o < j {
					f[fBackward] += c
				}
			}
			cover := 0.0
			for _, t := range ps.vec.keys { // sorted: float sums must not depend on map order
				cover += math.Log(float64(docTF[t] - tfs[k+j][t] + 1))
			}
			f[fCover] = cover
			if len(title) > 0 {
				hit := 0
				for t := range title {
					if tfs[k+j][t] > 0 {
						hit++
					}
				}
				f[fTitle] = float64(hit) / float64(len(title))
			}
			f[fEntity] = ent[j]
			f[fProper] = prop[j]
			f[fNumber] = hasNumber(s)
			f[fPeg] = pegFeature(s, sentEnts[j], f[fNumber])
			if !ps.skip && ps.teases < 0 {
				f[fScene] = sceneFeature(pos[j], f[fPeg])
			}
			f[fQuoteOpen], f[fQuote] = quoteFeatures(s.Text)
			if strings.HasSuffix(strings.TrimRight(s.Text, "\"'”’)"), "?") {
				f[fQuestion] = 1
			}
			f[fBoiler] = boilerplate(s.Text, ps.words)
			f[fClaim] = claimFeature(s, sentEnts[j], central, person)
			f[fBackground] = backgroundFeature(s.Text)
			f[fPronoun] = pronounFeature(s)
		}
		first := -1
		for j := 0; j < n; j++ {
			if p.sents[k+j].feat[fFirst] == 1 {
				first = j
				break
			}
		}
		if first >= 0 {
			quotes := quotedSpans(d.Sentences[first].Text)
			for j := first + 1; j < n; j++ {
				f := &p.sents[k+j].feat
				f[fLeadSim] = cosine(p.sents[k+j].vec, p.sents[k+first].vec)
				if restatesLead(d.Sentences[j].Text, quotes) {
					f[fRestate] = 1
				}
			}
		}
		normalize(p.sents[k:k+n], fCentroid, fRank, fCover, fEntity, fProper, fForward, fBackward, fOverlap)
		k += n
	}
	return p
}

// normalize scales the given features to 0..1 by their maximum within one
// article, so that long and short articles score alike.
func normalize(ss []sentence, fs ...int) {
	for _, f := range fs {
		m := 0.0
		for i := range ss {
			m = math.Max(m, ss[i].feat[f])
		}
		if m <= 0 {
			continue
		}
		for i := range ss {
			ss[i].feat[f] /= m
		}
	}
}

// maxGraph is the most sentences ranked in one similarity graph. A briefing
// of many articles beyond it is ranked article by article, which keeps time
// and memory quadratic in an article rather than in the whole briefing.
const maxGraph = 800

// graphRanks returns the PageRank of every sentence over the cosine graph
// and over the word-overlap graph, across all articles of the briefing so
// that sentences on the common story rise.
func graphRanks(ss []sentence, docs []*nlp.Doc) (rank, overlap []float64) {
	cos := func(a, b *sentence) float64 {
		if c := cosine(a.vec, b.vec); c > 0.05 {
			return c
		}
		return 0
	}
	if len(ss) <= maxGraph {
		return pageRank(ss, cos), pageRank(ss, overlapSim)
	}
	k := 0
	for _, d := range docs {
		n := len(d.Sentences)
		rank = append(rank, pageRank(ss[k:k+n], cos)...)
		overlap = append(overlap, pageRank(ss[k:k+n], overlapSim)...)
		k += n
	}
	return rank, overlap
}

// pageRank runs weighted PageRank over the cosine-similarity graph of all
// sentences: sentences that many others resemble are central to the story.
func pageRank(ss []sentence, sim func(a, b *sentence) float64) []float64 {
	n := len(ss)
	w := make([][]float64, n)
	out := make([]float64, n)
	for i := range w {
		w[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if c := sim(&ss[i], &ss[j]); c > 0 {
				w[i][j], w[j][i] = c, c
			}
		}
	}
	for i := 0; i < n; i++ {
		for _, x := range w[i] {
			out[i] += x
		}
	}
	rank := make([]float64, n)
	next := make([]float64, n)
	for i := range rank {
		rank[i] = 1 / float64(n)
	}
	const damping = 0.85
	for it := 0; it < 30; it++ {
		for i := range next {
			next[i] = (1 - damping) / float64(n)
		}
		for j := 0; j < n; j++ {
			if out[j] == 0 {
				continue
			}
			share := damping * rank[j] / out[j]
			for i, x := range w[j] {
				if x > 0 {
					next[i] += share * x
				}
			}
		}
		rank, next = next, rank
	}
	return rank
}

// overlapSim is the original TextRank similarity: shared terms over the
// log lengths of the two sentences.
func overlapSim(a, b *sentence) float64 {
	la, lb := len(a.vec.keys), len(b.vec.keys)
	if la < 2 || lb < 2 {
		return 0
	}
	shared := sharedTerms(a.vec, b.vec)
	return float64(shared) / (math.Log(float64(la)) + math.Log(float64(lb)))
}

// titleTerms returns the headline's terms, or nothing when the title is
// missing or is really the body (a pasted text without a headline).
func titleTerms(d *nlp.Doc) map[string]bool {
	if d.Article == nil {
		return nil
	}
	t := strings.TrimSpace(d.Article.Title)
	if t == "" || nlp.Words(t) > 30 {
		return nil
	}
	if len(d.Article.Paragraphs) > 0 && strings.TrimSpace(d.Article.Paragraphs[0]) == t && len(d.Article.Paragraphs) == 1 {
		return nil
	}
	out := map[string]bool{}
	for _, w := range terms(t) {
		out[w] = true
	}
	return out
}

// entityKey merges mentions of one actor: people by their surname, so that
// "Alan Greenspan" and "Mr Greenspan" count together.
func entityKey(e nlp.Entity) string {
	f := strings.Fields(strings.ToLower(e.Text))
	if len(f) == 0 {
		return ""
	}
	if e.Label == "PER" {
		return stem(strings.TrimSuffix(f[len(f)-1], "'s"))
	}
	return strings.Join(f, " ")
}

// entitySalience scores each sentence by how often the entities it names
// are mentioned elsewhere in the article.
func entitySalience(d *nlp.Doc) []float64 {
	out := make([]float64, len(d.Sentences))
	count := map[string]int{}
	per := make([]map[string]bool, len(d.Sentences))
	for _, e := range d.Entities {
		k := entityKey(e)
		if k == "" || e.Sentence < 0 || e.Sentence >= len(per) {
			continue
		}
		count[k]++
		if per[e.Sentence] == nil {
			per[e.Sentence] = map[string]bool{}
		}
		per[e.Sentence][k] = true
	}
	for i, ks := range per {
		out[i] = sumLogCounts(ks, count)
	}
	return out
}

// properSalience does the same for proper nouns (NNP tags), which do not
// depend on the entity model's quality.
func properSalience(d *nlp.Doc) []float64 {
	out := make([]float64, len(d.Sentences))
	count := map[string]int{}
	per := make([]map[string]bool, len(d.Sentences))
	for i, s := range d.Sentences {
		per[i] = map[string]bool{}
		for _, t := range s.Tokens {
			if !strings.HasPrefix(t.Tag, "NNP") {
				continue
			}
			w := stem(strings.ToLower(strings.TrimSuffix(t.Text, "'s")))
			if stopwords[w] || len(w) < 2 {
				continue
			}
			if !per[i][w] {
				per[i][w] = true
				count[w]++
			}
		}
	}
	for i, ws := range per {
		out[i] = sumLogCounts(ws, count)
	}
	return out
}

// sumLogCounts adds log(count) over the keys in sorted order, so that the
// floating-point result never depends on map iteration order.
func sumLogCounts(keys map[string]bool, count map[string]int) float64 {
	ks := make([]string, 0, len(keys))
	for k := range keys {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	s := 0.0
	for _, k := range ks {
		s += math.Log(float64(count[k]))
	}
	return s
}

func hasNumber(s nlp.Sentence) float64 {
	for _, t := range s.Tokens {
		if t.Tag == "CD" {
			return 1
		}
	}
	for _, r := range s.Text {
		if unicode.IsDigit(r) {
			return 1
		}
	}
	return 0
}

// quoteFeatures reports whether the sentence opens with a quotation and
// whether it holds one.
func quoteFeatures(text string) (open, has float64) {
	t := strings.TrimLeft(text, " -–—")
	if strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "“") || strings.HasPrefix(t, "'") || strings.HasPrefix(t, "‘") {
		open = 1
	}
	if strings.ContainsAny(text, "\"“”") {
		has = 1
	}
	return open, has
}

// boilerplatePhrases mark lines that are not part of the story.
var boilerplatePhrases = []string{
	"contributed to this report", "click here", "follow us", "follow @", "sign up", "subscribe",
	"all rights reserved", "copyright", "read more", "related:", "photo:", "image:", "watch:",
	"share this", "for more", "email ", "e-mail ", "newsletter", "this story has been", "this article",
	"reporting by", "editing by", "writing by", "@",
}

func boilerplate(text string, words int) float64 {
	if words < 4 {
		return 1
	}
	low := strings.ToLower(text)
	for _, p := range boilerplatePhrases {
		if strings.Contains(low, p) {
			return 1
		}
	}
	return 0
}

// FeatureIndex returns the index of the named feature, or -1.
func FeatureIndex(name string) int {
	for i, n := range FeatureNames {
		if n == name {
			return i
		}
	}
	return -1
}
