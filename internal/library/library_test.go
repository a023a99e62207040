package library

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"briefdesk/internal/domain"
	"briefdesk/internal/testuser"
)

var ctx = context.Background()

func TestOpenMigratesAndUsesWAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, db := range map[string]*sql.DB{"writer": l.w, "reader": l.r} {
		var mode string
		var fk int
		if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("%s journal_mode = %q, %v; want wal", name, mode, err)
		}
		if err := db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
			t.Errorf("%s foreign_keys = %d, %v; want 1", name, fk, err)
		}
	}
	if _, err := l.r.Exec("DELETE FROM tag"); err == nil {
		t.Error("reader pool accepted a write")
	}
	var v, n int
	l.w.QueryRow("PRAGMA user_version").Scan(&v)
	l.w.QueryRow("SELECT count(*) FROM schema_migration").Scan(&n)
	if v != SchemaVersion() || n != SchemaVersion() || v == 0 {
		t.Errorf("user_version %d, %d migrations recorded; want %d", v, n, SchemaVersion())
	}
	add(t, l, 1)
	l.Close()
	l, err = Open(path) // reopening applies nothing and keeps the data
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if n := listed(t, l, domain.ListQuery{}); n != 1 {
		t.Errorf("after reopen %d briefings listed; want 1", n)
	}
}

// wantInputError checks that err is an InputError naming path and that the
// file is byte-for-byte what it was.
func wantInputError(t *testing.T, err error, path string, before []byte, reason string) {
	t.Helper()
	var ie *domain.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v (%T), want *domain.InputError", err, err)
	}
	if ie.Path != path || !strings.Contains(ie.Error(), reason) {
		t.Errorf("err = %q, want it to name %s and say %q", ie.Error(), path, reason)
	}
	if before != nil {
		after, _ := os.ReadFile(path)
		if !bytes.Equal(before, after) {
			t.Errorf("%s was modified", path)
		}
	}
	for _, ext := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + ext); err == nil {
			t.Errorf("%s%s was created", path, ext)
		}
	}
}

func TestOpenRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()

	notDB := filepath.Join(dir, "notes.db")
	text := []byte("These are my notes, not a database.\n")
	os.WriteFile(notDB, text, 0o644)
	_, err := Open(notDB)
	wantInputError(t, err, notDB, text, "not a Briefdesk library")

	// A valid header followed by garbage: damaged.
	corrupt := filepath.Join(dir, "corrupt.db")
	garbage := append([]byte(sqliteHeader), bytes.Repeat([]byte{0xAB}, 8192)...)
	os.WriteFile(corrupt, garbage, 0o644)
	_, err = Open(corrupt)
	wantInputError(t, err, corrupt, garbage, corrupt)

	missing := filepath.Join(dir, "no", "such", "folder", "lib.db")
	_, err = Open(missing)
	wantInputError(t, err, missing, nil, "does not exist")

	_, err = Open(dir)
	wantInputError(t, err, dir, nil, "folder")

	// Someone else's SQLite database is not touched.
	foreign := filepath.Join(dir, "foreign.db")
	db, _ := sql.Open("sqlite3", "file:"+foreign)
	if _, err := db.Exec("CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('soup')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	fb, _ := os.ReadFile(foreign)
	_, err = Open(foreign)
	wantInputError(t, err, foreign, fb, "not a Briefdesk library")
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	l.w.Exec("PRAGMA user_version = 999")
	l.Close()
	before, _ := os.ReadFile(path)
	_, err = Open(path)
	wantInputError(t, err, path, before, "newer Briefdesk")
}

func TestOpenReadOnly(t *testing.T) {
	if !testuser.Unprivileged(t) {
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "lib.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	_, err = Open(path)
	var ie *domain.InputError
	if !errors.As(err, &ie) || ie.Path != path {
		t.Fatalf("Open(read-only) = %v, want an InputError naming the file", err)
	}
}

func TestAddArticleRoundTrip(t *testing.T) {
	l := openTemp(t)
	a := sample(3)
	b := &domain.Briefing{Title: "Geneva talks", Notes: "Watch the grain deal.", Classification: "UNCLASSIFIED",
		Length: domain.Length{Sentences: 4}, Edits: domain.Edits{Pinned: []domain.SentenceRef{{Article: 0, Index: 2}}}}
	b.Analysis = analysisFor([]*domain.Article{a})
	want := *b.Analysis
	r, err := l.AddArticle(ctx, a, b)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != domain.Imported || r.ArticleID == 0 || r.BriefingID == 0 || r.ArticleID != a.ID || r.BriefingID != b.ID {
		t.Fatalf("result %+v, a.ID %d, b.ID %d", r, a.ID, b.ID)
	}
	got, err := l.Briefing(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != b.Title || got.Notes != b.Notes || got.Classification != b.Classification || got.Status != "draft" ||
		got.Length != b.Length || !reflect.DeepEqual(got.Edits, b.Edits) || got.Created.IsZero() {
		t.Errorf("briefing fields: got %+v", got)
	}
	if len(got.Articles) != 1 {
		t.Fatalf("%d articles", len(got.Articles))
	}
	ga := got.Articles[0]
	wa := *a
	wa.Origin.Original = nil
	wa.Origin.ImportedAt = wa.Origin.ImportedAt.UTC()
	if !reflect.DeepEqual(*ga, wa) {
		t.Errorf("article:\n got %+v\nwant %+v", *ga, wa)
	}
	if !reflect.DeepEqual(*got.Analysis, want) {
		t.Errorf("analysis:\n got %+v\nwant %+v", *got.Analysis, want)
	}
	full, err := l.Article(ctx, a.ID, true)
	if err != nil || !bytes.Equal(full.Origin.Original, a.Origin.Original) {
		t.Errorf("Article(withOriginal) = %v, %v", full, err)
	}
	if _, err := l.Article(ctx, 9999, false); domain.KindOf(err) != domain.NotFound {
		t.Errorf("missing article: %v", err)
	}
	if _, err := l.Briefing(ctx, 9999); domain.KindOf(err) != domain.NotFound {
		t.Errorf("missing briefing: %v", err)
	}
}

func TestDuplicatesAndNearDuplicates(t *testing.T) {
	l := openTemp(t)
	first := add(t, l, 1)
	id, title, ok, err := l.FindByHash(ctx, sample(1).TextHash)
	if err != nil || !ok || id != first.ArticleID || title != sample(1).Title {
		t.Fatalf("FindByHash = %d %q %v %v", id, title, ok, err)
	}
	if _, _, ok, _ := l.FindByHash(ctx, "nope"); ok {
		t.Error("FindByHash found a missing hash")
	}
	r := add(t, l, 1)
	if r.Status != domain.Duplicate || r.ArticleID != first.ArticleID {
		t.Errorf("second import: %+v", r)
	}
	// Same story, lightly edited: a different text hash, SimHash 2 bits apart.
	a := sample(2)
	a.SimHash = sample(1).SimHash ^ (1 << 5) ^ (1 << 40)
	r, err = l.AddArticle(ctx, a, &domain.Briefing{Title: a.Title})
	if err != nil || r.Status != domain.Imported || r.NearDup != first.ArticleID {
		t.Errorf("near-duplicate import: %+v, %v; want NearDup %d", r, err, first.ArticleID)
	}
	c := sample(4)
	c.SimHash = sample(1).SimHash ^ 0xFFFFF // 20 bits apart: different story
	r, err = l.AddArticle(ctx, c, &domain.Briefing{Title: c.Title})
	if err != nil || r.NearDup != 0 {
		t.Errorf("distant SimHash flagged: %+v, %v", r, err)
	}
	if n := listed(t, l, domain.ListQuery{}); n != 3 {
		t.Errorf("Count = %d, want 3", n)
	}
}

func TestAppendSaveDeleteUndelete(t *testing.T) {
	l := openTemp(t)
	r1 := add(t, l, 1)
	b, err := l.Briefing(ctx, r1.BriefingID)
	if err != nil {
		t.Fatal(err)
	}
	a2 := sample(2)
	b.Analysis = analysisFor(append(append([]*domain.Article(nil), b.Articles...), a2))
	r2, err := l.AddArticle(ctx, a2, b)
	if err != nil || r2.BriefingID != r1.BriefingID {
		t.Fatalf("append: %+v %v", r2, err)
	}
	got, _ := l.Briefing(ctx, b.ID)
	if len(got.Articles) != 2 || got.Articles[1].ID != a2.ID {
		t.Fatalf("after append: %d articles", len(got.Articles))
	}
	if got.Analysis.Summary.Scores[len(got.Analysis.Summary.Scores)-1].Article != 1 {
		t.Error("analysis of the second article lost")
	}

	// Reorder, edit, drop nothing.
	got.Articles[0], got.Articles[1] = got.Articles[1], got.Articles[0]
	got.Title, got.Notes, got.Status = "Renamed", "New notes about wheat", "final"
	got.Analysis = analysisFor(got.Articles)
	if err := l.SaveBriefing(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := l.Briefing(ctx, b.ID)
	if again.Title != "Renamed" || again.Status != "final" || again.Articles[0].ID != a2.ID {
		t.Errorf("after save: %q %q first article %d", again.Title, again.Status, again.Articles[0].ID)
	}
	if !reflect.DeepEqual(again.Analysis, got.Analysis) {
		t.Error("saved analysis differs on load")
	}
	if items, _ := l.Briefings(ctx, domain.ListQuery{Search: "wheat notes"}); len(items) != 1 {
		t.Errorf("search on new notes: %d items", len(items))
	}

	// Dropping an article no other briefing holds is refused: an edit never
	// deletes an article. Taking it out makes a briefing of its own.
	stale := *again
	again.Articles = again.Articles[:1]
	again.Analysis = analysisFor(again.Articles)
	if err := l.SaveBriefing(ctx, again); domain.KindOf(err) != domain.Internal {
		t.Errorf("save dropping an article: %v, want it refused", err)
	}
	if got, _ := l.Briefing(ctx, b.ID); len(got.Articles) != 2 {
		t.Fatalf("refused save changed the briefing: %d articles", len(got.Articles))
	}
	own := &domain.Briefing{Title: stale.Articles[1].Title, Articles: stale.Articles[1:]}
	own.Analysis = analysisFor(own.Articles)
	if err := l.Commit(ctx, &Batch{Save: []*domain.Briefing{again}, Create: []*domain.Briefing{own}}); err != nil {
		t.Fatal(err)
	}
	if got, err := l.Briefing(ctx, own.ID); err != nil || len(got.Articles) != 1 || got.Articles[0].ID != r1.ArticleID {
		t.Errorf("the article taken out is not a briefing of its own: %+v %v", got, err)
	}
	// The copy read before is stale now: saving it is a conflict.
	if err := l.SaveBriefing(ctx, &stale); domain.KindOf(err) != domain.Conflict {
		t.Errorf("stale save: %v, want a conflict", err)
	}
	if err := l.DeleteBriefing(ctx, own.ID); err != nil {
		t.Fatal(err)
	}
	if err := l.DeleteBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Briefing(ctx, b.ID); domain.KindOf(err) != domain.NotFound {
		t.Errorf("deleted briefing loads: %v", err)
	}
	if n := listed(t, l, domain.ListQuery{}); n != 0 {
		t.Errorf("Count after delete = %d", n)
	}
	if hits, _ := l.Search(ctx, "Report", 10); len(hits) != 0 {
		t.Errorf("deleted briefing's article still found: %+v", hits)
	}
	if err := l.DeleteBriefing(ctx, b.ID); domain.KindOf(err) != domain.NotFound {
		t.Errorf("second delete: %v", err)
	}
	if err := l.Undelete(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Briefing(ctx, b.ID); err != nil {
		t.Errorf("undeleted briefing: %v", err)
	}
	l.DeleteBriefing(ctx, b.ID)
	// Importing an article that only the trash holds brings it back.
	r3 := add(t, l, 2)
	if r3.Status != domain.Imported || r3.ArticleID != a2.ID {
		t.Errorf("re-import from trash: %+v (article was %d)", r3, a2.ID)
	}
	n, err := l.PurgeTrash(ctx, time.Time{})
	if err != nil || n != 2 {
		t.Errorf("PurgeTrash = %d, %v", n, err)
	}
	if _, err := l.Article(ctx, a2.ID, false); err != nil {
		t.Errorf("article held by a live briefing purged: %v", err)
	}
	// Readers that searched before the purge (and cached the indexes'
	// structure) still search and check correctly after it.
	if items, err := l.Briefings(ctx, domain.ListQuery{Search: "Lavrov"}); err != nil || len(items) != 1 || items[0].ID != r3.BriefingID {
		t.Errorf("search after purge: %+v, %v", items, err)
	}
	if p, err := l.Check(ctx); err != nil || len(p) != 0 {
		t.Errorf("Check = %v, %v", p, err)
	}
}

func TestSearchIsSafeAndHighlights(t *testing.T) {
	l := openTemp(t)
	for i := 0; i < 20; i++ {
		add(t, l, i)
	}
	hits, err := l.Search(ctx, "lavrov prisoner", 5)
	if err != nil || len(hits) == 0 {
		t.Fatalf("Search = %v, %v", hits, err)
	}
	h := hits[0]
	if !strings.Contains(bracketed(h.Snippet), "[Lavrov]") || h.Title == "" || h.Path == "" || h.BriefingID == 0 || h.ArticleID == 0 {
		t.Errorf("hit %+v", h)
	}
	// Inflections through prefixes, finished or not.
	if hits, _ := l.Search(ctx, "sanction ", 5); len(hits) == 0 {
		t.Error("sanction did not find sanctions")
	}
	if hits, _ := l.Search(ctx, "humanit", 5); len(hits) == 0 {
		t.Error("prefix search found nothing")
	}
	// Every step of typing a word finds it (a stemmed index loses "electi").
	for i := 2; i <= len("humanitarian"); i++ {
		if hits, _ := l.Search(ctx, "humanitarian"[:i], 5); len(hits) == 0 {
			t.Errorf("typing %q found nothing", "humanitarian"[:i])
		}
	}
	if hits, _ := l.Search(ctx, "hum ", 5); len(hits) != 0 {
		t.Error("a finished short word matched as a prefix")
	}
	if hits, _ := l.Search(ctx, `"prisoner exchange"`, 50); len(hits) == 0 {
		t.Error("phrase found nothing")
	}
	if hits, _ := l.Search(ctx, `"exchange prisoner"`, 50); len(hits) != 0 {
		t.Error("reversed phrase matched")
	}
	all, _ := l.Search(ctx, "ceasefire", 50)
	not, _ := l.Search(ctx, "ceasefire -wheat", 50)
	if len(not) == 0 || len(not) >= len(all) {
		t.Errorf("exclusion: %d of %d", len(not), len(all))
	}
	for _, q := range []string{`"unbalanced`, `U.N.`, `anti-corruption`, `*`, `NEAR`, `NEAR(a b)`, `AND OR NOT`, `-`, ``, `   `,
		`🇺🇦 😀`, `"`, `""`, `a"b`, `title:x`, `^start`, `(paren`, `x AND`, `-only`, "nul\x00byte", "\xff\xfe", `'; DROP TABLE article; --`} {
		if _, err := l.Search(ctx, q, 10); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
		if _, err := l.Briefings(ctx, domain.ListQuery{Search: q, Actor: q, Source: q}); err != nil {
			t.Errorf("Briefings(%q): %v", q, err)
		}
	}
	if hits, _ := l.Search(ctx, "U.N.", 5); len(hits) == 0 {
		t.Error("U.N. found nothing")
	}
	if hits, _ := l.Search(ctx, "anti-corruption", 5); len(hits) == 0 {
		t.Error("anti-corruption found nothing")
	}
}

func TestMatchExpr(t *testing.T) {
	for in, want := range map[string]string{
		"lavrov":           `"lavrov"*`,
		"lavrov ":          `("lavrov" OR "lavrovs" OR "lavroved" OR "lavroving")`,
		"oil ":             `("oil" OR "oils" OR "oiled" OR "oiling")`,
		"sanctions ":       `("sanctions" OR "sanctionses" OR "sanctionsed" OR "sanctionsing" OR "sanction" OR "sanctioned" OR "sanctioning")`,
		"grain de":         `("grain" OR "grains" OR "grained" OR "graining") AND "de"*`,
		`"grain deal"`:     `"grain deal"`,
		`"grain de`:        `"grain de"*`,
		"wheat -corn":      `("wheat" OR "wheats" OR "wheated" OR "wheating") NOT "corn"*`,
		"-corn":            ``,
		"a":                `"a"`,
		"U.N.":             `"U.N."`,
		"U.N. ":            `"U.N."`,
		"NEAR AND":         `("near" OR "nears" OR "neared" OR "nearing") AND "AND"*`,
		`"x""y"`:           `"x" AND "y"`,
		"* - 😀":            ``,
		"anti-corruption ": `("anti-corruption" OR "anti-corruptions" OR "anti-corruptioned" OR "anti-corruptioning")`,
		"2024 ":            `"2024"`,
	} {
		if got, _ := matchExpr(in, true); got != want {
			t.Errorf("matchExpr(%q) = %s, want %s", in, got, want)
		}
	}
	if got := inflections("country"); !reflect.DeepEqual(got, []string{"country", "countries", "countried", "countrying"}) {
		t.Errorf("inflections(country) = %v", got)
	}
	if got := inflections("rate"); !reflect.DeepEqual(got, []string{"rate", "rates", "rated", "rating"}) {
		t.Errorf("inflections(rate) = %v", got)
	}
}

func TestListingFilters(t *testing.T) {
	l := openTemp(t)
	var ids []int64
	for i := 0; i < 30; i++ {
		ids = append(ids, add(t, l, i).BriefingID)
	}
	page, err := l.Briefings(ctx, domain.ListQuery{Limit: 10})
	if err != nil || len(page) != 10 {
		t.Fatalf("page: %d, %v", len(page), err)
	}
	// Newest publication first: sample 27 is dated 28 March, the latest.
	if page[0].ID != ids[27] || page[0].Articles != 1 || page[0].Sources == "" ||
		!page[0].Date.Equal(sample(27).Published) || page[0].DateBy != domain.DatePublished {
		t.Errorf("first item %+v, want briefing %d with sources, dated by publication", page[0], ids[27])
	}
	next, _ := l.Briefings(ctx, domain.ListQuery{Limit: 10, Offset: 25})
	if len(next) != 5 {
		t.Errorf("last page: %d items", len(next))
	}
	if n := listed(t, l, domain.ListQuery{Source: "harbour"}); n != 10 {
		t.Errorf("source filter: %d, want 10", n)
	}
	if n := listed(t, l, domain.ListQuery{Actor: "lavrov"}); n != 30 {
		t.Errorf("actor filter: %d, want 30", n)
	}
	if n := listed(t, l, domain.ListQuery{Actor: "Nobody Atall"}); n != 0 {
		t.Errorf("unknown actor: %d", n)
	}
	items, err := l.Briefings(ctx, domain.ListQuery{Search: "Lavrov", Source: "desk"})
	if err != nil || len(items) == 0 {
		t.Fatalf("search+source: %v %v", items, err)
	}
	for _, it := range items {
		if len(it.Snippet.Marks) == 0 {
			t.Errorf("item without highlighted snippet: %+v", it)
		}
	}
	// The time filters read the publication date: days 10 to 14 of March
	// hold samples 9..13; a briefing without one is dated by its import.
	from, to := time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 14, 23, 0, 0, 0, time.UTC)
	if n := listed(t, l, domain.ListQuery{From: from, To: to}); n != 5 {
		t.Errorf("date filter: %d, want 5", n)
	}
	undated := sample(40)
	undated.Published = time.Time{}
	r, err := l.AddArticle(ctx, undated, &domain.Briefing{Title: undated.Title, Analysis: analysisFor([]*domain.Article{undated})})
	if err != nil {
		t.Fatal(err)
	}
	if n := listed(t, l, domain.ListQuery{From: time.Now().Add(-time.Hour)}); n != 1 {
		t.Errorf("imported in the last hour, no publication date: %d listed, want 1", n)
	}
	if page, _ := l.Briefings(ctx, domain.ListQuery{Limit: 1}); len(page) != 1 || page[0].ID != r.BriefingID || page[0].DateBy != domain.DateImported {
		t.Errorf("undated briefing (imported now) should list first, dated by import: %+v", page)
	}
	// A later edit does not move a briefing in the list.
	b0, _ := l.Briefing(ctx, ids[0])
	b0.Length = domain.Length{Sentences: 2}
	if err := l.SaveBriefing(ctx, b0); err != nil {
		t.Fatal(err)
	}
	if page, _ := l.Briefings(ctx, domain.ListQuery{Limit: 1}); page[0].ID != r.BriefingID {
		t.Errorf("an edited briefing moved to the top: %+v", page[0])
	}
	// Matching a briefing by its note.
	b, _ := l.Briefing(ctx, ids[7])
	b.Notes = "Ambassador Quintessential raised this."
	if err := l.SaveBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	items, _ = l.Briefings(ctx, domain.ListQuery{Search: "quintessen"})
	if len(items) != 1 || items[0].ID != ids[7] || !strings.Contains(bracketed(items[0].Snippet), "[Quintessential]") {
		t.Errorf("note search: %+v", items)
	}
}

func TestBackupRestore(t *testing.T) {
	l := openTemp(t)
	for i := 0; i < 5; i++ {
		add(t, l, i)
	}
	dest := filepath.Join(t.TempDir(), "backup.briefdesk")
	if err := l.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dest + "-wal"); err == nil {
		t.Error("backup left a -wal file")
	}
	add(t, l, 5)
	if err := l.Restore(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if n := listed(t, l, domain.ListQuery{}); n != 5 {
		t.Errorf("after restore Count = %d, want 5", n)
	}
	if hits, err := l.Search(ctx, "Lavrov", 50); err != nil || len(hits) == 0 {
		t.Errorf("search after restore: %d %v", len(hits), err)
	}
	add(t, l, 6)
	if p, err := l.Check(ctx); err != nil || len(p) != 0 {
		t.Errorf("Check after restore = %v %v", p, err)
	}
	if _, err := os.Stat(l.Path() + ".before-restore"); err != nil {
		t.Errorf("no safety copy: %v", err)
	}
	if err := l.Vacuum(ctx); err != nil {
		t.Error(err)
	}
	notDB := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(notDB, []byte("hello"), 0o644)
	var ie *domain.InputError
	if err := l.Restore(ctx, notDB); !errors.As(err, &ie) {
		t.Errorf("restore from junk: %v", err)
	}
	if err := l.Backup(ctx, filepath.Join(t.TempDir(), "missing", "b.db")); !errors.As(err, &ie) {
		t.Errorf("backup to a missing folder: %v", err)
	}
}

// Imports in the background while the officer searches and reads: no
// "database is locked" may surface.
func TestConcurrentImportAndSearch(t *testing.T) {
	l := openTemp(t)
	done := make(chan error)
	go func() {
		for i := 0; i < 60; i++ {
			a := sample(i)
			b := &domain.Briefing{Title: a.Title, Analysis: analysisFor([]*domain.Article{a})}
			if _, err := l.AddArticle(ctx, a, b); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	errs := make(chan error, 4)
	stop := make(chan struct{})
	for w := 0; w < 3; w++ {
		go func() {
			for {
				select {
				case <-stop:
					errs <- nil
					return
				default:
				}
				if _, err := l.Search(ctx, "ceasefire", 10); err != nil {
					errs <- err
					return
				}
				items, err := l.Briefings(ctx, domain.ListQuery{Limit: 5})
				if err != nil {
					errs <- err
					return
				}
				if len(items) > 0 {
					if _, err := l.Briefing(ctx, items[0].ID); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	// A second writer at the same time: renames, each from a fresh read, so
	// that an import between read and save is a conflict, never a loss.
	go func() {
		for i := 0; i < 30; i++ {
			b, err := l.Briefing(ctx, 1)
			if domain.KindOf(err) == domain.NotFound {
				continue // the import has not stored it yet
			}
			if err != nil {
				errs <- err
				return
			}
			b.Title = fmt.Sprintf("Renamed %d", i)
			if err := l.SaveBriefing(ctx, b); err != nil && domain.KindOf(err) != domain.Conflict {
				errs <- err
				return
			}
		}
		errs <- nil
	}()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	close(stop)
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// A full disk fails the import with a clear message and leaves nothing half
// stored; the library keeps working once there is room again.
func TestFullDisk(t *testing.T) {
	l := openTemp(t)
	add(t, l, 1)
	var pages int
	l.w.QueryRow("PRAGMA page_count").Scan(&pages)
	l.w.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+2))
	a := sample(2)
	a.Origin.Original = bytes.Repeat([]byte("x"), 1<<20)
	_, err := l.AddArticle(ctx, a, &domain.Briefing{Title: a.Title, Analysis: analysisFor([]*domain.Article{a})})
	var ie *domain.InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Reason, "disk is full") || ie.Path != l.Path() {
		t.Fatalf("AddArticle on a full disk: %v", err)
	}
	if a.ID != 0 {
		t.Error("failed import left an article ID")
	}
	if _, _, ok, _ := l.FindByHash(ctx, a.TextHash); ok {
		t.Error("failed import stored the article")
	}
	l.w.Exec("PRAGMA max_page_count = 1073741823")
	if r := add(t, l, 2); r.Status != domain.Imported {
		t.Errorf("after freeing room: %+v", r)
	}
	if p, err := l.Check(ctx); err != nil || len(p) != 0 {
		t.Errorf("Check = %v %v", p, err)
	}
}

// With more matches than the rank window, the ranked head and the newest-first
// tail together page through every match exactly once.
func TestPagingBeyondRankWindow(t *testing.T) {
	defer func(w int) { rankWindow = w }(rankWindow)
	rankWindow = 3
	l := openTemp(t)
	for i := 0; i < 25; i++ {
		add(t, l, i)
	}
	for _, search := range []string{"report", "ceasefire", "lavrov"} {
		q := domain.ListQuery{Search: search, Limit: 4}
		n := listed(t, l, domain.ListQuery{Search: search})
		if n < 8 {
			t.Fatalf("%q lists %d briefings; want a few pages", search, n)
		}
		seen := map[int64]bool{}
		for q.Offset = 0; q.Offset < n+8; q.Offset += q.Limit {
			page, err := l.Briefings(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if q.Offset < n && len(page) != min(q.Limit, n-q.Offset) {
				t.Errorf("%q offset %d: %d items of %d", search, q.Offset, len(page), n)
			}
			for _, it := range page {
				if seen[it.ID] {
					t.Errorf("%q: briefing %d listed twice", search, it.ID)
				}
				seen[it.ID] = true
				if it.Snippet.Text == "" {
					t.Errorf("%q: briefing %d without snippet", search, it.ID)
				}
			}
		}
		if len(seen) != n {
			t.Errorf("%q: paged through %d of %d", search, len(seen), n)
		}
		hits, err := l.Search(ctx, search, 20)
		if err != nil || len(hits) != min(20, n) {
			t.Errorf("Search(%q) beyond the window: %d hits, %v", search, len(hits), err)
		}
		ids := map[int64]bool{}
		for _, h := range hits {
			if ids[h.ArticleID] || h.Title == "" {
				t.Errorf("Search(%q): bad or repeated hit %+v", search, h)
			}
			ids[h.ArticleID] = true
		}
	}
}

// Folder and file names with URI-special characters open, back up and
// restore like any other.
func TestOddPaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Desk #2 ? 100% (Genève)")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "my library?.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	add(t, l, 1)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("library not at its path: %v", err)
	}
	backup := filepath.Join(dir, "backup #1?.db")
	if err := l.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := l.Restore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "my library?.db") && !strings.HasPrefix(e.Name(), "backup #1?.db") {
			t.Errorf("stray file %q", e.Name())
		}
	}
}

// A NaN score or salience from the analysis does not lose the import.
func TestNonFiniteNumbers(t *testing.T) {
	l := openTemp(t)
	a := sample(1)
	b := &domain.Briefing{Title: a.Title, Length: domain.Length{Ratio: math.Inf(1)}, Analysis: analysisFor([]*domain.Article{a})}
	b.Analysis.Summary.Scores[0].Score = math.NaN()
	b.Analysis.Actors[0].Salience = math.NaN()
	if r, err := l.AddArticle(ctx, a, b); err != nil || r.Status != domain.Imported {
		t.Fatalf("AddArticle = %+v, %v", r, err)
	}
	got, err := l.Briefing(ctx, b.ID)
	if err != nil || got.Analysis.Summary.Scores[0].Score != 0 || got.Analysis.Actors[0].Salience != 0 {
		t.Errorf("stored %+v, %v", got, err)
	}
}
