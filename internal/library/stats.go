package library

import (
	"context"
	"database/sql"
	"os"

	"briefdesk/internal/domain"
)

// Stats counts the library's articles, briefings and trash and measures its file.
func (l *Library) Stats(ctx context.Context) (domain.LibraryStats, error) {
	const op = "library.Stats"
	var s domain.LibraryStats
	err := l.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM article WHERE `+liveArticle+`),
			(SELECT count(*) FROM briefing WHERE deleted IS NULL),
			(SELECT count(*) FROM briefing WHERE deleted IS NOT NULL) + (SELECT count(*) FROM article a WHERE a.deleted IS NOT NULL
				AND NOT EXISTS (SELECT 1 FROM briefing_article WHERE article_id = a.id))`).
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
