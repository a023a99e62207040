// Package library keeps articles and briefings in one SQLite file: the only
// package that writes SQL.
//
// A Library holds two connection pools on the same file: a single-connection
// writer whose transactions start IMMEDIATE (so writers queue on the Go side
// instead of failing with "database is locked") and a pool of query-only
// readers that WAL lets run while the writer works.
//
// The schema (migrations/*.sql, applied in order, each in a transaction and
// recorded in schema_migration and PRAGMA user_version):
//
//   - article: metadata, body (paragraphs joined by blank lines), text_hash
//     (unique), simhash (covered by an index, which the in-memory
//     near-duplicate index of simindex.go loads); original: the original
//     bytes, apart so that scans never page through blobs; simband: the
//     SimHash cut into four 16-bit bands (still written, no longer read:
//     bands only find pairs 3 bits apart).
//   - briefing (with a deleted time for the trash, a version that every
//     stored change bumps, and dated/dated_by, the date the list sorts on),
//     briefing_article (the officer's order), analysis (summary sentences as
//     compact JSON whose text is cut from the bodies on load; facts), actor
//     and quote (so that the actor filter and search are queries).
//     Articles live on their own and briefings refer to them; an article
//     has its own deleted time when it went to the trash alone (batch.go).
//     tag and briefing_tag (migration 0001) are no longer used.
//   - article_fts, briefing_fts, actor_fts: FTS5 indexes over external
//     content, kept in sync by triggers, unstemmed with 2- and 3-letter
//     prefix indexes (search.go explains why and how words are matched).
//
// Searches score with bm25 only the newest matches of each index (a window
// read newest first, where FTS5 stops): FTS5's ORDER BY rank would score
// every match of a common word before sorting.
//
// Every import (AddArticle) and every edit (Commit) is one transaction:
// article, original, bands, FTS rows, briefing and analysis are all there
// after a crash, or none is; an edit made on a stale copy is a Conflict.
package library

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"briefdesk/internal/domain"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// busyTimeout is how long a connection waits for a lock before giving up. The
// writer pool has one connection, so only a checkpoint or another process can
// make it wait.
const busyTimeout = 10 * time.Second

// TrashRetention is how long deleted briefings stay in the trash before
// Open removes them for good.
const TrashRetention = 30 * 24 * time.Hour

// Library is an open library file. It is safe for concurrent use.
type Library struct {
	path   string
	w      *sql.DB // one connection: every write goes through it
	r      *sql.DB // query-only readers
	sims   simIndex
	health health // whether the file was checked, and the damage found
}

// dsn builds the connection string: every pooled connection gets the
// pragmas, because database/sql opens connections behind our back.
func dsn(path string, readOnly bool) string {
	v := url.Values{}
	v.Set("_journal_mode", "WAL")
	v.Set("_foreign_keys", "on")
	v.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	v.Set("_synchronous", "NORMAL") // safe in WAL: a crash loses no committed transaction of a live process
	v.Set("_stmt_cache_size", "64") // imports and searches reuse a dozen statements
	if readOnly {
		v.Set("_query_only", "1")
		v.Set("_cache_size", "-16384") // KiB per reader: FTS doclists and the list's indexes
	} else {
		v.Set("_cache_size", "-65536") // KiB: B-tree and FTS segment pages touched by every import
		v.Set("_txlock", "immediate")  // take the write lock at BEGIN, where busy_timeout applies
	}
	return fileURI(path, v.Encode())
}

// fileURI makes an SQLite URI filename for path: characters such as '?',
// '#' and '%' in folder names are escaped, and Windows drive paths get the
// leading slash SQLite expects ("file:/C:/...").
func fileURI(path, query string) string {
	p := filepath.ToSlash(path)
	if filepath.VolumeName(path) != "" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	u := "file:" + (&url.URL{Path: p}).EscapedPath()
	if query != "" {
		u += "?" + query
	}
	return u
}

// Open opens (creating if needed) the library at path and brings its schema
// up to date. Problems with the file itself (missing folder, not a library,
// read-only, made by a newer Briefdesk) are a *domain.Error naming it; the
// file is left untouched.
func Open(path string) (l *Library, err error) {
	const op = "library.Open"
	if err := checkPath(path); err != nil {
		return nil, err
	}
	if err := sniff(path); err != nil {
		return nil, err
	}
	if err := preflight(path); err != nil {
		return nil, err
	}
	l = &Library{path: path}
	// A failed Open returns nil for l before this runs: close what was
	// opened through its own variable.
	opened := l
	defer func() {
		if err != nil {
			opened.Close()
			l = nil
		}
	}()
	if l.w, err = sql.Open("sqlite3", dsn(path, false)); err != nil {
		return nil, fileError(path, op, err)
	}
	l.w.SetMaxOpenConns(1)
	l.w.SetMaxIdleConns(1)
	l.w.SetConnMaxLifetime(0)
	l.w.SetConnMaxIdleTime(0)

	ctx := context.Background()
	mode, err := journalMode(ctx, l.w)
	if err != nil {
		return nil, fileError(path, op, err)
	}
	if !strings.EqualFold(mode, "wal") {
		return nil, &domain.Error{Op: op, Kind: domain.Unsupported, Path: path, Reason: fmt.Sprintf("cannot use write-ahead logging (journal mode is %q); is the library on a network drive?", mode)}
	}
	if err := l.migrate(ctx); err != nil {
		return nil, err
	}
	if l.r, err = sql.Open("sqlite3", dsn(path, true)); err != nil {
		return nil, fileError(path, op, err)
	}
	l.r.SetMaxOpenConns(4)
	l.r.SetMaxIdleConns(4)
	if err := l.r.PingContext(ctx); err != nil {
		return nil, fileError(path, op, err)
	}
	// Housekeeping only: a failure here must not keep the officer from
	// the library, and the next open tries again.
	l.PurgeTrash(ctx, time.Now().Add(-TrashRetention))
	return l, nil
}

// journalMode opens the writer's connection, which switches the file to WAL,
// and returns the journal mode it got. SQLite does not wait on its busy
// handler for that switch when another process is creating or opening the
// same file at that moment ("database is locked" at once), so the
// connection is retried for up to busyTimeout.
func journalMode(ctx context.Context, db *sql.DB) (string, error) {
	deadline := time.Now().Add(busyTimeout)
	wait := 5 * time.Millisecond
	for {
		var mode string
		err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
		var se sqlite3.Error
		if err == nil || !errors.As(err, &se) || (se.Code != sqlite3.ErrBusy && se.Code != sqlite3.ErrLocked) || time.Now().Add(wait).After(deadline) {
			return mode, err
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 200*time.Millisecond)
	}
}

// checkPath gives the clear messages SQLite cannot: a missing folder, a
// folder instead of a file.
func checkPath(path string) error {
	if path == "" {
		return &domain.Error{Kind: domain.Invalid, Reason: "no library file given"}
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil {
		return &domain.Error{Kind: domain.Invalid, Path: path, Reason: "the folder " + dir + " does not exist", Err: err}
	}
	if !st.IsDir() {
		return &domain.Error{Kind: domain.Invalid, Path: path, Reason: dir + " is not a folder"}
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return &domain.Error{Kind: domain.Invalid, Path: path, Reason: "is a folder, not a library file"}
	}
	// SQLite would quietly open a read-only file read-only and fail at the
	// first import; say so now. The folder must be writable too, for the
	// write-ahead log beside the file.
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return &domain.Error{Kind: domain.Unavailable, Path: path, Reason: "the library file is read-only or locked; check its permissions", Err: err}
	}
	f, err := os.CreateTemp(dir, ".briefdesk-probe-*")
	if err != nil {
		return &domain.Error{Kind: domain.Unavailable, Path: path, Reason: "cannot write in the folder " + dir + "; check its permissions", Err: err}
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// sniff refuses a non-empty file that is not SQLite before SQLite opens it,
// so that nothing (not even a -wal file) is written next to it.
func sniff(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &domain.Error{Kind: domain.Unavailable, Path: path, Reason: "cannot read the library file", Err: err}
	}
	defer f.Close()
	buf := make([]byte, len(sqliteHeader))
	n, _ := f.Read(buf)
	if n == 0 {
		return nil // an empty file becomes a new library
	}
	if string(buf[:n]) != sqliteHeader {
		return &domain.Error{Kind: domain.Invalid, Path: path, Reason: "is not a Briefdesk library (not an SQLite database)"}
	}
	return nil
}

// preflight reads an existing library read-only before anything may write
// to it (switching to WAL rewrites the header): a damaged file, a foreign
// SQLite database or a newer schema is refused untouched.
func preflight(path string) error {
	const op = "library.Open"
	st, err := os.Stat(path)
	if err != nil || st.Size() == 0 {
		return nil
	}
	// Without a -wal beside it, read the file as immutable: a read-only
	// open of a WAL database would otherwise create -wal and -shm files.
	// A stale answer is harmless: migrate checks the version again.
	// The busy timeout covers another process recovering or checkpointing
	// the log while this one looks.
	params := fmt.Sprintf("mode=ro&_query_only=1&_busy_timeout=%d", busyTimeout.Milliseconds())
	immutable := false
	if _, err := os.Stat(path + "-wal"); err != nil {
		params += "&immutable=1"
		immutable = true
	}
	db, err := sql.Open("sqlite3", fileURI(path, params))
	if err != nil {
		return fileError(path, op, err)
	}
	defer db.Close()
	// One statement, so both figures come from one snapshot.
	var have, tables int
	if err := db.QueryRow("SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)").Scan(&have, &tables); err != nil {
		return fileError(path, op, err)
	}
	err = checkVersion(path, have, tables)
	if err != nil && immutable && have == 0 && walHeader(path) {
		// An immutable read of a file in WAL mode can catch another
		// Briefdesk creating it (the log appears, or is checkpointed,
		// between our look and our read) and see tables without a
		// version. Opening a WAL file does not rewrite its header, so
		// leave the verdict to migrate, which reads inside its write
		// transaction.
		return nil
	}
	return err
}

// walHeader reports whether the database file's header says WAL mode (file
// format versions 2 at offsets 18 and 19).
func walHeader(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var b [2]byte
	if _, err := f.ReadAt(b[:], 18); err != nil {
		return false
	}
	return b[0] == 2 && b[1] == 2
}

// checkVersion refuses a schema newer than this build and SQLite databases
// that are not libraries.
func checkVersion(path string, have, tables int) error {
	known := SchemaVersion()
	if have > known {
		return &domain.Error{Kind: domain.Unsupported, Path: path, Reason: fmt.Sprintf(
			"was written by a newer Briefdesk (library schema %d, this version knows up to %d); update Briefdesk or open another library", have, known)}
	}
	if have == 0 && tables > 0 {
		return &domain.Error{Kind: domain.Invalid, Path: path, Reason: "is an SQLite database but not a Briefdesk library"}
	}
	return nil
}

// fileError turns SQLite's file-level failures into messages an officer can
// act on (kind Unavailable, or Invalid for a file that is not a library);
// an error that is already a *domain.Error passes through, and anything
// else becomes an Internal error that keeps its detail for the log.
func fileError(path, op string, err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &domain.Error{Op: op, Kind: domain.Other, Path: path, Err: err}
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		kind, reason := domain.Unavailable, ""
		switch se.Code {
		case sqlite3.ErrNotADB:
			kind, reason = domain.Invalid, "is not a Briefdesk library (not an SQLite database)"
		case sqlite3.ErrCorrupt:
			reason = "the library file is damaged; restore it from a backup (Library menu)"
		case sqlite3.ErrReadonly:
			reason = "the library is read-only; check the file's and folder's permissions"
		case sqlite3.ErrCantOpen, sqlite3.ErrPerm, sqlite3.ErrAuth:
			reason = "cannot open the library file; check the file's and folder's permissions"
		case sqlite3.ErrFull:
			reason = "the disk is full; nothing was saved. Free some space and try again"
		case sqlite3.ErrIoErr:
			reason = "the disk reported an error while reading or writing the library; check the disk, then try again"
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			reason = "another program is holding the library file; close it (or another Briefdesk) and try again"
		}
		if reason != "" {
			return &domain.Error{Op: op, Kind: kind, Path: path, Reason: reason, Err: err}
		}
	}
	return &domain.Error{Op: op, Kind: domain.Internal, Path: path, Err: err}
}

// Close closes the library.
func (l *Library) Close() error {
	var errs []error
	if l.r != nil {
		errs = append(errs, l.r.Close())
	}
	if l.w != nil {
		// Fold the WAL back into the main file so that a closed library is
		// one file. A failure loses nothing (the log stays beside the file
		// and is replayed on the next open) but is reported.
		// A damaged library is left as it is: a checkpoint writes into it.
		if l.Damaged() == nil {
			if _, err := l.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
				errs = append(errs, fileError(l.path, "library.Close", err))
			}
		}
		errs = append(errs, l.w.Close())
	}
	return errors.Join(errs...)
}

// Path returns the library file's path.
func (l *Library) Path() string { return l.path }

// migration is one embedded schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order; file names start with
// their version number ("0001_init.sql").
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var ms []migration
	for i, n := range names {
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		var v int
		if _, err := fmt.Sscanf(filepath.Base(n), "%d_", &v); err != nil || v != i+1 {
			return nil, fmt.Errorf("library: migration %s is out of sequence (want version %d)", n, i+1)
		}
		ms = append(ms, migration{version: v, name: filepath.Base(n), sql: string(b)})
	}
	return ms, nil
}

// SchemaVersion is the schema version this build writes. The migrations
// are part of the binary, so a misnamed one is a build error: it panics,
// and TestMigrationsInSequence fails before any build ships.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		panic(err)
	}
	return len(ms)
}

// migrate applies the missing migrations, each in its own transaction with
// its record, and refuses a schema newer than this build knows.
func (l *Library) migrate(ctx context.Context) error {
	const op = "library.migrate"
	ms, err := migrations()
	if err != nil {
		return err
	}
	// An up-to-date library needs no write transaction: opening one that
	// is damaged must write nothing (and leaves the refusal to the first
	// write).
	var have, tables int
	if err := l.w.QueryRowContext(ctx, "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)").Scan(&have, &tables); err != nil {
		return fileError(l.path, op, err)
	}
	if err := checkVersion(l.path, have, tables); err != nil {
		return err
	}
	if have == len(ms) {
		return nil
	}
	// One migration per write transaction, the version read inside it: the
	// writer's transactions begin IMMEDIATE, so when two processes create
	// the library at once the second waits for the first and then sees its
	// version, instead of applying the same migration again.
	for {
		done := false
		err := l.write(ctx, func(tx *sql.Tx) error {
			var have, tables int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
				return err
			}
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
				return err
			}
			if err := checkVersion(l.path, have, tables); err != nil {
				return err
			}
			if have >= len(ms) {
				done = true
				return nil
			}
			m := ms[have]
			if have == 0 && m.version == 1 {
				if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migration (
					version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied INTEGER NOT NULL)`); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				if strings.Contains(err.Error(), "no such module: fts5") {
					return &domain.Error{Op: op, Kind: domain.Unsupported, Path: l.path, Err: fmt.Errorf("migration %s: %w", m.name, err),
						Reason: "this Briefdesk was built without full-text search; rebuild it with -tags sqlite_fts5"}
				}
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migration(version, name, applied) VALUES (?, ?, ?)",
				m.version, m.name, time.Now().UnixNano()); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return fileError(l.path, op, err)
		}
		if done {
			return nil
		}
	}
}

// write runs fn in one IMMEDIATE transaction on the writer connection,
// committing when fn returns nil.
func (l *Library) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := l.beforeWrite(ctx); err != nil {
		return err
	}
	err := l.writeTx(ctx, fn)
	l.afterFailure(err, true)
	return err
}

func (l *Library) writeTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := l.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// read runs fn in one read transaction, so that multi-statement loads see one
// snapshot even while an import commits.
func (l *Library) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := l.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		l.afterFailure(err, false)
		return err
	}
	defer tx.Rollback()
	err = fn(tx)
	l.afterFailure(err, false)
	return err
}

// nanos stores a time; the zero time is NULL.
func nanos(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

// fromNanos loads a time stored by nanos.
func fromNanos(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}
