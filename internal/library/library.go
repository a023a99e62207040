// Package library keeps articles and briefings in one SQLite file: the only
// package that writes SQL.
package library

import (
	"context"
	"errors"

	"briefdesk/internal/domain"
)

// ErrNotFound is returned when a briefing or article does not exist.
var ErrNotFound = errors.New("not found")

var errTODO = errors.New("library: not implemented yet")

// Library is an open library file. It is safe for concurrent use.
type Library struct{ path string }

// Open opens (creating if needed) the library at path and brings its schema
// up to date.
func Open(path string) (*Library, error) { return nil, errTODO }

// Close closes the library.
func (l *Library) Close() error { return nil }

// Path returns the library file's path.
func (l *Library) Path() string { return l.path }

// FindByHash returns the ID of the article whose normalised text has hash h.
func (l *Library) FindByHash(ctx context.Context, h string) (id int64, title string, ok bool, err error) {
	return 0, "", false, errTODO
}

// AddArticle stores article a in one transaction, with briefing b: when b.ID
// is 0 a new briefing is created holding a, otherwise a is appended to
// briefing b.ID. b.Analysis (summary, actors, facts) is stored with it. A
// duplicate (same TextHash) is not stored; the result says so.
func (l *Library) AddArticle(ctx context.Context, a *domain.Article, b *domain.Briefing) (domain.ImportResult, error) {
	return domain.ImportResult{}, errTODO
}

// Briefings lists one page of briefings, newest first, filtered by q.
func (l *Library) Briefings(ctx context.Context, q domain.ListQuery) ([]domain.BriefingItem, error) {
	return nil, errTODO
}

// Briefing loads a whole briefing with its articles (without original bytes)
// and its stored analysis.
func (l *Library) Briefing(ctx context.Context, id int64) (*domain.Briefing, error) {
	return nil, errTODO
}

// SaveBriefing updates a briefing's fields, article order and analysis.
func (l *Library) SaveBriefing(ctx context.Context, b *domain.Briefing) error { return errTODO }

// DeleteBriefing removes a briefing (and articles no other briefing holds).
func (l *Library) DeleteBriefing(ctx context.Context, id int64) error { return errTODO }

// Search runs a full-text query as the user typed it.
func (l *Library) Search(ctx context.Context, query string, limit int) ([]domain.Hit, error) {
	return nil, errTODO
}

// Article loads one article; withOriginal includes its original bytes.
func (l *Library) Article(ctx context.Context, id int64, withOriginal bool) (*domain.Article, error) {
	return nil, errTODO
}

// Backup writes a consistent copy of the library to w.
func (l *Library) Backup(ctx context.Context, dest string) error { return errTODO }

