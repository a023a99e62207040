package poppler

import (
	"bytes"
	"os/exec"
	"testing"
	"time"

	"briefdesk/internal/brief"
	"briefdesk/internal/domain"
)

func TestPNG(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed (Debian package poppler-utils; scripts/deps.sh installs it)")
	}
	b := &domain.Briefing{Title: "Grain corridor reopens", Articles: []*domain.Article{{
		Title: "Grain corridor reopens", Source: "Wire",
		Paragraphs: []string{"The first grain convoy in three weeks reached the port on Monday, officials said."},
	}}}
	var pdf bytes.Buffer
	if err := brief.PDF(&pdf, b, brief.Options{Generated: time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	png, err := PNG(t.Context(), pdf.Bytes(), 30)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("not a PNG: % x", png[:min(8, len(png))])
	}
	if _, err := PNG(t.Context(), []byte("not a pdf"), 30); err == nil {
		t.Error("a file that is no PDF rendered")
	}
}
