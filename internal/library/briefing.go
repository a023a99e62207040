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
		len_sentences, len_words, len_ratio, edits, version, dated) VALUES (?,?,?,?,?,?,?,?,?,?,1,?)`,
		b.Title, b.Notes, b.Classification, b.Status, b.Created.UnixNano(), b.Updated.UnixNano(),
		b.Length.Sentences, b.Length.Words, finite(b.Length.Ratio), string(edits), b.Created.UnixNano())
	if err != nil {
		return err
	}
	b.Version = 1
	b.ID, err = r.LastInsertId()
	return err
}

// updateBriefing writes b's own fields, stamps it updated now and bumps its
// version. b.Version must be the stored version: a briefing changed since b
// was read is a Conflict, one gone or in the trash NotFound.
func updateBriefing(ctx context.Context, tx *sql.Tx, op string, b *domain.Briefing, now time.Time) error {
	if b.Status == "" {
		b.Status = "draft"
	}
	edits, err := json.Marshal(b.Edits)
	if err != nil {
		return err
	}
	r, err := tx.ExecContext(ctx, `UPDATE briefing SET title = ?, notes = ?, classification = ?, status = ?, updated = ?,
		len_sentences = ?, len_words = ?, len_ratio = ?, edits = ?, version = version + 1
		WHERE id = ? AND version = ? AND deleted IS NULL`,
		b.Title, b.Notes, b.Classification, b.Status, now.UnixNano(),
		b.Length.Sentences, b.Length.Words, finite(b.Length.Ratio), string(edits), b.ID, b.Version)
	if err != nil {
		return err
	}
	if n, err := r.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		var live bool
		err := tx.QueryRowContext(ctx, `SELECT deleted IS NULL FROM briefing WHERE id = ?`, b.ID).Scan(&live)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && !live) {
			return briefingNotFound(op)
		}
		if err != nil {
			return err
		}
		return &domain.Error{Op: op, Kind: domain.Conflict,
			Reason: "the briefing changed since it was read (an import added to it, or it was edited elsewhere)"}
	}
	b.Updated = now
	b.Version++
	return nil
}

// briefingNotFound is the error for a briefing that is gone or in the trash.
func briefingNotFound(op string) error {
	return &domain.Error{Op: op, Kind: domain.NotFound, Reason: "the briefing is no longer in the library (it may have been deleted)"}
}

// articleNotFound is the error for an article that is not in the library.
func articleNotFound(op string) error {
	return &domain.Error{Op: op, Kind: domain.NotFound, Reason: "the article is no longer in the library"}
}

// datedSQL sets the list date of briefing ?1 from its articles: the newest
// publication date, else its creation (import) time. A publication date
// more than a day after the article's import is a misread date and does not
// count. Migration 0005 runs the same computation over every briefing.
const datedSQL = `UPDATE briefing SET
	dated = coalesce((SELECT max(a.published) FROM briefing_article ba JOIN article a ON a.id = ba.article_id
		WHERE ba.briefing_id = ?1 AND a.published IS NOT NULL AND a.published <= a.imported_at + 86400000000000), created),
	dated_by = CASE WHEN EXISTS (SELECT 1 FROM briefing_article ba JOIN article a ON a.id = ba.article_id
		WHERE ba.briefing_id = ?1 AND a.published IS NOT NULL AND a.published <= a.imported_at + 86400000000000)
		THEN 'published' ELSE 'imported' END
	WHERE id = ?1`

// redate recomputes briefing id's list date after its articles changed.
func redate(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, datedSQL, id)
	return err
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
// and its stored analysis. A briefing in the trash is NotFound.
func (l *Library) Briefing(ctx context.Context, id int64) (*domain.Briefing, error) {
	const op = "library.Briefing"
	var b *domain.Briefing
	err := l.read(ctx, func(tx *sql.Tx) error {
		var err error
		b, err = loadBriefing(ctx, tx, op, id, false)
		return err
	})
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	return b, nil
}

func loadBriefing(ctx context.Context, tx *sql.Tx, op string, id int64, trashed bool) (*domain.Briefing, error) {
	b := &domain.Briefing{ID: id}
	var created, updated int64
	var edits string
	var deleted sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT title, notes, classification, status, created, updated,
		len_sentences, len_words, len_ratio, edits, deleted, version FROM briefing WHERE id = ?`, id).Scan(
		&b.Title, &b.Notes, &b.Classification, &b.Status, &created, &updated,
		&b.Length.Sentences, &b.Length.Words, &b.Length.Ratio, &edits, &deleted, &b.Version)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && deleted.Valid && !trashed) {
		return nil, briefingNotFound(op)
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
