package library

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"briefdesk/internal/domain"
)

func insertBriefing(ctx context.Context, tx *sql.Tx, b *domain.Briefing, now time.Time) error {
	if b.Created.IsZero() {
		b.Created = now
	}
	if b.Updated.IsZero() {
		b.Updated = now
	}
	if b.Status == "" {
		b.Status = "draft"
	}
	edits, err := json.Marshal(b.Edits)
	if err != nil {
		return err
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO briefing(title, notes, classification, status, created, updated,
		len_sentences, len_words, len_ratio, edits) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		b.Title, b.Notes, b.Classification, b.Status, b.Created.UnixNano(), b.Updated.UnixNano(),
		b.Length.Sentences, b.Length.Words, finite(b.Length.Ratio), string(edits))
	if err != nil {
		return err
	}
	b.ID, err = r.LastInsertId()
	return err
}

// updateBriefing writes b's own fields and stamps it updated now.
func updateBriefing(ctx context.Context, tx *sql.Tx, b *domain.Briefing, now time.Time) error {
	if b.Status == "" {
		b.Status = "draft"
	}
	edits, err := json.Marshal(b.Edits)
	if err != nil {
		return err
	}
	b.Updated = now
	r, err := tx.ExecContext(ctx, `UPDATE briefing SET title = ?, notes = ?, classification = ?, status = ?, updated = ?,
		len_sentences = ?, len_words = ?, len_ratio = ?, edits = ? WHERE id = ? AND deleted IS NULL`,
		b.Title, b.Notes, b.Classification, b.Status, now.UnixNano(),
		b.Length.Sentences, b.Length.Words, finite(b.Length.Ratio), string(edits), b.ID)
	if err != nil {
		return err
	}
	if n, err := r.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return fmt.Errorf("briefing %d: %w", b.ID, ErrNotFound)
	}
	return nil
}

// sentRec is a ScoredSentence on disk, as a JSON array
// [article, index, para, start, end, score, pinned(0/1)] with an optional
// eighth element, the text, kept only when it is not exactly the article
// body between start and end: that saves storing every sentence twice.
type sentRec []any

type summaryRec struct {
	Chosen []json.RawMessage `json:"c"`
	Scores []json.RawMessage `json:"s"`
}

// finite stores NaN and infinities, which JSON and NOT NULL REAL columns
// reject, as 0: a ranker's bad score must not lose an import.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

func bodies(arts []*domain.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.Body()
	}
	return out
}

// cut returns the body text a sentence points at, if its offsets are valid.
func cut(bodies []string, a, s, e int) (string, bool) {
	if a < 0 || a >= len(bodies) || s < 0 || e < s || e > len(bodies[a]) {
		return "", false
	}
	return bodies[a][s:e], true
}

func encodeSents(ss []domain.ScoredSentence, bodies []string) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, len(ss))
	for i, s := range ss {
		pin := 0
		if s.Pinned {
			pin = 1
		}
		r := sentRec{s.Article, s.Index, s.Para, s.Start, s.End, finite(s.Score), pin}
		if t, ok := cut(bodies, s.Article, s.Start, s.End); !ok || t != s.Text {
			r = append(r, s.Text)
		}
		b, err := json.Marshal(r)
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

func decodeSents(rs []json.RawMessage, bodies []string) ([]domain.ScoredSentence, error) {
	if rs == nil {
		return nil, nil
	}
	out := make([]domain.ScoredSentence, len(rs))
	for i, raw := range rs {
		var nums [7]json.Number
		var text *string
		fields := []any{&nums[0], &nums[1], &nums[2], &nums[3], &nums[4], &nums[5], &nums[6], &text}
		if err := json.Unmarshal(raw, &fields); err != nil {
			return nil, err
		}
		var iv [7]int
		for k, n := range nums {
			if k == 5 {
				continue
			}
			v, err := n.Int64()
			if err != nil {
				return nil, fmt.Errorf("sentence %d: %w", i, err)
			}
			iv[k] = int(v)
		}
		score, err := nums[5].Float64()
		if err != nil {
			return nil, fmt.Errorf("sentence %d: %w", i, err)
		}
		s := domain.ScoredSentence{Score: score, Pinned: iv[6] == 1}
		s.Article, s.Index, s.Para, s.Start, s.End = iv[0], iv[1], iv[2], iv[3], iv[4]
		if text != nil {
			s.Text = *text
		} else {
			s.Text, _ = cut(bodies, s.Article, s.Start, s.End)
		}
		out[i] = s
	}
	return out, nil
}

// saveAnalysis replaces a briefing's stored analysis; arts are the
// briefing's articles in order, which the analysis' sentence refs index.
func saveAnalysis(ctx context.Context, tx *sql.Tx, id int64, an *domain.Analysis, arts []*domain.Article) error {
	for _, q := range []string{`DELETE FROM analysis WHERE briefing_id = ?`, `DELETE FROM actor WHERE briefing_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	if an == nil {
		return nil
	}
	bs := bodies(arts)
	var sr summaryRec
	var err error
	if sr.Chosen, err = encodeSents(an.Summary.Sentences, bs); err != nil {
		return err
	}
	if sr.Scores, err = encodeSents(an.Summary.Scores, bs); err != nil {
		return err
	}
	sum, err := json.Marshal(sr)
	if err != nil {
		return err
	}
	facts := an.Facts
	if facts == nil {
		facts = []domain.Fact{}
	}
	fj, err := json.Marshal(facts)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO analysis(briefing_id, summary, facts) VALUES (?, ?, ?)`, id, string(sum), string(fj)); err != nil {
		return err
	}
	actStmt, err := tx.PrepareContext(ctx, `INSERT INTO actor(briefing_id, pos, name, type, role, aliases, mentions, salience, level, sentences, did)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer actStmt.Close()
	quoteStmt, err := tx.PrepareContext(ctx, `INSERT INTO quote(actor_id, pos, text, direct, art, sentence) VALUES (?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer quoteStmt.Close()
	for i, ac := range an.Actors {
		refs := make([][2]int, len(ac.Sentences))
		for j, r := range ac.Sentences {
			refs[j] = [2]int{r.Article, r.Index}
		}
		rj, err := json.Marshal(refs)
		if err != nil {
			return err
		}
		r, err := actStmt.ExecContext(ctx, id, i, ac.Name, string(ac.Type), ac.Role, strings.Join(ac.Aliases, "\n"),
			ac.Mentions, finite(ac.Salience), ac.Level, string(rj), ac.Did)
		if err != nil {
			return err
		}
		aid, err := r.LastInsertId()
		if err != nil {
			return err
		}
		for j, q := range ac.Quotes {
			if _, err := quoteStmt.ExecContext(ctx, aid, j, q.Text, q.Direct, q.Where.Article, q.Where.Index); err != nil {
				return err
			}
		}
	}
	return nil
}

// Briefing loads a whole briefing with its articles (without original bytes)
// and its stored analysis. A briefing in the trash is ErrNotFound.
func (l *Library) Briefing(ctx context.Context, id int64) (*domain.Briefing, error) {
	const op = "library.Briefing"
	var b *domain.Briefing
	err := l.read(ctx, func(tx *sql.Tx) error {
		var err error
		b, err = loadBriefing(ctx, tx, id, false)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return nil, err
	}
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	return b, nil
}

func loadBriefing(ctx context.Context, tx *sql.Tx, id int64, trashed bool) (*domain.Briefing, error) {
	b := &domain.Briefing{ID: id}
	var created, updated int64
	var edits string
	var deleted sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT title, notes, classification, status, created, updated,
		len_sentences, len_words, len_ratio, edits, deleted FROM briefing WHERE id = ?`, id).Scan(
		&b.Title, &b.Notes, &b.Classification, &b.Status, &created, &updated,
		&b.Length.Sentences, &b.Length.Words, &b.Length.Ratio, &edits, &deleted)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && deleted.Valid && !trashed) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	b.Created, b.Updated = time.Unix(0, created).UTC(), time.Unix(0, updated).UTC()
	if err := json.Unmarshal([]byte(edits), &b.Edits); err != nil {
		return nil, fmt.Errorf("briefing %d edits: %w", id, err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.id, `+prefixed("a.", articleCols)+` FROM briefing_article ba
		JOIN article a ON a.id = ba.article_id WHERE ba.briefing_id = ? ORDER BY ba.pos`, id)
	if err != nil {
		return nil, err
	}
	if b.Articles, err = scanArticles(rows); err != nil {
		return nil, err
	}
	var sum, facts string
	err = tx.QueryRowContext(ctx, `SELECT summary, facts FROM analysis WHERE briefing_id = ?`, id).Scan(&sum, &facts)
	if errors.Is(err, sql.ErrNoRows) {
		return b, nil
	}
	if err != nil {
		return nil, err
	}
	var sr summaryRec
	an := &domain.Analysis{}
	if err := json.Unmarshal([]byte(sum), &sr); err != nil {
		return nil, fmt.Errorf("briefing %d summary: %w", id, err)
	}
	if err := json.Unmarshal([]byte(facts), &an.Facts); err != nil {
		return nil, fmt.Errorf("briefing %d facts: %w", id, err)
	}
	if len(an.Facts) == 0 {
		an.Facts = nil
	}
	bs := bodies(b.Articles)
	if an.Summary.Sentences, err = decodeSents(sr.Chosen, bs); err != nil {
		return nil, fmt.Errorf("briefing %d summary: %w", id, err)
	}
	if an.Summary.Scores, err = decodeSents(sr.Scores, bs); err != nil {
		return nil, fmt.Errorf("briefing %d summary: %w", id, err)
	}
	if an.Actors, err = loadActors(ctx, tx, id); err != nil {
		return nil, err
	}
	b.Analysis = an
	return b, nil
}

func prefixed(p, cols string) string {
	fs := strings.Split(cols, ",")
	for i, f := range fs {
		fs[i] = p + strings.TrimSpace(f)
	}
	return strings.Join(fs, ", ")
}

func loadActors(ctx context.Context, tx *sql.Tx, id int64) ([]domain.Actor, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, name, type, role, aliases, mentions, salience, level, sentences, did
		FROM actor WHERE briefing_id = ? ORDER BY pos`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var acts []domain.Actor
	index := map[int64]int{}
	for rows.Next() {
		var ac domain.Actor
		var aid int64
		var typ, aliases, sents string
		if err := rows.Scan(&aid, &ac.Name, &typ, &ac.Role, &aliases, &ac.Mentions, &ac.Salience, &ac.Level, &sents, &ac.Did); err != nil {
			return nil, err
		}
		ac.Type = domain.ActorType(typ)
		if aliases != "" {
			ac.Aliases = strings.Split(aliases, "\n")
		}
		var refs [][2]int
		if err := json.Unmarshal([]byte(sents), &refs); err != nil {
			return nil, fmt.Errorf("actor %d sentences: %w", aid, err)
		}
		for _, r := range refs {
			ac.Sentences = append(ac.Sentences, domain.SentenceRef{Article: r[0], Index: r[1]})
		}
		index[aid] = len(acts)
		acts = append(acts, ac)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	qrows, err := tx.QueryContext(ctx, `SELECT q.actor_id, q.text, q.direct, q.art, q.sentence FROM quote q
		JOIN actor a ON a.id = q.actor_id WHERE a.briefing_id = ? ORDER BY q.actor_id, q.pos`, id)
	if err != nil {
		return nil, err
	}
	defer qrows.Close()
	for qrows.Next() {
		var aid int64
		var q domain.Quote
		if err := qrows.Scan(&aid, &q.Text, &q.Direct, &q.Where.Article, &q.Where.Index); err != nil {
			return nil, err
		}
		if i, ok := index[aid]; ok {
			acts[i].Quotes = append(acts[i].Quotes, q)
		}
	}
	return acts, qrows.Err()
}

// SaveBriefing updates a briefing's fields, article order and analysis. The
// articles must already be in the library (non-zero IDs); articles dropped
// from the briefing that no other briefing holds are deleted.
func (l *Library) SaveBriefing(ctx context.Context, b *domain.Briefing) error {
	const op = "library.SaveBriefing"
	for _, a := range b.Articles {
		if a.ID == 0 {
			return fmt.Errorf("%s: article %q is not in the library; import it into the briefing instead", op, a.Title)
		}
	}
	err := l.write(ctx, func(tx *sql.Tx) error {
		if err := updateBriefing(ctx, tx, b, time.Now()); err != nil {
			return err
		}
		old, err := articleIDs(ctx, tx, b.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM briefing_article WHERE briefing_id = ?`, b.ID); err != nil {
			return err
		}
		for i, a := range b.Articles {
			if _, err := tx.ExecContext(ctx, `INSERT INTO briefing_article(briefing_id, pos, article_id) VALUES (?, ?, ?)`, b.ID, i, a.ID); err != nil {
				return err
			}
		}
		if err := deleteOrphans(ctx, tx, old); err != nil {
			return err
		}
		return saveAnalysis(ctx, tx, b.ID, b.Analysis, b.Articles)
	})
	if errors.Is(err, ErrNotFound) {
		return err
	}
	return fileError(l.path, op, err)
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

// deleteOrphans deletes those of ids that no briefing (live or in the trash) holds.
func deleteOrphans(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `DELETE FROM article WHERE id = ?
			AND NOT EXISTS (SELECT 1 FROM briefing_article WHERE article_id = ?)`, id, id); err != nil {
			return err
		}
	}
	return nil
}

// DeleteBriefing moves a briefing to the trash: it disappears from lists,
// searches and duplicate checks, and Undelete brings it back. PurgeTrash
// removes it for good, with the articles no other briefing holds.
func (l *Library) DeleteBriefing(ctx context.Context, id int64) error {
	const op = "library.DeleteBriefing"
	return l.setDeleted(ctx, op, `UPDATE briefing SET deleted = ? WHERE id = ? AND deleted IS NULL`, time.Now().UnixNano(), id)
}

// Undelete brings a briefing back from the trash (the GUI's undo of a
// delete). Articles may be shared between briefings, so an article imported
// again meanwhile simply belongs to both.
func (l *Library) Undelete(ctx context.Context, id int64) error {
	const op = "library.Undelete"
	return l.setDeleted(ctx, op, `UPDATE briefing SET deleted = NULL WHERE id = ? AND deleted IS NOT NULL`, id)
}

// setDeleted runs query, an update of one briefing's trash mark, and
// reports ErrNotFound (bare, so callers can test for it) when no row
// changed: no such briefing, or it was already in that state.
func (l *Library) setDeleted(ctx context.Context, op, query string, args ...any) error {
	err := l.write(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if errors.Is(err, ErrNotFound) {
		return err
	}
	return fileError(l.path, op, err)
}

// PurgeTrash deletes for good the briefings put in the trash before cutoff
// (all of them for the zero time), with their analysis and the articles no
// remaining briefing holds. It returns how many briefings went.
func (l *Library) PurgeTrash(ctx context.Context, before time.Time) (int, error) {
	const op = "library.PurgeTrash"
	cut := int64(1<<63 - 1)
	if !before.IsZero() {
		cut = before.UnixNano()
	}
	var n int
	err := l.write(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT ba.article_id FROM briefing_article ba JOIN briefing b ON b.id = ba.briefing_id
			WHERE b.deleted IS NOT NULL AND b.deleted < ?`, cut)
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
		r, err := tx.ExecContext(ctx, `DELETE FROM briefing WHERE deleted IS NOT NULL AND deleted < ?`, cut)
		if err != nil {
			return err
		}
		m, _ := r.RowsAffected()
		n = int(m)
		return deleteOrphans(ctx, tx, arts)
	})
	return n, fileError(l.path, op, err)
}
