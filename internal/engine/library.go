package engine

import (
	"context"

	"briefdesk/internal/domain"
)

// The engine's reading and maintenance operations: each is the library's,
// named once here, so the GUI and the CLI see one explicit method set and
// one name per operation (List, not Briefings; Delete, not DeleteBriefing).

// Briefing returns one briefing with its articles and analysis.
func (e *Engine) Briefing(ctx context.Context, id int64) (*domain.Briefing, error) {
	return e.lib.Briefing(ctx, id)
}

// Article returns one article; withOriginal adds the source bytes as imported.
func (e *Engine) Article(ctx context.Context, id int64, withOriginal bool) (*domain.Article, error) {
	return e.lib.Article(ctx, id, withOriginal)
}

// Search finds articles by full-text query, best first.
func (e *Engine) Search(ctx context.Context, query string, limit int) ([]domain.Hit, error) {
	return e.lib.Search(ctx, query, limit)
}

// Sources counts the briefings of each publication or byline, most first.
func (e *Engine) Sources(ctx context.Context, limit int) ([]domain.Count, error) {
	return e.lib.Sources(ctx, limit)
}

// Undelete brings a deleted briefing back from the trash.
func (e *Engine) Undelete(ctx context.Context, id int64) error { return e.lib.Undelete(ctx, id) }

// Trash lists what was deleted, newest first.
func (e *Engine) Trash(ctx context.Context, limit int) ([]domain.TrashItem, error) {
	return e.lib.Trash(ctx, limit)
}

// Backup writes a consistent copy of the library to dest.
func (e *Engine) Backup(ctx context.Context, dest string) error { return e.lib.Backup(ctx, dest) }

// Restore replaces the library with the backup src, keeping the current one beside it.
func (e *Engine) Restore(ctx context.Context, src string) error { return e.lib.Restore(ctx, src) }

// Check runs SQLite's integrity check and returns the problems found.
func (e *Engine) Check(ctx context.Context) ([]string, error) { return e.lib.Check(ctx) }

// Vacuum compacts the library file.
func (e *Engine) Vacuum(ctx context.Context) error { return e.lib.Vacuum(ctx) }

// Stats counts what the library holds.
func (e *Engine) Stats(ctx context.Context) (domain.LibraryStats, error) { return e.lib.Stats(ctx) }

// Verify checks the library file's structure; a damaged library refuses writes.
func (e *Engine) Verify(ctx context.Context) error { return e.lib.Verify(ctx) }

// Damaged returns the damage Verify found, or nil.
func (e *Engine) Damaged() error { return e.lib.Damaged() }

// Path is the library file.
func (e *Engine) Path() string { return e.lib.Path() }

// Close closes the library.
func (e *Engine) Close() error { return e.lib.Close() }

// The engine is what the window and the command line use.
var (
	_ domain.Importer        = (*Engine)(nil)
	_ domain.BriefingService = (*Engine)(nil)
	_ domain.LibraryService  = (*Engine)(nil)
)
