package library

import (
	"archive/zip"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"briefdesk/internal/domain"
)

// A bundle is a zip holding manifest.json (briefings with their articles,
// analysis and tags) and originals/<n> (each article's original bytes), so
// that a colleague's Briefdesk can import briefings without re-analysis.

// bundleFormat names the manifest format; bundleVersion is bumped on
// incompatible changes.
const (
	bundleFormat  = "briefdesk-bundle"
	bundleVersion = 1
	maxManifest   = 256 << 20 // refuse absurd manifests instead of exhausting memory
)

type bundleManifest struct {
	Format    string           `json:"format"`
	Version   int              `json:"version"`
	Exported  time.Time        `json:"exported"`
	Briefings []bundleBriefing `json:"briefings"`
}

type bundleBriefing struct {
	Briefing domain.Briefing  `json:"briefing"` // Articles carry no Original; see Originals
	Tags     []string         `json:"tags,omitempty"`
	Original []string         `json:"originals"` // zip entry per article, "" when none
	Analysis *domain.Analysis `json:"analysis,omitempty"`
}

// ExportBundle writes the briefings ids to a bundle file at dest, replacing
// it only once the bundle is complete.
func (l *Library) ExportBundle(ctx context.Context, ids []int64, dest string) error {
	const op = "library.ExportBundle"
	dir := filepath.Dir(dest)
	f, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return &domain.InputError{Path: dest, Reason: "cannot write in " + dir, Err: err}
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	defer f.Close()
	zw := zip.NewWriter(f)
	man := bundleManifest{Format: bundleFormat, Version: bundleVersion, Exported: time.Now().UTC()}
	n := 0
	for _, id := range ids {
		b, err := l.Briefing(ctx, id)
		if err != nil {
			return fmt.Errorf("%s: briefing %d: %w", op, id, err)
		}
		tags, err := l.BriefingTags(ctx, id)
		if err != nil {
			return err
		}
		bb := bundleBriefing{Tags: tags, Analysis: b.Analysis}
		for _, a := range b.Articles {
			full, err := l.Article(ctx, a.ID, true)
			if err != nil {
				return fmt.Errorf("%s: article %d: %w", op, a.ID, err)
			}
			name := ""
			if full.Origin.Original != nil {
				n++
				name = fmt.Sprintf("originals/%d.%s", n, full.Origin.Format)
				w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: full.Origin.ImportedAt})
				if err != nil {
					return fileError(dest, op, err)
				}
				if _, err := w.Write(full.Origin.Original); err != nil {
					return &domain.InputError{Path: dest, Reason: "cannot write the bundle (disk full?)", Err: err}
				}
			}
			bb.Original = append(bb.Original, name)
		}
		b.Analysis = nil
		bb.Briefing = *b
		man.Briefings = append(man.Briefings, bb)
	}
	w, err := zw.Create("manifest.json")
	if err != nil {
		return fileError(dest, op, err)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(man); err != nil {
		return &domain.InputError{Path: dest, Reason: "cannot write the bundle (disk full?)", Err: err}
	}
	if err := zw.Close(); err != nil {
		return &domain.InputError{Path: dest, Reason: "cannot write the bundle (disk full?)", Err: err}
	}
	if err := f.Sync(); err != nil {
		return &domain.InputError{Path: dest, Reason: "cannot write the bundle", Err: err}
	}
	f.Close()
	if err := os.Rename(tmp, dest); err != nil {
		return &domain.InputError{Path: dest, Reason: "cannot replace the file", Err: err}
	}
	return nil
}

// ImportBundle adds the briefings of the bundle at src as new briefings, one
// transaction each. Articles already in the library are shared rather than
// duplicated. There is one result per briefing.
func (l *Library) ImportBundle(ctx context.Context, src string) ([]domain.ImportResult, error) {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return nil, &domain.InputError{Path: src, Reason: "is not a Briefdesk bundle (not a zip file)", Err: err}
	}
	defer zr.Close()
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	mf := files["manifest.json"]
	if mf == nil {
		return nil, &domain.InputError{Path: src, Reason: "is not a Briefdesk bundle (no manifest.json)"}
	}
	var man bundleManifest
	if err := readZipJSON(mf, &man); err != nil {
		return nil, &domain.InputError{Path: src, Reason: "the bundle's manifest is damaged", Err: err}
	}
	if man.Format != bundleFormat {
		return nil, &domain.InputError{Path: src, Reason: "is not a Briefdesk bundle"}
	}
	if man.Version > bundleVersion {
		return nil, &domain.InputError{Path: src, Reason: fmt.Sprintf("was made by a newer Briefdesk (bundle version %d); update Briefdesk", man.Version)}
	}
	var results []domain.ImportResult
	for _, bb := range man.Briefings {
		if ctx.Err() != nil {
			break
		}
		results = append(results, l.importBundled(ctx, src, files, bb))
	}
	return results, nil
}

func readZipJSON(f *zip.File, v any) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return json.NewDecoder(io.LimitReader(rc, maxManifest)).Decode(v)
}

func readZip(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, 1<<30))
}

// importBundled stores one bundled briefing in one transaction.
func (l *Library) importBundled(ctx context.Context, src string, files map[string]*zip.File, bb bundleBriefing) domain.ImportResult {
	b := bb.Briefing
	res := domain.ImportResult{Path: src, Detail: b.Title}
	fail := func(reason string) domain.ImportResult {
		res.Status, res.Detail = domain.Failed, fmt.Sprintf("briefing %q: %s", b.Title, reason)
		return res
	}
	if len(b.Articles) == 0 {
		return fail("it holds no articles")
	}
	for i, a := range b.Articles {
		if a == nil {
			return fail("an article is missing")
		}
		if i < len(bb.Original) && bb.Original[i] != "" {
			f := files[bb.Original[i]]
			if f == nil {
				return fail("the original of " + quoteTitle(a.Title) + " is missing from the bundle")
			}
			data, err := readZip(f)
			if err != nil {
				return fail("the original of " + quoteTitle(a.Title) + " is damaged")
			}
			a.Origin.Original = data
		}
	}
	b.ID = 0
	b.Analysis = bb.Analysis
	now := time.Now()
	err := l.write(ctx, func(tx *sql.Tx) error {
		for _, a := range b.Articles {
			a.ID = 0
			var id int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM article WHERE text_hash = ?`, a.TextHash).Scan(&id)
			switch {
			case err == nil:
				a.ID = id // already here: share it
			case errors.Is(err, sql.ErrNoRows):
				if err := insertArticle(ctx, tx, a, now); err != nil {
					return err
				}
			default:
				return err
			}
		}
		if err := insertBriefing(ctx, tx, &b, now); err != nil {
			return err
		}
		for i, a := range b.Articles {
			if _, err := tx.ExecContext(ctx, `INSERT INTO briefing_article(briefing_id, pos, article_id) VALUES (?, ?, ?)`, b.ID, i, a.ID); err != nil {
				return err
			}
		}
		for _, t := range bb.Tags {
			if _, err := tx.ExecContext(ctx, `INSERT INTO tag(name) VALUES (?) ON CONFLICT(name) DO NOTHING`, t); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO briefing_tag(briefing_id, tag_id) SELECT ?, id FROM tag WHERE name = ?`, b.ID, t); err != nil {
				return err
			}
		}
		return saveAnalysis(ctx, tx, b.ID, b.Analysis, b.Articles)
	})
	if err != nil {
		var ie *domain.InputError
		if errors.As(fileError(l.path, "library.ImportBundle", err), &ie) {
			return fail(ie.Reason)
		}
		return fail(err.Error())
	}
	for _, a := range b.Articles {
		l.sims.add(a.ID, a.SimHash) // an article already here only adds a harmless second entry
	}
	res.Status, res.BriefingID, res.ArticleID = domain.Imported, b.ID, b.Articles[0].ID
	return res
}
