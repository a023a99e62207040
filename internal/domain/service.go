package domain

import "context"

// The services below are what the window and the command line ask of the
// engine. They live here, beside the types they speak in, so that callers
// depend on a contract rather than on the engine, and tests can stand a
// small fake in its place.

// Progress reports one finished source of an import.
type Progress struct {
	Done, Total int
	Result      ImportResult
}

// Importer brings files, folders, links and pasted text into the library.
type Importer interface {
	// Import imports sources (files, folders recursively, links). Each
	// article becomes a new briefing, or joins briefing into when into is
	// not 0. progress, when not nil, is called after each source. It stops
	// early when ctx is cancelled; what was imported stays imported.
	Import(ctx context.Context, sources []string, into int64, progress func(Progress)) []ImportResult
	ImportText(ctx context.Context, text string, into int64) ImportResult
}

// BriefingService lists, opens and edits briefings. Every edit is applied
// to the briefing as stored and returns it as stored after the edit.
type BriefingService interface {
	List(ctx context.Context, q ListQuery) ([]BriefingItem, error)
	Sources(ctx context.Context, limit int) ([]Count, error)
	Briefing(ctx context.Context, id int64) (*Briefing, error)

	Edit(ctx context.Context, id int64, ch Change) (*Briefing, error)
	// RemoveArticle takes an article out of a briefing; it stays in the
	// library as a briefing of its own, whose ID is returned.
	RemoveArticle(ctx context.Context, id, article int64) (*Briefing, int64, error)
	// Merge moves the articles of briefing from into briefing into at
	// position at, returning the IDs of the articles added.
	Merge(ctx context.Context, into, from int64, at int, discard bool) (*Briefing, []int64, error)
	Unmerge(ctx context.Context, into, from int64, added []int64) (*Briefing, error)
	DeleteArticle(ctx context.Context, article int64) error
	UndeleteArticle(ctx context.Context, article int64) (int64, error)
	Delete(ctx context.Context, id int64) error
	Undelete(ctx context.Context, id int64) error
}

// LibraryService looks after the library file itself.
type LibraryService interface {
	Trash(ctx context.Context, limit int) ([]TrashItem, error)
	EmptyTrash(ctx context.Context) (int, error)
	Backup(ctx context.Context, dest string) error
	Restore(ctx context.Context, src string) error
	Check(ctx context.Context) ([]string, error)
	Vacuum(ctx context.Context) error
	Stats(ctx context.Context) (LibraryStats, error)
	Verify(ctx context.Context) error // checks the file's structure; a damaged library refuses writes
	Damaged() error                   // the damage Verify found, or nil
	Path() string
}
