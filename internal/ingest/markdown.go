package ingest

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// mdHTMLTag matches a tag of raw HTML inside Markdown; its text is kept.
var mdHTMLTag = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)

// parseMarkdown reads Markdown as the article it renders to, through
// goldmark's CommonMark parser: the first level-one heading is the title,
// markup is removed, code blocks are dropped, and YAML front matter gives
// the title, byline, date, standfirst and source.
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
	body := []byte(strings.Join(lines, "\n"))
	root := goldmark.DefaultParser().Parse(text.NewReader(body))
	var out []string
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		out = mdBlock(n, body, &h, out)
	}
	return structure(normalize(strings.Join(out, "\n")), h)
}

// mdBlock appends the text of one block, as plain lines, with blank lines
// between blocks so each becomes a paragraph: the first level-one heading
// is the title; other headings are paragraphs of their own; list items keep
// a "* " or "1. " marker (a wire story's highlights are a list before its
// first paragraph); code blocks and raw HTML markup are not article text.
func mdBlock(n ast.Node, src []byte, h *hints, out []string) []string {
	switch b := n.(type) {
	case *ast.Heading:
		t := oneLine(mdText(b, src))
		if b.Level == 1 && h.title == "" {
			h.title = t
			return out
		}
		return append(out, "", t, "")
	case *ast.Paragraph, *ast.TextBlock:
		return append(out, "", mdText(b, src), "")
	case *ast.List:
		i := b.Start
		for it := b.FirstChild(); it != nil; it = it.NextSibling() {
			marker := "* "
			if b.IsOrdered() {
				marker = strconv.Itoa(i) + ". "
				i++
			}
			var item []string
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				item = mdBlock(c, src, h, item)
			}
			if t := strings.TrimSpace(strings.Join(item, "\n")); t != "" {
				out = append(out, marker+strings.Join(strings.Fields(t), " "))
			}
		}
		return append(out, "")
	case *ast.Blockquote:
		for c := b.FirstChild(); c != nil; c = c.NextSibling() {
			out = mdBlock(c, src, h, out)
		}
		return out
	case *ast.HTMLBlock:
		var raw strings.Builder
		for i := 0; i < b.Lines().Len(); i++ {
			seg := b.Lines().At(i)
			raw.Write(seg.Value(src))
		}
		if t := oneLine(mdHTMLTag.ReplaceAllString(raw.String(), " ")); t != "" {
			return append(out, "", t, "")
		}
		return out
	case *ast.ThematicBreak:
		return append(out, "")
	}
	// Code blocks, link reference definitions and anything unknown: no
	// article text.
	return out
}

// mdText is the plain text of a block's inline content: link and emphasis
// text kept, images and raw HTML dropped, line breaks kept as new lines.
func mdText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Image, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(t.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			for g := t.FirstChild(); g != nil; g = g.NextSibling() {
				if tx, ok := g.(*ast.Text); ok {
					b.Write(tx.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
