package library

import (
	"context"
	"database/sql"
	"time"

	"briefdesk/internal/domain"
)

// The trash holds briefings and articles the officer deleted. A briefing in
// it keeps its articles, analysis and edits; an article deleted on its own
// is taken out of its briefings and remembers where it was (DeletedFrom).
// Nothing in the trash is found by a search, a list or a duplicate check;
// only PurgeTrash (Empty Trash, or TrashRetention at Open) deletes for good.

// DeleteBriefing moves a briefing to the trash: it disappears from lists,
// searches and duplicate checks, and Undelete brings it back.
func (l *Library) DeleteBriefing(ctx context.Context, id int64) error {
	return l.commit(ctx, "library.DeleteBriefing", &Batch{Trash: []int64{id}})
}

// Undelete brings a briefing back from the trash, with its articles.
func (l *Library) Undelete(ctx context.Context, id int64) error {
	return l.commit(ctx, "library.Undelete", &Batch{Untrash: []int64{id}})
}

// Trash lists what is in the trash, most recently deleted first: briefings,
// and articles deleted on their own (an article that went with its
// briefing is listed as that briefing).
func (l *Library) Trash(ctx context.Context, limit int) ([]domain.TrashItem, error) {
	const op = "library.Trash"
	if limit <= 0 {
		limit = DefaultPageSize
	}
	var items []domain.TrashItem
	err := l.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT b.id, 0, b.title, b.deleted,
			(SELECT count(*) FROM briefing_article WHERE briefing_id = b.id),
			coalesce((SELECT group_concat(s, ', ') FROM (SELECT DISTINCT CASE WHEN a.source <> '' THEN a.source
				WHEN a.credit <> '' THEN a.credit ELSE a.byline END AS s
				FROM briefing_article ba JOIN article a ON a.id = ba.article_id WHERE ba.briefing_id = b.id AND s <> '')), '')
			FROM briefing b WHERE b.deleted IS NOT NULL
			UNION ALL
			SELECT 0, a.id, a.title, a.deleted, 1, CASE WHEN a.source <> '' THEN a.source WHEN a.credit <> '' THEN a.credit ELSE a.byline END
			FROM article a WHERE a.deleted IS NOT NULL AND NOT EXISTS (SELECT 1 FROM briefing_article WHERE article_id = a.id)
			ORDER BY 4 DESC LIMIT ?`, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var it domain.TrashItem
			var deleted int64
			if err := rows.Scan(&it.Briefing, &it.Article, &it.Title, &deleted, &it.Articles, &it.Sources); err != nil {
				return err
			}
			it.Deleted = time.Unix(0, deleted).UTC()
			items = append(items, it)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	return items, nil
}

// PurgeTrash deletes for good what went to the trash before cutoff (all of
// it for the zero time): briefings with their analysis, articles deleted on
// their own, and the articles of purged briefings that no remaining
// briefing holds. It returns how many briefings and articles went.
func (l *Library) PurgeTrash(ctx context.Context, before time.Time) (int, error) {
	const op = "library.PurgeTrash"
	cut := int64(1<<63 - 1)
	if !before.IsZero() {
		cut = before.UnixNano()
	}
	var n int
	err := l.write(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT ba.article_id FROM briefing_article ba JOIN briefing b ON b.id = ba.briefing_id
			WHERE b.deleted IS NOT NULL AND b.deleted < ?
			UNION SELECT id FROM article WHERE deleted IS NOT NULL AND deleted < ?`, cut, cut)
		if err != nil {
			return err
		}
		var arts []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			arts = append(arts, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		// Articles in the trash on their own are listed items too.
		var alone int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM article a WHERE a.deleted IS NOT NULL AND a.deleted < ?
			AND NOT EXISTS (SELECT 1 FROM briefing_article WHERE article_id = a.id)`, cut).Scan(&alone); err != nil {
			return err
		}
		r, err := tx.ExecContext(ctx, `DELETE FROM briefing WHERE deleted IS NOT NULL AND deleted < ?`, cut)
		if err != nil {
			return err
		}
		m, _ := r.RowsAffected()
		n = int(m) + alone
		// Only articles no briefing holds any more: one shared with a live
		// briefing, or with a briefing still in the trash, stays.
		for _, id := range arts {
			if _, err := tx.ExecContext(ctx, `DELETE FROM article WHERE id = ?
				AND NOT EXISTS (SELECT 1 FROM briefing_article WHERE article_id = ?)`, id, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fileError(l.path, op, err)
	}
	return n, nil
}
