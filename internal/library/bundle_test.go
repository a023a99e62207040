package library

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"briefdesk/internal/domain"
)

func TestBundleRoundTrip(t *testing.T) {
	l := openTemp(t)
	r1 := add(t, l, 1)
	b, _ := l.Briefing(ctx, r1.BriefingID)
	a2 := sample(2)
	b.Analysis = analysisFor(append(append([]*domain.Article(nil), b.Articles...), a2))
	b.Notes = "Shared with the Vienna desk."
	if _, err := l.AddArticle(ctx, a2, b); err != nil {
		t.Fatal(err)
	}
	l.SetTags(ctx, b.ID, []string{"Grain", "Vienna"})
	r3 := add(t, l, 3)
	bundle := filepath.Join(t.TempDir(), "desk.briefdesk.zip")
	if err := l.ExportBundle(ctx, []int64{b.ID, r3.BriefingID}, bundle); err != nil {
		t.Fatal(err)
	}

	other := openTemp(t)
	res, err := other.ImportBundle(ctx, bundle)
	if err != nil || len(res) != 2 || res[0].Status != domain.Imported || res[1].Status != domain.Imported {
		t.Fatalf("ImportBundle = %+v, %v", res, err)
	}
	want, _ := l.Briefing(ctx, b.ID)
	got, err := other.Briefing(ctx, res[0].BriefingID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != want.Title || got.Notes != want.Notes || len(got.Articles) != 2 ||
		!reflect.DeepEqual(got.Analysis, want.Analysis) || !reflect.DeepEqual(got.Edits, want.Edits) {
		t.Errorf("imported briefing differs:\n got %+v\nwant %+v", got, want)
	}
	if got.Articles[1].TextHash != a2.TextHash || got.Articles[1].Body() != a2.Body() {
		t.Error("article order or text lost")
	}
	full, _ := other.Article(ctx, got.Articles[0].ID, true)
	if string(full.Origin.Original) != string(sample(1).Origin.Original) {
		t.Errorf("original bytes lost: %q", full.Origin.Original)
	}
	if tags, _ := other.BriefingTags(ctx, got.ID); !reflect.DeepEqual(tags, []string{"Grain", "Vienna"}) {
		t.Errorf("tags = %v", tags)
	}
	// Importing again shares the articles instead of failing on duplicates.
	res, err = other.ImportBundle(ctx, bundle)
	if err != nil || res[0].Status != domain.Imported {
		t.Fatalf("second import: %+v %v", res, err)
	}
	var n int
	other.r.QueryRow("SELECT count(*) FROM article").Scan(&n)
	if n != 3 {
		t.Errorf("%d articles after importing twice, want 3", n)
	}
	if p, err := other.Check(ctx); err != nil || len(p) != 0 {
		t.Errorf("Check = %v %v", p, err)
	}

	junk := filepath.Join(t.TempDir(), "junk.zip")
	os.WriteFile(junk, []byte("not a zip"), 0o644)
	var ie *domain.InputError
	if _, err := other.ImportBundle(ctx, junk); !errors.As(err, &ie) || ie.Path != junk {
		t.Errorf("junk bundle: %v", err)
	}
}
