package brief

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"briefdesk/internal/domain"
)

// DOCX writes b's brief as a Word document (WordprocessingML), with the same
// content as its PDF, so the officer can edit it in an office suite. The
// classification marking is the page header and footer, as offices expect.
func DOCX(w io.Writer, b *domain.Briefing, opts Options) error {
	const op = "brief.DOCX"
	p, err := Layout(b, opts)
	if err != nil {
		return err
	}
	z := zip.NewWriter(w)
	c := p.Content
	files := []struct{ name, body string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRels},
		{"docProps/core.xml", c.docxCore()},
		{"word/_rels/document.xml.rels", docxDocRels},
		{"word/styles.xml", docxStyles},
		{"word/header1.xml", c.docxBand("hdr")},
		{"word/footer1.xml", c.docxBand("ftr")},
		{"word/document.xml", c.docxDocument(p.Paper)},
	}
	for _, f := range files {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: c.Generated})
		if err != nil {
			return opError(op, err)
		}
		if _, err := io.WriteString(fw, f.body); err != nil {
			return opError(op, err)
		}
	}
	return opError(op, z.Close())
}

// run is a WordprocessingML run: text in one style.
type run struct {
	text         string
	bold, italic bool
	color        string // hex RGB, "" for the default
	size         float64
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func hex(c Color) string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }

func (r run) xml() string {
	var b strings.Builder
	b.WriteString("<w:r><w:rPr>")
	if r.bold {
		b.WriteString("<w:b/>")
	}
	if r.italic {
		b.WriteString("<w:i/>")
	}
	if r.color != "" {
		b.WriteString(`<w:color w:val="` + r.color + `"/>`)
	}
	if r.size > 0 {
		fmt.Fprintf(&b, `<w:sz w:val="%d"/>`, int(r.size*2+0.5))
	}
	b.WriteString(`</w:rPr><w:t xml:space="preserve">`)
	b.WriteString(xmlText(r.text))
	b.WriteString("</w:t></w:r>")
	return b.String()
}

// para writes a paragraph of style (a styles.xml ID, "" for Normal) with
// extra paragraph properties.
func para(style, props string, runs ...run) string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr>")
	if style != "" {
		b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
	}
	b.WriteString(props)
	b.WriteString("</w:pPr>")
	for _, r := range runs {
		if r.text != "" {
			b.WriteString(r.xml())
		}
	}
	b.WriteString("</w:p>")
	return b.String()
}

// table2 sets cells two to a row in a borderless full-width table, as the
// PDF sets actor cards and figures; fill shades the cells and edge, when not
// nil, gives cell i a coloured left border.
func table2(cells []string, fill string, edge func(i int) string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>` +
		`<w:tblCellSpacing w:w="57" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="113" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar>` +
		`</w:tblPr><w:tblGrid><w:gridCol w:w="4900"/><w:gridCol w:w="4900"/></w:tblGrid>`)
	for i := 0; i < len(cells); i += 2 {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for j := i; j < i+2; j++ {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="2500" w:type="pct"/>`)
			if j < len(cells) {
				if edge != nil {
					b.WriteString(`<w:tcBorders><w:left w:val="single" w:sz="18" w:space="0" w:color="` + edge(j) + `"/></w:tcBorders>`)
				}
				if fill != "" {
					b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + fill + `"/>`)
				}
				b.WriteString(`</w:tcPr>` + cells[j])
			} else {
				b.WriteString(`</w:tcPr><w:p/>`)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

// bullet is a paragraph with a hanging bullet, drawn as text so the document
// needs no numbering part.
func bullet(runs ...run) string {
	return para("Bullet", "", append([]run{{text: "•\t", color: hex(accent)}}, runs...)...)
}

func (c *Content) docxDocument(paper Paper) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`)
	kicker := "BRIEF"
	if c.Multi {
		kicker = fmt.Sprintf("BRIEF · %d SOURCES", len(c.Sources))
	}
	b.WriteString(para("Kicker", "", run{text: kicker, bold: true, color: hex(accent)}, run{text: "    " + longDate(c.Date), color: hex(grey)}))
	b.WriteString(para("Title", "", run{text: c.Title}))
	if len(c.Sources) == 1 && !c.Multi {
		b.WriteString(para("Meta", "", run{text: "Source  ", bold: true}, run{text: c.Sources[0].line()}))
	} else if len(c.Sources) > 0 {
		b.WriteString(para("Meta", "", run{text: "Sources", bold: true}))
		for _, s := range c.Sources {
			rs := []run{{text: fmt.Sprintf("[%d]  ", s.N), bold: true, color: hex(accent)}, {text: s.line()}}
			if s.Title != "" {
				rs = append(rs, run{text: "  —  " + s.Title, italic: true})
			}
			b.WriteString(para("Meta", "", rs...))
		}
	}
	if c.Note != "" {
		b.WriteString(para("Meta", "", run{text: "Note  ", bold: true, color: hex(ink)}, run{text: c.Note, italic: true, color: hex(ink)}))
	}
	marker := func(n int) run {
		return run{text: fmt.Sprintf("  [%d]", n), bold: true, color: hex(accent), size: 9}
	}
	if len(c.Points) > 0 {
		b.WriteString(para("Heading1", "", run{text: "KEY POINTS"}))
		for _, x := range c.Points {
			rs := []run{{text: x.Text}}
			if c.Multi {
				rs = append(rs, marker(x.Source))
			}
			b.WriteString(bullet(rs...))
		}
	}
	if len(c.Actors) > 0 {
		b.WriteString(para("Heading1", "", run{text: "KEY ACTORS"}))
		var cells []string
		for _, a := range c.Actors {
			var cell strings.Builder
			rs := []run{{text: a.Name, bold: true}}
			if a.Role != "" {
				rs = append(rs, run{text: "  " + a.Role, color: hex(grey)})
			}
			cell.WriteString(para("Card", "", rs...))
			if m := a.meta(); m != "" {
				cell.WriteString(para("CardLine", "", run{text: m, color: hex(grey)}))
			}
			if a.Line != "" {
				cell.WriteString(para("CardLine", "", run{text: a.Line}))
			}
			if a.Quote != "" {
				cell.WriteString(para("CardLine", "", run{text: a.quoted(), italic: true}))
			}
			cells = append(cells, cell.String())
		}
		b.WriteString(table2(cells, hex(cardFill), func(i int) string { return hex(typeColor(c.Actors[i].Type)) }))
	}
	if len(c.Facts) > 0 {
		b.WriteString(para("Heading1", "", run{text: "KEY FIGURES & DATES"}))
		var cells []string
		for _, f := range c.Facts {
			var rs []run
			if before, after, ok := f.split(); ok {
				rs = []run{{text: before, color: hex(grey)}, {text: f.Text, bold: true}, {text: after, color: hex(grey)}}
			} else {
				rs = []run{{text: f.Text, bold: true}}
				if f.Context != "" {
					rs = append(rs, run{text: "  " + f.Context, color: hex(grey)})
				}
			}
			if c.Multi {
				rs = append(rs, marker(f.Source))
			}
			cells = append(cells, para("Fact", "", rs...))
		}
		b.WriteString(table2(cells, "", nil))
	}
	w, h := 11906, 16838 // A4 in twentieths of a point
	if paper == Letter {
		w, h = 12240, 15840
	}
	fmt.Fprintf(&b, `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>`+
		`<w:footerReference w:type="default" r:id="rIdFooter"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/>`+
		`<w:pgMar w:top="850" w:right="1020" w:bottom="850" w:left="1020" w:header="567" w:footer="567" w:gutter="0"/>`+
		`</w:sectPr></w:body></w:document>`, w, h)
	return b.String()
}

// docxBand is the page header (classification) or footer (what the one-page
// limit left out, reference, generation time and classification).
func (c *Content) docxBand(tag string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:` + tag + ` xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	banner := func() {
		if c.Classification == "" {
			return
		}
		b.WriteString(para("", `<w:shd w:val="clear" w:color="auto" w:fill="`+hex(bannerColor(c.Classification))+`"/><w:jc w:val="center"/>`,
			run{text: strings.ToUpper(c.Classification), bold: true, color: "FFFFFF", size: 9}))
	}
	if tag == "hdr" {
		banner()
		if c.Classification == "" {
			b.WriteString("<w:p/>")
		}
	} else {
		if note := c.Omitted.note(); note != "" {
			b.WriteString(para("", "", run{text: note, italic: true, color: hex(grey), size: 9}))
		}
		if note := c.incompleteNote(); note != "" {
			b.WriteString(para("", "", run{text: note, bold: true, color: hex(ink), size: 9}))
		}
		b.WriteString(para("", `<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="`+hex(rule)+`"/></w:pBdr>`,
			run{text: c.footerLine(), color: hex(grey), size: 9}))
		banner()
	}
	b.WriteString(`</w:` + tag + `>`)
	return b.String()
}

func (c *Content) docxCore() string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + xmlText(c.Title) + `</dc:title>` +
		`<dc:subject>` + xmlText(c.Classification) + `</dc:subject>` +
		`<dc:creator>Briefdesk</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + c.Generated.UTC().Format(time.RFC3339) + `</dcterms:created>` +
		`</cp:coreProperties>`
}

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`

const docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`

const docxDocRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>`

// docxStyles names the brief's paragraph styles so an officer restyling the
// document in an office suite changes all points or all cards at once.
const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:cs="Noto Sans" w:eastAsia="Noto Sans"/><w:sz w:val="19"/><w:szCs w:val="19"/><w:color w:val="1C2026"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="40" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Kicker"><w:name w:val="Brief Kicker"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="40"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="163666"/></w:pBdr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:b/><w:sz w:val="38"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Meta"><w:name w:val="Brief Sources"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="20"/></w:pPr><w:rPr><w:color w:val="5C626C"/><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="2" w:space="2" w:color="C4CAD2"/></w:pBdr><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="163666"/><w:sz w:val="19"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Bullet"><w:name w:val="Brief Point"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="284"/></w:tabs><w:ind w:left="284" w:hanging="284"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Card"><w:name w:val="Brief Actor"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="CardLine"><w:name w:val="Brief Actor Line"/><w:basedOn w:val="Card"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Fact"><w:name w:val="Brief Figure"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
</w:styles>`
