package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/htmlindex"

	"briefdesk/internal/domain"
)

// Limits for zip containers: a real article's document.xml is well under a
// megabyte; a zip bomb declares (or lies about) gigabytes.
const (
	maxZipEntries = 5000
	maxXMLDepth   = 1000
)

// maxXMLSize is the most a document part may inflate to (a variable so
// that tests can try the limit without inflating 64 MB).
var maxXMLSize int64 = 64 << 20

var errTooBig = errors.New("expands beyond the size limit")

// zipFormat tells a Word document from an OpenDocument text by the entries
// of the zip, or explains why the zip is not something we import.
func zipFormat(data []byte, ext string) (domain.Format, string) {
	kind := docKind(ext)
	if ext != ".docx" && ext != ".odt" {
		kind = "Word or OpenDocument file"
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", "not a valid " + kind + ": zip is corrupt"
	}
	if len(z.File) > maxZipEntries {
		return "", fmt.Sprintf("not a valid %s: the zip has more than %d entries", kind, maxZipEntries)
	}
	// OpenDocument and EPUB name their kind in a "mimetype" entry: a
	// spreadsheet or an e-book has a content.xml or XHTML too, but is not
	// an article.
	if mt, ok := zipMimetype(z); ok {
		switch {
		case strings.HasPrefix(mt, "application/epub"):
			return "", "this is an e-book (EPUB), not an article: import its chapters as web pages or text"
		case mt == "application/vnd.oasis.opendocument.spreadsheet" || mt == "application/vnd.oasis.opendocument.spreadsheet-template":
			return "", "this is an OpenDocument spreadsheet, not an article"
		case strings.HasPrefix(mt, "application/vnd.oasis.opendocument.presentation"):
			return "", "this is an OpenDocument presentation, not an article"
		case strings.HasPrefix(mt, "application/vnd.oasis.opendocument.graphics"), strings.HasPrefix(mt, "application/vnd.oasis.opendocument.image"):
			return "", "this is an OpenDocument drawing, not an article"
		}
	}
	for _, f := range z.File {
		switch f.Name {
		case "word/document.xml":
			return domain.FormatDOCX, ""
		case "content.xml":
			return domain.FormatODT, ""
		}
	}
	for _, f := range z.File {
		if f.Name == "xl/workbook.xml" {
			return "", "this is an Excel workbook, not an article"
		}
		if f.Name == "ppt/presentation.xml" {
			return "", "this is a PowerPoint presentation, not an article"
		}
	}
	if ext == ".docx" || ext == ".odt" {
		return "", "not a valid " + kind + ": the document part is missing"
	}
	return "", "this is a zip archive: unpack it and import the files inside"
}

// zipMimetype reads the "mimetype" entry of an OpenDocument or EPUB
// container: a short media type, read no further than 100 bytes.
func zipMimetype(z *zip.Reader) (string, bool) {
	for _, f := range z.File {
		if f.Name != "mimetype" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return "", false
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 100))
		return strings.TrimSpace(string(b)), true
	}
	return "", false
}

// readZipEntry reads one entry of a zip, refusing to inflate more than
// maxXMLSize bytes whatever the entry header claims.
func readZipEntry(z *zip.Reader, name string) ([]byte, bool, error) {
	for _, f := range z.File {
		if f.Name != name {
			continue
		}
		if f.UncompressedSize64 > uint64(maxXMLSize) {
			return nil, true, errTooBig
		}
		rc, err := f.Open()
		if err != nil {
			return nil, true, err
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, maxXMLSize+1))
		if err != nil {
			return nil, true, err
		}
		if int64(len(b)) > maxXMLSize {
			return nil, true, errTooBig
		}
		return b, true, nil
	}
	return nil, false, nil
}

// openZip opens a container and reads its main XML part, with reasons a
// desk officer understands for each way it can fail.
func openZip(data []byte, kind, part string) (*zip.Reader, []byte, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, &domain.InputError{Reason: "not a valid " + kind + ": zip is corrupt", Err: err}
	}
	if len(z.File) > maxZipEntries {
		return nil, nil, &domain.InputError{Reason: fmt.Sprintf("not a valid %s: the zip has more than %d entries", kind, maxZipEntries)}
	}
	b, ok, err := readZipEntry(z, part)
	switch {
	case errors.Is(err, errTooBig):
		return nil, nil, &domain.InputError{Reason: kind + " expands to more than 64 MB of text (zip bomb?)", Err: err}
	case err != nil:
		return nil, nil, &domain.InputError{Reason: "not a valid " + kind + ": zip is corrupt", Err: err}
	case !ok:
		return nil, nil, &domain.InputError{Reason: "not a valid " + kind + ": the document part is missing"}
	}
	return z, b, nil
}

// xmlDecoder returns a strict decoder. Go's encoding/xml never expands
// entities declared in a DTD; we go further and refuse any DOCTYPE, since
// no Office or OpenDocument part carries one and it only serves tricks.
func xmlDecoder(b []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		e, err := htmlindex.Get(label)
		if err != nil {
			return nil, err
		}
		return e.NewDecoder().Reader(r), nil
	}
	return d
}

// xmlWalk calls fn for every token of the XML part, enforcing the DOCTYPE
// ban and a nesting limit.
func xmlWalk(b []byte, kind string, fn func(xml.Token)) error {
	d := xmlDecoder(b)
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return &domain.InputError{Reason: "not a valid " + kind + ": its XML is damaged", Err: err}
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) || bytes.HasPrefix(bytes.TrimSpace(t), []byte("ENTITY")) {
				return &domain.InputError{Reason: kind + " contains XML entity declarations (DOCTYPE), which are refused for safety"}
			}
		case xml.StartElement:
			depth++
			if depth > maxXMLDepth {
				return &domain.InputError{Reason: kind + " is nested too deeply to be a real document"}
			}
		case xml.EndElement:
			depth--
		}
		fn(tok)
	}
}

// para is one paragraph of a word-processor document with its style.
type para struct {
	style string
	text  strings.Builder
}

// styledDoc turns styled paragraphs into a doc: "Title" and "Subtitle"
// styles (or the first top-level heading) give title and standfirst.
func styledDoc(ps []*para, h hints) *doc {
	var lines []string
	for _, p := range ps {
		t := strings.TrimSpace(normalize(p.text.String()))
		if t == "" {
			continue
		}
		st := strings.ToLower(strings.ReplaceAll(p.style, " ", ""))
		switch {
		case (st == "title" || st == "heading1" || st == "heading") && h.title == "" && len(lines) == 0:
			h.title = oneLine(t)
			continue
		case st == "subtitle" && h.standfirst == "":
			h.standfirst = oneLine(t)
			continue
		}
		lines = append(lines, t)
	}
	return structure(strings.Join(lines, "\n\n"), h)
}

// parseDOCX reads word/document.xml: paragraphs (w:p) of runs (w:t), with
// tabs and breaks, skipping deleted revisions, field codes and hidden text.
func parseDOCX(data []byte) (*doc, error) {
	const kind = "Word document"
	z, b, err := openZip(data, kind, "word/document.xml")
	if err != nil {
		return nil, err
	}
	var ps []*para
	var cur *para
	var inText, skip int
	hiddenRun := false
	err = xmlWalk(b, kind, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				cur = &para{}
				ps = append(ps, cur)
			case "pStyle":
				if cur != nil {
					cur.style = xmlAttr(t, "val")
				}
			case "r":
				hiddenRun = false
			case "vanish":
				v := xmlAttr(t, "val")
				hiddenRun = v != "0" && v != "false"
			case "t":
				inText++
			case "tab":
				if cur != nil && skip == 0 && !hiddenRun {
					cur.text.WriteString(" ")
				}
			case "br", "cr":
				if cur != nil && skip == 0 && !hiddenRun && xmlAttr(t, "type") != "page" {
					cur.text.WriteString("\n")
				}
			case "noBreakHyphen":
				if cur != nil && skip == 0 && !hiddenRun {
					cur.text.WriteString("-")
				}
			case "del", "instrText", "delText", "Fallback":
				// Fallback repeats a text box's content for old readers
				// (mc:AlternateContent); reading both would double it.
				skip++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText--
			case "r":
				hiddenRun = false
			case "del", "instrText", "delText", "Fallback":
				skip--
			}
		case xml.CharData:
			if inText > 0 && skip == 0 && !hiddenRun && cur != nil {
				cur.text.Write(t)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	// Style IDs are localised ("Titel", "berschrift1"); their names in
	// styles.xml are the built-in English ones.
	names := docxStyleNames(z)
	for _, p := range ps {
		if n, ok := names[p.style]; ok {
			p.style = n
		}
	}
	return styledDoc(ps, hints{title: coreTitle(z)}), nil
}

// docxStyleNames maps style IDs to style names from word/styles.xml.
func docxStyleNames(z *zip.Reader) map[string]string {
	names := map[string]string{}
	b, ok, err := readZipEntry(z, "word/styles.xml")
	if !ok || err != nil {
		return names
	}
	id := ""
	_ = xmlWalk(b, "Word document", func(tok xml.Token) {
		if t, ok := tok.(xml.StartElement); ok {
			switch t.Name.Local {
			case "style":
				id = xmlAttr(t, "styleId")
			case "name":
				if id != "" {
					names[id] = xmlAttr(t, "val")
				}
			}
		}
	})
	return names
}

// coreTitle returns the title in docProps/core.xml when it looks like one a
// person typed (not a template's or converter's leftover).
func coreTitle(z *zip.Reader) string {
	b, ok, err := readZipEntry(z, "docProps/core.xml")
	if !ok || err != nil {
		return ""
	}
	var title string
	in := false
	_ = xmlWalk(b, "Word document", func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "title"
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				title += string(t)
			}
		}
	})
	title = oneLine(title)
	low := strings.ToLower(title)
	if low == "" || low == "untitled" || strings.HasPrefix(low, "microsoft word") || strings.HasSuffix(low, ".docx") || strings.HasSuffix(low, ".doc") {
		return ""
	}
	return title
}

// parseODT reads content.xml of an OpenDocument text: text:p and text:h
// paragraphs, text:s runs of spaces, tabs and line breaks; notes and
// annotations are skipped. Automatic styles (P1, P2...) are mapped to the
// named style they derive from, so "Title" and "Subtitle" are recognised.
func parseODT(data []byte) (*doc, error) {
	const kind = "OpenDocument text file"
	_, b, err := openZip(data, kind, "content.xml")
	if err != nil {
		return nil, err
	}
	parent := map[string]string{}
	hiddenStyle := map[string]bool{}
	var ps []*para
	var stack []*para
	var spans []bool // per open span: hidden
	var skip int
	styleName := ""
	err = xmlWalk(b, kind, func(tok xml.Token) {
		var cur *para
		if len(stack) > 0 {
			cur = stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				styleName = xmlAttr(t, "name")
				if p := xmlAttr(t, "parent-style-name"); styleName != "" && p != "" {
					parent[styleName] = p
				}
			case "text-properties":
				// Hidden text (text:display="none") is not for readers.
				if xmlAttr(t, "display") == "none" && styleName != "" {
					hiddenStyle[styleName] = true
				}
			case "span":
				h := hiddenStyle[xmlAttr(t, "style-name")]
				spans = append(spans, h)
				if h {
					skip++
				}
			case "p", "h":
				if t.Name.Space != "" && !strings.Contains(t.Name.Space, "text") {
					return
				}
				np := &para{style: xmlAttr(t, "style-name")}
				if t.Name.Local == "h" && xmlAttr(t, "outline-level") == "1" {
					np.style = "Heading 1"
				}
				if skip == 0 {
					ps = append(ps, np)
				}
				stack = append(stack, np)
			case "s":
				if cur != nil && skip == 0 {
					cur.text.WriteString(" ")
				}
			case "tab":
				if cur != nil && skip == 0 {
					cur.text.WriteString(" ")
				}
			case "line-break":
				if cur != nil && skip == 0 {
					cur.text.WriteString("\n")
				}
			case "note", "annotation", "tracked-changes", "note-citation":
				skip++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "span":
				if n := len(spans); n > 0 {
					if spans[n-1] {
						skip--
					}
					spans = spans[:n-1]
				}
			case "p", "h":
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			case "note", "annotation", "tracked-changes", "note-citation":
				skip--
			}
		case xml.CharData:
			if cur != nil && skip == 0 {
				cur.text.Write(t)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		for i := 0; i < 8 && parent[p.style] != ""; i++ {
			p.style = parent[p.style]
		}
		p.style = strings.ReplaceAll(p.style, "_20_", " ")
	}
	return styledDoc(ps, hints{}), nil
}

func xmlAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
