package brief

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

// ErrNoRenderer means pdftoppm (poppler-utils) is not installed, so
// PreviewPNG cannot render; draw Page.Items instead.
var ErrNoRenderer = errors.New("pdftoppm is not installed")

// PreviewPNG renders the page to a PNG at dpi dots per inch with pdftoppm,
// for an in-app preview of exactly what prints.
func (p *Page) PreviewPNG(ctx context.Context, dpi int) ([]byte, error) {
	const op = "brief.PreviewPNG"
	tool, err := exec.LookPath("pdftoppm")
	if err != nil {
		return nil, opError(op, ErrNoRenderer)
	}
	var pdf bytes.Buffer
	if err := p.WritePDF(&pdf); err != nil {
		return nil, opError(op, err)
	}
	dir, err := os.MkdirTemp("", "briefdesk-preview")
	if err != nil {
		return nil, opError(op, err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "brief.pdf")
	if err := os.WriteFile(in, pdf.Bytes(), 0o600); err != nil {
		return nil, opError(op, err)
	}
	out := filepath.Join(dir, "page")
	cmd := exec.CommandContext(ctx, tool, "-png", "-r", strconv.Itoa(dpi), "-singlefile", in, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, opError(op, fmt.Errorf("pdftoppm: %v: %s", err, msg))
	}
	png, err := os.ReadFile(out + ".png")
	return png, opError(op, err)
}
