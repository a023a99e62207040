package library

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"briefdesk/internal/domain"
)

// Articles live in the library on their own and briefings refer to them
// (Zotero's items and collections). Every change to which briefing holds
// which article goes through Commit, which checks, before it commits, that
// no article it touched is left in no briefing unless it went to the trash:
// an edit can never lose an article, whatever the caller computed.

// Batch is the writes of one user action, committed in one transaction: a
// crash or a conflict leaves all of them or none.
type Batch struct {
	// Save rewrites stored briefings: own fields, article list and
	// analysis. Each b.Version must be the stored version, else the batch
	// is a Conflict; on commit it is bumped.
	Save []*domain.Briefing
	// Create adds new briefings of articles already stored (an article
	// taken out of a briefing becomes one); their IDs are set on commit.
	Create []*domain.Briefing
	// Trash moves briefings to the trash as they are stored; Untrash
	// brings them back with the articles they hold.
	Trash, Untrash []int64
	// Discard deletes briefings for good; every article they hold must be
	// held by another briefing (an undone split).
	Discard []int64
	// TrashArticles moves articles to the trash; Save must take them out of
	// their live briefings. The library records where each was, for
	// DeletedFrom. UntrashArticles brings articles back (before Save runs,
	// so a saved briefing may hold them again).
	TrashArticles, UntrashArticles []int64
}

// Placement is where a trashed article was: the briefing and its position
// in it, and what has become of the briefing since.
type Placement struct {
	Briefing int64
	Pos      int
	Live     bool // the briefing is outside the trash
	Trashed  bool // the briefing is in the trash (and still holds the article)
}

// SaveBriefing stores b's own fields, article list and analysis, provided
// nobody changed it since it was read (b.Version): a stale copy is refused as
// a Conflict and changes nothing. An article it no longer holds must be held
// by another briefing; SaveBriefing never deletes one.
func (l *Library) SaveBriefing(ctx context.Context, b *domain.Briefing) error {
	return l.commit(ctx, "library.SaveBriefing", &Batch{Save: []*domain.Briefing{b}})
}

// Commit applies batch in one transaction.
func (l *Library) Commit(ctx context.Context, batch *Batch) error {
	return l.commit(ctx, "library.Commit", batch)
}

func (l *Library) commit(ctx context.Context, op string, batch *Batch) error {
	for _, b := range append(slices.Clip(batch.Save), batch.Create...) {
		if len(b.Articles) == 0 {
			return &domain.Error{Op: op, Kind: domain.Invalid, Reason: "a briefing needs at least one article; delete the briefing instead"}
		}
		for _, a := range b.Articles {
			if a.ID == 0 {
				return &domain.Error{Op: op, Kind: domain.Invalid, Reason: fmt.Sprintf("the article %s is not in the library; import it into the briefing instead", quoteTitle(a.Title))}
			}
		}
	}
	type saved struct {
		version int64
		updated time.Time
	}
	before := make([]saved, len(batch.Save))
	for i, b := range batch.Save {
		before[i] = saved{b.Version, b.Updated}
	}
	now := time.Now()
	err := l.write(ctx, func(tx *sql.Tx) error {
		return applyBatch(ctx, tx, op, batch, now)
	})
	if err != nil {
		for i, b := range batch.Save {
			b.Version, b.Updated = before[i].version, before[i].updated
		}
		for _, b := range batch.Create {
			b.ID, b.Version = 0, 0
		}
		return fileError(l.path, op, err)
	}
	return nil
}

func applyBatch(ctx context.Context, tx *sql.Tx, op string, batch *Batch, now time.Time) error {
	touched := map[int64]bool{} // articles taken out of a briefing
	from := map[int64][][2]int64{}
	trashing := map[int64]bool{}
	for _, id := range batch.TrashArticles {
		trashing[id] = true
	}
	// where records a trashed article's place before its links change.
	where := func(briefing int64, links []int64) {
		for pos, id := range links {
			if trashing[id] {
				from[id] = append(from[id], [2]int64{briefing, int64(pos)})
			}
		}
	}
	for _, id := range batch.UntrashArticles {
		r, err := tx.ExecContext(ctx, `UPDATE article SET deleted = NULL, deleted_from = '[]' WHERE id = ? AND deleted IS NOT NULL`, id)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return &domain.Error{Op: op, Kind: domain.NotFound, Reason: "the article is no longer in the trash"}
		}
	}
	for _, b := range batch.Save {
		old, err := articleIDs(ctx, tx, b.ID)
		if err != nil {
			return err
		}
		where(b.ID, old)
		if err := updateBriefing(ctx, tx, op, b, now); err != nil {
			return err
		}
		for _, id := range old {
			touched[id] = true
		}
		if err := setArticles(ctx, tx, op, b); err != nil {
			return err
		}
	}
	for _, b := range batch.Create {
		b.ID, b.Created, b.Updated = 0, time.Time{}, time.Time{}
		if err := insertBriefing(ctx, tx, b, now); err != nil {
			return err
		}
		if err := setArticles(ctx, tx, op, b); err != nil {
			return err
		}
	}
	for _, id := range batch.Untrash {
		r, err := tx.ExecContext(ctx, `UPDATE briefing SET deleted = NULL, version = version + 1 WHERE id = ? AND deleted IS NOT NULL`, id)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return &domain.Error{Op: op, Kind: domain.NotFound, Reason: "the briefing is no longer in the trash"}
		}
		// Restoring a briefing restores everything in it.
		if _, err := tx.ExecContext(ctx, `UPDATE article SET deleted = NULL, deleted_from = '[]'
			WHERE deleted IS NOT NULL AND id IN (SELECT article_id FROM briefing_article WHERE briefing_id = ?)`, id); err != nil {
			return err
		}
	}
	for _, id := range batch.Trash {
		links, err := articleIDs(ctx, tx, id)
		if err != nil {
			return err
		}
		where(id, links)
		r, err := tx.ExecContext(ctx, `UPDATE briefing SET deleted = ?, version = version + 1 WHERE id = ? AND deleted IS NULL`, now.UnixNano(), id)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return briefingNotFound(op)
		}
	}
	for _, id := range batch.TrashArticles {
		fj, err := json.Marshal(from[id])
		if err != nil {
			return err
		}
		if from[id] == nil {
			fj = []byte("[]")
		}
		r, err := tx.ExecContext(ctx, `UPDATE article SET deleted = ?, deleted_from = ? WHERE id = ? AND deleted IS NULL`, now.UnixNano(), string(fj), id)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return articleNotFound(op)
		}
		var live bool
		if err := tx.QueryRowContext(ctx, `SELECT `+liveArticle+` FROM article WHERE id = ?`, id).Scan(&live); err != nil {
			return err
		}
		if live {
			return &domain.Error{Op: op, Kind: domain.Internal, Err: fmt.Errorf("article %d goes to the trash but a live briefing still holds it", id)}
		}
	}
	for _, id := range batch.Discard {
		links, err := articleIDs(ctx, tx, id)
		if err != nil {
			return err
		}
		for _, a := range links {
			touched[a] = true
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM briefing WHERE id = ?`, id); err != nil {
			return err
		}
	}
	// The guarantee: an article taken out of a briefing is still held by
	// one, or went to the trash on purpose.
	for id := range touched {
		var kept bool
		err := tx.QueryRowContext(ctx, `SELECT deleted IS NOT NULL OR EXISTS (SELECT 1 FROM briefing_article WHERE article_id = article.id)
			FROM article WHERE id = ?`, id).Scan(&kept)
		if err != nil {
			return err
		}
		if !kept {
			return &domain.Error{Op: op, Kind: domain.Internal, Err: fmt.Errorf("refused: the change would leave article %d in no briefing", id)}
		}
	}
	return nil
}

// setArticles replaces briefing b's article links with b.Articles and
// stores its analysis and list date. A briefing outside the trash holds no
// trashed article.
func setArticles(ctx context.Context, tx *sql.Tx, op string, b *domain.Briefing) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM briefing_article WHERE briefing_id = ?`, b.ID); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for i, a := range b.Articles {
		if seen[a.ID] {
			return &domain.Error{Op: op, Kind: domain.Internal, Err: fmt.Errorf("article %d twice in briefing %d", a.ID, b.ID)}
		}
		seen[a.ID] = true
		var deleted bool
		err := tx.QueryRowContext(ctx, `SELECT deleted IS NOT NULL FROM article WHERE id = ?`, a.ID).Scan(&deleted)
		if errors.Is(err, sql.ErrNoRows) {
			return articleNotFound(op)
		}
		if err != nil {
			return err
		}
		if deleted {
			return &domain.Error{Op: op, Kind: domain.Conflict, Reason: "the article " + quoteTitle(a.Title) + " is in the trash; restore it first"}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO briefing_article(briefing_id, pos, article_id) VALUES (?, ?, ?)`, b.ID, i, a.ID); err != nil {
			return err
		}
	}
	if err := saveAnalysis(ctx, tx, b.ID, b.Analysis, b.Articles); err != nil {
		return err
	}
	return redate(ctx, tx, b.ID)
}

func articleIDs(ctx context.Context, tx *sql.Tx, briefing int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT article_id FROM briefing_article WHERE briefing_id = ? ORDER BY pos`, briefing)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Holders returns the briefings outside the trash that hold article id.
func (l *Library) Holders(ctx context.Context, id int64) ([]int64, error) {
	const op = "library.Holders"
	var ids []int64
	err := l.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT ba.briefing_id FROM briefing_article ba JOIN briefing b ON b.id = ba.briefing_id
			WHERE ba.article_id = ? AND b.deleted IS NULL ORDER BY ba.briefing_id`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var b int64
			if err := rows.Scan(&b); err != nil {
				return err
			}
			ids = append(ids, b)
		}
		return rows.Err()
	})
	return ids, fileError(l.path, op, err)
}

// DeletedFrom returns where the trashed article id was when it went to the
// trash, and what has become of those briefings. An article that is not in
// the trash is NotFound.
func (l *Library) DeletedFrom(ctx context.Context, id int64) ([]Placement, error) {
	const op = "library.DeletedFrom"
	var out []Placement
	err := l.read(ctx, func(tx *sql.Tx) error {
		var from string
		var deleted bool
		err := tx.QueryRowContext(ctx, `SELECT deleted IS NOT NULL, deleted_from FROM article WHERE id = ?`, id).Scan(&deleted, &from)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && !deleted) {
			return &domain.Error{Op: op, Kind: domain.NotFound, Reason: "the article is no longer in the trash"}
		}
		if err != nil {
			return err
		}
		var places [][2]int64
		if err := json.Unmarshal([]byte(from), &places); err != nil {
			return fmt.Errorf("article %d deleted_from: %w", id, err)
		}
		for _, p := range places {
			pl := Placement{Briefing: p[0], Pos: int(p[1])}
			var live, holds bool
			err := tx.QueryRowContext(ctx, `SELECT deleted IS NULL, EXISTS (SELECT 1 FROM briefing_article WHERE briefing_id = briefing.id AND article_id = ?)
				FROM briefing WHERE id = ?`, id, p[0]).Scan(&live, &holds)
			if errors.Is(err, sql.ErrNoRows) {
				out = append(out, pl) // gone for good
				continue
			}
			if err != nil {
				return err
			}
			pl.Live = live
			pl.Trashed = !live && holds
			out = append(out, pl)
		}
		return nil
	})
	return out, fileError(l.path, op, err)
}
