package ingest

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"briefdesk/internal/domain"
)

// testFetcher is NewFetcher without the environment's proxy, so the test
// servers on this machine are reached directly.
func testFetcher() *Fetcher {
	f := NewFetcher()
	f.Proxy = nil
	return f
}

func TestFetch(t *testing.T) {
	page, err := os.ReadFile("testdata/good/cp1252.html")
	if err != nil {
		t.Fatal(err)
	}
	pdfBytes, _ := os.ReadFile("testdata/good/article.pdf")
	var gotUA string
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		// The header names the charset; the page's own meta agrees.
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write(page)
	})
	mux.HandleFunc("/doc", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(pdfBytes)
	})
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/hop/"), "%d", &n)
		if n == 0 {
			http.Redirect(w, r, "/story", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/file", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(strings.Repeat("All work and no play. ", 2000)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/gone", http.NotFound)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()

	t.Run("page", func(t *testing.T) {
		a, err := testFetcher().Fetch(ctx, srv.URL+"/story")
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != wantTitle || a.Paragraphs[1] != wantBody[1] || a.Origin.Format != domain.FormatHTML || a.Origin.Name != srv.URL+"/story" {
			t.Errorf("title %q format %q name %q p1 %q", a.Title, a.Origin.Format, a.Origin.Name, a.Paragraphs[1])
		}
		if !strings.HasPrefix(gotUA, "Briefdesk/") {
			t.Errorf("User-Agent %q", gotUA)
		}
	})
	t.Run("pdf link", func(t *testing.T) {
		a, err := testFetcher().Fetch(ctx, srv.URL+"/doc")
		if err != nil {
			t.Fatal(err)
		}
		if a.Origin.Format != domain.FormatPDF || a.TextHash != TextHash(strings.Join(wantBody, "\n\n")) {
			t.Errorf("format %q", a.Origin.Format)
		}
	})
	t.Run("five redirects", func(t *testing.T) {
		if _, err := testFetcher().Fetch(ctx, srv.URL+"/hop/4"); err != nil {
			t.Fatal(err)
		}
	})
	small := testFetcher()
	small.MaxSize = 10000
	fast := testFetcher()
	fast.Timeout = 200 * time.Millisecond
	bad := []struct {
		name, url, reason string
		f                 *Fetcher
	}{
		{"six redirects", srv.URL + "/hop/5", "redirects more than 5 times", nil},
		{"redirect to ftp", srv.URL + "/ftp", "redirects to something other than a web page", nil},
		{"not found", srv.URL + "/gone", "the site answered 404 Not Found", nil},
		{"too big", srv.URL + "/big", "larger than 50 MB", small},
		{"timeout", srv.URL + "/slow", "did not answer in time", fast},
		{"scheme", "ftp://example.org/a", "only http and https", nil},
		{"file scheme", "file:///etc/passwd", "only http and https", nil},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.f
			if f == nil {
				f = testFetcher()
			}
			_, err := f.Fetch(ctx, tc.url)
			var ie *domain.InputError
			if !errors.As(err, &ie) || !strings.Contains(ie.Reason, tc.reason) || ie.Path != tc.url {
				t.Errorf("got %v, want reason %q", err, tc.reason)
			}
		})
	}
}

// TestFetchRefusesInternalAddresses replays links whose redirects lead into
// the officer's machine or network: each is refused before any connection
// to the internal address is made, with a reason that says why.
func TestFetchRefusesInternalAddresses(t *testing.T) {
	internalHits := 0
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		internalHits++
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Internal admin page\n\nSecret token abc123 for the metadata service of this host."))
	}))
	defer internal.Close()
	_, internalPort, _ := net.SplitHostPort(internal.Listener.Addr().String())
	mux := http.NewServeMux()
	redirect := func(path, to string, code int) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, code) })
	}
	redirect("/to-port", internal.URL+"/admin", http.StatusFound)
	redirect("/to-localhost", "http://localhost:"+internalPort+"/admin", http.StatusFound)
	redirect("/to-v6", "http://[::1]:"+internalPort+"/admin", http.StatusFound)
	redirect("/to-private", "http://10.0.0.1/admin", http.StatusFound)
	redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/", http.StatusTemporaryRedirect)
	redirect("/to-unspecified", "http://0.0.0.0:"+internalPort+"/", http.StatusFound)
	redirect("/to-mapped", "http://[::ffff:127.0.0.1]:"+internalPort+"/", http.StatusFound)
	redirect("/to-self", "/story", http.StatusFound)
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Harbour talks resume\n\nNegotiators met again on Monday to discuss the harbour."))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, c := range []struct{ path, why string }{
		{"/to-port", "an address on this computer"},
		{"/to-localhost", "an address on this computer"},
		{"/to-v6", "an address on this computer"},
		{"/to-private", "a private network address"},
		{"/to-metadata", "link-local"},
		{"/to-unspecified", "names no single host"},
		{"/to-mapped", "an address on this computer"},
	} {
		t.Run(c.path, func(t *testing.T) {
			_, err := testFetcher().Fetch(t.Context(), srv.URL+c.path)
			var ie *domain.InputError
			if !errors.As(err, &ie) || !strings.Contains(ie.Reason, c.why) || !strings.Contains(ie.Reason, "does not fetch") {
				t.Errorf("got %v, want a refusal saying %q", err, c.why)
			}
		})
	}
	if internalHits != 0 {
		t.Errorf("the internal server was reached %d times", internalHits)
	}
	// The link the officer typed to this computer works, and so do
	// redirects that stay on its host and port.
	if _, err := testFetcher().Fetch(t.Context(), srv.URL+"/to-self"); err != nil {
		t.Errorf("typed local link: %v", err)
	}
}

// TestDialGuard checks the addresses a connection may go to after DNS, which
// is what makes a name that resolves to an internal address (DNS rebinding)
// as harmless as the address itself.
func TestDialGuard(t *testing.T) {
	public := &dialGuard{}
	local := &dialGuard{localPort: "8080"}
	for _, c := range []struct {
		g    *dialGuard
		addr string
		ok   bool
	}{
		{public, "93.184.216.34:443", true},
		{public, "[2606:2800:220:1:248:1893:25c8:1946]:443", true},
		{public, "127.0.0.1:80", false},
		{public, "127.8.9.10:80", false},
		{public, "[::1]:80", false},
		{public, "10.1.2.3:80", false},
		{public, "172.16.0.1:80", false},
		{public, "192.168.1.1:80", false},
		{public, "100.64.0.1:80", false},
		{public, "169.254.169.254:80", false},
		{public, "[fe80::1]:80", false},
		{public, "[fd00::1]:80", false},
		{public, "224.0.0.1:80", false},
		{public, "0.0.0.0:80", false},
		{public, "[::]:80", false},
		{public, "[::ffff:10.0.0.1]:80", false},
		{public, "[64:ff9b::a00:1]:80", false},
		{local, "127.0.0.1:8080", true},
		{local, "[::1]:8080", true},
		{local, "127.0.0.1:8081", false},
		{local, "10.0.0.1:8080", false},
	} {
		err := c.g.control("tcp", c.addr, nil)
		if (err == nil) != c.ok {
			t.Errorf("local port %q, dial %s: %v, want allowed %v", c.g.localPort, c.addr, err, c.ok)
		}
	}
}

// TestFetchThroughProxy checks that a proxy on the local network may be
// used while the target host is still checked.
func TestFetchThroughProxy(t *testing.T) {
	var asked string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = r.URL.String()
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Harbour talks resume\n\nNegotiators met again on Monday to discuss the harbour."))
	}))
	defer proxy.Close()
	pu, _ := url.Parse(proxy.URL)
	f := testFetcher()
	f.Proxy = http.ProxyURL(pu)
	if _, err := f.Fetch(t.Context(), "http://93.184.216.34/story"); err != nil || asked != "http://93.184.216.34/story" {
		t.Errorf("through the proxy: %v (proxy asked for %q)", err, asked)
	}
	asked = ""
	_, err := f.Fetch(t.Context(), "http://10.0.0.1/admin")
	var ie *domain.InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Reason, "private network") || asked != "" {
		t.Errorf("private target through the proxy: %v (proxy asked for %q)", err, asked)
	}
}

// TestFetchDropsCredentials checks that a user name and password written
// into a link are neither sent, stored nor printed.
func TestFetchDropsCredentials(t *testing.T) {
	var auth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = r.Header.Get("Authorization")
		if r.URL.Path == "/locked" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Harbour talks resume\n\nNegotiators met again on Monday to discuss the harbour."))
	}))
	defer srv.Close()
	link := strings.Replace(srv.URL, "http://", "http://desk:hunter2@", 1)
	a, err := testFetcher().Fetch(t.Context(), link+"/story")
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" || strings.Contains(a.Origin.Name, "hunter2") || strings.Contains(a.Origin.Name, "desk@") {
		t.Errorf("credentials leaked: Authorization %q, stored name %q", auth, a.Origin.Name)
	}
	_, err = testFetcher().Fetch(t.Context(), link+"/locked")
	var ie *domain.InputError
	if !errors.As(err, &ie) || strings.Contains(ie.Path, "hunter2") || !strings.Contains(ie.Reason, "password") {
		t.Errorf("locked page: %v (path %q)", err, ie.Path)
	}
	if got := RedactLink(" https://a:b@example.org/x?y=1 "); got != "https://example.org/x?y=1" {
		t.Errorf("RedactLink = %q", got)
	}
}

// TestFetchNonArticles replays responses that are not articles: each is
// refused with what it is, and compressed pages are decoded.
func TestFetchNonArticles(t *testing.T) {
	const story = "Harbour talks resume\n\nNegotiators met again on Monday to discuss the harbour and the grain corridor."
	var zl, raw bytes.Buffer
	zw := zlib.NewWriter(&zl)
	zw.Write([]byte(story))
	zw.Close()
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	fw.Write([]byte(story))
	fw.Close()
	serve := func(ctype, enc string, body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			if enc != "" {
				w.Header().Set("Content-Encoding", enc)
			}
			w.Write(body)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("/zlib", serve("text/plain", "deflate", zl.Bytes()))
	mux.Handle("/raw", serve("text/plain", "deflate", raw.Bytes()))
	mux.Handle("/br", serve("text/html", "br", []byte{0x1b, 0x03, 0x00}))
	mux.Handle("/broken", serve("text/plain", "deflate", []byte("\x78\x9cnot deflate at all, just bytes")))
	mux.Handle("/svg", serve("image/svg+xml", "", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><text>Hello there, reader</text></svg>`)))
	mux.Handle("/svg-as-html", serve("text/html", "", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)))
	mux.Handle("/xml", serve("application/xml", "", []byte(`<?xml version="1.0"?><config><key>value</key></config>`)))
	mux.Handle("/rss", serve("text/plain", "", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>`)))
	mux.Handle("/js", serve("application/javascript", "", []byte(`document.write("Harbour talks resume. Negotiators met again.");`)))
	mux.Handle("/json", serve("application/json", "", []byte(`{"title": "Harbour talks resume", "body": "Negotiators met again."}`)))
	mux.Handle("/json-as-text", serve("text/plain", "", []byte(`[{"title": "Harbour talks resume", "body": "Negotiators met again."}]`)))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, p := range []string{"/zlib", "/raw"} {
		a, err := testFetcher().Fetch(t.Context(), srv.URL+p)
		if err != nil || a.Title != "Harbour talks resume" {
			t.Errorf("%s: %v %+v", p, err, a)
		}
	}
	for _, c := range []struct{ path, reason string }{
		{"/br", `compressed as "br"`},
		{"/broken", "damaged compressed page"},
		{"/svg", "not an article: an SVG image"},
		{"/svg-as-html", "not an article: an SVG image"},
		{"/xml", "not an article: XML data"},
		{"/rss", "not an article: a news feed"},
		{"/js", "not an article: JavaScript code"},
		{"/json", "not an article: JSON data"},
		{"/json-as-text", "not an article: JSON data"},
	} {
		_, err := testFetcher().Fetch(t.Context(), srv.URL+c.path)
		var ie *domain.InputError
		if !errors.As(err, &ie) || !strings.Contains(ie.Reason, c.reason) {
			t.Errorf("%s: got %v, want %q", c.path, err, c.reason)
		}
	}
}

// TestFetchLogsNothing checks that bytes a server sends after its answer
// never reach the log (Go's transport logs them raw from an idle connection).
func TestFetchLogsNothing(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				buf := make([]byte, 4096)
				c.Read(buf)
				body := "Harbour talks resume\n\nNegotiators met again on Monday to discuss the harbour."
				// The answer and the bytes after it in one write, so they
				// are in the client's buffer as the connection goes idle.
				fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s\x1b]0;owned\x07HTTP/1.1 200 OK\r\n\r\nunsolicited", len(body), body)
				time.Sleep(100 * time.Millisecond)
			}()
		}
	}()
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	for range 3 {
		if _, err := testFetcher().Fetch(t.Context(), "http://"+ln.Addr().String()+"/story"); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(200 * time.Millisecond)
	if logged.Len() > 0 {
		t.Errorf("the HTTP client logged: %q", logged.String())
	}
}
