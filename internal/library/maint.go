package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-sqlite3"

	"briefdesk/internal/domain"
)

// Backup writes a consistent copy of the library to the file dest with
// SQLite's online backup API, while imports and searches go on. The copy is
// written beside dest and renamed into place, so dest is either the old file
// or a complete backup, never half of one. The copy is a single
// self-contained file (no -wal).
func (l *Library) Backup(ctx context.Context, dest string) error {
	const op = "library.Backup"
	dir := filepath.Dir(dest)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return &domain.Error{Kind: domain.Invalid, Path: dest, Reason: "the folder " + dir + " does not exist; choose another folder for the backup", Err: err}
	}
	if abs(dest) == abs(l.path) {
		return &domain.Error{Kind: domain.Invalid, Path: dest, Reason: "is the library itself; choose another file for the backup"}
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return &domain.Error{Kind: domain.Unavailable, Path: dest, Reason: "cannot write in " + dir + "; choose a folder you may write in", Err: err}
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp)
	if err := copyDB(ctx, l.r, tmp); err != nil {
		return fileError(dest, op, err)
	}
	if err := syncFile(tmp); err != nil {
		return fileError(dest, op, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		return &domain.Error{Kind: domain.Unavailable, Path: dest, Reason: "cannot replace the file; close any program that has it open, or choose another name", Err: err}
	}
	return nil
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// copyDB copies the database behind src into the (new or empty) file dest
// and leaves dest in rollback-journal mode, one self-contained file.
func copyDB(ctx context.Context, src *sql.DB, dest string) error {
	dst, err := sql.Open("sqlite3", fileURI(dest, ""))
	if err != nil {
		return err
	}
	defer dst.Close()
	dc, err := dst.Conn(ctx)
	if err != nil {
		return err
	}
	defer dc.Close()
	sc, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer sc.Close()
	if err := backupConn(ctx, dc, sc); err != nil {
		return err
	}
	var mode string
	return dc.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode)
}

// backupConn copies all of src's main database into dst's.
func backupConn(ctx context.Context, dst, src *sql.Conn) error {
	return dst.Raw(func(d any) error {
		return src.Raw(func(s any) error {
			dconn, ok1 := d.(*sqlite3.SQLiteConn)
			sconn, ok2 := s.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("backup: not SQLite connections")
			}
			b, err := dconn.Backup("main", sconn, "main")
			if err != nil {
				return err
			}
			for {
				done, err := b.Step(-1)
				if err != nil {
					b.Finish()
					return err
				}
				if done {
					break
				}
				if err := ctx.Err(); err != nil {
					b.Finish()
					return err
				}
			}
			return b.Finish()
		})
	})
}

// Restore replaces the library's contents with the backup at src, after
// checking that src is a healthy Briefdesk library this version can read.
// The current contents are first backed up beside the library as
// "<name>.before-restore", so a wrong choice can be undone.
func (l *Library) Restore(ctx context.Context, src string) error {
	const op = "library.Restore"
	if abs(src) == abs(l.path) {
		return &domain.Error{Kind: domain.Invalid, Path: src, Reason: "is the library itself; choose a backup file"}
	}
	if _, err := os.Stat(src); err != nil {
		return &domain.Error{Kind: domain.Invalid, Path: src, Reason: "does not exist; choose the backup file again", Err: err}
	}
	if err := sniff(src); err != nil {
		return err
	}
	if err := preflight(src); err != nil {
		return err
	}
	sdb, err := sql.Open("sqlite3", fileURI(src, "mode=ro&_query_only=1"))
	if err != nil {
		return fileError(src, op, err)
	}
	defer sdb.Close()
	var check string
	if err := sdb.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil {
		return fileError(src, op, err)
	}
	if check != "ok" {
		return &domain.Error{Kind: domain.Invalid, Path: src, Reason: "the backup is damaged (" + check + "); choose another backup"}
	}
	if l.Damaged() != nil {
		// SQLite's backup of a damaged file may fail or copy the damage:
		// keep its bytes as they are instead.
		if _, err := l.keepDamaged(time.Now()); err != nil {
			return &domain.Error{Op: op, Kind: domain.Unavailable, Path: l.path, Err: err,
				Reason: "cannot keep a copy of the damaged library beside it before restoring; free some space or check the folder's permissions"}
		}
	} else if err := l.Backup(ctx, l.path+".before-restore"); err != nil {
		if domain.Reason(err) != "" {
			return err // the safety copy could not be written: say why
		}
		return &domain.Error{Op: op, Kind: domain.Internal, Path: l.path, Err: fmt.Errorf("saving the current library first: %w", err)}
	}
	dc, err := l.w.Conn(ctx)
	if err != nil {
		return fileError(l.path, op, err)
	}
	defer dc.Close()
	sc, err := sdb.Conn(ctx)
	if err != nil {
		return fileError(src, op, err)
	}
	defer sc.Close()
	if err := backupConn(ctx, dc, sc); err != nil {
		return fileError(l.path, op, err)
	}
	var mode string
	if err := dc.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		return fileError(l.path, op, err)
	}
	dc.Close()
	l.sims.invalidate()
	// The file now holds the backup's pages: look at it afresh.
	l.health.mu.Lock()
	l.health.checked, l.health.damage = false, nil
	l.health.mu.Unlock()
	if err := l.migrate(ctx); err != nil {
		return err
	}
	return l.Verify(ctx)
}

// Vacuum rebuilds the library file to reclaim the space of deleted articles
// and optimises the full-text indexes.
func (l *Library) Vacuum(ctx context.Context) error {
	const op = "library.Vacuum"
	if err := l.beforeWrite(ctx); err != nil {
		return err
	}
	for _, q := range []string{
		`INSERT INTO article_fts(article_fts) VALUES ('optimize')`,
		`INSERT INTO briefing_fts(briefing_fts) VALUES ('optimize')`,
		`INSERT INTO actor_fts(actor_fts) VALUES ('optimize')`,
		`VACUUM`,
		`PRAGMA wal_checkpoint(TRUNCATE)`,
	} {
		if _, err := l.w.ExecContext(ctx, q); err != nil {
			return fileError(l.path, op, err)
		}
	}
	return nil
}

// Check runs SQLite's integrity check and the full-text indexes' own checks
// and returns the problems found; none means the library is healthy.
func (l *Library) Check(ctx context.Context) ([]string, error) {
	const op = "library.Check"
	// On the writer, not a reader: integrity_check runs FTS5's own check,
	// which trusts the connection's cached index structure, and a reader's
	// cache can be older than the last commit (a false "corruption found").
	problems, err := l.checkPragma(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	if len(problems) > 0 {
		// The same verdict Verify would give: stop writing.
		l.health.mu.Lock()
		l.markDamagedLocked(problems)
		l.health.mu.Unlock()
	}
	rows, err := l.w.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			rows.Close()
			return nil, fileError(l.path, op, err)
		}
		problems = append(problems, fmt.Sprintf("%s row %d points at a missing %s", table, rowid.Int64, parent))
	}
	rows.Close()
	// The FTS 'integrity-check' command writes nothing but is an INSERT.
	for _, t := range []string{"article_fts", "briefing_fts", "actor_fts"} {
		if _, err := l.w.ExecContext(ctx, `INSERT INTO `+t+`(`+t+`, rank) VALUES ('integrity-check', 1)`); err != nil {
			problems = append(problems, t+": "+err.Error())
		}
	}
	return problems, nil
}
