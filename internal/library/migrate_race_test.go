package library

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"briefdesk/internal/domain"
)

// TestConcurrentCreate replays two processes creating one library at once
// (the window and a CLI import started together): every opener must end up
// with the same, complete schema, never "table article already exists".
func TestConcurrentCreate(t *testing.T) {
	dir := t.TempDir()
	for round := range 6 {
		path := filepath.Join(dir, fmt.Sprintf("lib%d.db", round))
		var wg sync.WaitGroup
		errs := make([]error, 4)
		libs := make([]*Library, 4)
		for i := range libs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				libs[i], errs[i] = Open(path)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, opener %d: %v (%v)", round, i, err, errors.Unwrap(err))
			}
			libs[i].Close()
		}
	}
}

// TestSearchBounds replays the oversized searches: 300 negated terms (FTS5's
// "expression tree is too large") and a 100,000-character query (seconds of
// work) are refused at once with a reason, never a raw SQLite message.
func TestSearchBounds(t *testing.T) {
	l := openTemp(t)
	a := sample(1)
	if _, err := l.AddArticle(ctx, a, &domain.Briefing{Title: a.Title}); err != nil {
		t.Fatal(err)
	}
	negated := "harbour" + strings.Repeat(" -word", 300)
	long := strings.Repeat("harbour ", 12500)
	for _, q := range []string{negated, long} {
		start := time.Now()
		for name, search := range map[string]func() error{
			"Search":    func() error { _, err := l.Search(ctx, q, 10); return err },
			"Briefings": func() error { _, err := l.Briefings(ctx, domain.ListQuery{Search: q}); return err },
		} {
			err := search()
			var ie *domain.InputError
			if !errors.As(err, &ie) || !strings.Contains(ie.Reason, "at most") || strings.Contains(err.Error(), "fts5") {
				t.Errorf("%s of %d characters: %v", name, len(q), err)
			}
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("refusing took %v", d)
		}
	}
	// At the bounds the search runs.
	atBound := "harbour" + strings.Repeat(" -word", MaxQueryTerms-1)
	if _, err := l.Search(ctx, atBound, 10); err != nil {
		t.Errorf("%d terms: %v", MaxQueryTerms, err)
	}
}

// TestMigrationsInSequence checks the embedded migrations are numbered
// 1, 2, 3... without a gap, which SchemaVersion relies on.
func TestMigrationsInSequence(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || SchemaVersion() != len(ms) {
		t.Fatalf("%d migrations, SchemaVersion %d", len(ms), SchemaVersion())
	}
}
