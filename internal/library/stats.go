package library

import (
	"context"
	"database/sql"
	"os"

	"briefdesk/internal/domain"
)

// Stats counts the library's articles and briefings and measures its file.
func (l *Library) Stats(ctx context.Context) (domain.LibraryStats, error) {
	const op = "library.Stats"
	var s domain.LibraryStats
	err := l.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM article),
			(SELECT count(*) FROM briefing WHERE deleted IS NULL), (SELECT count(*) FROM briefing WHERE deleted IS NOT NULL)`).
			Scan(&s.Articles, &s.Briefings, &s.Trash)
	})
	if err != nil {
		return s, fileError(l.path, op, err)
	}
	for _, p := range []string{l.path, l.path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			s.Bytes += st.Size()
		}
	}
	return s, nil
}

// Sources lists the publications of the library's articles with how many
// articles each has, most frequent first, for the source filter.
func (l *Library) Sources(ctx context.Context, limit int) ([]domain.Count, error) {
	const op = "library.Sources"
	if limit <= 0 {
		limit = 200
	}
	rows, err := l.r.QueryContext(ctx, `SELECT source COLLATE NOCASE, count(*) AS n FROM article WHERE source <> ''
		GROUP BY source COLLATE NOCASE ORDER BY n DESC, source LIMIT ?`, limit)
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	defer rows.Close()
	var out []domain.Count
	for rows.Next() {
		var c domain.Count
		if err := rows.Scan(&c.Name, &c.N); err != nil {
			return nil, fileError(l.path, op, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Trash lists the briefings in the trash, most recently deleted first.
func (l *Library) Trash(ctx context.Context, offset, limit int) ([]domain.BriefingItem, error) {
	const op = "library.Trash"
	if limit <= 0 {
		limit = DefaultPageSize
	}
	items, err := l.queryItems(ctx, `SELECT `+itemCols+` FROM briefing b WHERE b.deleted IS NOT NULL
		ORDER BY b.deleted DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	return items, nil
}

// queryItems runs query, which selects itemCols, on the read pool and
// reads the briefing items it returns.
func (l *Library) queryItems(ctx context.Context, query string, args ...any) ([]domain.BriefingItem, error) {
	rows, err := l.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []domain.BriefingItem
	for rows.Next() {
		var it domain.BriefingItem
		var updated int64
		if err := rows.Scan(&it.ID, &it.Title, &updated, &it.Articles, &it.Sources); err != nil {
			return nil, err
		}
		it.Updated = fromNanos(sql.NullInt64{Int64: updated, Valid: true})
		items = append(items, it)
	}
	return items, rows.Err()
}
