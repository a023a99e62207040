package nlp

import (
	"math"
	"math/rand"
	"strings"
)

// TrainOptions control TrainNER.
type TrainOptions struct {
	Epochs   int      // passes over the training data
	MinCount int      // features seen fewer times are dropped
	Prune    float32  // feature rows whose weights all stay below this are dropped
	Seed     int64    // shuffling seed, for reproducible models
	Ablate   []string // feature groups to switch off, to measure them (see Ablation)
	Log      func(format string, args ...any)
}

// TrainNER trains the entity tagger on CoNLL documents with an averaged
// perceptron, using the tagger's own predictions as history (as it will see
// them when tagging).
func TrainNER(docs []CoNLLDoc, o TrainOptions) *NERModel {
	if o.Epochs == 0 {
		o.Epochs = 8
	}
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
	off := Ablation{}
	for _, g := range o.Ablate {
		off[g] = true
	}
	nl := len(nerLabels)
	labelID := map[string]int{}
	for i, l := range nerLabels {
		labelID[l] = i
	}
	feat := map[string]int32{}
	var counts []int32
	id := func(f string, add bool) int32 {
		if i, ok := feat[f]; ok {
			if add {
				counts[i]++
			}
			return i
		}
		if !add {
			return -1
		}
		i := int32(len(counts))
		feat[f] = i
		counts = append(counts, 1)
		return i
	}
	type sent struct {
		s      nerSent
		static [][]int32
		gold   []int
	}
	var data [][]sent // documents
	for di, d := range docs {
		var ds_ []sent
		sents := prepare(d.Words)
		ds := newDocStats(sents)
		ds.off = off
		for si, s := range sents {
			st := staticFeatures(s, ds)
			ids := make([][]int32, len(st))
			for ti, fs := range st {
				ids[ti] = make([]int32, len(fs))
				for k, f := range fs {
					ids[ti][k] = id(f, true)
				}
			}
			g := make([]int, len(s.words))
			for ti, t := range d.Gold[si] {
				g[ti] = labelID[t]
			}
			ds_ = append(ds_, sent{s, ids, g})
		}
		data = append(data, ds_)
		if di%100 == 0 {
			o.Log("prepared %d/%d documents, %d features", di, len(docs), len(counts))
		}
	}
	var w []float32
	var tot []float64
	var stamp []int32
	grow := func() {
		for len(w) < len(counts)*nl {
			w = append(w, 0)
			tot = append(tot, 0)
			stamp = append(stamp, 0)
		}
	}
	grow()
	step := int32(0)
	upd := func(f int32, l int, d float32) {
		k := int(f)*nl + l
		tot[k] += float64(step-stamp[k]) * float64(w[k])
		stamp[k] = step
		w[k] += d
	}
	rng := rand.New(rand.NewSource(o.Seed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	sc := make([]float32, nl)
	dyn := make([]string, 0, 8)
	dynIDs := make([]int32, 0, 8)
	for ep := 0; ep < o.Epochs; ep++ {
		// Documents are shuffled, sentences kept in order: the history
		// features need what came before in the document.
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, oi := range order {
			hist := history{}
			for _, x := range data[oi] {
				p1, p2 := "<s>", "<s>"
				for i := range x.s.words {
					step++
					for j := range sc {
						sc[j] = 0
					}
					for _, f := range x.static[i] {
						row := w[int(f)*nl : int(f)*nl+nl]
						for j, v := range row {
							sc[j] += v
						}
					}
					dyn = dynFeatures(dyn, p1, p2, strings.ToLower(x.s.words[i]), shape(x.s.words[i]), hist.feature(x.s.words[i], off))
					dynIDs = dynIDs[:0]
					for _, f := range dyn {
						fi := id(f, true)
						dynIDs = append(dynIDs, fi)
					}
					grow()
					for _, f := range dynIDs {
						row := w[int(f)*nl : int(f)*nl+nl]
						for j, v := range row {
							sc[j] += v
						}
					}
					best := 0
					for j := 1; j < nl; j++ {
						if allowed(p1, nerLabels[j]) && (!allowed(p1, nerLabels[best]) || sc[j] > sc[best]) {
							best = j
						}
					}
					g := x.gold[i]
					toks++
					if best != g {
						errs++
						for _, f := range x.static[i] {
							upd(f, g, 1)
							upd(f, best, -1)
						}
						for _, f := range dynIDs {
							upd(f, g, 1)
							upd(f, best, -1)
						}
					}
					p2, p1 = p1, nerLabels[best]
					hist.add(x.s.words[i], p1)
				}
			}
		}
		o.Log("epoch %d: %d/%d tokens wrong (%.2f%%), %d features", ep+1, errs, toks, 100*float64(errs)/float64(toks), len(counts))
	}
	// Average, then keep only rows that matter.
	names := make([]string, len(counts))
	for f, i := range feat {
		names[i] = f
	}
	m := &NERModel{Labels: append([]string(nil), nerLabels...), off: off}
	row := make([]float32, nl)
	for fi := range counts {
		if int(counts[fi]) < o.MinCount {
			continue
		}
		keep := false
		for l := 0; l < nl; l++ {
			k := fi*nl + l
			t := tot[k] + float64(step-stamp[k])*float64(w[k])
			row[l] = float32(t / float64(step))
			if math.Abs(float64(row[l])) >= float64(o.Prune) {
				keep = true
			}
		}
		if keep {
			m.Feats = append(m.Feats, names[fi])
			m.W = append(m.W, row...)
		}
	}
	m.buildIndex()
	o.Log("kept %d of %d features", len(m.Feats), len(counts))
	return m
}

// AverageNER averages the weights of models trained on the same data with
// different shuffles: a cheap ensemble that votes down what one order of
// training happened to learn.
func AverageNER(ms []*NERModel) *NERModel {
	nl := len(nerLabels)
	sum := map[string][]float32{}
	var order []string
	for _, m := range ms {
		for i, f := range m.Feats {
			row := sum[f]
			if row == nil {
				row = make([]float32, nl)
				sum[f] = row
				order = append(order, f)
			}
			for j := 0; j < nl; j++ {
				row[j] += m.W[i*nl+j] / float32(len(ms))
			}
		}
	}
	out := &NERModel{Labels: append([]string(nil), nerLabels...)}
	for _, f := range order {
		out.Feats = append(out.Feats, f)
		out.W = append(out.W, sum[f]...)
	}
	out.buildIndex()
	return out
}
