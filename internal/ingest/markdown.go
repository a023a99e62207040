package ingest

import (
	"regexp"
	"strings"
)

var (
	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdRefLink  = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdRefDef   = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s+\S+`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)|(^|[\s(])[*_](\S(?:[^*_]*?\S)?)[*_]([\s).,;:!?]|$)`)
	mdCode     = regexp.MustCompile("`([^`]+)`")
	mdHeading  = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	mdRule     = regexp.MustCompile(`^\s{0,3}(?:[-*_]\s*){3,}$`)
	mdHTMLTag  = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
)

// parseMarkdown reads Markdown as the article it renders to: the first
// level-one heading is the title, markup is removed, code blocks and
// front matter are dropped.
func parseMarkdown(s string) *doc {
	var h hints
	lines := strings.Split(s, "\n")
	// YAML front matter: take title/author/date, drop the rest.
	if len(lines) > 2 && lines[0] == "---" {
		for i := 1; i < len(lines) && i < 60; i++ {
			if lines[i] == "---" || lines[i] == "..." {
				for _, l := range lines[1:i] {
					k, v, ok := strings.Cut(l, ":")
					if !ok {
						continue
					}
					v = strings.Trim(strings.TrimSpace(v), `"'`)
					switch strings.ToLower(strings.TrimSpace(k)) {
					case "title":
						h.title = v
					case "author", "byline":
						h.byline = v
					case "date", "published":
						h.published, _ = findDate(v)
					case "description", "subtitle", "summary":
						h.standfirst = v
					case "source", "publication":
						h.source = v
					}
				}
				lines = lines[i+1:]
				break
			}
		}
	}
	var out []string
	fence := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		// Setext headings: a line underlined with === (level 1) or ---.
		if !fence && t != "" && i+1 < len(lines) && !mdRule.MatchString(l) {
			if u := strings.TrimSpace(lines[i+1]); len(u) >= 2 && (strings.Trim(u, "=") == "" || strings.Trim(u, "-") == "" && len(u) >= 3) {
				text := mdInline(t)
				lines[i+1] = ""
				if u[0] == '=' && h.title == "" {
					h.title = text
					continue
				}
				out = append(out, "", text, "")
				continue
			}
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			continue
		}
		if fence || mdRefDef.MatchString(l) {
			continue
		}
		if mdRule.MatchString(l) && t != "" {
			out = append(out, "")
			continue
		}
		if m := mdHeading.FindStringSubmatch(l); m != nil {
			text := mdInline(m[2])
			if m[1] == "#" && h.title == "" {
				h.title = text
				continue
			}
			// Headings are their own paragraphs.
			out = append(out, "", text, "")
			continue
		}
		// Block quotes and list markers: keep the words.
		t = strings.TrimLeft(t, "> ")
		out = append(out, mdInline(t))
	}
	return structure(strings.Join(out, "\n"), h)
}

// mdInline removes inline markup and keeps the words.
func mdInline(s string) string {
	// Most lines carry no markup; the regexps run only where they can match.
	if strings.Contains(s, "](") || strings.Contains(s, "][") {
		s = mdImage.ReplaceAllString(s, "")
		s = mdLink.ReplaceAllString(s, "$1")
		s = mdRefLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "`") {
		s = mdCode.ReplaceAllString(s, "$1")
	}
	for i := 0; i < 3 && strings.ContainsAny(s, "*_"); i++ {
		s = mdEmphasis.ReplaceAllString(s, "$2$4$5$6")
	}
	if strings.Contains(s, "<") {
		s = mdHTMLTag.ReplaceAllString(s, "")
	}
	s = strings.ReplaceAll(s, `\*`, "*")
	s = strings.ReplaceAll(s, `\_`, "_")
	return strings.TrimSpace(s)
}
