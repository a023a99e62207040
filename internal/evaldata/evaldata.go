// Package evaldata finds the evaluation data that sits beside the clone
// (../shared: BBC, CNN, CoNLL-2003, the seed article) for tests and tools.
//
// The data is never part of the module. A developer without it still gets a
// green run of the unit tests, but where the data is expected (make test and
// CI set BRIEFDESK_SHARED) a missing file fails the test instead of skipping
// it, so a quality floor can never pass by not running.
package evaldata

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Env names the variable that points at the shared folder. When it is set,
// missing evaluation data is a test failure rather than a skip.
const Env = "BRIEFDESK_SHARED"

// Dir returns the shared folder: $BRIEFDESK_SHARED when set (relative paths
// are taken from the module root), else ../shared beside the module root.
func Dir() (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	if v := os.Getenv(Env); v != "" {
		if !filepath.IsAbs(v) {
			v = filepath.Join(root, v)
		}
		return filepath.Clean(v), nil
	}
	return filepath.Join(root, "..", "shared"), nil
}

// Expected reports whether the environment says the shared data must be
// there (BRIEFDESK_SHARED is set).
func Expected() bool { return os.Getenv(Env) != "" }

// Path returns the path of rel (slash-separated, e.g. "eval/ner/conll2003-dev.conll")
// inside the shared folder. When the file is not there, the test fails if
// the data is expected and is skipped otherwise.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := Dir()
	if err == nil {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	if Expected() {
		tb.Fatalf("evaluation data %s missing (%s=%s): %v", rel, Env, os.Getenv(Env), err)
	}
	tb.Skipf("evaluation data %s not found beside the clone (%v); set %s to require it", rel, err, Env)
	return ""
}

// moduleRoot walks up from the working directory to the folder holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
