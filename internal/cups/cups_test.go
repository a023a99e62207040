package cups

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefdesk/internal/brief"
	"briefdesk/internal/domain"
)

func TestParsePrinters(t *testing.T) {
	out := []byte(`printer BriefdeskPDF is idle.  enabled since Fri Nov 27 13:14:56 2026
	Form mounted:
	Description: Briefdesk virtual PDF printer
	Location:
printer Office_2F disabled since Fri Nov 27 12:00:00 2026 -
	reason unknown
	Description: Office 2nd floor
`)
	ps := parsePrinters(out)
	if len(ps) != 2 {
		t.Fatalf("got %+v", ps)
	}
	if ps[0].Name != "BriefdeskPDF" || !ps[0].Enabled || ps[0].Description != "Briefdesk virtual PDF printer" {
		t.Errorf("first: %+v", ps[0])
	}
	if ps[1].Name != "Office_2F" || ps[1].Enabled || ps[1].Label() != "Office 2nd floor (Office_2F)" {
		t.Errorf("second: %+v", ps[1])
	}
	if d := defaultPrinter([]byte("system default destination: Office_2F\n")); d != "Office_2F" {
		t.Errorf("default %q", d)
	}
	if d := defaultPrinter([]byte("no system default destination\n")); d != "" {
		t.Errorf("default %q", d)
	}
}

// TestPrintNoCUPS checks the fallback signal when lp is not on the PATH.
func TestPrintNoCUPS(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := Printers(context.Background()); !errors.Is(err, ErrNoPrinting) {
		t.Errorf("Printers without lpstat: %v, want ErrNoPrinting", err)
	}
	pdf := filepath.Join(t.TempDir(), "b.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4"), 0o644)
	if err := Print(context.Background(), pdf, ""); !errors.Is(err, ErrNoPrinting) {
		t.Errorf("Print without lp: %v, want ErrNoPrinting", err)
	}
}

// TestPrintToPDFPrinter prints a brief for real through CUPS to the virtual
// PDF printer that `make test` sets up (scripts/cups-pdf.sh) before it runs
// the tests, and checks the printed file. The test itself starts no service
// and adds no queue: it runs where BRIEFDESK_TEST_PRINTER names that queue
// and BRIEFDESK_TEST_PRINTER_OUT the folder its PDFs land in.
func TestPrintToPDFPrinter(t *testing.T) {
	printer, dir := os.Getenv("BRIEFDESK_TEST_PRINTER"), os.Getenv("BRIEFDESK_TEST_PRINTER_OUT")
	if printer == "" || dir == "" {
		t.Skip("no virtual PDF printer: BRIEFDESK_TEST_PRINTER and BRIEFDESK_TEST_PRINTER_OUT unset (make test sets them)")
	}
	needTool(t, "lp", "cups-client")
	needTool(t, "pdfinfo", "poppler-utils")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	ps, err := Printers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range ps {
		found = found || p.Name == printer
	}
	if !found {
		t.Fatalf("Printers() = %+v, lacks %s", ps, printer)
	}

	path := briefPDF(t)
	title := fmt.Sprintf("briefdesk-test-%d", time.Now().UnixNano())
	id, err := PrintJob(ctx, path, printer, title)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("request %s", id)
	var printed string
	for printed == "" {
		if ctx.Err() != nil {
			st, _ := exec.Command("lpstat", "-o", "-l").CombinedOutput()
			t.Fatalf("no printed file in %s after 90 s; queue:\n%s", dir, st)
		}
		time.Sleep(200 * time.Millisecond)
		matches, _ := filepath.Glob(filepath.Join(dir, title+"*.pdf"))
		for _, m := range matches {
			// cups-pdf writes the file in place; wait until it has settled.
			if fi, err := os.Stat(m); err == nil && fi.Size() > 0 && time.Since(fi.ModTime()) > 300*time.Millisecond {
				printed = m
			}
		}
	}
	t.Cleanup(func() { os.Remove(printed) })
	if n := pdfPages(t, printed); n != 1 {
		t.Errorf("printed %d pages", n)
	}
	// The cups-pdf filter chain redraws text as Type 3 glyphs without a
	// usable text layer, so the printout is checked by its page and size,
	// not by pdftotext.
	if fi, err := os.Stat(printed); err != nil || fi.Size() < 10000 {
		t.Errorf("printed file too small to hold the brief: %v %v", fi, err)
	}
}

// TestPrintNoDefault checks that printing to the default printer when CUPS
// has none says so in a way the GUI can act on.
func TestPrintNoDefault(t *testing.T) {
	needTool(t, "lpstat", "cups-client")
	if out, _ := exec.Command("lpstat", "-d").CombinedOutput(); !strings.Contains(string(out), "no system default") {
		t.Skipf("a default printer is set: %s", out)
	}
	if _, err := Printers(context.Background()); err != nil {
		t.Skipf("no CUPS: %v", err)
	}
	pdf := briefPDF(t)
	if err := Print(context.Background(), pdf, ""); !errors.Is(err, ErrNoDefaultPrinter) {
		t.Errorf("Print to no default: %v, want ErrNoDefaultPrinter", err)
	}
}

// briefPDF writes a real one-page brief to print.
func briefPDF(t *testing.T) string {
	t.Helper()
	b := &domain.Briefing{Title: "Grain corridor reopens", Articles: []*domain.Article{{
		Title: "Grain corridor reopens", Source: "Wire",
		Paragraphs: []string{"The first grain convoy in three weeks reached the port on Monday, officials said."},
	}}}
	var buf bytes.Buffer
	gen := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	if err := brief.PDF(&buf, b, brief.Options{Generated: gen, Classification: "UNCLASSIFIED"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "brief.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func needTool(t testing.TB, name, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (Debian package %s; scripts/deps.sh installs it)", name, pkg)
	}
}

// pdfPages reads a PDF's page count with pdfinfo.
func pdfPages(t testing.TB, path string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v: %s", path, err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatalf("pdfinfo %s: no page count", path)
	return 0
}
