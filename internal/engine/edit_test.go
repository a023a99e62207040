package engine

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"briefdesk/internal/domain"
)

// variant writes article i of a story on the grain corridor, different
// enough from the others to import as an article of its own.
func variant(t *testing.T, dir string, i int) string {
	t.Helper()
	ports := []string{"Tessaly", "Morvik", "Calder", "Ostrava Bay", "Lindqvist", "Pellor", "Amrath", "Sorrel", "Ketterby", "Vasso"}
	people := []string{"Hanna Vos", "Idris Mallon", "Petra Lund", "Omar Haddad", "Greta Sand", "Tomas Ruel", "Ines Kolar", "Basil Orme", "Noor Tahir", "Emil Kray"}
	text := fmt.Sprintf(`Convoy %d reaches %s as the corridor holds

By Desk Writer %d

Ships carrying %d,000 tonnes of wheat reached the port of %s on day %d of the escorted corridor, officials said.

%s, who speaks for the port authority, said the crossing had passed without incident. "We counted %d vessels and every one arrived," %s said.

Insurers in London cut war-risk premiums by %d%% after convoy %d docked, brokers said.
`, i, ports[i%len(ports)], i, 100+i*37, ports[i%len(ports)], 3+i, people[i%len(people)], 5+i, people[i%len(people)], 10+i, i)
	return write(t, dir, fmt.Sprintf("convoy-%02d.txt", i), text)
}

// TestStaleEditKeepsImportedArticle is the lost-article bug: the window
// shows a briefing, an import adds an article to it meanwhile, then the
// officer pins a sentence in the window's (now stale) copy. The pin is
// applied to the briefing as stored, so both articles stay; and saving the
// stale copy itself is refused as a conflict, losing nothing either.
func TestStaleEditKeepsImportedArticle(t *testing.T) {
	e := open(t)
	ctx := context.Background()
	dir := t.TempDir()
	first := e.Import(ctx, []string{variant(t, dir, 0)}, 0, nil)[0]
	window, err := e.Briefing(ctx, first.BriefingID) // what the window shows
	if err != nil {
		t.Fatal(err)
	}
	added := e.Import(ctx, []string{variant(t, dir, 1)}, first.BriefingID, nil)[0]
	if added.Status != domain.Imported || added.BriefingID != first.BriefingID {
		t.Fatalf("import into the briefing: %+v", added)
	}

	// The old way: the window's copy saved whole. A conflict, nothing lost.
	stale := *window
	stale.Edits.Pinned = []domain.SentenceRef{{Article: 0, Index: 2}}
	stale.Analysis = Analyze(stale.Articles, stale.Length, stale.Edits)
	if err := e.lib.SaveBriefing(ctx, &stale); domain.KindOf(err) != domain.Conflict {
		t.Errorf("saving the stale copy: %v, want a conflict", err)
	}

	// The window's way: a pin on the article it shows, by ID.
	s := window.Analysis.Summary.Scores[2]
	b, err := e.Edit(ctx, window.ID, domain.Change{Kind: domain.Pin, Article: window.Articles[s.Article].ID, Sentence: s.Index})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Articles) != 2 || b.Articles[1].ID != added.ArticleID {
		t.Fatalf("after the pin the briefing has %d articles, want both", len(b.Articles))
	}
	if _, err := e.Article(ctx, added.ArticleID, false); err != nil {
		t.Errorf("the imported article is gone: %v", err)
	}
	stored, _ := e.Briefing(ctx, b.ID)
	if len(stored.Articles) != 2 || !slices.Contains(stored.Edits.Pinned, domain.SentenceRef{Article: 0, Index: 2}) {
		t.Errorf("stored: %d articles, edits %+v", len(stored.Articles), stored.Edits)
	}
	// The summary is the stored articles' summary, drawing on both.
	arts := map[int]bool{}
	for _, sc := range stored.Analysis.Summary.Scores {
		arts[sc.Article] = true
	}
	if !arts[0] || !arts[1] {
		t.Errorf("analysis covers articles %v, want both", arts)
	}
}

// TestEditsRaceBackgroundImport imports articles into a briefing in the
// background while the window edits it (pins, drops, lengths, renames,
// moves, taking an article out and merging it back) and checks that no
// article is ever lost. Run it with -race.
func TestEditsRaceBackgroundImport(t *testing.T) {
	e := open(t)
	ctx := context.Background()
	dir := t.TempDir()
	first := e.Import(ctx, []string{variant(t, dir, 0)}, 0, nil)[0]
	id := first.BriefingID
	const n = 8
	var paths []string
	for i := 1; i <= n; i++ {
		paths = append(paths, variant(t, dir, i))
	}
	// The editor lets one import go every few steps, so that imports land
	// all through the edits rather than before or after them.
	tick := make(chan struct{}, n)
	var wg sync.WaitGroup
	wg.Add(1)
	var imported []domain.ImportResult
	go func() {
		defer wg.Done()
		for _, p := range paths { // one at a time, like drops on the open briefing
			<-tick
			imported = append(imported, e.Import(ctx, []string{p}, id, nil)...)
		}
	}()
	r := rand.New(rand.NewPCG(7, 11))
	seen := map[int]bool{}
	for step := 0; step < 60; step++ {
		if step%5 == 4 && step < 5*n {
			tick <- struct{}{}
		}
		b, err := e.Briefing(ctx, id) // the window's view, stale at once
		if err != nil {
			t.Fatal(err)
		}
		seen[len(b.Articles)] = true
		a := b.Articles[r.IntN(len(b.Articles))]
		var ch domain.Change
		switch step % 6 {
		case 0:
			ch = domain.Change{Kind: domain.Pin, Article: a.ID, Sentence: r.IntN(3)}
		case 1:
			ch = domain.Change{Kind: domain.Drop, Article: a.ID, Sentence: r.IntN(3)}
		case 2:
			ch = domain.Change{Kind: domain.SetLength, Length: domain.Length{Sentences: 1 + r.IntN(5)}}
		case 3:
			ch = domain.Change{Kind: domain.Rename, Title: fmt.Sprintf("Corridor, edit %d", step)}
		case 4:
			ch = domain.Change{Kind: domain.MoveArticle, Article: a.ID, To: r.IntN(len(b.Articles))}
		case 5:
			if len(b.Articles) < 2 {
				continue
			}
			pos := articleIndex(b, a.ID)
			_, split, err := e.RemoveArticle(ctx, id, a.ID)
			if err != nil {
				t.Fatalf("step %d: remove: %v", step, err)
			}
			if _, _, err := e.Merge(ctx, id, split, pos, true); err != nil {
				t.Fatalf("step %d: merge back: %v", step, err)
			}
			continue
		}
		if _, err := e.Edit(ctx, id, ch); err != nil {
			t.Fatalf("step %d: %s: %v", step, ch.Kind, err)
		}
	}
	wg.Wait()
	t.Logf("the edits saw the briefing with %d different article counts", len(seen))
	b, err := e.Briefing(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{first.ArticleID}
	for _, r := range imported {
		if r.Status != domain.Imported {
			t.Errorf("background import: %+v", r)
			continue
		}
		want = append(want, r.ArticleID)
	}
	var got []int64
	for _, a := range b.Articles {
		got = append(got, a.ID)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the briefing holds articles %v, want all %d imported: %v", got, len(want), want)
	}
	for _, aid := range want {
		if _, err := e.Article(ctx, aid, false); err != nil {
			t.Errorf("article %d lost: %v", aid, err)
		}
	}
	items, _ := e.List(ctx, domain.ListQuery{})
	if len(items) != 1 {
		t.Errorf("%d briefings listed, want the one (split-off briefings were merged back)", len(items))
	}
	if p, err := e.Check(ctx); err != nil || len(p) != 0 {
		t.Errorf("Check: %v %v", p, err)
	}
}

// Taking an article out of a briefing leaves it in the library as a
// briefing of its own, with its pins; merging it back restores both.
func TestRemoveArticleAndMergeBack(t *testing.T) {
	e := open(t)
	ctx := context.Background()
	dir := t.TempDir()
	first := e.Import(ctx, []string{variant(t, dir, 0)}, 0, nil)[0]
	second := e.Import(ctx, []string{variant(t, dir, 1)}, first.BriefingID, nil)[0]
	if _, err := e.Edit(ctx, first.BriefingID, domain.Change{Kind: domain.Pin, Article: second.ArticleID, Sentence: 3}); err != nil {
		t.Fatal(err)
	}
	before, _ := e.Briefing(ctx, first.BriefingID)
	kept, split, err := e.RemoveArticle(ctx, first.BriefingID, second.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if len(kept.Articles) != 1 || len(kept.Edits.Pinned) != 0 {
		t.Errorf("kept briefing: %d articles, edits %+v", len(kept.Articles), kept.Edits)
	}
	own, err := e.Briefing(ctx, split)
	if err != nil || len(own.Articles) != 1 || own.Articles[0].ID != second.ArticleID ||
		!slices.Equal(own.Edits.Pinned, []domain.SentenceRef{{Article: 0, Index: 3}}) {
		t.Fatalf("the removed article's own briefing: %+v, %v", own, err)
	}
	if hits, _ := e.Search(ctx, "Morvik", 5); len(hits) != 1 || hits[0].BriefingID != split {
		t.Errorf("the removed article is not found by a search: %+v", hits)
	}
	if _, _, err := e.RemoveArticle(ctx, split, second.ArticleID); domain.KindOf(err) != domain.Invalid {
		t.Errorf("taking out a briefing's only article: %v, want invalid", err)
	}
	back, added, err := e.Merge(ctx, first.BriefingID, split, 1, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Articles) != 2 || !slices.Equal(added, []int64{second.ArticleID}) || !slices.Equal(back.Edits.Pinned, before.Edits.Pinned) {
		t.Errorf("merged back: %d articles, added %v, edits %+v (before %+v)", len(back.Articles), added, back.Edits, before.Edits)
	}
	if _, err := e.Briefing(ctx, split); domain.KindOf(err) != domain.NotFound {
		t.Errorf("the split-off briefing survived the merge back: %v", err)
	}
	if tr, _ := e.Trash(ctx, 0); len(tr) != 0 {
		t.Errorf("undoing a removal left %+v in the trash", tr)
	}
}

// Merging two briefings and undoing it.
func TestMergeAndUnmerge(t *testing.T) {
	e := open(t)
	ctx := context.Background()
	dir := t.TempDir()
	a := e.Import(ctx, []string{variant(t, dir, 0)}, 0, nil)[0]
	b := e.Import(ctx, []string{variant(t, dir, 1)}, 0, nil)[0]
	c := e.Import(ctx, []string{variant(t, dir, 2)}, b.BriefingID, nil)[0]
	merged, added, err := e.Merge(ctx, a.BriefingID, b.BriefingID, -1, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(merged.Articles) != 3 || !slices.Equal(added, []int64{b.ArticleID, c.ArticleID}) {
		t.Fatalf("merged: %d articles, added %v", len(merged.Articles), added)
	}
	if tr, _ := e.Trash(ctx, 0); len(tr) != 1 || tr[0].Briefing != b.BriefingID {
		t.Errorf("trash after merge: %+v", tr)
	}
	back, err := e.Unmerge(ctx, a.BriefingID, b.BriefingID, added)
	if err != nil || len(back.Articles) != 1 {
		t.Fatalf("unmerge: %+v %v", back, err)
	}
	if rb, err := e.Briefing(ctx, b.BriefingID); err != nil || len(rb.Articles) != 2 {
		t.Errorf("briefing merged away not back: %+v %v", rb, err)
	}
	if _, _, err := e.Merge(ctx, a.BriefingID, a.BriefingID, -1, false); domain.KindOf(err) != domain.Invalid {
		t.Errorf("merge into itself: %v", err)
	}
}

// Deleting an article is explicit and goes to the trash; restoring it puts
// it back where it was.
func TestDeleteArticleAndRestore(t *testing.T) {
	e := open(t)
	ctx := context.Background()
	dir := t.TempDir()
	a := e.Import(ctx, []string{variant(t, dir, 0)}, 0, nil)[0]
	b := e.Import(ctx, []string{variant(t, dir, 1)}, a.BriefingID, nil)[0]
	c := e.Import(ctx, []string{variant(t, dir, 2)}, a.BriefingID, nil)[0]
	if err := e.DeleteArticle(ctx, b.ArticleID); err != nil {
		t.Fatal(err)
	}
	got, _ := e.Briefing(ctx, a.BriefingID)
	if len(got.Articles) != 2 || got.Articles[1].ID != c.ArticleID {
		t.Fatalf("after deleting the middle article: %d articles", len(got.Articles))
	}
	tr, err := e.Trash(ctx, 0)
	if err != nil || len(tr) != 1 || tr[0].Article != b.ArticleID {
		t.Fatalf("trash: %+v %v", tr, err)
	}
	if hits, _ := e.Search(ctx, "Morvik", 5); len(hits) != 0 {
		t.Errorf("an article in the trash is found: %+v", hits)
	}
	if r := e.Import(ctx, []string{variant(t, dir, 3)}, a.BriefingID, nil)[0]; r.Status != domain.Imported {
		t.Fatalf("import meanwhile: %+v", r)
	}
	into, err := e.UndeleteArticle(ctx, b.ArticleID)
	if err != nil || into != a.BriefingID {
		t.Fatalf("restore: %d %v", into, err)
	}
	got, _ = e.Briefing(ctx, a.BriefingID)
	if len(got.Articles) != 4 || got.Articles[1].ID != b.ArticleID {
		t.Errorf("restored article not at its place: %d articles", len(got.Articles))
	}
	// The only article of a briefing takes the briefing to the trash with
	// it, and back.
	d := e.Import(ctx, []string{variant(t, dir, 4)}, 0, nil)[0]
	if err := e.DeleteArticle(ctx, d.ArticleID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Briefing(ctx, d.BriefingID); domain.KindOf(err) != domain.NotFound {
		t.Errorf("its briefing is still listed: %v", err)
	}
	if tr, _ := e.Trash(ctx, 0); len(tr) != 1 || tr[0].Briefing != d.BriefingID {
		t.Errorf("trash: %+v, want the briefing once", tr)
	}
	if into, err := e.UndeleteArticle(ctx, d.ArticleID); err != nil || into != d.BriefingID {
		t.Errorf("restore with its briefing: %d %v", into, err)
	}
	// Emptying the trash deletes for good; nothing live goes.
	if err := e.DeleteArticle(ctx, c.ArticleID); err != nil {
		t.Fatal(err)
	}
	if n, err := e.EmptyTrash(ctx); err != nil || n != 1 {
		t.Errorf("EmptyTrash = %d, %v", n, err)
	}
	if _, err := e.Article(ctx, c.ArticleID, false); domain.KindOf(err) != domain.NotFound {
		t.Errorf("emptied article still there: %v", err)
	}
	if _, err := e.UndeleteArticle(ctx, c.ArticleID); domain.KindOf(err) != domain.NotFound {
		t.Errorf("restore after emptying: %v", err)
	}
	if s, _ := e.Stats(ctx); s.Articles != 4 || s.Briefings != 2 || s.Trash != 0 {
		t.Errorf("stats: %+v", s)
	}
}

// A source that ends early is imported, marked, and says so in the result
// line and on the stored article.
func TestImportMarksIncompleteSource(t *testing.T) {
	e := open(t)
	ctx := context.Background()
	dir := t.TempDir()
	cut := story[:strings.LastIndex(story, " brokers in London")] // "... the crossing, according to"
	r := e.Import(ctx, []string{write(t, dir, "cut.txt", cut)}, 0, nil)[0]
	if r.Status != domain.Imported || r.Incomplete == "" || !strings.Contains(r.Detail, "source looks incomplete") {
		t.Fatalf("cut source: %+v", r)
	}
	a, err := e.Article(ctx, r.ArticleID, false)
	if err != nil || a.Incomplete != r.Incomplete {
		t.Errorf("stored article: %+v, %v", a, err)
	}
	whole := e.Import(ctx, []string{write(t, dir, "whole.txt", story)}, 0, nil)[0]
	if whole.Incomplete != "" {
		t.Errorf("whole source marked: %+v", whole)
	}
}
