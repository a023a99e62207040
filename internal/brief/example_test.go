package brief

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

var exampleOpts = Options{
	Paper:          A4,
	Classification: "UNCLASSIFIED // FOR OFFICIAL USE ONLY",
	Reference:      "BD-0042",
	Generated:      time.Date(2026, 3, 3, 14, 5, 0, 0, time.UTC),
}

// TestRenderExample writes the example brief to docs/brief-example.png when
// BRIEFDESK_EXAMPLE is set (or to the folder it names), so the README's
// picture can be made again after a change of design.
func TestRenderExample(t *testing.T) {
	dir := os.Getenv("BRIEFDESK_EXAMPLE")
	if dir == "" {
		t.Skip("set BRIEFDESK_EXAMPLE=1 (or a folder) to render docs/brief-example.png")
	}
	if dir == "1" {
		dir = filepath.Join("..", "..", "docs")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed (poppler-utils)")
	}
	b := briefing("Black Sea grain corridor: talks resume, Moldova power deal", storyGrain, storyPower)
	b.Notes = "Watch for the draft text due 20 March; Geneva round next week."
	var buf bytes.Buffer
	if err := PDF(&buf, b, exampleOpts); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "brief.pdf")
	if err := os.WriteFile(pdf, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "brief-example")
	if b, err := exec.Command("pdftoppm", "-png", "-r", "90", "-singlefile", pdf, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, b)
	}
}
