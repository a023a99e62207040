package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"briefdesk/internal/domain"
)

// zipped builds a zip container with its entries in the given order
// (OpenDocument and EPUB put "mimetype" first, uncompressed).
func zipped(t *testing.T, entries ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, e := range entries {
		method := zip.Deflate
		if e[0] == "mimetype" {
			method = zip.Store
		}
		w, err := z.CreateHeader(&zip.FileHeader{Name: e[0], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e[1]))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// E-books and spreadsheets are refused for what they are, whatever their
// name says, not read as a document or told to be unpacked.
func TestRefusedContainers(t *testing.T) {
	chapter := `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Chapter one</h1>` +
		`<p>The ferry left the harbour at seven, as it had every morning for ninety years, with more sheep than people on board.</p></body></html>`
	epub := zipped(t, [2]string{"mimetype", "application/epub+zip"},
		[2]string{"META-INF/container.xml", `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`},
		[2]string{"OEBPS/content.opf", `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>`},
		[2]string{"OEBPS/c1.xhtml", chapter})
	ods := zipped(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
		[2]string{"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-row><table:table-cell><text:p>Troops withdrawn</text:p></table:table-cell><table:table-cell><text:p>12000</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`},
		[2]string{"META-INF/manifest.xml", `<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`})
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"novel.epub", epub, "e-book (EPUB)"},
		{"novel.zip", epub, "e-book (EPUB)"},
		{"figures.ods", ods, "OpenDocument spreadsheet"},
		{"figures.odt", ods, "OpenDocument spreadsheet"},
	}
	for _, c := range cases {
		a, err := Parse(c.name, c.data)
		var ie *domain.InputError
		if err == nil || !errors.As(err, &ie) {
			t.Errorf("%s: imported %v, want refused as %q", c.name, a != nil, c.want)
			continue
		}
		if ie.Path != c.name || !strings.Contains(ie.Reason, c.want) || strings.Contains(ie.Reason, "unpack") {
			t.Errorf("%s: %q, want a reason naming %q", c.name, ie.Error(), c.want)
		}
	}
}

// Japanese mail is sent as ISO-2022-JP, a 7-bit encoding that also reads
// as (wrong) UTF-8: the body and the encoded-word subject come out as text.
func TestISO2022JPMail(t *testing.T) {
	enc := func(s string) string {
		b, err := japanese.ISO2022JP.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	subject := "国境協議が再開"
	body := "両国の代表団は火曜日、ジュネーブで三か月ぶりに協議を再開した。\n\n仲介者によると、協議は三日間続く見通しだ。\n"
	msg := "From: desk@example.com\r\nTo: officer@example.com\r\nSubject: =?ISO-2022-JP?B?" + base64.StdEncoding.EncodeToString([]byte(enc(subject))) + "?=\r\n" +
		"Date: Tue, 3 Mar 2026 09:30:00 +0900\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n" +
		strings.ReplaceAll(enc(body), "\n", "\r\n")
	a, err := Parse("talks.eml", []byte(msg))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != subject {
		t.Errorf("title %q, want %q", a.Title, subject)
	}
	if got := a.Body(); !strings.Contains(got, "ジュネーブで三か月ぶりに協議を再開した") || strings.ContainsRune(got, 0x1b) {
		t.Errorf("body not decoded: %q", got)
	}
	if a.Language != "ja" {
		t.Errorf("language %q, want ja", a.Language)
	}
}

// What the import noticed about a source is kept as a warning: a message
// cut short, a page whose article block was not found.
func TestImportWarnings(t *testing.T) {
	msg := "From: desk@example.com\r\nSubject: Port strike ends\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n" +
		"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDock workers voted on Thursday to end a nine-day strike at the port.\r\n\r\nThe first ships will be brought alongside on Friday.\r\n" +
		"--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"notes.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK"
	a, err := Parse("cut.eml", []byte(msg))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Warnings) != 1 || a.Warnings[0] != warnCut || !strings.HasPrefix(a.Body(), "Dock workers voted") {
		t.Errorf("warnings %q, body %q", a.Warnings, a.Body())
	}
	whole := strings.ReplaceAll(msg, "--b1\r\nContent-Type: application/pdf", "--b1\r\nContent-Type: application/pdf")
	a, err = Parse("whole.eml", []byte(strings.Replace(whole, "JVBERi0xLjQK", "JVBERi0xLjQK\r\n--b1--\r\n", 1)))
	if err != nil || len(a.Warnings) != 0 {
		t.Errorf("complete message: warnings %q, err %v", a.Warnings, err)
	}
	page := `<html><head><title>Links</title></head><body><div><a href="/1">Home</a> <a href="/2">World</a> <a href="/3">Business</a> <a href="/4">Sport</a></div>
<div>Port strike ends after nine days</div><div><a href="/5">Markets</a> <a href="/6">Weather</a> <a href="/7">Opinion</a></div></body></html>`
	a, err = Parse("links.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Warnings) != 1 || a.Warnings[0] != warnWholePage {
		t.Errorf("link page: warnings %q", a.Warnings)
	}
	a, err = Parse("fragment.html", []byte(`<p>Dock workers voted on Thursday to end a nine-day strike.</p><p>Ships will dock on Friday.</p>`))
	if err != nil || len(a.Warnings) != 0 {
		t.Errorf("clean fragment: warnings %q, err %v", a.Warnings, err)
	}
}
