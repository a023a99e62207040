package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"briefdesk/internal/domain"
)

// TestNonArticleFiles checks that data, code and images given as files are
// refused as what they are, while XHTML pages with an XML declaration are
// still pages.
func TestNonArticleFiles(t *testing.T) {
	for _, c := range []struct{ name, body, reason string }{
		{"data.json", `{"title": "Harbour talks", "paragraphs": ["Negotiators met."]}`, "JSON data"},
		{"story.txt", "  [1, 2, 3, {\"a\": \"Harbour talks resume and negotiators met.\"}]\n", "JSON data"},
		{"logo.svg", `<svg xmlns="http://www.w3.org/2000/svg"><text>Harbour</text></svg>`, "an SVG image"},
		{"page.html", "<?xml version=\"1.0\"?>\n<!-- drawn -->\n<svg><script>alert(1)</script></svg>", "an SVG image"},
		{"feed.xml", `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title></feed>`, "a news feed"},
		{"config.txt", `<?xml version="1.0"?><settings><a>1</a></settings>`, "XML data"},
		{"app.js", `function go() { return "Harbour talks resume"; }`, "JavaScript code"},
		{"site.css", `body { font-family: serif; }`, "a style sheet"},
	} {
		_, err := Parse(c.name, []byte(c.body))
		var ie *domain.InputError
		if !errors.As(err, &ie) || ie.Reason != "not an article: "+c.reason && !strings.HasPrefix(ie.Reason, "not an article: "+c.reason) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.reason)
		}
	}
	xhtml := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Harbour talks resume</title></head>
<body><article><h1>Harbour talks resume</h1><p>Negotiators met again on Monday to discuss the harbour and the grain corridor, officials said.</p>
<p>The talks are expected to continue through the week, with a draft text due on Friday.</p></article></body></html>`
	if a, err := Parse("page.xhtml", []byte(xhtml)); err != nil || a.Title != "Harbour talks resume" {
		t.Errorf("XHTML page: %v", err)
	}
	if a, err := Parse("note.txt", []byte("[Draft] Harbour talks resume\n\nNegotiators met again on Monday.")); err != nil || a == nil {
		t.Errorf("text opening with a bracket: %v", err)
	}
}

// TestRTFUnicodeEscapes checks \uN escapes: surrogate pairs make one
// character, and a file of escapes that decode to nothing readable is
// refused instead of stored as replacement characters.
func TestRTFUnicodeEscapes(t *testing.T) {
	rtf := `{\rtf1\ansi\uc1 Harbour talks resume\par Negotiators met \u-10179?\u-8704? in Geneva, said \u8220?yes\u8221? to \u-10178?\u-9031? the draft on Monday.\par}`
	a, err := Parse("a.rtf", []byte(rtf))
	if err != nil {
		t.Fatal(err)
	}
	body := a.Body()
	if !strings.Contains(body, "met \U0001F600 in Geneva") || !strings.Contains(body, "“yes”") || strings.ContainsRune(body, '\uFFFD') {
		t.Errorf("body %q", body)
	}
	// Lone low surrogates are what a careless converter leaves: they
	// carry no text.
	var junk strings.Builder
	junk.WriteString(`{\rtf1\ansi\uc0 `)
	for i := range 3000 {
		junk.WriteString(`\u-`)
		junk.WriteString([]string{"9000", "8500", "8800", "8300"}[i%4])
		junk.WriteString(" ")
	}
	junk.WriteString(`}`)
	_, err = Parse("junk.rtf", []byte(junk.String()))
	var ie *domain.InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Reason, "no text") {
		t.Errorf("RTF of lone surrogates: %v", err)
	}
	// Text that decodes to replacement characters is refused, whatever
	// the format.
	marks := `{\rtf1\ansi\uc0 Harbour ` + strings.Repeat(`\u65533 \u65533 \u-3 `, 500) + `}`
	if _, err = Parse("marks.rtf", []byte(marks)); !errors.As(err, &ie) || !strings.Contains(ie.Reason, "unreadable") {
		t.Errorf("RTF of U+FFFD: %v", err)
	}
	fffd := strings.Repeat("\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD ", 400)
	_, err = Parse("mojibake.txt", []byte("Harbour talks\n\n"+fffd))
	if !errors.As(err, &ie) {
		t.Errorf("text of U+FFFD: %v", err)
	}
}

// TestExpandSymlinks replays the symbolic-link cases: a linked folder named
// on the command line is walked, links inside a folder are followed, a loop
// and a dangling link are reported rather than skipped without a word.
func TestExpandSymlinks(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "real")
	os.MkdirAll(filepath.Join(real, "sub"), 0o755)
	write := func(p string) {
		if err := os.WriteFile(p, []byte("Title\n\nBody text."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(real, "a.txt"))
	write(filepath.Join(real, "sub", "b.txt"))
	elsewhere := filepath.Join(root, "elsewhere.txt")
	write(elsewhere)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(elsewhere, filepath.Join(real, "linked.txt")))
	must(os.Symlink(filepath.Join(root, "missing.txt"), filepath.Join(real, "dangling.txt")))
	must(os.Symlink(real, filepath.Join(real, "sub", "up")))
	linkDir := filepath.Join(root, "desk")
	must(os.Symlink(real, linkDir))
	fifo := filepath.Join(real, "pipe")
	must(syscall.Mkfifo(fifo, 0o644))

	files, errs := Expand([]string{linkDir})
	want := []string{filepath.Join(linkDir, "a.txt"), filepath.Join(linkDir, "linked.txt"), filepath.Join(linkDir, "sub", "b.txt")}
	if !slices.Equal(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	reasons := map[string]string{}
	for _, err := range errs {
		var ie *domain.InputError
		if errors.As(err, &ie) {
			reasons[filepath.Base(ie.Path)] = ie.Reason
		}
	}
	if !strings.Contains(reasons["dangling.txt"], "does not exist") || !strings.Contains(reasons["up"], "loop") || !strings.Contains(reasons["pipe"], "not a regular file") || len(errs) != 3 {
		t.Errorf("errors %v", errs)
	}
	// A link to a file named directly is that file.
	if files, errs := Expand([]string{filepath.Join(real, "linked.txt")}); len(files) != 1 || len(errs) != 0 {
		t.Errorf("linked file: %q %v", files, errs)
	}
}

// TestBidiControlsStripped replays a title and body carrying a right-to-left
// override and isolates: none survives into the article, so no title can
// display reversed in the window, the brief or an export.
func TestBidiControlsStripped(t *testing.T) {
	page := "<html><head><title>Minister resigns \u202eeixe.pdf</title></head><body><article><h1>Minister resigns \u202eeixe.pdf</h1>" +
		"<p class=\"byline\">By Anna \u2067Smith\u2069</p><p>The minister resigned on Monday \u202dafter\u202c a vote, officials said in a statement.</p>" +
		"<p>The government will name a successor this week, the spokesman added.</p></article></body></html>"
	text := "Minister resigns \u202eeixe.pdf\n\nThe minister resigned on Monday \u200fafter\u200e a vote, officials said in a statement."
	for name, data := range map[string]string{"a.html": page, "a.txt": text} {
		a, err := Parse(name, []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		all := a.Title + a.Byline + a.Standfirst + a.Body()
		if strings.ContainsFunc(all, isBidiControl) {
			t.Errorf("%s: bidi control kept: %q", name, all)
		}
		if a.Title != "Minister resigns eixe.pdf" {
			t.Errorf("%s: title %q", name, a.Title)
		}
	}
}

// TestMarkdownThroughGoldmark checks the CommonMark constructs the old
// line-by-line reading got wrong or never saw: nested emphasis, links with
// titles, reference links, indented code, raw HTML, lists kept as items.
func TestMarkdownThroughGoldmark(t *testing.T) {
	md := "Harbour talks resume\n====================\n\n" +
		"Negotiators met on **Monday *in Geneva***, said [the ministry](http://x.example \"Ministry (site)\") and [officials][1].\n\n" +
		"[1]: http://y.example\n\n" +
		"* Talks resume after a month\n* Draft text due on Friday\n\n" +
		"Paragraph.\n\n    go run ./cmd/tool\n\n```\nfenced code\n```\n\n" +
		"<div class=\"note\">A <b>note</b> from the desk.</div>\n\n" +
		"## Background\n\nThe corridor closed in March.\n"
	a, err := Parse("a.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Negotiators met on Monday in Geneva, said the ministry and officials.",
		"* Talks resume after a month",
		"* Draft text due on Friday",
		"Paragraph.",
		"A note from the desk.",
		"Background",
		"The corridor closed in March.",
	}
	if a.Title != "Harbour talks resume" || !slices.Equal(a.Paragraphs, want) {
		t.Errorf("title %q\nparagraphs %q\nwant       %q", a.Title, a.Paragraphs, want)
	}
}

// TestMarkdownCRLFFrontMatter checks front matter and headings in a
// Markdown file saved with Windows line ends.
func TestMarkdownCRLFFrontMatter(t *testing.T) {
	md := "---\r\ntitle: Harbour talks resume\r\nauthor: Anna Berg\r\n---\r\n\r\nNegotiators met on Monday.\r\n\r\n\tindented code\r\n\r\nThe talks go on.\r\n"
	a, err := Parse("a.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Harbour talks resume" || a.Byline != "Anna Berg" || !slices.Equal(a.Paragraphs, []string{"Negotiators met on Monday.", "The talks go on."}) {
		t.Errorf("%q %q %q", a.Title, a.Byline, a.Paragraphs)
	}
}
