package brief

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// TestMarkdownNoAutolinks checks that bare links and e-mail addresses in
// source text stay text in the Markdown export: rendered with a GitHub-style
// autolinker, the brief holds no link, and reads the same.
func TestMarkdownNoAutolinks(t *testing.T) {
	in := "Details at https://evil.example/login, www.phish.example or ask press@ministry.example [here](http://x.example)."
	esc := md(in)
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.Linkify)).Convert([]byte(esc), &html); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html.String(), "<a ") {
		t.Errorf("markdown %q renders links: %s", esc, html.String())
	}
	for _, want := range []string{"https://evil.example/login", "www.phish.example", "press@ministry.example", "[here](http://x.example)"} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("rendered text lost %q: %s", want, html.String())
		}
	}
}
