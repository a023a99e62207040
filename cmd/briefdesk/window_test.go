package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets a test re-run this binary as the real briefdesk program.
func TestMain(m *testing.M) {
	if os.Getenv("BRIEFDESK_TEST_MAIN") == "1" {
		os.Args = append([]string{"briefdesk"}, os.Args[1:]...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestRealWindowOpens starts the real program on an X display (Xvfb under
// `make test`) with a new library, and checks that the Briefdesk window
// appears and the sample library and a file given as argument are imported.
func TestRealWindowOpens(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no X display: run under xvfb-run (make test does)")
	}
	if _, err := exec.LookPath("xwininfo"); err != nil {
		t.Skip("xwininfo not installed (make deps installs x11-utils)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	cmd := exec.Command(os.Args[0], article)
	cmd.Env = append(os.Environ(), "BRIEFDESK_TEST_MAIN=1", "BRIEFDESK_DB="+db, "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		cmd.Process.Kill()
		<-exited
	}()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("briefdesk exited early (%v):\n%s", err, errb.String())
		default:
		}
		tree, _ := exec.Command("xwininfo", "-root", "-tree").Output()
		if strings.Contains(string(tree), `"Briefdesk"`) {
			// The window is up; give the import of the argument a moment.
			for time.Now().Before(deadline) {
				code, out, _ := run(t, "search", "--db", db, "--json", "artillery")
				if code == 0 && strings.Contains(out, "ceasefire.txt") {
					return
				}
				time.Sleep(300 * time.Millisecond)
			}
			t.Fatalf("window opened but %s was not imported:\n%s", article, errb.String())
		}
		time.Sleep(300 * time.Millisecond)
	}
	t.Fatalf("no Briefdesk window within 60 s:\n%s", errb.String())
}
