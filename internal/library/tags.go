package library

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"

	"briefdesk/internal/domain"
)

// Tags and collections are one thing: a named label on briefings. A
// collection in the GUI is a tag shown in the sidebar.

// SetTags replaces the tags of briefing id. Tags are matched without regard
// to case; a new tag keeps the spelling it was first given. Tags no briefing
// carries any more are removed.
func (l *Library) SetTags(ctx context.Context, id int64, tags []string) error {
	const op = "library.SetTags"
	err := l.write(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM briefing WHERE id = ?`, id).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM briefing_tag WHERE briefing_id = ?`, id); err != nil {
			return err
		}
		for _, t := range tags {
			t = strings.Join(strings.Fields(t), " ")
			if t == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO tag(name) VALUES (?) ON CONFLICT(name) DO NOTHING`, t); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO briefing_tag(briefing_id, tag_id)
				SELECT ?, id FROM tag WHERE name = ?`, id, t); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM briefing_tag)`)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return err
	}
	return fileError(l.path, op, err)
}

// BriefingTags returns the tags of briefing id, sorted.
func (l *Library) BriefingTags(ctx context.Context, id int64) ([]string, error) {
	const op = "library.BriefingTags"
	rows, err := l.r.QueryContext(ctx, `SELECT t.name FROM briefing_tag bt JOIN tag t ON t.id = bt.tag_id
		WHERE bt.briefing_id = ? ORDER BY t.name COLLATE NOCASE`, id)
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fileError(l.path, op, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Tags returns every tag with the number of live briefings carrying it, most
// used first.
func (l *Library) Tags(ctx context.Context) ([]domain.Tag, error) {
	const op = "library.Tags"
	rows, err := l.r.QueryContext(ctx, `SELECT t.name, count(b.id) FROM tag t
		LEFT JOIN briefing_tag bt ON bt.tag_id = t.id LEFT JOIN briefing b ON b.id = bt.briefing_id AND b.deleted IS NULL
		GROUP BY t.id`)
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	defer rows.Close()
	var out []domain.Tag
	for rows.Next() {
		var t domain.Tag
		if err := rows.Scan(&t.Name, &t.Briefings); err != nil {
			return nil, fileError(l.path, op, err)
		}
		out = append(out, t)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Briefings != out[j].Briefings {
			return out[i].Briefings > out[j].Briefings
		}
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	return out, rows.Err()
}

// RenameTag renames a tag on every briefing; renaming onto an existing tag
// merges the two.
func (l *Library) RenameTag(ctx context.Context, from, to string) error {
	const op = "library.RenameTag"
	to = strings.Join(strings.Fields(to), " ")
	if to == "" {
		return &domain.InputError{Reason: "a tag needs a name"}
	}
	err := l.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO tag(name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name`, to); err != nil {
			return err
		}
		if strings.EqualFold(from, to) {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO briefing_tag(briefing_id, tag_id)
			SELECT bt.briefing_id, (SELECT id FROM tag WHERE name = ?) FROM briefing_tag bt JOIN tag t ON t.id = bt.tag_id WHERE t.name = ?`, to, from); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM tag WHERE name = ?`, from)
		return err
	})
	return fileError(l.path, op, err)
}
