// Package cups prints through the system's CUPS client tools (lp, lpstat):
// the one integration with the print system, kept apart from the brief that
// writes the PDF, so the window and the CLI can be tested without it.
package cups

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"briefdesk/internal/domain"
)

// ErrNoPrinting means CUPS is not there to print with: no lp or lpstat, no
// scheduler running, or no printer set up. The caller should then open the
// PDF in the system's viewer and let the officer print from there.
var ErrNoPrinting = errors.New("printing through CUPS is not available")

// ErrNoDefaultPrinter means Print was asked for the default printer and
// CUPS has none set: the officer must choose one from Printers.
var ErrNoDefaultPrinter = errors.New("no default printer is set; choose a printer")

// Printer is a CUPS print queue.
type Printer struct {
	Name        string // queue name, as lp -d takes it
	Description string // the name people know it by, when set
	Default     bool   // the system's default destination
	Enabled     bool   // accepting and printing jobs
}

// Label is the printer's name for a chooser.
func (p Printer) Label() string {
	if p.Description != "" && p.Description != p.Name {
		return p.Description + " (" + p.Name + ")"
	}
	return p.Name
}

// cupsCmd runs a CUPS client in the C locale so its output parses the same
// on every machine.
func cupsCmd(ctx context.Context, name string, args ...string) ([]byte, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not installed", ErrNoPrinting, name)
	}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "not running") || strings.Contains(msg, "connect") || strings.Contains(msg, "No destinations") {
			return out, fmt.Errorf("%w: %s", ErrNoPrinting, msg)
		}
		if strings.Contains(strings.ToLower(msg), "no default destination") {
			return out, fmt.Errorf("%w: %s", ErrNoDefaultPrinter, msg)
		}
		if msg == "" {
			msg = err.Error()
		}
		return out, fmt.Errorf("%s: %s", name, msg)
	}
	return out, nil
}

// Printers lists the CUPS print queues, the default first. It returns an
// error wrapping ErrNoPrinting when there is nothing to print with.
func Printers(ctx context.Context) ([]Printer, error) {
	const op = "cups.Printers"
	out, err := cupsCmd(ctx, "lpstat", "-l", "-p")
	if err != nil {
		return nil, opError(op, err)
	}
	ps := parsePrinters(out)
	if len(ps) == 0 {
		return nil, opError(op, fmt.Errorf("%w: no printers are set up", ErrNoPrinting))
	}
	if d, err := cupsCmd(ctx, "lpstat", "-d"); err == nil {
		def := defaultPrinter(d)
		for i := range ps {
			if ps[i].Name == def {
				ps[i].Default = true
				ps[0], ps[i] = ps[i], ps[0]
			}
		}
	}
	return ps, nil
}

// parsePrinters reads `lpstat -l -p` output: a "printer NAME is ..." line per
// queue, then indented details, among them its description.
func parsePrinters(out []byte) []Printer {
	var ps []Printer
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "printer "); ok {
			f := strings.Fields(rest)
			if len(f) == 0 {
				continue
			}
			ps = append(ps, Printer{Name: f[0], Enabled: !strings.Contains(rest, "disabled")})
			continue
		}
		t := strings.TrimSpace(line)
		if d, ok := strings.CutPrefix(t, "Description:"); ok && len(ps) > 0 {
			ps[len(ps)-1].Description = strings.TrimSpace(d)
		}
	}
	return ps
}

// defaultPrinter reads `lpstat -d`: "system default destination: NAME".
func defaultPrinter(out []byte) string {
	_, name, ok := strings.Cut(strings.TrimSpace(string(out)), "destination:")
	if !ok {
		return ""
	}
	return strings.TrimSpace(name)
}

// Print sends the PDF at pdfPath to printer through CUPS (lp -d), or to the
// default destination when printer is "". It returns an error wrapping
// ErrNoPrinting when CUPS is not there (open the PDF in the system viewer
// instead) and ErrNoDefaultPrinter when printer is "" and none is set.
func Print(ctx context.Context, pdfPath, printer string) error {
	_, err := PrintJob(ctx, pdfPath, printer, "")
	return err
}

// PrintJob is Print with a job title (shown in the print queue; "" keeps the
// file's name) that returns the CUPS request ID, e.g. "Office-12".
func PrintJob(ctx context.Context, pdfPath, printer, title string) (string, error) {
	const op = "cups.Print"
	if _, err := os.Stat(pdfPath); err != nil {
		return "", opError(op, err)
	}
	args := []string{}
	if printer != "" {
		args = append(args, "-d", printer)
	}
	if title != "" {
		args = append(args, "-t", title)
	}
	args = append(args, "--", pdfPath)
	out, err := cupsCmd(ctx, "lp", args...)
	if err != nil {
		// CUPS's own words say what is wrong (no such printer, paused queue).
		return "", &domain.Error{Op: op, Kind: domain.Unavailable, Err: err,
			Reason: fmt.Sprintf("%s did not take the brief: %v", orDefault(printer), err)}
	}
	// "request id is Office-12 (1 file(s))"
	s := strings.TrimSpace(string(out))
	if rest, ok := strings.CutPrefix(s, "request id is "); ok {
		if f := strings.Fields(rest); len(f) > 0 {
			return f[0], nil
		}
	}
	return s, nil
}

func orDefault(p string) string {
	if p == "" {
		return "the default printer"
	}
	return p
}

// opError adds the operation to err, upspin style, so a log line says where
// printing failed.
func opError(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", op, err)
}
