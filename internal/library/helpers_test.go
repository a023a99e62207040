package library

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefdesk/internal/domain"
)

// Sentences written for these tests (never copied from a news source).
var phrases = []string{
	"The foreign minister arrived in Geneva on Tuesday for talks on the ceasefire.",
	"Officials said the negotiations would continue until the end of the week.",
	"Sergei Lavrov told reporters that Moscow was ready to discuss a prisoner exchange.",
	"The U.N. envoy warned that humanitarian corridors remained closed.",
	"An anti-corruption commission opened an inquiry into the grain contracts.",
	"Exports of wheat fell by 12% compared with the previous harvest.",
	"The central bank raised interest rates to 5.25% to curb inflation.",
	"Protesters gathered outside parliament demanding early elections.",
	"The European Commission proposed new sanctions on shipping companies.",
	"Rescue teams reached the flooded villages after three days.",
}

// sample builds a deterministic article i of the test corpus.
func sample(i int) *domain.Article {
	var paras []string
	for p := 0; p < 3; p++ {
		var ss []string
		for s := 0; s < 3; s++ {
			ss = append(ss, phrases[(i*7+p*3+s)%len(phrases)])
		}
		paras = append(paras, strings.Join(ss, " ")+fmt.Sprintf(" Report number %d, part %d.", i, p))
	}
	a := &domain.Article{
		Title:      fmt.Sprintf("Story %d: %s", i, strings.TrimSuffix(phrases[i%len(phrases)], ".")),
		Standfirst: "A standfirst written for the test",
		Byline:     "Test Writer",
		Dateline:   "GENEVA, March 3",
		Credit:     "TW",
		Source:     []string{"Desk Wire", "Evening Ledger", "Harbour Times"}[i%3],
		Published:  time.Date(2024, 3, 1+i%28, 9, 30, 0, 0, time.UTC),
		Language:   "en",
		Paragraphs: paras,
		SimHash:    uint64(i+1) * 0x9E3779B97F4A7C15,
		Origin: domain.Origin{
			Name:     fmt.Sprintf("/tmp/in/story-%d.txt", i),
			Format:   domain.FormatText,
			Original: []byte(fmt.Sprintf("Story %d original bytes\x00\xff", i)),
		},
	}
	sum := sha256.Sum256([]byte(a.Body()))
	a.TextHash = hex.EncodeToString(sum[:])
	a.Origin.Size = int64(len(a.Origin.Original))
	a.Origin.SHA256 = a.TextHash
	return a
}

// analysisFor builds an analysis of arts shaped like the engine's: sentences
// cut from the bodies, one quoted actor, one fact.
func analysisFor(arts []*domain.Article) *domain.Analysis {
	an := &domain.Analysis{}
	for ai, a := range arts {
		body := a.Body()
		start, idx := 0, 0
		for p, para := range a.Paragraphs {
			for _, s := range strings.SplitAfter(para, ". ") {
				s = strings.TrimSpace(s)
				if s == "" {
					continue
				}
				off := strings.Index(body[start:], s) + start
				ss := domain.ScoredSentence{Score: 1 / float64(idx+1)}
				ss.Article, ss.Index, ss.Para, ss.Start, ss.End, ss.Text = ai, idx, p, off, off+len(s), s
				an.Summary.Scores = append(an.Summary.Scores, ss)
				start = off + len(s)
				idx++
			}
		}
	}
	for i := 0; i < 3 && i < len(an.Summary.Scores); i++ {
		an.Summary.Sentences = append(an.Summary.Sentences, an.Summary.Scores[i])
	}
	if len(an.Summary.Sentences) > 0 {
		an.Summary.Sentences[0].Pinned = true
		an.Summary.Sentences[0].Text = "Edited text, not in the body."
	}
	an.Actors = []domain.Actor{
		{Name: "Sergei Lavrov", Type: domain.Person, Role: "Russian Foreign Minister", Aliases: []string{"Lavrov"},
			Mentions: 3, Salience: 0.9, Level: domain.Central, Did: "told reporters",
			Quotes:    []domain.Quote{{Text: "Moscow was ready", Direct: false, Where: domain.SentenceRef{Article: 0, Index: 2}}},
			Sentences: []domain.SentenceRef{{Article: 0, Index: 2}, {Article: 0, Index: 5}}},
		{Name: "European Commission", Type: domain.Organization, Mentions: 1, Salience: 0.3, Level: domain.Mentioned},
	}
	an.Facts = []domain.Fact{{Kind: domain.Number, Text: "12%", Where: domain.SentenceRef{Article: 0, Index: 1}}}
	return an
}

// openTemp opens a new library in a temporary folder.
func openTemp(t testing.TB) *Library {
	t.Helper()
	l, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// add imports sample i as a new briefing, analysed.
func add(t testing.TB, l *Library, i int) domain.ImportResult {
	t.Helper()
	a := sample(i)
	b := &domain.Briefing{Title: a.Title}
	b.Analysis = analysisFor([]*domain.Article{a})
	r, err := l.AddArticle(context.Background(), a, b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// listed counts the briefings the list shows for q, page by page.
func listed(t testing.TB, l *Library, q domain.ListQuery) int {
	t.Helper()
	n := 0
	for q.Offset, q.Limit = 0, maxPage; ; q.Offset += maxPage {
		items, err := l.Briefings(context.Background(), q)
		if err != nil {
			t.Fatalf("Briefings(%+v): %v", q, err)
		}
		n += len(items)
		if len(items) < maxPage {
			return n
		}
	}
}
