package engine

import (
	"context"
	"io/fs"
	"path"
	"sort"
	"strings"

	"briefdesk/assets"
	"briefdesk/internal/domain"
	"briefdesk/internal/ingest"
)

// EnsureSamples fills a new library with the bundled sample articles, so a
// first start has briefings to show. It does nothing for a library that
// existed before Open (even an emptied one: the officer cleared it on
// purpose) or that already holds a briefing. Samples whose names share the word after the number
// ("01-halvard-...", "02-halvard-...") are one story and become one
// multi-article briefing.
func (e *Engine) EnsureSamples(ctx context.Context) ([]domain.ImportResult, error) {
	if !e.created {
		return nil, nil
	}
	items, err := e.lib.Briefings(ctx, domain.ListQuery{Limit: 1})
	if err != nil || len(items) > 0 {
		return nil, err
	}
	names, err := fs.Glob(assets.Samples, "samples/*.*")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var results []domain.ImportResult
	stories := map[string]int64{}
	for _, name := range names {
		data, err := fs.ReadFile(assets.Samples, name)
		if err != nil {
			return results, err
		}
		a, err := ingest.Parse(name, data)
		if err != nil {
			results = append(results, failed(name, err))
			continue
		}
		key := storyKey(name)
		r := e.store(ctx, name, a, stories[key])
		if key != "" && stories[key] == 0 {
			stories[key] = r.BriefingID
		}
		results = append(results, r)
	}
	return results, nil
}

// storyKey returns the story word of a sample name: "halvard" for
// "samples/01-halvard-valley.txt".
func storyKey(name string) string {
	parts := strings.SplitN(path.Base(name), "-", 3)
	if len(parts) < 3 {
		return ""
	}
	return parts[1]
}
