package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"briefdesk/internal/domain"
)

func testFetcher(c *http.Client) *Fetcher {
	f := NewFetcher()
	f.Client = c
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
		a, err := testFetcher(srv.Client()).Fetch(ctx, srv.URL+"/story")
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
		a, err := testFetcher(srv.Client()).Fetch(ctx, srv.URL+"/doc")
		if err != nil {
			t.Fatal(err)
		}
		if a.Origin.Format != domain.FormatPDF || a.TextHash != TextHash(strings.Join(wantBody, "\n\n")) {
			t.Errorf("format %q", a.Origin.Format)
		}
	})
	t.Run("five redirects", func(t *testing.T) {
		if _, err := testFetcher(srv.Client()).Fetch(ctx, srv.URL+"/hop/4"); err != nil {
			t.Fatal(err)
		}
	})
	small := testFetcher(srv.Client())
	small.MaxSize = 10000
	fast := testFetcher(srv.Client())
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
				f = testFetcher(srv.Client())
			}
			_, err := f.Fetch(ctx, tc.url)
			var ie *domain.InputError
			if !errors.As(err, &ie) || !strings.Contains(ie.Reason, tc.reason) || ie.Path != tc.url {
				t.Errorf("got %v, want reason %q", err, tc.reason)
			}
		})
	}
}
