package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"briefdesk/internal/domain"
)

// UserAgent is what Briefdesk calls itself when it fetches a link. Some
// sites refuse clients that send none.
const UserAgent = "Briefdesk/1.0 (desk article importer; +https://briefdesk.io)"

// Fetcher downloads links. The zero value is not usable; use NewFetcher.
type Fetcher struct {
	Client       *http.Client // used for the requests; its CheckRedirect is replaced
	MaxSize      int64        // largest body read, in bytes
	Timeout      time.Duration
	MaxRedirects int
	UserAgent    string
}

// NewFetcher returns a Fetcher with the limits Briefdesk uses: 30 s, 50 MB,
// at most 5 redirects, http and https only.
func NewFetcher() *Fetcher {
	return &Fetcher{
		Client:       &http.Client{Transport: http.DefaultTransport},
		MaxSize:      MaxSize,
		Timeout:      30 * time.Second,
		MaxRedirects: 5,
		UserAgent:    UserAgent,
	}
}

var defaultFetcher = NewFetcher()

// Fetch downloads a http(s) link and parses it as a web page.
func Fetch(ctx context.Context, url string) (*domain.Article, error) {
	return defaultFetcher.Fetch(ctx, url)
}

// Fetch downloads a http(s) link and parses what comes back: a web page,
// or a PDF, Word file or text the link points at.
func (f *Fetcher) Fetch(ctx context.Context, link string) (*domain.Article, error) {
	link = strings.TrimSpace(link)
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

	c := *f.Client
	c.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if len(via) > f.MaxRedirects {
			return errTooManyRedirects
		}
		if r.URL.Scheme != "http" && r.URL.Scheme != "https" {
			return errBadRedirect
		}
		return nil
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, &domain.InputError{Path: link, Reason: fetchReason(ctx, err), Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &domain.InputError{Path: link, Reason: fmt.Sprintf("the site answered %s", resp.Status)}
	}
	if resp.ContentLength > f.MaxSize {
		return nil, &domain.InputError{Path: link, Reason: "download is larger than 50 MB"}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, f.MaxSize+1))
	if err != nil {
		return nil, &domain.InputError{Path: link, Reason: fetchReason(ctx, err), Err: err}
	}
	if int64(len(data)) > f.MaxSize {
		return nil, &domain.InputError{Path: link, Reason: "download is larger than 50 MB"}
	}
	ctype := resp.Header.Get("Content-Type")
	mt, params, _ := mime.ParseMediaType(ctype)
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

var (
	errTooManyRedirects = errors.New("too many redirects")
	errBadRedirect      = errors.New("redirect to a non-http link")
)

// fetchReason words a transport error for the officer.
func fetchReason(ctx context.Context, err error) string {
	var dnsErr *net.DNSError
	switch {
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
