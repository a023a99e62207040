package ingest

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"regexp"
	"strings"

	"golang.org/x/text/encoding/htmlindex"

	"briefdesk/internal/domain"
)

// Limits on MIME structure: real mail nests a handful of levels.
const (
	maxMIMEDepth = 10
	maxMIMEParts = 500
)

var (
	fwdMarker  = regexp.MustCompile(`(?im)^[> ]*(?:-{2,}\s*(?:forwarded message|original message|message transféré|weitergeleitete nachricht)\s*-{2,}|begin forwarded message:|-{3,}\s*original message\s*-{3,}|_{20,}\s*$\n[> ]*(?:from|von|de)\s*:.*)\s*$`)
	fwdHeader  = regexp.MustCompile(`^[> ]*(?i:from|date|sent|subject|to|cc|bcc|reply-to)\s*:\s*(.*)$`)
	subjPrefix = regexp.MustCompile(`^(?i:(?:re|fw|fwd|aw|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)+`)
	sentFrom   = regexp.MustCompile(`(?i)^sent from my \w+`)
	// Newsletter furniture around a mailed article.
	mailFurniture = regexp.MustCompile(`(?i)^(?:unsubscribe\b|view (?:this (?:e-?mail|message|newsletter) )?(?:in|on) (?:your |a )?(?:web )?browser|manage (?:your )?(?:e-?mail )?(?:preferences|subscriptions?)|you (?:are )?receiv(?:ed|ing) this|to stop receiving|update your preferences|forward to a friend|was this (?:e-?mail|newsletter) forwarded to you)`)
)

// mimePart is one leaf of a MIME tree.
type mimePart struct {
	ctype, charset string
	attachment     bool
	data           []byte
	inner          *mail.Message // message/rfc822 attachment (forwarded as attachment)
	cut            bool          // the message ends inside or after this part, before its closing boundary
}

// warnCut is the warning on a message that ends before its last part.
const warnCut = "the message is cut short: only the parts that arrived were imported"

// parseEML reads an RFC 5322 message: it prefers the text/plain body,
// falls back to text/html, follows a message forwarded as an attachment,
// and removes forwarding wrappers, quoting and signatures.
func parseEML(data []byte) (*doc, error) {
	msg, err := mail.ReadMessage(bufio.NewReader(bytes.NewReader(data)))
	if err != nil {
		return nil, &domain.InputError{Reason: "not a valid e-mail message: its header is damaged", Err: err}
	}
	return emlMessage(msg, 0)
}

func emlMessage(msg *mail.Message, depth int) (*doc, error) {
	subject := decodeHeader(msg.Header.Get("Subject"))
	date, _ := msg.Header.Date()
	var parts []mimePart
	budget := maxMIMEParts
	if err := walkMIME(textproto.MIMEHeader(msg.Header), msg.Body, depth, &budget, &parts); err != nil {
		return nil, err
	}
	var plain, htm *mimePart
	for i := range parts {
		p := &parts[i]
		if p.inner != nil && depth < maxMIMEDepth {
			// A message forwarded as an attachment is the article.
			if d, err := emlMessage(p.inner, depth+1); err == nil {
				return d, nil
			}
			continue
		}
		if p.attachment {
			continue
		}
		switch {
		case p.ctype == "text/plain" && plain == nil:
			plain = p
		case p.ctype == "text/html" && htm == nil:
			htm = p
		}
	}
	// A saved web page (MHTML: multipart/related around an HTML page) is
	// read as the page it is, with readability, not as mail.
	if htm != nil && (strings.HasPrefix(strings.ToLower(msg.Header.Get("Content-Type")), "multipart/related") ||
		msg.Header.Get("Snapshot-Content-Location") != "") {
		d, err := parseHTML(htm.data, htm.charset, "page.html")
		if err != nil {
			return nil, err
		}
		if d.published.IsZero() && !date.IsZero() {
			d.published = date.UTC()
		}
		d.format = domain.FormatHTML
		d.original = sanitizeHTML(htm.data, htm.charset)
		return d, nil
	}
	var text string
	switch {
	case plain != nil && len(bytes.TrimSpace(plain.data)) > 0:
		s, _ := decode(plain.data, plain.charset)
		text = s
	case htm != nil:
		root, err := decodeHTML(htm.data, htm.charset)
		if err != nil {
			return nil, err
		}
		text = strings.Join(blockText(findBody(root)), "\n\n")
	default:
		return nil, &domain.InputError{Reason: "e-mail has no text body (only attachments?)"}
	}
	if looksBinary(text) {
		return nil, &domain.InputError{Reason: "e-mail body is not text"}
	}
	text = normalize(text)
	text, fwdSubject, fwdDate := unwrapForward(text)
	if fwdSubject != "" {
		subject = fwdSubject
	}
	// The forwarded message's date is when the article was sent out; the
	// outer one only when a colleague passed it on.
	if t, ok := findDate(strings.Replace(fwdDate, " at ", " ", 1)); ok {
		date = t
	}
	h := hints{title: oneLine(subjPrefix.ReplaceAllString(subject, ""))}
	d := structure(text, h)
	if d.published.IsZero() && !date.IsZero() {
		d.published = date.UTC()
	}
	for _, p := range parts {
		if p.cut {
			d.warnings = append(d.warnings, warnCut)
			break
		}
	}
	return d, nil
}

// walkMIME collects the leaves of a MIME entity, decoding transfer
// encodings. It stops at maxMIMEDepth levels and maxMIMEParts parts.
func walkMIME(h textproto.MIMEHeader, body io.Reader, depth int, budget *int, out *[]mimePart) error {
	if depth > maxMIMEDepth {
		return &domain.InputError{Reason: "e-mail is nested too deeply to be real mail"}
	}
	*budget--
	if *budget < 0 {
		return &domain.InputError{Reason: "e-mail has too many parts to be real mail"}
	}
	ctype, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		ctype, params = "text/plain", map[string]string{}
	}
	disp, _, _ := mime.ParseMediaType(h.Get("Content-Disposition"))
	if strings.HasPrefix(ctype, "multipart/") {
		boundary := params["boundary"]
		if boundary == "" {
			return &domain.InputError{Reason: "not a valid e-mail message: multipart without boundary"}
		}
		mr := multipart.NewReader(body, boundary)
		for {
			p, err := mr.NextRawPart()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				// A truncated message: keep what was read.
				if len(*out) > 0 {
					(*out)[len(*out)-1].cut = true
					return nil
				}
				return &domain.InputError{Reason: "not a valid e-mail message: its MIME structure is damaged", Err: err}
			}
			if err := walkMIME(p.Header, p, depth+1, budget, out); err != nil {
				return err
			}
		}
	}
	cte := strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding")))
	var raw []byte
	if cte == "quoted-printable" {
		// Read raw and decode leniently: mailers produce damaged
		// quoted-printable often enough that a strict decoder loses text.
		var enc []byte
		enc, err = io.ReadAll(io.LimitReader(body, MaxSize))
		raw = decodeQP(enc)
	} else {
		raw, err = io.ReadAll(io.LimitReader(transferDecode(cte, body), MaxSize))
		if err != nil && len(raw) == 0 && !errors.Is(err, io.ErrUnexpectedEOF) {
			return nil // an undecodable part is skipped; others may still hold the text
		}
	}
	p := mimePart{ctype: ctype, charset: params["charset"], attachment: disp == "attachment" && ctype != "message/rfc822", data: raw,
		cut: errors.Is(err, io.ErrUnexpectedEOF)} // the part ends where the file does, before its boundary
	if ctype == "message/rfc822" {
		if m, err := mail.ReadMessage(bufio.NewReader(bytes.NewReader(raw))); err == nil {
			p.inner = m
		}
	}
	*out = append(*out, p)
	return nil
}

func transferDecode(cte string, r io.Reader) io.Reader {
	if cte == "base64" {
		return base64.NewDecoder(base64.StdEncoding, &b64Clean{r: r})
	}
	return r
}

// decodeQP decodes quoted-printable with the standard decoder, falling back
// to a lenient pass (soft breaks and valid =XX escapes decoded, anything
// else kept as written) when the text is damaged.
func decodeQP(enc []byte) []byte {
	if b, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(enc))); err == nil {
		return b
	}
	out := make([]byte, 0, len(enc))
	for i := 0; i < len(enc); i++ {
		c := enc[i]
		if c != '=' {
			out = append(out, c)
			continue
		}
		j := i + 1
		for j < len(enc) && (enc[j] == ' ' || enc[j] == '\t' || enc[j] == '\r') {
			j++
		}
		if j < len(enc) && enc[j] == '\n' {
			i = j // soft line break
			continue
		}
		if i+2 < len(enc) && isHex(enc[i+1]) && isHex(enc[i+2]) {
			out = append(out, unhex(enc[i+1])<<4|unhex(enc[i+2]))
			i += 2
			continue
		}
		out = append(out, c)
	}
	return out
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f' }

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// b64Clean drops line breaks and spaces that base64 bodies are wrapped with.
type b64Clean struct{ r io.Reader }

func (c *b64Clean) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	j := 0
	for _, b := range p[:n] {
		if b != '\r' && b != '\n' && b != ' ' && b != '\t' {
			p[j] = b
			j++
		}
	}
	return j, err
}

// decodeHeader decodes RFC 2047 encoded words in any charset we know.
func decodeHeader(s string) string {
	d := mime.WordDecoder{CharsetReader: func(label string, r io.Reader) (io.Reader, error) {
		e, err := htmlindex.Get(label)
		if err != nil {
			return nil, err
		}
		return e.NewDecoder().Reader(r), nil
	}}
	if out, err := d.DecodeHeader(s); err == nil {
		return out
	}
	return s
}

// unwrapForward keeps the innermost forwarded message of a body: the text
// after the last "Forwarded message" marker, without its header block, and
// returns its subject and date. It also removes ">" quoting and the
// signature.
func unwrapForward(text string) (string, string, string) {
	subject, date := "", ""
	if locs := fwdMarker.FindAllStringIndex(text, -1); len(locs) > 0 {
		rest := text[locs[len(locs)-1][1]:]
		lines := strings.Split(strings.TrimLeft(rest, "\n"), "\n")
		i := 0
		for ; i < len(lines); i++ {
			l := lines[i]
			if m := fwdHeader.FindStringSubmatch(l); m != nil {
				switch key := strings.ToLower(strings.TrimLeft(l, "> ")); {
				case strings.HasPrefix(key, "subject"):
					subject = strings.TrimSpace(m[1])
				case strings.HasPrefix(key, "date"), strings.HasPrefix(key, "sent"):
					date = strings.TrimSpace(m[1])
				}
				continue
			}
			if strings.Trim(l, "> ") == "" && i > 0 {
				i++
				break
			}
			if i > 0 && (l[0] == ' ' || l[0] == '\t') { // folded header
				continue
			}
			break
		}
		text = strings.Join(lines[i:], "\n")
	}
	lines := strings.Split(text, "\n")
	quoted, nonEmpty := 0, 0
	for _, l := range lines {
		if l != "" {
			nonEmpty++
			if strings.HasPrefix(l, ">") {
				quoted++
			}
		}
	}
	if nonEmpty > 0 && quoted*10 >= nonEmpty*8 {
		for i, l := range lines {
			lines[i] = strings.TrimSpace(strings.TrimLeft(l, ">"))
		}
	}
	var out []string
	for _, l := range lines {
		if l == "--" || l == "-- " {
			break // signature separator
		}
		if sentFrom.MatchString(l) && len(l) < 60 || mailFurniture.MatchString(l) && len(l) < 300 {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n"), subject, date
}
