package ingest

import (
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"briefdesk/internal/domain"
)

// UserAgent is what Briefdesk calls itself when it fetches a link. Some
// sites refuse clients that send none.
const UserAgent = "Briefdesk/1.0 (desk article importer; +https://briefdesk.io)"

// Fetcher downloads links. The zero value is not usable; use NewFetcher.
//
// A link is a request the officer's machine makes on behalf of whoever wrote
// the link, so a Fetcher never connects to an address inside the machine or
// its network (loopback, private, link-local such as a cloud metadata
// service, multicast, unspecified), for the first request and every
// redirect. The check runs on the address actually dialled, after DNS, so a
// name that resolves to an internal address (DNS rebinding) is refused too.
// The one exception is a link to this computer the officer typed: its host
// and port, and only those, may be reached.
type Fetcher struct {
	MaxSize      int64 // largest body read, in bytes
	Timeout      time.Duration
	MaxRedirects int
	UserAgent    string
	// TLS configures https connections; nil uses the system's roots.
	TLS *tls.Config
	// Proxy picks a proxy for a request, as http.Transport.Proxy; nil means
	// none. NewFetcher uses the environment's (HTTPS_PROXY and so on).
	Proxy func(*http.Request) (*url.URL, error)
}

// NewFetcher returns a Fetcher with the limits Briefdesk uses: 30 s, 50 MB,
// at most 5 redirects, http and https only, the environment's proxy.
func NewFetcher() *Fetcher {
	return &Fetcher{
		MaxSize:      MaxSize,
		Timeout:      30 * time.Second,
		MaxRedirects: 5,
		UserAgent:    UserAgent,
		Proxy:        http.ProxyFromEnvironment,
	}
}

var defaultFetcher = NewFetcher()

// Fetch downloads a http(s) link and parses it as a web page.
func Fetch(ctx context.Context, url string) (*domain.Article, error) {
	return defaultFetcher.Fetch(ctx, url)
}

// RedactLink returns link without the user name and password a link may
// carry ("https://user:pass@host/..."): they are never stored, printed or
// sent. Text that is not a link comes back trimmed.
func RedactLink(link string) string {
	link = strings.TrimSpace(link)
	u, err := url.Parse(link)
	if err != nil || u.User == nil {
		return link
	}
	u.User = nil
	return u.String()
}

// Fetch downloads a http(s) link and parses what comes back: a web page,
// or a PDF, Word file or text the link points at.
func (f *Fetcher) Fetch(ctx context.Context, link string) (*domain.Article, error) {
	link = RedactLink(link)
	u, err := url.Parse(link)
	if err == nil && u.Scheme != "http" && u.Scheme != "https" {
		return nil, &domain.InputError{Path: link, Reason: "only http and https links can be imported"}
	}
	if err != nil || u.Host == "" {
		return nil, &domain.InputError{Path: link, Reason: "not a valid link", Err: err}
	}
	ctx, cancel := context.WithTimeout(ctx, f.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &domain.InputError{Path: link, Reason: "not a valid link", Err: err}
	}
	req.Header.Set("User-Agent", f.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	req.Header.Set("Accept-Language", "en;q=1.0, *;q=0.5")

	client, transport := f.client(u)
	defer transport.CloseIdleConnections()
	resp, err := client.Do(req)
	if err != nil {
		return nil, &domain.InputError{Path: link, Reason: fetchReason(ctx, err), Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusProxyAuthRequired {
		return nil, &domain.InputError{Path: link, Reason: fmt.Sprintf("the site answered %s: it wants a password, and Briefdesk does not send one (save the page from your browser and import the file)", resp.Status)}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &domain.InputError{Path: link, Reason: fmt.Sprintf("the site answered %s", resp.Status)}
	}
	if resp.ContentLength > f.MaxSize {
		return nil, &domain.InputError{Path: link, Reason: "download is larger than 50 MB"}
	}
	body, err := decodedBody(resp)
	if err != nil {
		return nil, &domain.InputError{Path: link, Reason: err.Error()}
	}
	data, err := io.ReadAll(io.LimitReader(body, f.MaxSize+1))
	if err != nil {
		reason := fetchReason(ctx, err)
		if errors.Is(err, zlib.ErrChecksum) || errors.Is(err, zlib.ErrHeader) || errors.Is(err, gzip.ErrHeader) ||
			errors.Is(err, gzip.ErrChecksum) || errors.As(err, new(flate.CorruptInputError)) || errors.Is(err, io.ErrUnexpectedEOF) {
			reason = "the site sent a damaged compressed page"
		}
		return nil, &domain.InputError{Path: link, Reason: reason, Err: err}
	}
	if int64(len(data)) > f.MaxSize {
		return nil, &domain.InputError{Path: link, Reason: "download is larger than 50 MB"}
	}
	ctype := resp.Header.Get("Content-Type")
	mt, params, _ := mime.ParseMediaType(ctype)
	if what := nonArticleMedia(mt); what != "" {
		return nil, &domain.InputError{Path: link, Reason: "not an article: " + what}
	}
	// Name the download after its path so that the extension can break
	// ties in format detection; HTML answers are pages whatever the path.
	name := path.Base(resp.Request.URL.Path)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		name = "page.html"
	case mt == "text/plain" && !strings.Contains(name, "."):
		name = "page.txt"
	case mt == "application/pdf":
		name = "page.pdf"
	}
	a, err := parse(name, data, params["charset"], time.Now())
	if err != nil {
		var ie *domain.InputError
		if errors.As(err, &ie) {
			ie.Path = link
		}
		return nil, err
	}
	a.Origin.Name = link
	return a, nil
}

// client builds the HTTP client of one fetch: a transport of its own whose
// dialer refuses internal addresses, and a redirect policy. Connections are
// not kept alive: a fetch is one page, and an idle connection is where Go's
// transport logs whatever bytes a server sends unasked, raw, to stderr.
func (f *Fetcher) client(typed *url.URL) (*http.Client, *http.Transport) {
	g := &dialGuard{}
	if host := typed.Hostname(); host == "localhost" || strings.HasSuffix(host, ".localhost") || isLoopbackLiteral(host) {
		g.localPort = portOf(typed)
	}
	dialer := &net.Dialer{Timeout: 15 * time.Second, KeepAlive: -1, Control: g.control}
	t := &http.Transport{
		DialContext:            dialer.DialContext,
		TLSClientConfig:        f.TLS,
		TLSHandshakeTimeout:    15 * time.Second,
		ResponseHeaderTimeout:  f.Timeout,
		DisableKeepAlives:      true,
		MaxResponseHeaderBytes: 1 << 20,
	}
	if f.Proxy != nil {
		t.Proxy = g.proxy(f.Proxy)
	}
	c := &http.Client{Transport: t}
	c.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if len(via) > f.MaxRedirects {
			return errTooManyRedirects
		}
		if r.URL.Scheme != "http" && r.URL.Scheme != "https" {
			return errBadRedirect
		}
		// Never pass on credentials a redirect target wrote into its link.
		r.URL.User = nil
		return nil
	}
	return c, t
}

// dialGuard checks every address a fetch connects to.
type dialGuard struct {
	// localPort is the port of a link to this computer the officer typed
	// ("" when the link was to another host): loopback is reachable on it
	// and on no other port.
	localPort string

	mu     sync.Mutex
	proxys map[netip.AddrPort]bool // proxies chosen from the environment, which may sit on the local network
}

// control runs after DNS, just before each connection is made.
func (g *dialGuard) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &blockedError{addr: address, why: "an address Briefdesk cannot check"}
	}
	ip := ap.Addr().Unmap()
	if ip.IsLoopback() && g.localPort != "" && strconv.Itoa(int(ap.Port())) == g.localPort {
		return nil
	}
	g.mu.Lock()
	proxy := g.proxys[netip.AddrPortFrom(ip, ap.Port())]
	g.mu.Unlock()
	if proxy {
		return nil
	}
	if why := internalAddr(ip); why != "" {
		return &blockedError{addr: address, why: why}
	}
	return nil
}

// proxy wraps the environment's proxy choice. Through a proxy the dialled
// address is the proxy's, so the target is checked here instead, by
// resolving it, and the proxy's own addresses are let through.
func (g *dialGuard) proxy(choose func(*http.Request) (*url.URL, error)) func(*http.Request) (*url.URL, error) {
	return func(r *http.Request) (*url.URL, error) {
		p, err := choose(r)
		if err != nil || p == nil {
			return p, err
		}
		host := r.URL.Hostname()
		ips, err := net.DefaultResolver.LookupNetIP(r.Context(), "ip", host)
		if err != nil {
			return nil, err
		}
		for _, ip := range ips {
			ip = ip.Unmap()
			if ip.IsLoopback() && g.localPort != "" && portOf(r.URL) == g.localPort {
				continue
			}
			if why := internalAddr(ip); why != "" {
				return nil, &blockedError{addr: net.JoinHostPort(ip.String(), portOf(r.URL)), why: why}
			}
		}
		pips, err := net.DefaultResolver.LookupNetIP(r.Context(), "ip", p.Hostname())
		if err != nil {
			return nil, err
		}
		port, err := strconv.ParseUint(portOf(p), 10, 16)
		if err != nil {
			return nil, err
		}
		g.mu.Lock()
		if g.proxys == nil {
			g.proxys = map[netip.AddrPort]bool{}
		}
		for _, ip := range pips {
			g.proxys[netip.AddrPortFrom(ip.Unmap(), uint16(port))] = true
		}
		g.mu.Unlock()
		return p, nil
	}
}

// internalAddr says why ip must not be fetched from, or "" when it may.
func internalAddr(ip netip.Addr) string {
	if ip.Is6() && nat64.Contains(ip) {
		// 64:ff9b::/96 carries an IPv4 address in its last 32 bits.
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	switch {
	case ip.IsLoopback():
		return "an address on this computer"
	case ip.IsPrivate() || sharedSpace.Contains(ip):
		return "a private network address"
	case ip.IsLinkLocalUnicast():
		return "a link-local address (such as a cloud metadata service)"
	case ip.IsMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsLinkLocalMulticast():
		return "a multicast address"
	case ip.IsUnspecified() || thisNetwork.Contains(ip) || ip == broadcast:
		return "an address that names no single host"
	}
	return ""
}

var (
	nat64       = netip.MustParsePrefix("64:ff9b::/96")
	sharedSpace = netip.MustParsePrefix("100.64.0.0/10") // carrier-grade NAT, inside a provider's network
	thisNetwork = netip.MustParsePrefix("0.0.0.0/8")
	broadcast   = netip.MustParseAddr("255.255.255.255")
)

// blockedError is a connection the dial guard refused.
type blockedError struct {
	addr, why string
}

func (e *blockedError) Error() string {
	return fmt.Sprintf("refused to connect to %s: %s", e.addr, e.why)
}

// isLoopbackLiteral reports whether host is a loopback IP written out.
func isLoopbackLiteral(host string) bool {
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}

// portOf returns u's port, or the scheme's default.
func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if u.Scheme == "https" {
		return "443"
	}
	return "80"
}

// decodedBody undoes a Content-Encoding the transport left alone: Go decodes
// gzip only when it asked for it, and a server may send deflate unasked.
func decodedBody(resp *http.Response) (io.Reader, error) {
	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	switch enc {
	case "", "identity":
		return resp.Body, nil
	case "gzip", "x-gzip":
		if resp.Uncompressed {
			return resp.Body, nil
		}
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, errors.New("the site sent a damaged compressed page")
		}
		return zr, nil
	case "deflate":
		// "deflate" is zlib-wrapped by the standard, raw deflate by some
		// servers; the first two bytes tell.
		br := &peekReader{r: resp.Body}
		head, _ := br.peek(2)
		if len(head) == 2 && head[0]&0x0F == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, errors.New("the site sent a damaged compressed page")
			}
			return zr, nil
		}
		return flate.NewReader(br), nil
	}
	return nil, fmt.Errorf("the site sent the page compressed as %q, which Briefdesk cannot read", enc)
}

// peekReader lets the first bytes of a stream be looked at and then read.
type peekReader struct {
	r    io.Reader
	head []byte
}

func (p *peekReader) peek(n int) ([]byte, error) {
	buf := make([]byte, n)
	k, err := io.ReadFull(p.r, buf)
	p.head = buf[:k]
	return p.head, err
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}

// ReadByte lets flate read without its own buffer running ahead.
func (p *peekReader) ReadByte() (byte, error) {
	var b [1]byte
	if _, err := io.ReadFull(p, b[:]); err != nil {
		return 0, err
	}
	return b[0], nil
}

// nonArticleMedia names a media type that is never an article (data, code,
// images, feeds), or returns "".
func nonArticleMedia(mt string) string {
	switch {
	case mt == "application/json" || mt == "text/json" || strings.HasSuffix(mt, "+json"):
		return "JSON data"
	case mt == "image/svg+xml":
		return "an SVG image"
	case mt == "application/rss+xml" || mt == "application/atom+xml":
		return "a news feed (import one of its stories instead)"
	case mt == "application/javascript" || mt == "text/javascript" || mt == "application/x-javascript" || mt == "application/ecmascript" || mt == "text/ecmascript":
		return "JavaScript code"
	case mt == "text/css":
		return "a style sheet"
	case mt == "application/xml" || mt == "text/xml" || strings.HasSuffix(mt, "+xml") && mt != "application/xhtml+xml":
		return "XML data"
	case strings.HasPrefix(mt, "image/"):
		return "an image"
	case strings.HasPrefix(mt, "audio/"), strings.HasPrefix(mt, "video/"):
		return "audio or video"
	case mt == "application/wasm":
		return "program code"
	}
	return ""
}

var (
	errTooManyRedirects = errors.New("too many redirects")
	errBadRedirect      = errors.New("redirect to a non-http link")
)

// fetchReason words a transport error for the officer.
func fetchReason(ctx context.Context, err error) string {
	var dnsErr *net.DNSError
	var blocked *blockedError
	switch {
	case errors.As(err, &blocked):
		return "the link leads to " + blocked.why + ", which Briefdesk does not fetch from a link (if you meant it, save the page and import the file)"
	case errors.Is(err, errTooManyRedirects):
		return "the link redirects more than 5 times"
	case errors.Is(err, errBadRedirect):
		return "the link redirects to something other than a web page"
	case errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded):
		return "the site did not answer in time"
	case errors.Is(err, context.Canceled):
		return "download cancelled"
	case errors.As(err, &dnsErr):
		return "no such site (check the link, or the network connection)"
	}
	return "could not download the link (network error)"
}
