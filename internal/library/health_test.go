package library

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/internal/domain"
)

// damagedLibrary builds a library of n articles, backs it up, closes it and
// overwrites 4 KiB in the middle of the file with garbage, as a failing
// disk or a bad copy would. It returns the library's and the backup's paths.
func damagedLibrary(t *testing.T, n int) (path, backup string) {
	t.Helper()
	dir := t.TempDir()
	path = filepath.Join(dir, "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		add(t, l, i)
	}
	backup = filepath.Join(dir, "backup.db")
	if err := l.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 64<<10 {
		t.Fatalf("library only %d bytes: too small to damage in the middle", len(data))
	}
	mid := len(data) / 2 &^ 4095
	for i := range 4096 {
		data[mid+i] = byte(i*31 + 7)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, backup
}

// TestDamagedLibraryRefusesWrites replays issue 19 item 3: a library with
// 4 KiB flipped mid-file opens (so it can be read and restored), says it is
// damaged, refuses every write with that reason, and is left byte for byte
// as it was, also by Close; restoring the backup keeps the damaged bytes
// beside the library and makes it writable again.
func TestDamagedLibraryRefusesWrites(t *testing.T) {
	path, backup := damagedLibrary(t, 120)
	before, _ := os.ReadFile(path)

	l, err := Open(path)
	if err != nil {
		t.Fatalf("a library damaged in the middle must still open for reading: %v", err)
	}
	err = l.Verify(ctx)
	if domain.KindOf(err) != domain.Unavailable || !strings.Contains(domain.Reason(err), "damaged") {
		t.Fatalf("Verify = %v, want the damage reported", err)
	}
	if l.Damaged() == nil {
		t.Error("Damaged() is nil after Verify found damage")
	}
	a := sample(500)
	if _, err := l.AddArticle(ctx, a, &domain.Briefing{Title: a.Title}); !strings.Contains(domain.Reason(err), "damaged") {
		t.Errorf("import into a damaged library: %v", err)
	}
	if err := l.Vacuum(ctx); !strings.Contains(domain.Reason(err), "damaged") {
		t.Errorf("vacuum of a damaged library: %v", err)
	}
	if err := l.DeleteBriefing(ctx, 1); !strings.Contains(domain.Reason(err), "damaged") {
		t.Errorf("delete in a damaged library: %v", err)
	}
	if err := l.Close(); err != nil {
		t.Logf("close: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the damaged library file was written to")
	}

	// Restore: reopen, as the window does after the dialog.
	l, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if err := l.Verify(ctx); err == nil {
		t.Fatal("reopened damaged library verified healthy")
	}
	if err := l.Restore(ctx, backup); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if err := l.Verify(ctx); err != nil {
		t.Fatalf("after restore: %v", err)
	}
	if n := listed(t, l, domain.ListQuery{}); n != 120 {
		t.Errorf("after restore %d briefings, want 120", n)
	}
	add(t, l, 600)
	kept, _ := filepath.Glob(path + ".damaged-*")
	var main []string
	for _, k := range kept {
		if !strings.HasSuffix(k, "-wal") {
			main = append(main, k)
		}
	}
	if len(main) != 1 {
		t.Fatalf("damaged copies kept: %v", kept)
	}
	if got, _ := os.ReadFile(main[0]); !bytes.Equal(got, before) {
		t.Error("the kept copy differs from the damaged file")
	}
}

// TestHealthyOpenWritesNothing checks that opening and closing an
// up-to-date, healthy library leaves its file byte for byte unchanged (the
// integrity check reads; migrate has nothing to do).
func TestHealthyOpenWritesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		add(t, l, i)
	}
	l.Close()
	before, _ := os.ReadFile(path)
	for range 2 {
		l, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Verify(ctx); err != nil {
			t.Fatalf("healthy library: %v", err)
		}
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("open and close rewrote a healthy library")
	}
}
