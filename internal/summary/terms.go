package summary

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// stopwords carry no topic: they are left out of similarity and coverage.
var stopwords = wordSet(`a about above after again against all also am an and any are aren't as at be
because been before being below between both but by can can't cannot could couldn't did didn't do does
doesn't doing don't down during each few for from further had hadn't has hasn't have haven't having he
he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is
isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other
ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such
than that that's the their theirs them themselves then there there's these they they'd they'll they're
they've this those through to too under until up very was wasn't we we'd we'll we're we've were weren't
what what's when when's where where's which while who who's whom why why's with won't would wouldn't
you you'd you'll you're you've your yours yourself yourselves said says say will just one two new also
s t mr mrs ms year years told like may might must us get got last first still much many even since`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// terms returns the content terms of a text: lower-cased runs of letters and
// digits, stop words dropped, light plural stemming so that "talks" and
// "talk" meet.
func terms(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		w = strings.Trim(w, "'")
		w = strings.TrimSuffix(w, "'s")
		if w == "" || stopwords[w] {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// stem strips the commonest English inflections; it only has to make forms
// of one word meet, not produce dictionary words.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// vector is a sparse, L2-normalised term-weight vector with sorted keys, so
// that dot products are a merge and iteration order is deterministic.
type vector struct {
	keys []string
	vals []float64
}

// newVector builds a TF-IDF vector from term counts.
func newVector(tf map[string]int, idf map[string]float64) vector {
	var v vector
	for t := range tf {
		v.keys = append(v.keys, t)
	}
	sort.Strings(v.keys)
	norm := 0.0
	v.vals = make([]float64, len(v.keys))
	for i, t := range v.keys {
		x := (1 + math.Log(float64(tf[t]))) * idf[t]
		v.vals[i] = x
		norm += x * x
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for i := range v.vals {
			v.vals[i] /= norm
		}
	}
	return v
}

// cosine is the dot product of two normalised vectors.
func cosine(a, b vector) float64 {
	dot, _ := overlap(a, b)
	return dot
}

// sharedTerms counts the terms two vectors have in common.
func sharedTerms(a, b vector) int {
	_, shared := overlap(a, b)
	return shared
}

// overlap walks the sorted keys of two vectors once, returning the dot
// product of their weights and the number of terms they share.
func overlap(a, b vector) (dot float64, shared int) {
	i, j := 0, 0
	for i < len(a.keys) && j < len(b.keys) {
		switch {
		case a.keys[i] == b.keys[j]:
			dot += a.vals[i] * b.vals[j]
			shared++
			i++
			j++
		case a.keys[i] < b.keys[j]:
			i++
		default:
			j++
		}
	}
	return dot, shared
}

// containment is the share of the smaller vector's terms found in the other.
func containment(a, b vector) float64 {
	if len(a.keys) == 0 || len(b.keys) == 0 {
		return 0
	}
	return float64(sharedTerms(a, b)) / float64(min(len(a.keys), len(b.keys)))
}
