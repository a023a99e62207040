package library

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"briefdesk/internal/domain"
)

// TestUpgradesSchema4Library opens a library written by the Briefdesk of
// before articles lived apart (testdata/v4-library.md says how it was
// made) and checks that the upgrade keeps every article, briefing, link,
// original, analysis, edit and trashed briefing, and dates the list.
func TestUpgradesSchema4Library(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "v4-library.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	counts := func(db *sql.DB) map[string]int {
		out := map[string]int{}
		for name, q := range map[string]string{
			"articles":  `SELECT count(*) FROM article`,
			"originals": `SELECT count(*) FROM original`,
			"briefings": `SELECT count(*) FROM briefing`,
			"trash":     `SELECT count(*) FROM briefing WHERE deleted IS NOT NULL`,
			"links":     `SELECT count(*) FROM briefing_article`,
			"analyses":  `SELECT count(*) FROM analysis`,
			"actors":    `SELECT count(*) FROM actor`,
			"quotes":    `SELECT count(*) FROM quote`,
			"version":   `PRAGMA user_version`,
		} {
			var n int
			if err := db.QueryRow(q).Scan(&n); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			out[name] = n
		}
		return out
	}
	old, err := sql.Open("sqlite3", fileURI(path, "mode=ro"))
	if err != nil {
		t.Fatal(err)
	}
	before := counts(old)
	old.Close()
	if before["version"] != 4 || before["articles"] != 7 || before["trash"] != 1 {
		t.Fatalf("fixture is not the schema-4 library it should be: %v", before)
	}

	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	after := counts(l.r)
	if after["version"] != SchemaVersion() {
		t.Errorf("schema %d after the upgrade, want %d", after["version"], SchemaVersion())
	}
	for k, n := range before {
		if k != "version" && after[k] != n {
			t.Errorf("%s: %d before the upgrade, %d after", k, n, after[k])
		}
	}
	if p, err := l.Check(ctx); err != nil || len(p) != 0 {
		t.Fatalf("Check after the upgrade: %v %v", p, err)
	}
	items, err := l.Briefings(ctx, domain.ListQuery{})
	if err != nil || len(items) != 4 {
		t.Fatalf("list after the upgrade: %d items, %v", len(items), err)
	}
	for _, it := range items {
		b, err := l.Briefing(ctx, it.ID)
		if err != nil || b.Analysis == nil || len(b.Analysis.Summary.Sentences) == 0 || b.Version == 0 {
			t.Fatalf("briefing %d after the upgrade: %+v, %v", it.ID, b, err)
		}
		if it.Date.IsZero() || (it.DateBy != domain.DatePublished && it.DateBy != domain.DateImported) {
			t.Errorf("briefing %d undated: %+v", it.ID, it)
		}
		// The sample stories carry publication dates; the harbour talks do not.
		published := false
		for _, a := range b.Articles {
			published = published || !a.Published.IsZero()
		}
		if want := map[bool]domain.DateSource{true: domain.DatePublished, false: domain.DateImported}[published]; it.DateBy != want {
			t.Errorf("briefing %q dated by %s, want %s", it.Title, it.DateBy, want)
		}
		if b.Title == "Harbour talks (renamed)" {
			want := domain.Edits{Pinned: []domain.SentenceRef{{Article: 1, Index: 2}}, Dropped: []domain.SentenceRef{{Article: 0, Index: 0}}}
			if len(b.Articles) != 2 || b.Length.Sentences != 3 || len(b.Edits.Pinned) != 1 || b.Edits.Pinned[0] != want.Pinned[0] || b.Edits.Dropped[0] != want.Dropped[0] {
				t.Errorf("the edited briefing lost its edits: %d articles, %+v, %+v", len(b.Articles), b.Length, b.Edits)
			}
		}
	}
	tr, err := l.Trash(ctx, 0)
	if err != nil || len(tr) != 1 || tr[0].Title != "Drought relief convoy reaches northern Saldera" {
		t.Errorf("trash after the upgrade: %+v, %v", tr, err)
	}
	if hits, err := l.Search(ctx, "Velmora", 10); err != nil || len(hits) != 2 {
		t.Errorf("search after the upgrade: %d hits, %v", len(hits), err)
	}
	// The upgraded library takes edits with versions like a new one.
	b, _ := l.Briefing(ctx, items[0].ID)
	stale := *b
	b.Title = "Renamed after the upgrade"
	if err := l.SaveBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := l.SaveBriefing(ctx, &stale); domain.KindOf(err) != domain.Conflict {
		t.Errorf("stale save on the upgraded library: %v, want a conflict", err)
	}
}
