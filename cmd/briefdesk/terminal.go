package main

import (
	"strconv"
	"strings"
	"unicode"

	"briefdesk/internal/domain"
	"briefdesk/internal/ingest"
)

// What the CLI prints in lines is read by scripts and by terminals, and file
// names, titles and snippets are anybody's bytes: a newline in a file name
// must not forge a result line, and an escape sequence or a bidi override
// must not reach the terminal. The JSON output is safe as it is.

// resultLine renders an import result in the stable form
// "STATUS PATH: detail", one line whatever the path holds.
func resultLine(r domain.ImportResult) string {
	return string(r.Status) + " " + quotePath(r.Path) + ": " + plain(r.Detail)
}

// quotePath returns p as it is when it is plain, or Go-quoted ("...", with
// \n, \x1b and \u202e spelled out) when it holds a control or formatting
// character, so one path is always one visible field. A link loses any
// user name and password it carries.
func quotePath(p string) string {
	if ingest.IsURL(p) {
		p = ingest.RedactLink(p)
	}
	if strings.IndexFunc(p, unsafeRune) < 0 && !strings.HasPrefix(p, `"`) {
		return p
	}
	return strconv.Quote(p)
}

// plain returns s with control and formatting characters replaced by a
// space (tabs and line breaks included), for titles, snippets and reasons.
func plain(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unsafeRune(r) {
			return ' '
		}
		return r
	}, s)
}

// unsafeRune reports characters a terminal acts on rather than shows: C0
// and C1 controls, DEL, and the bidi controls that reorder text (so
// "txt.exe" can display as "exe.txt"). Joiners, which emoji and several
// scripts need, are kept.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
}
