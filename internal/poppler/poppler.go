// Package poppler renders PDF pages to images with poppler's pdftoppm: the
// one integration with poppler-utils, kept apart from the brief that writes
// the PDF.
package poppler

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

// ErrNoRenderer means pdftoppm (poppler-utils) is not installed, so PNG
// cannot render; draw the page's own items instead.
var ErrNoRenderer = errors.New("pdftoppm is not installed")

// PNG renders the first page of pdf to a PNG at dpi dots per inch, for a
// preview of exactly what prints.
func PNG(ctx context.Context, pdf []byte, dpi int) ([]byte, error) {
	const op = "poppler.PNG"
	tool, err := exec.LookPath("pdftoppm")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, ErrNoRenderer)
	}
	dir, err := os.MkdirTemp("", "briefdesk-preview")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "brief.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	out := filepath.Join(dir, "page")
	cmd := exec.CommandContext(ctx, tool, "-png", "-r", strconv.Itoa(dpi), "-f", "1", "-singlefile", in, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%s: pdftoppm: %v: %s", op, err, msg)
	}
	png, err := os.ReadFile(out + ".png")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return png, nil
}
