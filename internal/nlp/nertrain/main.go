// Command nertrain trains Briefdesk's entity tagger on CoNLL-2003 and
// writes the model that internal/nlp embeds. It is deterministic: the same
// data and flags give the same model (about a minute per model on one core;
// three models are averaged by default). From the repository root:
//
//	go run ./internal/nlp/nertrain -train ../shared/eval/ner/conll2003-train.conll \
//	    -dev ../shared/eval/ner/conll2003-dev.conll -out internal/nlp/model/ner.gob.gz
//
// With -dev it prints conlleval-style P/R/F1 per type on that file. -ablate
// switches feature groups off to measure them; -prose trains prose's own
// extracter instead, as a baseline.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"

	"briefdesk/internal/nlp"
)

func main() {
	train := flag.String("train", "../shared/eval/ner/conll2003-train.conll", "CoNLL training file")
	dev := flag.String("dev", "", "CoNLL file to score the model on (optional)")
	out := flag.String("out", "internal/nlp/model/ner.gob.gz", "where to write the model")
	epochs := flag.Int("epochs", 20, "training passes")
	minCount := flag.Int("mincount", 1, "drop features seen fewer times")
	prune := flag.Float64("prune", 0.05, "drop features whose averaged weights all stay below this")
	baseline := flag.Bool("prose", false, "instead, train prose's own extracter and score it on -dev")
	proseMax := flag.Int("prose-max", 0, "with -prose, train on at most this many sentences (prose's GIS is slow)")
	models := flag.Int("models", 3, "train this many models with successive seeds and average them")
	seed := flag.Int64("seed", 1, "shuffling seed")
	ablate := flag.String("ablate", "", "comma-separated feature groups to switch off, to measure them: gaz, doc, hist, harmonise")
	flag.Parse()
	var off []string
	for _, a := range strings.Split(*ablate, ",") {
		if a != "" {
			off = append(off, a)
		}
	}
	log.SetFlags(log.Ltime)
	if *baseline {
		proseBaseline(read(*train), read(*dev), *proseMax)
		return
	}

	docs := read(*train)
	var ms []*nlp.NERModel
	for k := 0; k < *models; k++ {
		ms = append(ms, nlp.TrainNER(docs, nlp.TrainOptions{Epochs: *epochs, MinCount: *minCount, Prune: float32(*prune), Seed: *seed + int64(k), Ablate: off, Log: log.Printf}))
	}
	m := ms[0]
	if len(ms) > 1 {
		m = nlp.AverageNER(ms)
		m.Ablate(off...) // the average tags as its parts were trained
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := nlp.WriteNERModel(f, m); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	st, _ := os.Stat(*out)
	log.Printf("wrote %s (%d bytes, %d features)", *out, st.Size(), len(m.Feats))
	if *dev == "" {
		return
	}
	var gold, pred [][]string
	for _, d := range read(*dev) {
		gold = append(gold, d.Gold...)
		pred = append(pred, m.Tag(d.Words)...)
	}
	report(nlp.Score(gold, pred))
}

func read(path string) []nlp.CoNLLDoc {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	docs, err := nlp.ReadCoNLL(f)
	if err != nil {
		log.Fatal(err)
	}
	return docs
}

func report(s map[string]nlp.PRF) {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := s[k]
		fmt.Printf("%-5s P %.4f R %.4f F1 %.4f (gold %d, pred %d)\n", k, v.P(), v.R(), v.F1(), v.Gold, v.Pred)
	}
}
