package app

import (
	"net/url"
	"path/filepath"
	"strings"

	"briefdesk/internal/domain"
)

// sourceName is who an article comes from, for labels: the publication, then
// the credit line, then the byline, then the host of a link. It is empty
// when the article names none of these; the caller then shows the file name
// (fileLabel) as a last resort, quieter than a real source, because a file
// name says where the officer kept the text, not who wrote it.
func sourceName(a *domain.Article) string {
	for _, s := range []string{a.Source, a.Credit} {
		if s = oneLine(s); s != "" {
			return s
		}
	}
	if s := oneLine(a.Byline); s != "" {
		return "By " + s
	}
	return linkHost(a.Origin.Name)
}

// linkHost returns the host of a web link without "www.", or "" when name
// is not a link.
func linkHost(name string) string {
	if !strings.HasPrefix(name, "http://") && !strings.HasPrefix(name, "https://") {
		return ""
	}
	u, err := url.Parse(name)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// fileLabel names where an article with no known source was read from: the
// base name of its file (never the full path, which is long and private),
// marked as a file so it is not mistaken for a publication.
func fileLabel(a *domain.Article) string {
	name := a.Origin.Name
	switch {
	case a.Origin.Format == domain.FormatPaste:
		return "pasted text"
	case name == "":
		return "source unknown"
	case linkHost(name) != "":
		return name
	}
	return "file " + filepath.Base(name)
}
