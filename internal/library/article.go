package library

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"math/bits"
	"strings"
	"time"

	"briefdesk/internal/domain"
	"briefdesk/internal/ingest"
)

// NearDupDistance is the largest Hamming distance between two SimHashes that
// counts as a near-duplicate: ingest's measured threshold, within which a
// lightly edited copy of a story always lands and a copy missing a paragraph
// nine times in ten, while unrelated stories almost never do.
const NearDupDistance = ingest.NearDuplicate

// liveArticle is true when some briefing outside the trash holds the
// article: an article in the trash, or held only by briefings in the trash,
// is found by no search and no duplicate check.
const liveArticle = `EXISTS (SELECT 1 FROM briefing_article ba JOIN briefing b ON b.id = ba.briefing_id
	WHERE ba.article_id = article.id AND b.deleted IS NULL)`

// FindByHash returns the ID of the article whose normalised text has hash h.
// Articles whose only briefings are in the trash do not count: importing
// them again brings them back.
func (l *Library) FindByHash(ctx context.Context, h string) (id int64, title string, ok bool, err error) {
	const op = "library.FindByHash"
	err = l.r.QueryRowContext(ctx, `SELECT id, title FROM article WHERE text_hash = ? AND `+liveArticle, h).Scan(&id, &title)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", false, nil
	}
	if err != nil {
		return 0, "", false, fileError(l.path, op, err)
	}
	return id, title, true, nil
}

// AddArticle stores article a in one transaction, with briefing b: when b.ID
// is 0 a new briefing is created holding a, otherwise a is appended to
// briefing b.ID, which must not have changed since b was read (b.Version;
// else a Conflict, and nothing is stored). b.Analysis (summary, actors,
// facts) is stored with it, and must describe b.Articles followed by a. A
// duplicate (same TextHash) is not stored; the result says so. On success
// a.ID, b.ID and b.Version are set and a is appended to b.Articles.
func (l *Library) AddArticle(ctx context.Context, a *domain.Article, b *domain.Briefing) (domain.ImportResult, error) {
	const op = "library.AddArticle"
	if a.TextHash == "" {
		sum := sha256.Sum256([]byte(a.Body()))
		a.TextHash = hex.EncodeToString(sum[:])
	}
	res := domain.ImportResult{Path: a.Origin.Name}
	now := time.Now()
	var newBriefing bool
	version, updated := b.Version, b.Updated
	err := l.write(ctx, func(tx *sql.Tx) error {
		var old int64
		var oldTitle string
		var live bool
		err := tx.QueryRowContext(ctx, `SELECT id, title, `+liveArticle+` FROM article WHERE text_hash = ?`, a.TextHash).Scan(&old, &oldTitle, &live)
		switch {
		case err == nil && live:
			res.Status, res.ArticleID = domain.Duplicate, old
			res.Detail = "already in the library as " + quoteTitle(oldTitle)
			return nil
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if res.NearDup, err = l.nearDup(ctx, tx, a.SimHash, old); err != nil {
			return err
		}
		if old != 0 {
			// Only the trash holds it: bring the same row back with the new metadata.
			a.ID = old
			if err := updateArticle(ctx, tx, a); err != nil {
				return err
			}
		} else if err := insertArticle(ctx, tx, a, now); err != nil {
			return err
		}
		if b.ID == 0 {
			newBriefing = true
			if err := insertBriefing(ctx, tx, b, now); err != nil {
				return err
			}
		} else if err := updateBriefing(ctx, tx, op, b, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO briefing_article(briefing_id, pos, article_id)
			VALUES (?, (SELECT coalesce(max(pos) + 1, 0) FROM briefing_article WHERE briefing_id = ?), ?)`,
			b.ID, b.ID, a.ID); err != nil {
			return err
		}
		if err := redate(ctx, tx, b.ID); err != nil {
			return err
		}
		arts := append(append([]*domain.Article(nil), b.Articles...), a)
		if err := saveAnalysis(ctx, tx, b.ID, b.Analysis, arts); err != nil {
			return err
		}
		res.Status, res.ArticleID, res.BriefingID = domain.Imported, a.ID, b.ID
		res.Detail, res.Incomplete = a.Title, a.Incomplete
		return nil
	})
	if err != nil {
		a.ID = 0
		if newBriefing {
			b.ID = 0
		}
		b.Version, b.Updated = version, updated // the transaction that bumped them rolled back
		return domain.ImportResult{}, fileError(l.path, op, err)
	}
	if res.Status == domain.Imported {
		l.sims.add(a.ID, a.SimHash)
		b.Articles = append(b.Articles, a)
		if b.Updated.IsZero() || newBriefing {
			b.Updated = now
		}
	}
	return res, nil
}

func quoteTitle(t string) string {
	if t == "" {
		return "an untitled article"
	}
	return "\u201c" + t + "\u201d"
}

// bands splits a SimHash into the four 16-bit values the simband index holds.
func bands(h uint64) [4]int64 {
	return [4]int64{int64(h & 0xffff), int64(h >> 16 & 0xffff), int64(h >> 32 & 0xffff), int64(h >> 48 & 0xffff)}
}

// nearDup returns the closest live article within NearDupDistance of h, 0 if
// none. A zero SimHash means "not computed" and matches nothing. The
// in-memory index proposes candidates; each is checked against the file,
// which has the last word on its SimHash and whether it is live.
func (l *Library) nearDup(ctx context.Context, tx *sql.Tx, h uint64, except int64) (int64, error) {
	if h == 0 {
		return 0, nil
	}
	if err := l.sims.sync(ctx, tx); err != nil {
		return 0, err
	}
	for _, id := range l.sims.candidates(h, NearDupDistance, except) {
		var sh int64
		var live bool
		err := tx.QueryRowContext(ctx, `SELECT simhash, `+liveArticle+` FROM article WHERE id = ?`, id).Scan(&sh, &live)
		if errors.Is(err, sql.ErrNoRows) {
			continue // deleted since the index saw it
		}
		if err != nil {
			return 0, err
		}
		if live && bits.OnesCount64(uint64(sh)^h) <= NearDupDistance {
			return id, nil
		}
	}
	return 0, nil
}

const articleCols = `title, standfirst, byline, dateline, credit, source, published, language, body,
	text_hash, simhash, origin_name, origin_format, origin_size, origin_sha256, imported_at, incomplete`

func articleArgs(a *domain.Article) []any {
	return []any{a.Title, a.Standfirst, a.Byline, a.Dateline, a.Credit, a.Source, nanos(a.Published), a.Language,
		a.Body(), a.TextHash, int64(a.SimHash), a.Origin.Name, string(a.Origin.Format), a.Origin.Size,
		a.Origin.SHA256, a.Origin.ImportedAt.UnixNano(), a.Incomplete}
}

func insertArticle(ctx context.Context, tx *sql.Tx, a *domain.Article, now time.Time) error {
	if a.TextHash == "" {
		sum := sha256.Sum256([]byte(a.Body()))
		a.TextHash = hex.EncodeToString(sum[:])
	}
	if a.Origin.ImportedAt.IsZero() {
		a.Origin.ImportedAt = now
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO article(`+articleCols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, articleArgs(a)...)
	if err != nil {
		return err
	}
	if a.ID, err = r.LastInsertId(); err != nil {
		return err
	}
	return writeSide(ctx, tx, a)
}

// updateArticle rewrites an article imported again while only the trash
// held it, bringing it out of the trash.
func updateArticle(ctx context.Context, tx *sql.Tx, a *domain.Article) error {
	if a.Origin.ImportedAt.IsZero() {
		a.Origin.ImportedAt = time.Now()
	}
	set := strings.ReplaceAll(articleCols, ",", " = ?,") + " = ?, deleted = NULL, deleted_from = '[]'"
	args := append(articleArgs(a), a.ID)
	if _, err := tx.ExecContext(ctx, `UPDATE article SET `+set+` WHERE id = ?`, args...); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM original WHERE article_id = ?`, `DELETE FROM simband WHERE article_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, a.ID); err != nil {
			return err
		}
	}
	return writeSide(ctx, tx, a)
}

// writeSide stores an article's original bytes and SimHash bands.
func writeSide(ctx context.Context, tx *sql.Tx, a *domain.Article) error {
	if a.Origin.Original != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO original(article_id, bytes) VALUES (?, ?)`, a.ID, a.Origin.Original); err != nil {
			return err
		}
	}
	if a.SimHash == 0 {
		return nil
	}
	for i, v := range bands(a.SimHash) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO simband(band, value, article_id) VALUES (?, ?, ?)`, i, v, a.ID); err != nil {
			return err
		}
	}
	return nil
}

// Article loads one article, in the trash or not; withOriginal includes its
// original bytes.
func (l *Library) Article(ctx context.Context, id int64, withOriginal bool) (*domain.Article, error) {
	const op = "library.Article"
	var a *domain.Article
	err := l.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, `+articleCols+` FROM article WHERE id = ?`, id)
		if err != nil {
			return err
		}
		as, err := scanArticles(rows)
		if err != nil {
			return err
		}
		if len(as) == 0 {
			return articleNotFound(op)
		}
		a = as[0]
		if withOriginal {
			err := tx.QueryRowContext(ctx, `SELECT bytes FROM original WHERE article_id = ?`, id).Scan(&a.Origin.Original)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	return a, nil
}

// scanArticles reads rows of "id, articleCols" and closes them.
func scanArticles(rows *sql.Rows) ([]*domain.Article, error) {
	defer rows.Close()
	var out []*domain.Article
	for rows.Next() {
		a := &domain.Article{}
		var published sql.NullInt64
		var body, format string
		var sim, imported int64
		if err := rows.Scan(&a.ID, &a.Title, &a.Standfirst, &a.Byline, &a.Dateline, &a.Credit, &a.Source, &published,
			&a.Language, &body, &a.TextHash, &sim, &a.Origin.Name, &format, &a.Origin.Size, &a.Origin.SHA256, &imported, &a.Incomplete); err != nil {
			return nil, err
		}
		a.Published = fromNanos(published)
		a.SimHash = uint64(sim)
		a.Origin.Format = domain.Format(format)
		a.Origin.ImportedAt = time.Unix(0, imported).UTC()
		if body != "" {
			a.Paragraphs = strings.Split(body, "\n\n")
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
