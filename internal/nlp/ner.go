package nlp

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/gob"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The entity tagger is a greedy averaged perceptron over IOB2 tags, trained
// on CoNLL-2003 (see nertrain). It replaces prose's own extracter, which
// knows only PERSON and GPE and almost never finds organisations.

//go:embed model/ner.gob.gz
var nerModelData []byte

// nerLabels are the IOB2 tags the tagger predicts.
var nerLabels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// NERModel holds averaged perceptron weights: one row of len(Labels)
// weights per feature.
type NERModel struct {
	Labels []string
	Feats  []string
	W      []float32

	index map[string]int32
	off   Ablation // set by TrainNER or Ablate; not stored
}

// Ablate switches groups off for this model's tagging (see Ablation).
func (m *NERModel) Ablate(groups ...string) {
	if m.off == nil {
		m.off = Ablation{}
	}
	for _, g := range groups {
		m.off[g] = true
	}
}

var (
	nerOnce sync.Once
	nerM    *NERModel
	nerErr  error
)

// entityModel returns the embedded entity model, decoded on first use.
func entityModel() (*NERModel, error) {
	nerOnce.Do(func() { nerM, nerErr = ReadNERModel(bytes.NewReader(nerModelData)) })
	return nerM, nerErr
}

// ReadNERModel decodes a gzipped gob model as written by WriteNERModel.
func ReadNERModel(r io.Reader) (*NERModel, error) {
	const op = "nlp.ReadNERModel"
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	m := &NERModel{}
	if err := gob.NewDecoder(zr).Decode(m); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	m.buildIndex()
	return m, nil
}

// WriteNERModel encodes m as a gzipped gob.
func WriteNERModel(w io.Writer, m *NERModel) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(zw).Encode(m); err != nil {
		return fmt.Errorf("nlp.WriteNERModel: %w", err)
	}
	return zw.Close()
}

func (m *NERModel) buildIndex() {
	m.index = make(map[string]int32, len(m.Feats))
	for i, f := range m.Feats {
		m.index[f] = int32(i)
	}
}

// Ablation names the feature groups and passes switched off ("gaz", "doc",
// "hist", "harmonise", "repair"), so the trainer can measure what each adds.
// A model trained with an ablation tags with it; the shipped model has none.
type Ablation map[string]bool

// nerSent is one sentence as the tagger sees it. Part-of-speech tags are
// not used: on CoNLL dev they cost 0.3 F1 (prose's tagger is noisy on
// Reuters tokens, and its ties make training non-deterministic).
type nerSent struct {
	words []string // normalised token texts
}

// docStats is document-level evidence about capitalisation: a capitalised
// word that also appears in lower case in the same document is probably not
// a name; a sentence-initial word that also appears capitalised in mid
// sentence probably is.
type docStats struct {
	lower  map[string]bool // lowercased words seen in lower case
	capMid map[string]bool // lowercased words seen capitalised, not sentence-initial
	off    Ablation        // groups switched off
}

func newDocStats(sents []nerSent) docStats {
	d := docStats{lower: map[string]bool{}, capMid: map[string]bool{}}
	for _, s := range sents {
		upper := isHeadline(s.words)
		for i, w := range s.words {
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsLower(r):
				d.lower[w] = true
			case unicode.IsUpper(r) && i > 0 && !upper:
				d.capMid[strings.ToLower(w)] = true
			}
		}
	}
	return d
}

// isHeadline reports whether a sentence is in capitals (CoNLL headlines,
// wire-style slugs), where case says nothing about names.
func isHeadline(words []string) bool {
	letters, upper := 0, 0
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
	}
	return letters >= 6 && upper*10 >= letters*9
}

// shape maps a word to its character classes with runs collapsed:
// "Stoltenberg" -> "Xx", "NATO-Russia" -> "X-Xx", "3.1%" -> "d.d%".
func shape(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// longShape is shape without collapsing, for short words ("USA" -> "XXX").
func longShape(w string) string {
	if utf8.RuneCountInString(w) > 5 {
		return "long"
	}
	var b strings.Builder
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			b.WriteRune('X')
		case unicode.IsLower(r):
			b.WriteRune('x')
		case unicode.IsDigit(r):
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// gazTags marks gazetteer matches over a sentence in IOB form, longest
// match first: "B-LOC", "I-ORG", "B-TITLE"...
func gazTags(words []string) []string {
	out := make([]string, len(words))
	low := make([]string, len(words))
	for i, w := range words {
		low[i] = strings.ToLower(w)
	}
	for i := 0; i < len(words); {
		n := gazMaxWords
		if i+n > len(words) {
			n = len(words) - i
		}
		matched := 0
		if r, _ := utf8.DecodeRuneInString(words[i]); !unicode.IsUpper(r) {
			n = 0 // names start with a capital: "total" is not Total
		}
		for ; n >= 1; n-- {
			if k, ok := gazKind[strings.Join(low[i:i+n], " ")]; ok {
				out[i] = "B-" + k
				for j := i + 1; j < i+n; j++ {
					out[j] = "I-" + k
				}
				matched = n
				break
			}
		}
		if matched == 0 {
			out[i] = "-"
			matched = 1
		}
		i += matched
	}
	return out
}

// staticFeatures returns the features of every token that do not depend on
// the tags predicted before it.
func staticFeatures(s nerSent, ds docStats) [][]string {
	n := len(s.words)
	low := make([]string, n+4)
	shp := make([]string, n+4)
	raw := make([]string, n+4)
	for i := range low {
		low[i], shp[i], raw[i] = "<s>", "<s>", "<s>"
	}
	for i := 0; i < n; i++ {
		w := s.words[i]
		raw[i+2], low[i+2], shp[i+2] = w, strings.ToLower(w), shape(w)
	}
	low[n+2], low[n+3] = "</s>", "</s>"
	shp[n+2], shp[n+3] = "</s>", "</s>"
	raw[n+2], raw[n+3] = "</s>", "</s>"
	gz := gazTags(s.words)
	if ds.off["gaz"] {
		for i := range gz {
			gz[i] = "-"
		}
	}

	gzAt := func(i int) string {
		if i < 0 || i >= n {
			return "<s>"
		}
		return gz[i]
	}
	head := isHeadline(s.words)
	hd := ""
	if head {
		hd = "H"
	}
	out := make([][]string, n)
	for i := 0; i < n; i++ {
		k := i + 2
		w, l, sh := raw[k], low[k], shp[k]
		f := make([]string, 0, 64)
		f = append(f, "b", "w="+w, "l="+l, "sh="+sh+hd, "ls="+longShape(w),
			"l-1="+low[k-1], "l+1="+low[k+1], "l-2="+low[k-2], "l+2="+low[k+2],
			"w-1="+raw[k-1], "w+1="+raw[k+1],
			"sh-1="+shp[k-1]+hd, "sh+1="+shp[k+1]+hd, "sh-1|sh="+shp[k-1]+"|"+sh+hd, "sh|sh+1="+sh+"|"+shp[k+1]+hd,
			"l-1|l="+low[k-1]+"|"+l, "l|l+1="+l+"|"+low[k+1],
			"gz="+gz[i], "gz-1="+gzAt(i-1), "gz+1="+gzAt(i+1), "gz|sh="+gz[i]+"|"+sh+hd,
		)
		rs := []rune(l)
		for j := 1; j <= 4 && j <= len(rs); j++ {
			f = append(f, "p"+string(rune('0'+j))+"="+string(rs[:j]), "s"+string(rune('0'+j))+"="+string(rs[len(rs)-j:]))
		}
		if i == 0 {
			f = append(f, "first|sh="+sh+hd)
		}
		if gazOrgWord[low[k+1]] {
			f = append(f, "orgw+1")
		}
		if gazOrgWord[l] {
			f = append(f, "orgw|sh="+sh)
		}
		if gazPlaceWrd[low[k+1]] {
			f = append(f, "plw+1")
		}
		if strings.Contains(w, "-") {
			f = append(f, "hyph|"+sh)
			if a, _, ok := strings.Cut(w, "-"); ok {
				f = append(f, "hyp1="+strings.ToLower(a))
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && !ds.off["doc"] {
			if ds.lower[l] {
				f = append(f, "dlow"+hd)
			}
			if (i == 0 || head) && ds.capMid[l] {
				f = append(f, "dcap")
			}
		}
		out[i] = f
	}
	return out
}

// scoreInto adds the weights of features fs into sc.
func (m *NERModel) scoreInto(sc []float32, fs []string) {
	nl := len(m.Labels)
	for _, f := range fs {
		if r, ok := m.index[f]; ok {
			row := m.W[int(r)*nl : int(r)*nl+nl]
			for j, w := range row {
				sc[j] += w
			}
		}
	}
}

// dynFeatures are the features that depend on tags already predicted:
// the previous two, and what the same word was tagged earlier in the
// document (hist, "" when never seen).
func dynFeatures(dst []string, p1, p2, low, sh, hist string) []string {
	dst = append(dst[:0], "t-1="+p1, "t-2|t-1="+p2+"|"+p1, "t-1|l="+p1+"|"+low, "t-1|sh="+p1+"|"+sh)
	if hist != "" {
		dst = append(dst, "hist="+hist, "hist|sh="+hist+"|"+sh)
	}
	return dst
}

// history remembers the entity types the tagger gave each capitalised word
// so far in a document: a name is usually the same thing each time.
type history map[string]*[5]int

var histTypes = [5]string{"PER", "ORG", "LOC", "MISC", "O"}

// feature returns the type most often given to w so far, or "".
func (h history) feature(w string, off Ablation) string {
	if off["hist"] {
		return ""
	}
	c := h[strings.ToLower(w)]
	if c == nil {
		return ""
	}
	best := 0
	for i := 1; i < len(c); i++ {
		if c[i] > c[best] {
			best = i
		}
	}
	return histTypes[best]
}

func (h history) add(w, label string) {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return
	}
	k := strings.ToLower(w)
	c := h[k]
	if c == nil {
		c = new([5]int)
		h[k] = c
	}
	t := 4
	if len(label) > 2 {
		for i, ht := range histTypes[:4] {
			if label[2:] == ht {
				t = i
			}
		}
	}
	c[t]++
}

// allowed reports whether label may follow prev in IOB2.
func allowed(prev, label string) bool {
	if label[0] != 'I' {
		return true
	}
	return len(prev) > 2 && prev[2:] == label[2:]
}

// tagSentence predicts IOB2 tags greedily, left to right.
func (m *NERModel) tagSentence(s nerSent, static [][]string, hist history) []string {
	out := make([]string, len(s.words))
	sc := make([]float32, len(m.Labels))
	var dyn []string
	p1, p2 := "<s>", "<s>"
	for i := range s.words {
		for j := range sc {
			sc[j] = 0
		}
		m.scoreInto(sc, static[i])
		dyn = dynFeatures(dyn, p1, p2, strings.ToLower(s.words[i]), shape(s.words[i]), hist.feature(s.words[i], m.off))
		m.scoreInto(sc, dyn)
		best := 0
		for j := 1; j < len(sc); j++ {
			if allowed(p1, m.Labels[j]) && (!allowed(p1, m.Labels[best]) || sc[j] > sc[best]) {
				best = j
			}
		}
		out[i] = m.Labels[best]
		p2, p1 = p1, out[i]
		hist.add(s.words[i], out[i])
	}
	return out
}

// tagDoc tags the sentences of one document, then makes the labels of
// repeated names agree across the document.
func (m *NERModel) tagDoc(sents []nerSent) [][]string {
	ds := newDocStats(sents)
	ds.off = m.off
	out := make([][]string, len(sents))
	hist := history{}
	for i, s := range sents {
		out[i] = m.tagSentence(s, staticFeatures(s, ds), hist)
	}
	if !m.off["harmonise"] {
		harmonise(sents, out)
	}
	if !m.off["repair"] {
		repairSpans(sents, out)
	}
	return out
}

// harmonise relabels a name the tagger typed differently in different
// places of one document with its majority type, and tags untagged
// capitalised occurrences of multi-word names it found elsewhere. Reporters
// name an actor once in full, then reuse the name.
func harmonise(sents []nerSent, tags [][]string) {
	votes := map[string]map[string]int{}
	for si, ts := range tags {
		for _, sp := range spanList(ts) {
			key := strings.ToLower(strings.Join(sents[si].words[sp.first:sp.last+1], " "))
			if votes[key] == nil {
				votes[key] = map[string]int{}
			}
			votes[key][sp.typ]++
		}
	}
	major := map[string]string{}
	for k, v := range votes {
		best, bn, total := "", 0, 0
		for t, n := range v {
			total += n
			if n > bn || (n == bn && t < best) {
				best, bn = t, n
			}
		}
		if bn*2 > total {
			major[k] = best
		}
	}
	for si, ts := range tags {
		for _, sp := range spanList(ts) {
			key := strings.ToLower(strings.Join(sents[si].words[sp.first:sp.last+1], " "))
			if t, ok := major[key]; ok && t != sp.typ {
				ts[sp.first] = "B-" + t
				for j := sp.first + 1; j <= sp.last; j++ {
					ts[j] = "I-" + t
				}
			}
		}
	}
}

// tokSpan is an entity span over token positions [first, last] of one
// sentence.
type tokSpan struct {
	first, last int
	typ         string
}

// spanList groups one sentence's IOB2 tags into entity spans, in order; an
// I- without a matching B- starts a new span, as conlleval does.
func spanList(ts []string) []tokSpan {
	var out []tokSpan
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t == "O" || len(t) < 3 {
			continue
		}
		typ := t[2:]
		j := i
		for j+1 < len(ts) && ts[j+1] == "I-"+typ {
			j++
		}
		out = append(out, tokSpan{i, j, typ})
		i = j
	}
	return out
}

// normToken turns a token as it appears in an article into the form the
// tagger was trained on (Reuters text with ASCII quotes).
func normToken(t string) string {
	t = normQuotes(t)
	switch t {
	case "\u2014", "\u2013":
		return "-"
	}
	return t
}

// TagEntities tags the given tokens of one document (sentences of tokens)
// with IOB2 entity labels (PER, ORG, LOC, MISC). It does not re-tokenise: the i-th label belongs to the
// i-th token.
func TagEntities(doc [][]string) ([][]string, error) {
	m, err := entityModel()
	if err != nil {
		return nil, err
	}
	return m.Tag(doc), nil
}

// Tag tags the given tokens of one document with m; see TagEntities.
func (m *NERModel) Tag(doc [][]string) [][]string {
	return m.tagDoc(prepare(doc))
}

// prepare normalises tokens the way articles' tokens are.
func prepare(doc [][]string) []nerSent {
	sents := make([]nerSent, len(doc))
	for i, ws := range doc {
		norm := make([]string, len(ws))
		for j, w := range ws {
			norm[j] = normToken(w)
		}
		sents[i] = nerSent{words: norm}
	}
	return sents
}
