// Command sumeval scores the summariser on the shared evaluation sets and
// fits its weights. It is a development tool: the app never runs it.
//
//	go run -tags sqlite_fts5 ./internal/summary/cmd/sumeval            # score DefaultModel and baselines
//	go run -tags sqlite_fts5 ./internal/summary/cmd/sumeval -fit       # coordinate ascent on the train split
//
// With -cache DIR, analysed articles are kept (gob) keyed by set name and
// size, so that repeated tuning runs skip tagging; clear DIR after changing
// the nlp package.
package main

import (
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"log"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
	"briefdesk/internal/summary"
	"briefdesk/internal/summary/rouge"
)

type item struct {
	c    rouge.Case
	doc  *nlp.Doc
	prep *summary.Prepared
	ref  []string
	toks map[int][]string // sentence index -> ROUGE tokens
	hold bool             // held out from fitting
	kept map[int]bool     // sentences the editor kept (BBC), see keptSet
}

type set struct {
	name  string
	items []*item
	peer  rouge.Scores // best peer, to normalise the objective
}

func main() {
	data := flag.String("data", "../shared/eval/summaries", "folder with bbc.jsonl and cnndm.jsonl")
	cache := flag.String("cache", "", "cache folder for analysed articles (none by default: a stale cache would hide changes to nlp)")
	limit := flag.Int("limit", 0, "articles per set (0: all)")
	fit := flag.Bool("fit", false, "fit the weights by coordinate ascent on the train split")
	rounds := flag.Int("rounds", 3, "coordinate ascent rounds")
	ablate := flag.Bool("ablate", false, "score the model with each weight set to zero in turn")
	setw := flag.String("set", "", "override weights: name=value,... (names as in FeatureNames, redundancy, duplicate)")
	out := flag.String("out", "", "write the ranker's summaries as PREFIX-SET.jsonl, for rouge.py")
	check := flag.Bool("check", false, "print ROUGE of the first 1500 bytes of each BBC text, to compare with rouge.py")
	short := flag.Float64("short", 0, "weight of BBC fit-part precision@3/5 in the -fit objective")
	params := flag.String("params", "", "with -fit, the weights to fit: name,... (default: all)")
	gold := flag.String("gold", "../shared/eval/seed-gold.json", "gold editor's picks to print our picks against (empty: none)")
	flag.BoolVar(&goldVerbose, "v", false, "list the score of every sentence of the gold articles")
	flag.Parse()

	sets := []*set{
		{name: "bbc", peer: rouge.Scores{R1: .780, R2: .708, RL: .489}},
		{name: "cnndm", peer: rouge.Scores{R1: .269, R2: .099, RL: .182}},
	}
	for _, s := range sets {
		if err := load(s, *data, *cache, *limit); err != nil {
			log.Fatal(err)
		}
	}
	if *check {
		var t rouge.Scores
		for _, it := range sets[0].items {
			text := strings.Join(it.c.Paragraphs, "\n\n")
			text = text[:min(1500, len(text))]
			t.Add(rouge.Score(rouge.Tokens(text), it.ref))
		}
		fmt.Printf("check bbc first-1500-bytes: %s\n", t.Scale(1/float64(len(sets[0].items))))
	}
	m := summary.DefaultModel
	for _, kv := range strings.Split(*setw, ",") {
		name, val, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		var x float64
		if _, err := fmt.Sscan(val, &x); err != nil {
			log.Fatalf("-set %s: %v", kv, err)
		}
		switch i := summary.FeatureIndex(name); {
		case name == "redundancy":
			m.Redundancy = x
		case name == "duplicate":
			m.Duplicate = x
		case name == "dangling":
			m.Dangling = x
		case i >= 0:
			m.Weights[i] = x
		default:
			log.Fatalf("-set: no weight %q", name)
		}
	}
	if *ablate {
		for i := range m.Weights {
			if m.Weights[i] == 0 {
				continue
			}
			c := m
			c.Weights[i] = 0
			fmt.Printf("without %-10s", summary.FeatureNames[i])
			for _, s := range sets {
				_, tr, ho := evaluate(s, &c)
				fmt.Printf("  %s train %s held %s", s.name, tr, ho)
			}
			fmt.Println()
		}
	}
	if *fit {
		shortWeight = *short
		m = fitModel(sets, m, *rounds, *params)
		fmt.Printf("fitted model:\n%s\n", goModel(m))
	}
	if *out != "" {
		for _, s := range sets {
			if err := write(s, &m, *out+"-"+s.name+".jsonl"); err != nil {
				log.Fatal(err)
			}
		}
	}
	for _, s := range sets {
		start := time.Now()
		all, train, hold := evaluate(s, &m)
		el := time.Since(start)
		fmt.Printf("%-6s ranker    all %s  train %s  held-out %s  (%d articles, %.0f articles/s selecting)\n", s.name, all, train, hold, len(s.items), float64(len(s.items))/el.Seconds())
		fmt.Printf("%-6s lead      %s\n", s.name, baseline(s, lead))
		fmt.Printf("%-6s centroid  %s\n", s.name, baseline(s, only(summary.FeatureIndex("centroid"))))
		fmt.Printf("%-6s pagerank  %s\n", s.name, baseline(s, only(summary.FeatureIndex("rank"))))
	}
	shortReport(sets[0], &m)
	if *gold != "" {
		b, err := os.ReadFile(*gold)
		if err != nil {
			log.Fatal(err)
		}
		var cases []goldCase
		if err := json.Unmarshal(b, &cases); err != nil {
			log.Fatalf("%s: %v", *gold, err)
		}
		goldReport(cases, filepath.Dir(*gold), &m)
	}
}

// load reads a set, analysing its articles or taking them from the cache.
func load(s *set, data, cache string, limit int) error {
	file := map[string]string{"bbc": "bbc.jsonl", "cnndm": "cnndm.jsonl"}[s.name]
	cases, err := rouge.Load(filepath.Join(data, file), limit)
	if err != nil {
		return err
	}
	cpath := filepath.Join(cache, fmt.Sprintf("%s-%d.gob", s.name, len(cases)))
	var docs []*nlp.Doc
	if cache == "" {
		cpath = ""
	}
	if f, err := os.Open(cpath); cpath != "" && err == nil {
		err = gob.NewDecoder(f).Decode(&docs)
		f.Close()
		if err != nil || len(docs) != len(cases) {
			docs = nil
		}
	}
	if docs == nil {
		start := time.Now()
		for _, c := range cases {
			a := &domain.Article{Title: c.Title, Paragraphs: c.Paragraphs, Language: "en"}
			docs = append(docs, nlp.Analyze(a, 0))
		}
		el := time.Since(start)
		log.Printf("%s: analysed %d articles in %v (%.1f articles/s)", s.name, len(docs), el.Round(time.Millisecond), float64(len(docs))/el.Seconds())
		if err := os.MkdirAll(cache, 0o755); cpath != "" && err == nil {
			if f, err := os.Create(cpath); err == nil {
				if err := gob.NewEncoder(f).Encode(docs); err != nil {
					log.Print(err)
				}
				f.Close()
			}
		}
	}
	start := time.Now()
	for i, c := range cases {
		it := &item{c: c, doc: docs[i], ref: rouge.Tokens(c.Reference), toks: map[int][]string{}}
		it.prep = summary.Prepare([]*nlp.Doc{docs[i]})
		for j, sn := range docs[i].Sentences {
			it.toks[j] = rouge.Tokens(sn.Text)
		}
		h := fnv.New32a()
		h.Write([]byte(c.ID))
		it.hold = h.Sum32()%10 >= 7
		it.kept = keptSet(it)
		s.items = append(s.items, it)
	}
	log.Printf("%s: prepared %d articles in %v", s.name, len(cases), time.Since(start).Round(time.Millisecond))
	return nil
}

// score scores one chosen set of sentence indices.
func (it *item) score(idx []int) rouge.Scores {
	var sys []string
	for _, i := range idx {
		sys = append(sys, it.toks[i]...)
	}
	return rouge.Score(sys, it.ref)
}

// evaluate scores model m on s (see average).
func evaluate(s *set, m *summary.Model) (all, train, hold rouge.Scores) {
	return average(s, func(it *item, k int) []int { return summarize(it, m, k) })
}

// average scores pick's choice of k sentences on every item of s, averaged
// over all items, the training items and the held-out items.
func average(s *set, pick func(*item, int) []int) (all, train, hold rouge.Scores) {
	nt, nh := 0, 0
	for _, it := range s.items {
		sc := it.score(pick(it, it.c.Sentences))
		all.Add(sc)
		if it.hold {
			hold.Add(sc)
			nh++
		} else {
			train.Add(sc)
			nt++
		}
	}
	return all.Scale(1 / float64(len(s.items))), train.Scale(1 / float64(max(nt, 1))), hold.Scale(1 / float64(max(nh, 1)))
}

// summarize returns the indices of the k sentences m picks for it.
func summarize(it *item, m *summary.Model, k int) []int {
	sum := it.prep.Summarize(m, domain.Length{Sentences: k}, domain.Edits{})
	var idx []int
	for _, x := range sum.Sentences {
		idx = append(idx, x.Index)
	}
	return idx
}

// objective is the train-split mean, over sets and measures, of the score
// relative to the best peer on that set, with shortfalls counted double:
// both sets count alike, and no measure is traded away.
func objective(sets []*set, m *summary.Model) float64 {
	return rougeObjective(sets, m) + shortWeight*shortObjective(sets[0], m)
}

// shortWeight weighs short-summary precision in the objective (-short).
var shortWeight float64

// rougeObjective is the ROUGE part of the objective.
func rougeObjective(sets []*set, m *summary.Model) float64 {
	o := 0.0
	for _, s := range sets {
		_, tr, _ := evaluate(s, m)
		for _, r := range []float64{tr.R1 / s.peer.R1, tr.R2 / s.peer.R2, tr.RL / s.peer.RL} {
			// Falling short of the best peer on any measure costs double.
			o += r + math.Min(r-1, 0)
		}
	}
	return o / float64(3*len(sets))
}

func fitModel(sets []*set, m summary.Model, rounds int, params string) summary.Model {
	fitOnly := map[string]bool{}
	for _, n := range strings.Split(params, ",") {
		if n != "" {
			fitOnly[n] = true
		}
	}
	best := objective(sets, &m)
	log.Printf("start objective %.4f", best)
	steps := []float64{-1, -0.5, -0.25, -0.1, -0.05, 0.05, 0.1, 0.25, 0.5, 1}
	for r := 0; r < rounds; r++ {
		improved := false
		for p := 0; p < len(m.Weights)+2; p++ {
			get := func(mm *summary.Model) *float64 {
				switch p {
				case len(m.Weights):
					return &mm.Redundancy
				case len(m.Weights) + 1:
					return &mm.Duplicate
				}
				return &mm.Weights[p]
			}
			name := "redundancy"
			if p < len(m.Weights) {
				name = summary.FeatureNames[p]
			} else if p == len(m.Weights)+1 {
				name = "duplicate"
			}
			if len(fitOnly) > 0 && !fitOnly[name] {
				continue
			}
			scale := 1.0 / float64(r+1)
			bestV := *get(&m)
			for _, st := range steps {
				c := m
				*get(&c) = math.Round((bestV+st*scale)*1000) / 1000
				if o := objective(sets, &c); o > best+1e-5 {
					best, m, improved = o, c, true
				}
			}
			log.Printf("round %d %-10s = %6.3f objective %.4f", r, name, *get(&m), best)
		}
		if !improved {
			break
		}
	}
	return m
}

func goModel(m summary.Model) string {
	var b strings.Builder
	for i, w := range m.Weights {
		fmt.Fprintf(&b, "\t%s: %.3f,\n", summary.FeatureNames[i], w)
	}
	fmt.Fprintf(&b, "Redundancy: %.3f, Duplicate: %.3f", m.Redundancy, m.Duplicate)
	return b.String()
}

func lead(it *item, k int) []int {
	var idx []int
	for i := 0; i < k && i < len(it.doc.Sentences); i++ {
		idx = append(idx, i)
	}
	return idx
}

// only ranks by one feature, without redundancy control: a textbook baseline.
func only(f int) func(*item, int) []int {
	return func(it *item, k int) []int {
		var m summary.Model
		m.Weights[f] = 1
		m.Duplicate = 2
		return summarize(it, &m, k)
	}
}

func baseline(s *set, pick func(*item, int) []int) string {
	all, train, hold := average(s, pick)
	return fmt.Sprintf("all %s  train %s  held-out %s", all, train, hold)
}

// write saves the ranker's summaries in rouge.py's system format.
func write(s *set, m *summary.Model, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, it := range s.items {
		sum := it.prep.Summarize(m, domain.Length{Sentences: it.c.Sentences}, domain.Edits{})
		rec := struct {
			ID        string   `json:"id"`
			Sentences []string `json:"sentences"`
		}{ID: it.c.ID}
		for _, x := range sum.Sentences {
			rec.Sentences = append(rec.Sentences, x.Text)
		}
		if err := enc.Encode(rec); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}
