package library

import (
	"database/sql"
	"path/filepath"
	"testing"

	"briefdesk/internal/domain"
)

func TestStatsSourcesTrash(t *testing.T) {
	l := openTemp(t)
	var ids []int64
	for i := 0; i < 7; i++ {
		ids = append(ids, add(t, l, i).BriefingID)
	}
	l.DeleteBriefing(ctx, ids[2])
	s, err := l.Stats(ctx)
	if err != nil || s.Articles != 6 || s.Briefings != 6 || s.Trash != 1 || s.Bytes == 0 {
		t.Errorf("Stats = %+v, %v", s, err)
	}
	src, err := l.Sources(ctx, 0)
	if err != nil || len(src) != 3 || src[0] != (domain.Count{Name: "Desk Wire", N: 3}) {
		t.Errorf("Sources = %+v, %v", src, err)
	}
	tr, err := l.Trash(ctx, 0)
	if err != nil || len(tr) != 1 || tr[0].Briefing != ids[2] || tr[0].Articles != 1 || tr[0].Deleted.IsZero() {
		t.Errorf("Trash = %+v, %v", tr, err)
	}
}

// A library written by the first schema is brought up to date on open,
// keeping its data, one recorded migration at a time.
func TestMigratesOldLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	ms, err := migrations()
	if err != nil || len(ms) < 2 {
		t.Fatalf("migrations: %d, %v", len(ms), err)
	}
	db, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied INTEGER NOT NULL)`,
		ms[0].sql,
		`INSERT INTO schema_migration VALUES (1, '` + ms[0].name + `', 0)`,
		`PRAGMA user_version = 1`,
		`INSERT INTO article(title, body, text_hash, source, imported_at) VALUES ('Old story', 'Kept across the upgrade.', 'h1', 'Old Wire', 0)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var v, n, idx int
	l.r.QueryRow("PRAGMA user_version").Scan(&v)
	l.r.QueryRow("SELECT count(*) FROM schema_migration").Scan(&n)
	l.r.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'article_source'").Scan(&idx)
	if v != len(ms) || n != len(ms) || idx != 1 {
		t.Errorf("after upgrade: user_version %d, %d recorded, index %d; want %d, %d, 1", v, n, idx, len(ms), len(ms))
	}
	if a, err := l.Article(ctx, 1, false); err != nil || a.Title != "Old story" {
		t.Errorf("old article: %+v %v", a, err)
	}
}
