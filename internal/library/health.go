package library

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"

	"briefdesk/internal/domain"
)

// health records whether the library file has been checked since it was
// opened (or since a write failed) and what damage was found. A damaged
// library is read but never written: every write would spread the damage
// (SQLite may allocate over a broken page) and make a restore lose more.
type health struct {
	mu      sync.Mutex
	checked bool
	damage  error // a *domain.Error of kind Unavailable, or nil
}

// quickCheckRows is how many problems Verify asks SQLite for: one is enough
// to refuse writes, a few help the log.
const quickCheckRows = 5

// Verify checks the library file's structure (SQLite's quick_check: every
// page and index reachable and well formed, without comparing index
// contents) and returns a *domain.Error of kind Unavailable when it is
// damaged. Writes call it before the first write after Open and after any
// failed write, so a library damaged on disk is refused before it is
// written to; the window calls it at start to offer a restore.
func (l *Library) Verify(ctx context.Context) error {
	l.health.mu.Lock()
	defer l.health.mu.Unlock()
	return l.verifyLocked(ctx)
}

func (l *Library) verifyLocked(ctx context.Context) error {
	if l.health.damage != nil {
		return l.health.damage
	}
	problems, err := l.quickCheck(ctx)
	if err != nil && !isDamage(err) {
		return fileError(l.path, "library.Verify", err) // could not look: check again next time
	}
	if err != nil {
		problems = append(problems, err.Error())
	}
	l.health.checked = true
	if len(problems) > 0 {
		l.markDamagedLocked(problems)
	}
	return l.health.damage
}

// quickCheck runs PRAGMA quick_check on the writer, which sees the latest
// commit, and returns its complaints.
func (l *Library) quickCheck(ctx context.Context) ([]string, error) {
	return l.checkPragma(ctx, fmt.Sprintf("PRAGMA quick_check(%d)", quickCheckRows))
}

// checkPragma runs a check pragma (quick_check, integrity_check) on the
// writer and returns the rows other than "ok".
func (l *Library) checkPragma(ctx context.Context, pragma string) ([]string, error) {
	rows, err := l.w.QueryContext(ctx, pragma)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return problems, err
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	return problems, rows.Err()
}

// markDamagedLocked records problems as the library's damage, keeping the
// first verdict; health.mu must be held.
func (l *Library) markDamagedLocked(problems []string) {
	l.health.checked = true
	if l.health.damage == nil {
		l.health.damage = damagedError(l.path, problems)
	}
}

func damagedError(path string, problems []string) error {
	detail := strings.Join(problems, "; ")
	if len(detail) > 300 {
		detail = detail[:300] + "..."
	}
	return &domain.Error{Op: "library.Verify", Kind: domain.Unavailable, Path: path,
		Reason: "the library file is damaged, so Briefdesk will not write to it; you can still read it. Restore the latest backup (Library > Restore from backup); the damaged file is kept",
		Err:    errors.New(detail)}
}

// Damaged returns the damage Verify found, or nil when the library was not
// found damaged (or not checked yet).
func (l *Library) Damaged() error {
	l.health.mu.Lock()
	defer l.health.mu.Unlock()
	return l.health.damage
}

// beforeWrite refuses to write to a damaged library, checking it first when
// it has not been checked since it was opened or since a write failed.
func (l *Library) beforeWrite(ctx context.Context) error {
	l.health.mu.Lock()
	defer l.health.mu.Unlock()
	if l.health.damage != nil {
		return l.health.damage
	}
	if l.health.checked {
		return nil
	}
	if err := l.verifyLocked(ctx); err != nil && l.health.damage == nil {
		// The check could not run (another process holding the file while
		// it creates the library, a cancelled context): that says nothing
		// about damage, so the write goes on and the next one checks again.
		return nil
	}
	return l.health.damage
}

// afterFailure records what a failed statement says about the file: damage
// reported by SQLite marks the library damaged at once; any other failure
// of a write makes the next write check the file first (a full disk or an
// I/O error can leave a torn page behind a crash).
func (l *Library) afterFailure(err error, write bool) {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return
	}
	var de *domain.Error
	if errors.As(err, &de) && de.Err == nil {
		return // a refusal of ours, not SQLite's: nothing happened to the file
	}
	l.health.mu.Lock()
	defer l.health.mu.Unlock()
	if isDamage(err) {
		l.markDamagedLocked([]string{err.Error()})
		return
	}
	if write {
		l.health.checked = false
	}
}

// isDamage reports whether err is SQLite saying the file is malformed.
func isDamage(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// keepDamaged copies the damaged library file (and its write-ahead log)
// byte for byte beside it, as "<name>.damaged-<time>", before a restore
// replaces its contents: the officer, or a recovery tool, may still get
// something out of it. It returns the copy's path.
func (l *Library) keepDamaged(now time.Time) (string, error) {
	dest := l.path + ".damaged-" + now.Format("20060102-150405")
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(l.path+suffix, dest+suffix); err != nil {
			if suffix != "" && errors.Is(err, os.ErrNotExist) {
				continue
			}
			return "", err
		}
	}
	return dest, nil
}

// copyFile copies src to a new file dest and syncs it.
func copyFile(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dest)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(dest)
		return err
	}
	return out.Close()
}
