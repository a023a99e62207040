// Package engine wires the engine packages together: it imports sources
// into the library, analyses briefings (one language pass per article shared
// by summary and actors) and renders briefs. The CLI and the GUI both use it.
package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sync"

	"briefdesk/internal/actors"
	"briefdesk/internal/brief"
	"briefdesk/internal/domain"
	"briefdesk/internal/ingest"
	"briefdesk/internal/library"
	"briefdesk/internal/nlp"
	"briefdesk/internal/summary"
)

// Engine is an open library with the analysis pipeline around it. Its
// method set is explicit (see library.go for the library's operations it
// offers): the GUI and the CLI reach the library only through it.
type Engine struct {
	lib     *library.Library
	mu      sync.Mutex // serialises imports so duplicate checks see each other
	created bool       // the library file was made by this Open
}

// Open opens the library at path, creating its folder if needed.
func Open(path string) (*Engine, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, &domain.InputError{Path: path, Reason: "cannot create the library folder", Err: err}
	}
	_, statErr := os.Stat(path)
	lib, err := library.Open(path)
	if err != nil {
		return nil, err
	}
	return &Engine{lib: lib, created: errors.Is(statErr, os.ErrNotExist)}, nil
}

// Analyze runs the whole analysis of a briefing's articles: one language pass
// per article, then the summary and the actor cards.
func Analyze(articles []*domain.Article, length domain.Length, edits domain.Edits) *domain.Analysis {
	docs := docsOf(articles)
	sum := summary.Summarize(docs, length, edits)
	acts, facts := actors.Extract(docs, &sum)
	return &domain.Analysis{Summary: sum, Actors: acts, Facts: facts}
}

// PageWords is the summary length that fills a one-page brief next to the
// actor cards and key figures. Asking the summariser for this much, rather
// than filling the page from raw sentence scores, keeps its redundancy
// removal and its balance across articles; the brief then drops the
// lowest-scored sentences if they do not fit.
const PageWords = 420

// Summarize summarises articles without the actor analysis: the cheaper path
// for callers that want only the sentences.
func Summarize(articles []*domain.Article, length domain.Length, edits domain.Edits) domain.Summary {
	return summary.Summarize(docsOf(articles), length, edits)
}

func docsOf(articles []*domain.Article) []*nlp.Doc {
	docs := make([]*nlp.Doc, 0, len(articles))
	for i, a := range articles {
		if a.Supported() {
			docs = append(docs, passes.analyze(a, i))
		}
	}
	return docs
}

// Load parses a file or fetches a link, without storing it.
func Load(ctx context.Context, src string) (*domain.Article, error) {
	if ingest.IsURL(src) {
		return ingest.Fetch(ctx, src)
	}
	return ingest.File(src)
}

// Progress reports one finished source of an import.
type Progress = domain.Progress

// Import imports files, folders (recursively) and links. Each article becomes
// a new briefing, or joins briefing into when into is not 0. progress, when
// not nil, is called after each source from the importing goroutine. It stops
// early when ctx is cancelled; what was imported stays imported.
func (e *Engine) Import(ctx context.Context, sources []string, into int64, progress func(Progress)) []domain.ImportResult {
	files, errs := ingest.Expand(sources)
	var results []domain.ImportResult
	total := len(files) + len(errs)
	report := func(r domain.ImportResult) {
		results = append(results, r)
		if progress != nil {
			progress(Progress{Done: len(results), Total: total, Result: r})
		}
	}
	for _, err := range errs {
		report(failed("", err))
	}
	for _, f := range files {
		if ctx.Err() != nil {
			break
		}
		a, err := Load(ctx, f)
		if err != nil {
			if ctx.Err() != nil {
				break // cut short by the cancel, not a bad source
			}
			report(failed(f, err))
			continue
		}
		// A cancel stops the import after the source in hand: storing it
		// takes milliseconds, and failing it halfway would report a good
		// file as broken and leave it out of the library.
		report(e.store(context.WithoutCancel(ctx), f, a, into))
	}
	return results
}

// ImportText imports pasted text as an article.
func (e *Engine) ImportText(ctx context.Context, text string, into int64) domain.ImportResult {
	a, err := ingest.Paste(text)
	if err != nil {
		return failed("pasted text", err)
	}
	return e.store(ctx, "pasted text", a, into)
}

func (e *Engine) store(ctx context.Context, path string, a *domain.Article, into int64) domain.ImportResult {
	e.mu.Lock()
	defer e.mu.Unlock()
	if id, title, ok, err := e.lib.FindByHash(ctx, a.TextHash); err != nil {
		return failed(path, err)
	} else if ok {
		return domain.ImportResult{Path: path, Status: domain.Duplicate, ArticleID: id, Detail: fmt.Sprintf("already in the library as %q", title)}
	}
	var r domain.ImportResult
	var err error
	// Joining a briefing starts from the briefing as stored; another
	// process may change it before the save (a Conflict): read it again.
	for try := 0; try == 0 || (domain.KindOf(err) == domain.Conflict && try < editTries); try++ {
		b := &domain.Briefing{ID: into, Title: a.Title}
		if into != 0 {
			if b, err = e.lib.Briefing(ctx, into); err != nil {
				return failed(path, err)
			}
		}
		arts := append(append([]*domain.Article(nil), b.Articles...), a)
		b.Analysis = Analyze(arts, b.Length, b.Edits)
		r, err = e.lib.AddArticle(ctx, a, b)
	}
	if err != nil {
		return failed(path, err)
	}
	r.Path = path
	if r.Incomplete != "" {
		r.Detail += " (source looks incomplete: " + r.Incomplete + ")"
	}
	if r.NearDup != 0 {
		// A re-published wire story with small edits: stored, but flagged so
		// the officer knows the library already has this story.
		note := fmt.Sprintf("near-duplicate of article %d", r.NearDup)
		if old, err := e.lib.Article(ctx, r.NearDup, false); err == nil {
			note = fmt.Sprintf("near-duplicate of %q (article %d)", old.Title, r.NearDup)
		}
		r.Detail += " (" + note + ")"
	}
	return r
}

// failed reports a source that could not be imported, with the reason the
// error gives the officer; an error without one is logged and reported as
// an internal error.
func failed(path string, err error) domain.ImportResult {
	reason := ""
	for e := err; e != nil && reason == ""; {
		var de *domain.Error
		if !errors.As(e, &de) {
			break
		}
		if reason = de.Reason; reason != "" && path == "" {
			path = de.Path
		}
		e = de.Err
	}
	if reason == "" {
		log.Printf("briefdesk: import %s: %v", path, err)
		reason = "internal error: it could not be stored (the details are in the log)"
	}
	return domain.ImportResult{Path: path, Status: domain.Failed, Detail: reason}
}

// List returns one page of the library list.
func (e *Engine) List(ctx context.Context, q domain.ListQuery) ([]domain.BriefingItem, error) {
	return e.lib.Briefings(ctx, q)
}

// Delete moves a briefing to the trash; Undelete brings it back.
func (e *Engine) Delete(ctx context.Context, id int64) error {
	return e.lib.DeleteBriefing(ctx, id)
}

// WriteBrief renders b as a one-page PDF brief.
func WriteBrief(w io.Writer, b *domain.Briefing, opts brief.Options) error {
	return ExportBrief(w, b, opts, brief.FormatPDF)
}

// ExportBrief renders b's brief in format f (PDF, DOCX, Markdown or text),
// analysing b first if it has not been.
func ExportBrief(w io.Writer, b *domain.Briefing, opts brief.Options, f brief.Format) error {
	if b.Analysis == nil {
		b.Analysis = Analyze(b.Articles, b.Length, b.Edits)
	}
	return brief.Export(w, b, opts, f)
}
