// Package rouge scores summaries against references the way the project's
// evaluation script (shared/tools/rouge.py) does, so that the summariser can
// be tuned and regression-tested in Go: tokens are lower-cased runs of ASCII
// letters and digits, no stemming, ROUGE-1/2 F1 over n-gram counts, ROUGE-L
// F1 over the longest common subsequence of the whole summary.
package rouge

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Tokens splits text as rouge.py does.
func Tokens(text string) []string {
	low := strings.ToLower(text)
	var out []string
	start := -1
	for i := 0; i <= len(low); i++ {
		ok := i < len(low) && (low[i] >= 'a' && low[i] <= 'z' || low[i] >= '0' && low[i] <= '9')
		if ok && start < 0 {
			start = i
		} else if !ok && start >= 0 {
			out = append(out, low[start:i])
			start = -1
		}
	}
	return out
}

// Scores are ROUGE-1, ROUGE-2 and ROUGE-L F1, each in 0..1.
type Scores struct{ R1, R2, RL float64 }

// Add accumulates s into t.
func (t *Scores) Add(s Scores) { t.R1 += s.R1; t.R2 += s.R2; t.RL += s.RL }

// Scale multiplies every measure by x.
func (t Scores) Scale(x float64) Scores { return Scores{t.R1 * x, t.R2 * x, t.RL * x} }

// String formats the scores as percentages, "R1 / R2 / RL".
func (t Scores) String() string {
	return fmt.Sprintf("%5.2f / %5.2f / %5.2f", 100*t.R1, 100*t.R2, 100*t.RL)
}

// Score compares system tokens with reference tokens.
func Score(sys, ref []string) Scores {
	return Scores{rougeN(sys, ref, 1), rougeN(sys, ref, 2), f1(lcs(sys, ref), len(sys), len(ref))}
}

func f1(overlap, sysTotal, refTotal int) float64 {
	if overlap == 0 || sysTotal == 0 || refTotal == 0 {
		return 0
	}
	p, r := float64(overlap)/float64(sysTotal), float64(overlap)/float64(refTotal)
	return 2 * p * r / (p + r)
}

func ngrams(toks []string, n int) map[string]int {
	m := map[string]int{}
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m
}

func rougeN(sys, ref []string, n int) float64 {
	s, r := ngrams(sys, n), ngrams(ref, n)
	overlap, st, rt := 0, 0, 0
	for g, c := range s {
		overlap += min(c, r[g])
		st += c
	}
	for _, c := range r {
		rt += c
	}
	return f1(overlap, st, rt)
}

func lcs(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for _, x := range a {
		cur[0] = 0
		for j, y := range b {
			if x == y {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Case is one evaluation article with its reference summary.
type Case struct {
	ID         string
	Title      string   // headline, empty when the set has none
	Paragraphs []string // body paragraphs
	Reference  string   // reference summary, sentences joined by spaces
	Sentences  int      // summary length to ask for
	// Kept holds the article sentences an editor kept, when the reference
	// is extractive (BBC); short-summary precision is measured against it.
	Kept []string
}

// Load reads an evaluation set in the shared JSON-lines layout: BBC records
// (title, text, summary_sentences: length = reference sentence count) or
// CNN/DailyMail records (text, highlights: length = fixed, 3).
func Load(path string, limit int) ([]Case, error) {
	const op = "rouge.Load"
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []Case
	for sc.Scan() && (limit <= 0 || len(out) < limit) {
		var rec struct {
			ID         string   `json:"id"`
			Title      string   `json:"title"`
			Text       string   `json:"text"`
			Summary    string   `json:"summary"`
			Sentences  []string `json:"summary_sentences"`
			Highlights []string `json:"highlights"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", op, path, err)
		}
		c := Case{ID: rec.ID, Title: strings.TrimSpace(rec.Title)}
		for _, p := range strings.Split(rec.Text, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				c.Paragraphs = append(c.Paragraphs, p)
			}
		}
		switch {
		case len(rec.Sentences) > 0:
			c.Reference, c.Sentences = strings.Join(rec.Sentences, " "), len(rec.Sentences)
			c.Kept = rec.Sentences
		case len(rec.Highlights) > 0:
			c.Reference, c.Sentences = strings.Join(rec.Highlights, " "), 3
		default:
			c.Reference, c.Sentences = rec.Summary, 3
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %s: %w", op, path, err)
	}
	return out, nil
}
