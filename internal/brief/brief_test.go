package brief

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"briefdesk/internal/domain"
)

var gen = time.Date(2026, 3, 3, 14, 5, 0, 0, time.UTC)

// variant returns s under another publication, so multi-article briefings
// can hold several distinct sources.
func variant(s story, n int) story {
	s.source = fmt.Sprintf("%s %d", s.source, n)
	s.title = fmt.Sprintf("%s (report %d)", s.title, n)
	return s
}

// briefings is the test matrix: one article, and 2 to 6 articles.
func briefings() map[string]*domain.Briefing {
	out := map[string]*domain.Briefing{
		"grain":  briefing("", storyGrain),
		"power":  briefing("", storyPower),
		"empty":  {Title: "A briefing without analysis", Articles: []*domain.Article{{Title: "x", Source: "Desk Wire"}}},
		"nobody": briefing("Only sentences", story{title: "t", source: "s", sentences: storyGrain.sentences[:3], chosen: []int{0, 1}}),
	}
	for n := 2; n <= 6; n++ {
		var ss []story
		for i := 0; i < n; i++ {
			if i%2 == 0 {
				ss = append(ss, variant(storyGrain, i))
			} else {
				ss = append(ss, variant(storyPower, i))
			}
		}
		out[fmt.Sprintf("multi%d", n)] = briefing(fmt.Sprintf("Regional round-up: %d reports", n), ss...)
	}
	return out
}

func TestPDFOnePage(t *testing.T) {
	needTool(t, "pdfinfo", "poppler-utils")
	for name, b := range briefings() {
		for _, paper := range []Paper{A4, Letter} {
			for _, fit := range []bool{false, true} {
				opts := Options{Paper: paper, Fit: fit, Generated: gen, Reference: "BD-7", Classification: "UNCLASSIFIED // FOR OFFICIAL USE ONLY"}
				t.Run(fmt.Sprintf("%s/%s/fit=%v", name, paper, fit), func(t *testing.T) {
					t.Parallel()
					path, p := writePDF(t, t.TempDir(), b, opts)
					checkPage(t, p)
					if n := pdfPages(t, path); n != 1 {
						t.Fatalf("%d pages", n)
					}
					text := pdfText(t, path)
					if !strings.Contains(text, normalize(b.Title)) {
						t.Errorf("title %q missing from:\n%s", b.Title, text)
					}
					if b.Analysis != nil && len(b.Analysis.Summary.Sentences) > 0 {
						first := normalize(b.Analysis.Summary.Sentences[0].Text)
						if !strings.Contains(text, first) {
							t.Errorf("first summary sentence %q missing from:\n%s", first, text)
						}
					}
					if !strings.Contains(text, "UNCLASSIFIED // FOR OFFICIAL USE ONLY") || !strings.Contains(text, "BD-7") {
						t.Errorf("classification or reference missing:\n%s", text)
					}
					checkFonts(t, path)
				})
			}
		}
	}
}

// TestUnicodeKept checks that names, curly quotes, dashes and currency signs
// come out of the PDF as they went in.
func TestUnicodeKept(t *testing.T) {
	needTool(t, "pdftotext", "poppler-utils")
	path, _ := writePDF(t, t.TempDir(), briefing("Müller, Łukasz, Erdoğan and Zelenskyy — “talks” resume", storyGrain, storyPower), Options{Generated: gen})
	text := pdfText(t, path)
	for _, want := range []string{"Müller", "Łukasz", "Erdoğan", "Zelenskyy", "“technical agenda”", "—", "€180 million", "£25 million", "Chișinău", "Dragă", "Țurcanu", "Odesa’s"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the PDF text", want)
		}
	}
}

// TestMultiArticleMarks checks the sources list and that each point names
// the article it came from.
func TestMultiArticleMarks(t *testing.T) {
	b := briefing("Two stories", storyGrain, storyPower)
	p, err := Layout(b, Options{Generated: gen})
	if err != nil {
		t.Fatal(err)
	}
	c := p.Content
	if !c.Multi || len(c.Sources) != 2 || c.Sources[1].Publication != "Eastern Europe Monitor" {
		t.Fatalf("sources: %+v", c.Sources)
	}
	var text strings.Builder
	if err := Text(&text, b, Options{Generated: gen}); err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, pt := range c.Points {
		seen[pt.Source] = true
		if pt.Source != pt.Ref.Article+1 {
			t.Errorf("point %q marked [%d], from article %d", pt.Text, pt.Source, pt.Ref.Article)
		}
	}
	if !seen[1] || !seen[2] {
		t.Errorf("points come from %v, want both articles", seen)
	}
	if !strings.Contains(normalize(text.String()), "a necessity”. [2]") {
		t.Errorf("text export lacks the source mark:\n%s", text.String())
	}
}

// longBriefing is far more than a page: 60 sentences chosen, 30 actors with
// long quotes, 40 figures.
func longBriefing() *domain.Briefing {
	s := story{title: "An enormous story", source: "Desk Wire", byline: "Katrin Müller"}
	for i := 0; i < 60; i++ {
		s.sentences = append(s.sentences, fmt.Sprintf("Sentence %d reports that negotiators in Geneva discussed the corridor, inspections, insurance, harvest timing and the safety of crews at considerable length before adjourning for the day.", i))
		s.chosen = append(s.chosen, i)
	}
	for i := 0; i < 30; i++ {
		s.actors = append(s.actors, actorSpec{fmt.Sprintf("Official Number%d", i), domain.Person, "Deputy minister for long titles and longer quotes", domain.Central, 30 - i, i,
			strings.Repeat("we will keep talking for as long as it takes and then some more ", 5), true})
		s.facts = append(s.facts, factSpec{domain.Number, fmt.Sprintf("%d,000 tonnes", i+1), i})
	}
	for i := 30; i < 40; i++ {
		s.facts = append(s.facts, factSpec{domain.Date, fmt.Sprintf("%d March", i-20), i})
	}
	return briefing("", s)
}

func TestLongBriefingShrinksToOnePage(t *testing.T) {
	b := longBriefing()
	for _, paper := range []Paper{A4, Letter} {
		p, err := Layout(b, Options{Paper: paper, Generated: gen})
		if err != nil {
			t.Fatal(err)
		}
		checkPage(t, p)
		c := p.Content
		if len(c.Points) == 0 || c.Points[0].Text != b.Analysis.Summary.Sentences[0].Text {
			t.Fatalf("the lead sentence was dropped: %+v", c.Points)
		}
		if !c.Omitted.Any() || c.Omitted.Points == 0 {
			t.Errorf("nothing reported as left out: %+v", c.Omitted)
		}
		if p.BodySize < minSize {
			t.Errorf("body at %.1f pt", p.BodySize)
		}
		full := map[string]bool{}
		for _, s := range b.Analysis.Summary.Scores {
			full[s.Text] = true
		}
		for i, pt := range c.Points {
			if !full[pt.Text] {
				t.Errorf("point %d is not a whole source sentence: %q", i, pt.Text)
			}
			if i > 0 && pt.Ref.Index <= c.Points[i-1].Ref.Index {
				t.Errorf("points out of reading order at %d", i)
			}
		}
		for _, a := range c.Actors {
			if n := len(strings.Fields(a.Quote)); n > 41 {
				t.Errorf("quote of %d words kept", n)
			}
			if a.Quote != "" && !strings.HasSuffix(a.Quote, "…") {
				t.Errorf("shortened quote without an ellipsis: %q", a.Quote)
			}
		}
	}
}

// TestShortBriefingIsNotStretched checks that a short brief keeps the normal
// size and leaves the rest of the page empty.
func TestShortBriefingIsNotStretched(t *testing.T) {
	b := briefing("", story{title: "Short", source: "Desk Wire", sentences: []string{"One sentence only."}, chosen: []int{0}})
	p, err := Layout(b, Options{Generated: gen})
	if err != nil {
		t.Fatal(err)
	}
	if p.BodySize != baseSize {
		t.Errorf("body at %.1f pt, want %.1f", p.BodySize, baseSize)
	}
	if len(p.Content.Points) != 1 || p.Content.Omitted.Any() {
		t.Errorf("content: %+v", p.Content)
	}
	maxY := 0.0
	for _, it := range p.Items {
		if it.Kind == TextItem && it.Text == "One sentence only." {
			maxY = it.Y
		}
	}
	if maxY == 0 || maxY > p.Height/3 {
		t.Errorf("the sentence sits at %.0f mm: stretched or missing", maxY)
	}
}

// TestFitFillsFromScores checks Fit: more sentences than the summary chose,
// in reading order, never one the officer dropped.
func TestFitFillsFromScores(t *testing.T) {
	b := briefing("", storyGrain)
	b.Analysis.Summary.Sentences = b.Analysis.Summary.Sentences[:2]
	dropped := domain.SentenceRef{Article: 0, Index: 4}
	b.Edits.Dropped = []domain.SentenceRef{dropped}
	plain, _ := Layout(b, Options{Generated: gen})
	fit, _ := Layout(b, Options{Generated: gen, Fit: true})
	if len(plain.Content.Points) != 2 {
		t.Fatalf("plain brief shows %d points, want the 2 chosen", len(plain.Content.Points))
	}
	if len(fit.Content.Points) <= 2 {
		t.Fatalf("fit brief shows %d points", len(fit.Content.Points))
	}
	for i, pt := range fit.Content.Points {
		if pt.Ref == dropped {
			t.Errorf("fit brought back a dropped sentence")
		}
		if i > 0 && pt.Ref.Index <= fit.Content.Points[i-1].Ref.Index {
			t.Errorf("fit points out of reading order")
		}
	}
	checkPage(t, fit)
	// A long briefing with Fit still fits.
	p, _ := Layout(longBriefing(), Options{Generated: gen, Fit: true})
	checkPage(t, p)
}

func TestShorten(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"as long as they are quick, fair and predictable", 6, "as long as they are quick…"},
		{"short quote", 6, "short quote"},
		{"one two three", 0, "one two three"},
	} {
		if got := shorten(tc.in, tc.n); got != tc.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// docxText returns the text of a DOCX's body, header and footer, and checks
// every part is well-formed XML.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		dec := xml.NewDecoder(bytes.NewReader(b))
		var text strings.Builder
		inT := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			switch x := tok.(type) {
			case xml.StartElement:
				inT = x.Name.Local == "t"
				if x.Name.Local == "p" {
					text.WriteString(" ")
				}
			case xml.EndElement:
				inT = false
			case xml.CharData:
				if inT {
					text.Write(x)
				}
			}
		}
		parts[f.Name] = text.String()
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
		if _, ok := parts[want]; !ok {
			t.Errorf("DOCX lacks %s", want)
		}
	}
	return normalize(parts["word/header1.xml"] + " " + parts["word/document.xml"] + " " + parts["word/footer1.xml"])
}

var mdUnescape = regexp.MustCompile(`\\(.)`)

// TestExportsSameContent checks that Markdown, text and DOCX hold what the
// PDF holds: title, classification, sources, every point, actor and figure.
func TestExportsSameContent(t *testing.T) {
	cut := briefing("A cut-off source", storyGrain, storyPower)
	cut.Articles[1].Incomplete = "it stops in the middle of a sentence"
	for _, b := range []*domain.Briefing{briefing("", storyGrain), briefing("Two stories", storyGrain, storyPower), longBriefing(), cut} {
		opts := Options{Generated: gen, Classification: "SECRET // REL TO DESK", Reference: "BD-9"}
		p, err := Layout(b, opts)
		if err != nil {
			t.Fatal(err)
		}
		c := p.Content
		var want []string
		want = append(want, c.Title, "SECRET // REL TO DESK", "BD-9", c.Sources[0].Publication)
		for _, x := range c.Points {
			want = append(want, x.Text)
		}
		for _, a := range c.Actors {
			want = append(want, a.Name, a.Quote)
		}
		for _, f := range c.Facts {
			want = append(want, f.Text)
		}
		if n := c.Omitted.note(); n != "" {
			want = append(want, n)
		}
		if n := c.incompleteNote(); n != "" {
			want = append(want, n)
		} else if b == cut {
			t.Error("a brief on a cut-off source does not say so")
		}
		if b == cut && !strings.Contains(c.incompleteNote(), "source [2] looks incomplete") {
			t.Errorf("warning %q does not name the source", c.incompleteNote())
		}
		var md, txt, docx bytes.Buffer
		if err := Markdown(&md, b, opts); err != nil {
			t.Fatal(err)
		}
		if err := Text(&txt, b, opts); err != nil {
			t.Fatal(err)
		}
		if err := DOCX(&docx, b, opts); err != nil {
			t.Fatal(err)
		}
		outs := map[string]string{
			"markdown": normalize(mdUnescape.ReplaceAllString(md.String(), "$1")),
			"text":     normalize(txt.String()),
			"docx":     docxText(t, docx.Bytes()),
		}
		for format, out := range outs {
			for _, w := range want {
				if w != "" && !strings.Contains(out, normalize(w)) {
					t.Errorf("%s export of %q lacks %q", format, c.Title, w)
				}
			}
		}
	}
}

// TestDOCXOpensInLibreOffice converts the DOCX to PDF with LibreOffice when
// it is installed (libreoffice-writer-nogui); CI need not have it.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) not installed; the DOCX structure is checked by TestExportsSameContent")
	}
	needTool(t, "pdftotext", "poppler-utils")
	if testing.Short() || raceEnabled {
		t.Skip("slow: starts LibreOffice (skipped under -short and -race)")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	b := briefing("Two stories", storyGrain, storyPower)
	if err := DOCX(&buf, b, Options{Generated: gen, Classification: "UNCLASSIFIED"}); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "brief.docx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v: %s", err, out)
	}
	text := pdfText(t, filepath.Join(dir, "brief.pdf"))
	for _, w := range []string{"Two stories", "KEY POINTS", normalize(b.Analysis.Summary.Sentences[0].Text), "UNCLASSIFIED"} {
		if !strings.Contains(text, w) {
			t.Errorf("LibreOffice's rendering lacks %q", w)
		}
	}
}

func BenchmarkPDF(b *testing.B) {
	br := briefing("Two stories", storyGrain, storyPower)
	opts := Options{Generated: gen, Classification: "UNCLASSIFIED"}
	for b.Loop() {
		if err := PDF(io.Discard, br, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLayoutLong(b *testing.B) {
	br := longBriefing()
	for b.Loop() {
		if _, err := Layout(br, Options{Generated: gen}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestExportFormats(t *testing.T) {
	b := briefing("", storyPower)
	for _, f := range Formats {
		got, ok := FormatOf("brief" + f.Ext())
		if !ok || got != f {
			t.Errorf("FormatOf(%q) = %q, %v", f.Ext(), got, ok)
		}
		var buf bytes.Buffer
		if err := Export(&buf, b, Options{Generated: gen}, f); err != nil || buf.Len() == 0 {
			t.Errorf("Export %s: %v, %d bytes", f, err, buf.Len())
		}
	}
	if err := Export(io.Discard, b, Options{}, "odt"); err == nil {
		t.Error("Export to an unknown format did not fail")
	}
}

// TestExtremes checks briefings no real desk should send but someone will:
// thirty articles, a sentence longer than a page, text the typeface cannot
// draw, a title of a hundred words, no analysis at all.
func TestExtremes(t *testing.T) {
	var many []story
	for i := 0; i < 30; i++ {
		many = append(many, variant(storyPower, i))
	}
	giant := story{title: "No full stops", source: "Paste", sentences: []string{strings.Repeat("words without an end and ", 900)}, chosen: []int{0}}
	glyphs := story{title: "Emoji 🚀 and 中文 text", source: "Feed", sentences: []string{"Launch 🚀 confirmed in 北京 by officials, Müller said.", "Second sentence."}, chosen: []int{0, 1}}
	cases := map[string]*domain.Briefing{
		"thirty":   briefing("Thirty reports", many...),
		"giant":    briefing("", giant),
		"glyphs":   briefing("", glyphs),
		"longname": briefing(strings.Repeat("A very long title indeed ", 25), storyPower),
		"bare":     {},
	}
	for name, b := range cases {
		for _, paper := range []Paper{A4, Letter} {
			p, err := Layout(b, Options{Paper: paper, Generated: gen, Classification: "TOP SECRET // SI"})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			checkPage(t, p)
			var buf bytes.Buffer
			if err := p.WritePDF(&buf); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	p, _ := Layout(cases["glyphs"], Options{Generated: gen})
	if got := p.Content.Points[0].Text; !strings.Contains(got, "Müller") {
		t.Errorf("glyphs: %q", got)
	}
	for _, it := range p.Items {
		if strings.ContainsAny(it.Text, "🚀中文北京") {
			t.Errorf("undrawable text reached the page: %q", it.Text)
		}
	}
	if p, _ := Layout(cases["giant"], Options{Generated: gen}); len(p.Content.Points) != 1 {
		t.Errorf("giant: %d points", len(p.Content.Points))
	}
}

func TestWrap(t *testing.T) {
	d := &drawer{fm: getMetrics()}
	spans := []span{
		{text: "…programme will present a plan worth ", style: Regular, size: 9},
		{text: "€180 million", style: Bold, size: 9},
		{text: ". [1] " + strings.Repeat("x", 120), style: Regular, size: 9},
	}
	for _, width := range []float64{20, 35, 50, 80} {
		lines := d.wrap(spans, width)
		var all []string
		for _, ln := range lines {
			last := ln[len(ln)-1]
			if w := last.x + last.w; w > width+1e-6 {
				t.Errorf("width %.0f: line %.1f mm wide", width, w)
			}
			var b strings.Builder
			for _, f := range ln {
				b.WriteString(f.text)
			}
			line := b.String()
			if strings.HasPrefix(line, ".") {
				t.Errorf("width %.0f: a line starts with the full stop of the figure: %q", width, line)
			}
			all = append(all, line)
		}
		got := strings.ReplaceAll(strings.Join(all, ""), " ", "")
		want := strings.ReplaceAll(spans[0].text+spans[1].text+spans[2].text, " ", "")
		if got != want {
			t.Errorf("width %.0f: text changed:\n%q\n%q", width, got, want)
		}
	}
}

func TestParsePaper(t *testing.T) {
	for in, want := range map[string]Paper{"": A4, "A4": A4, "letter": Letter, "US-Letter": Letter} {
		if got, err := ParsePaper(in); err != nil || got != want {
			t.Errorf("ParsePaper(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParsePaper("a3"); err == nil {
		t.Error("ParsePaper(a3) did not fail")
	}
}
