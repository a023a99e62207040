// Package testuser runs a test as an unprivileged user, so tests of what file
// permissions refuse mean the same when the suite runs as root (CI does):
// root reads and writes files whatever their mode.
package testuser

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// childEnv marks the process that runs the test body as the unprivileged user.
const childEnv = "BRIEFDESK_TESTUSER_CHILD"

// nobody is the uid and gid the test body runs as under root: the
// conventional overflow id, which owns nothing on the machine.
const nobody = 65534

// Unprivileged reports whether the calling test should run its body here.
// Run as an ordinary user it returns true at once. Run as root it starts the
// test binary again as uid 65534, with only this test selected and the
// working directory in a fresh folder that user can enter, waits for it,
// fails t with the child's output when the child did not pass, and returns
// false: the root process must not run the body itself.
//
// The body must use only files it creates (t.TempDir), since the package
// folder may not be readable by that user.
func Unprivileged(t *testing.T) bool {
	t.Helper()
	if os.Getenv(childEnv) == "1" || os.Geteuid() != 0 {
		return true
	}
	dir, err := os.MkdirTemp("", "briefdesk-testuser-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// The go tool keeps test binaries in a folder only root may enter.
	bin := filepath.Join(dir, "test.bin")
	if err := copyFile(os.Args[0], bin); err != nil {
		t.Fatalf("copy the test binary for the unprivileged run: %v", err)
	}
	cmd := exec.Command(bin, "-test.run", "^"+t.Name()+"$", "-test.v", "-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), childEnv+"=1", "HOME="+dir, "TMPDIR="+os.TempDir())
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("%s as uid %d: %v\n%s", t.Name(), nobody, err, out)
	}
	t.Logf("passed as uid %d", nobody)
	return false
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
