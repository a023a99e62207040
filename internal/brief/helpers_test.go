package brief

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"briefdesk/internal/domain"
)

// needTool skips the test when a poppler or CUPS tool is missing, saying
// which package brings it.
func needTool(t testing.TB, name, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (Debian package %s; scripts/deps.sh installs it)", name, pkg)
	}
}

// writePDF renders b and writes it to a file in dir.
func writePDF(t testing.TB, dir string, b *domain.Briefing, opts Options) (string, *Page) {
	t.Helper()
	p, err := Layout(b, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.WritePDF(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "brief.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, p
}

func runTool(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v: %s", name, args, err, out)
	}
	return string(out)
}

// pdfPages reads the page count with pdfinfo.
func pdfPages(t testing.TB, path string) int {
	t.Helper()
	for _, line := range strings.Split(runTool(t, "pdfinfo", path), "\n") {
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

// pdfText extracts the text with pdftotext, white space folded.
func pdfText(t testing.TB, path string) string {
	t.Helper()
	return normalize(runTool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
}

// checkFonts asserts every font in the PDF is embedded.
func checkFonts(t testing.TB, path string) {
	t.Helper()
	out := runTool(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts %s lists no fonts:\n%s", path, out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID: emb is the 5th from the end.
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
		if !strings.Contains(strings.ToLower(l), "notosans") {
			t.Errorf("unexpected font %s", l)
		}
	}
}

// checkPage asserts the layout fits: the body ends above the footer, every
// item lies inside the margins, and no text is smaller than 9 pt.
func checkPage(t testing.TB, p *Page) {
	t.Helper()
	if !p.fits {
		t.Errorf("%q: body runs into the footer", p.Content.Title)
	}
	fm := getMetrics()
	for _, it := range p.Items {
		right, bottom := it.X+it.W, it.Y+it.H
		if it.Kind == TextItem {
			right = it.X + fm.textWidth(it.Text, it.Style, it.Size)
			bottom = it.Y + mm(it.Size)*0.3
			if it.Size < minSize {
				t.Errorf("%q: text at %.1f pt: %q", p.Content.Title, it.Size, it.Text)
			}
		}
		if it.X < marginX-0.01 || right > p.Width-marginX+0.05 || it.Y < marginTop-0.01 || bottom > p.Height-marginBottom+0.05 {
			t.Errorf("%q: item outside the margins: %+v", p.Content.Title, it)
		}
	}
}

var execLookPath = exec.LookPath
