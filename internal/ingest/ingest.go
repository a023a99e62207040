// Package ingest turns files, links and pasted text into articles: it detects
// the format from the content, decodes the text, extracts the main content and
// splits off metadata (title, standfirst, byline, dateline, credit, date).
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefdesk/internal/domain"
)

// MaxSize is the largest file or download imported, in bytes.
const MaxSize = 50 << 20

// File reads and parses the file at path.
func File(path string) (*domain.Article, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &domain.InputError{Path: path, Reason: "cannot read file", Err: err}
	}
	if st.Size() > MaxSize {
		return nil, &domain.InputError{Path: path, Reason: "file too large"}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &domain.InputError{Path: path, Reason: "cannot read file", Err: err}
	}
	return Parse(path, data)
}

// Parse parses the bytes of a file called name (used only as a hint).
// TODO(ingest issue): all formats, encodings, metadata.
func Parse(name string, data []byte) (*domain.Article, error) {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if strings.TrimSpace(text) == "" {
		return nil, &domain.InputError{Path: name, Reason: "empty file"}
	}
	var paras []string
	for _, p := range strings.Split(text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	a := &domain.Article{Title: paras[0], Paragraphs: paras[1:], Language: "en"}
	if len(paras) == 1 {
		a.Paragraphs = paras
	}
	sum := sha256.Sum256(data)
	a.Origin = domain.Origin{Name: name, Format: domain.FormatText, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:]), ImportedAt: time.Now().UTC(), Original: data}
	th := sha256.Sum256([]byte(strings.Join(strings.Fields(a.Body()), " ")))
	a.TextHash = hex.EncodeToString(th[:])
	return a, nil
}

// Paste makes an article of text pasted by the user.
func Paste(text string) (*domain.Article, error) {
	a, err := Parse("pasted text", []byte(text))
	if err == nil {
		a.Origin.Format = domain.FormatPaste
	}
	return a, err
}

// Fetch downloads a http(s) link and parses it as a web page.
func Fetch(ctx context.Context, url string) (*domain.Article, error) {
	return nil, &domain.InputError{Path: url, Reason: "links are not supported yet"}
}

// IsURL reports whether s is a http or https link rather than a path.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// Expand turns the given paths into the files to import: folders are walked
// recursively (hidden files and folders skipped), links are kept as they are.
// Paths that cannot be read come back as errors, one per path.
func Expand(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, p := range paths {
		if IsURL(p) {
			files = append(files, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &domain.InputError{Path: p, Reason: "no such file or folder", Err: err})
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &domain.InputError{Path: path, Reason: "cannot read", Err: err})
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return files, errs
}
