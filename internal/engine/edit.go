package engine

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"briefdesk/internal/domain"
	"briefdesk/internal/library"
)

// Every edit reads the briefing as stored, applies the officer's change to
// it, re-analyses from the stored articles and commits with the version it
// read (library.Commit). Edits and imports of this process queue on e.mu; a
// write by another process between the read and the commit is a Conflict,
// and the edit is simply computed again from the fresh state, up to
// editTries times. The window's own copy is never saved.

// editTries is how often an edit is recomputed after a conflict.
const editTries = 3

// retry runs fn under the engine's lock, again while it reports a Conflict.
func (e *Engine) retry(ctx context.Context, fn func() error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var err error
	for range editTries {
		if err = fn(); domain.KindOf(err) != domain.Conflict {
			return err
		}
		if ctx.Err() != nil {
			return err
		}
	}
	return err
}

// Edit applies ch to briefing id as stored now, re-analyses it when the
// change affects the summary, saves it and returns it as saved.
func (e *Engine) Edit(ctx context.Context, id int64, ch domain.Change) (*domain.Briefing, error) {
	const op = "engine.Edit"
	var out *domain.Briefing
	err := e.retry(ctx, func() error {
		b, err := e.lib.Briefing(ctx, id)
		if err != nil {
			return err
		}
		analyse, err := apply(op, b, ch)
		if err != nil {
			return err
		}
		if analyse {
			b.Analysis = Analyze(b.Articles, b.Length, b.Edits)
		}
		if err := e.lib.SaveBriefing(ctx, b); err != nil {
			return err
		}
		out = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// apply makes change ch on b and says whether the analysis must be redone.
func apply(op string, b *domain.Briefing, ch domain.Change) (bool, error) {
	switch ch.Kind {
	case domain.Rename:
		t := strings.Join(strings.Fields(ch.Title), " ")
		if t == "" {
			return false, domain.Errorf(op, domain.Invalid, "a briefing needs a title")
		}
		b.Title = t
		return false, nil
	case domain.SetLength:
		b.Length = ch.Length
		return true, nil
	case domain.SetEdits:
		for _, r := range slices.Concat(ch.Edits.Pinned, ch.Edits.Dropped) {
			if r.Article < 0 || r.Article >= len(b.Articles) {
				return false, domain.Errorf(op, domain.Conflict, "the briefing's articles changed since the edit was made")
			}
		}
		b.Edits = domain.Edits{Pinned: slices.Clone(ch.Edits.Pinned), Dropped: slices.Clone(ch.Edits.Dropped)}
		return true, nil
	case domain.Pin, domain.Drop, domain.Unmark:
		i := articleIndex(b, ch.Article)
		if i < 0 {
			return false, domain.Errorf(op, domain.NotFound, "the article is no longer in this briefing")
		}
		r := domain.SentenceRef{Article: i, Index: ch.Sentence}
		e := &b.Edits
		e.Pinned = slices.DeleteFunc(e.Pinned, func(x domain.SentenceRef) bool { return x == r })
		e.Dropped = slices.DeleteFunc(e.Dropped, func(x domain.SentenceRef) bool { return x == r })
		switch ch.Kind {
		case domain.Pin:
			e.Pinned = append(e.Pinned, r)
		case domain.Drop:
			e.Dropped = append(e.Dropped, r)
		}
		return true, nil
	case domain.MoveArticle:
		i := articleIndex(b, ch.Article)
		if i < 0 {
			return false, domain.Errorf(op, domain.NotFound, "the article is no longer in this briefing")
		}
		to := min(max(ch.To, 0), len(b.Articles)-1)
		if to == i {
			return false, nil
		}
		old := slices.Clone(b.Articles)
		a := b.Articles[i]
		b.Articles = slices.Insert(slices.Delete(b.Articles, i, i+1), to, a)
		b.Edits = remapEdits(b.Edits, old, b.Articles)
		return true, nil
	}
	return false, &domain.Error{Op: op, Kind: domain.Internal, Err: fmt.Errorf("unknown change %q", ch.Kind)}
}

// articleIndex is the position of article id in b, -1 when b lacks it.
func articleIndex(b *domain.Briefing, id int64) int {
	return slices.IndexFunc(b.Articles, func(a *domain.Article) bool { return a.ID == id })
}

// remapEdits moves pins and drops made on the articles old to their places
// in arts, by article ID; those of articles arts lacks go.
func remapEdits(e domain.Edits, old, arts []*domain.Article) domain.Edits {
	at := map[int64]int{}
	for i, a := range arts {
		at[a.ID] = i
	}
	move := func(refs []domain.SentenceRef) []domain.SentenceRef {
		var out []domain.SentenceRef
		for _, r := range refs {
			if r.Article < 0 || r.Article >= len(old) {
				continue
			}
			if j, ok := at[old[r.Article].ID]; ok {
				out = append(out, domain.SentenceRef{Article: j, Index: r.Index})
			}
		}
		return out
	}
	return domain.Edits{Pinned: move(e.Pinned), Dropped: move(e.Dropped)}
}

// RemoveArticle takes article out of briefing id. It stays in the library
// as a briefing of its own (with the pins and drops made on it), whose ID is
// returned with the briefing as saved; Merge puts it back. The only article
// of a briefing cannot be taken out: delete the briefing instead.
func (e *Engine) RemoveArticle(ctx context.Context, id, article int64) (*domain.Briefing, int64, error) {
	const op = "engine.RemoveArticle"
	var out *domain.Briefing
	var split int64
	err := e.retry(ctx, func() error {
		b, err := e.lib.Briefing(ctx, id)
		if err != nil {
			return err
		}
		i := articleIndex(b, article)
		if i < 0 {
			return domain.Errorf(op, domain.NotFound, "the article is no longer in this briefing")
		}
		if len(b.Articles) == 1 {
			return domain.Errorf(op, domain.Invalid, "it is the briefing's only article; delete the briefing instead")
		}
		a := b.Articles[i]
		own := &domain.Briefing{Title: a.Title, Classification: b.Classification, Articles: []*domain.Article{a}}
		own.Edits = remapEdits(b.Edits, b.Articles, own.Articles)
		own.Analysis = Analyze(own.Articles, own.Length, own.Edits)
		old := b.Articles
		b.Articles = slices.Delete(slices.Clone(b.Articles), i, i+1)
		b.Edits = remapEdits(b.Edits, old, b.Articles)
		b.Analysis = Analyze(b.Articles, b.Length, b.Edits)
		if err := e.lib.Commit(ctx, &library.Batch{Save: []*domain.Briefing{b}, Create: []*domain.Briefing{own}}); err != nil {
			return err
		}
		out, split = b, own.ID
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return out, split, nil
}

// Merge moves the articles of briefing from into briefing into, at position
// at (-1 for the end), with their pins and drops, and returns into as saved
// with the IDs of the articles it gained. from goes to the trash, still
// holding its articles, so that Unmerge can bring it back; with discard it
// is deleted for good instead (undoing RemoveArticle: it was only the
// article's own briefing).
func (e *Engine) Merge(ctx context.Context, into, from int64, at int, discard bool) (*domain.Briefing, []int64, error) {
	const op = "engine.Merge"
	if into == from {
		return nil, nil, domain.Errorf(op, domain.Invalid, "a briefing cannot be merged into itself")
	}
	var out *domain.Briefing
	var added []int64
	err := e.retry(ctx, func() error {
		b, err := e.lib.Briefing(ctx, into)
		if err != nil {
			return err
		}
		f, err := e.lib.Briefing(ctx, from)
		if err != nil {
			return err
		}
		if at < 0 || at > len(b.Articles) {
			at = len(b.Articles)
		}
		var arts []*domain.Article
		added = nil
		for _, a := range f.Articles {
			if articleIndex(b, a.ID) < 0 {
				arts = append(arts, a)
				added = append(added, a.ID)
			}
		}
		old := b.Articles
		b.Articles = slices.Insert(slices.Clone(b.Articles), at, arts...)
		ours, theirs := remapEdits(b.Edits, old, b.Articles), remapEdits(f.Edits, f.Articles, b.Articles)
		b.Edits = domain.Edits{Pinned: union(ours.Pinned, theirs.Pinned), Dropped: union(ours.Dropped, theirs.Dropped)}
		b.Analysis = Analyze(b.Articles, b.Length, b.Edits)
		batch := &library.Batch{Save: []*domain.Briefing{b}, Trash: []int64{from}}
		if discard {
			batch.Trash, batch.Discard = nil, []int64{from}
		}
		if err := e.lib.Commit(ctx, batch); err != nil {
			return err
		}
		out = b
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return out, added, nil
}

// union appends to a the refs of b it lacks.
func union(a, b []domain.SentenceRef) []domain.SentenceRef {
	for _, r := range b {
		if !slices.Contains(a, r) {
			a = append(a, r)
		}
	}
	return a
}

// Unmerge undoes Merge: it takes the articles added out of briefing into
// again and brings briefing from back from the trash, and returns into as
// saved.
func (e *Engine) Unmerge(ctx context.Context, into, from int64, added []int64) (*domain.Briefing, error) {
	var out *domain.Briefing
	err := e.retry(ctx, func() error {
		b, err := e.lib.Briefing(ctx, into)
		if err != nil {
			return err
		}
		old := b.Articles
		b.Articles = slices.DeleteFunc(slices.Clone(b.Articles), func(a *domain.Article) bool { return slices.Contains(added, a.ID) })
		b.Edits = remapEdits(b.Edits, old, b.Articles)
		b.Analysis = Analyze(b.Articles, b.Length, b.Edits)
		if err := e.lib.Commit(ctx, &library.Batch{Save: []*domain.Briefing{b}, Untrash: []int64{from}}); err != nil {
			return err
		}
		out = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteArticle moves an article to the trash: it is taken out of every
// briefing that holds it (re-analysed), and a briefing it was the only
// article of goes to the trash with it. UndeleteArticle puts it back.
func (e *Engine) DeleteArticle(ctx context.Context, article int64) error {
	return e.retry(ctx, func() error {
		holders, err := e.lib.Holders(ctx, article)
		if err != nil {
			return err
		}
		batch := &library.Batch{TrashArticles: []int64{article}}
		for _, id := range holders {
			b, err := e.lib.Briefing(ctx, id)
			if err != nil {
				return err
			}
			i := articleIndex(b, article)
			if i < 0 {
				continue
			}
			if len(b.Articles) == 1 {
				batch.Trash = append(batch.Trash, id)
				continue
			}
			old := b.Articles
			b.Articles = slices.Delete(slices.Clone(b.Articles), i, i+1)
			b.Edits = remapEdits(b.Edits, old, b.Articles)
			b.Analysis = Analyze(b.Articles, b.Length, b.Edits)
			batch.Save = append(batch.Save, b)
		}
		return e.lib.Commit(ctx, batch)
	})
}

// UndeleteArticle brings an article back from the trash into the briefings
// it was taken out of (at its old place), or as a briefing of its own when
// none of them is left. It returns the first briefing that holds it again.
func (e *Engine) UndeleteArticle(ctx context.Context, article int64) (int64, error) {
	var first int64
	err := e.retry(ctx, func() error {
		places, err := e.lib.DeletedFrom(ctx, article)
		if err != nil {
			return err
		}
		a, err := e.lib.Article(ctx, article, false)
		if err != nil {
			return err
		}
		batch := &library.Batch{UntrashArticles: []int64{article}}
		var back []int64
		for _, p := range places {
			switch {
			case p.Trashed:
				batch.Untrash = append(batch.Untrash, p.Briefing)
				back = append(back, p.Briefing)
			case p.Live:
				b, err := e.lib.Briefing(ctx, p.Briefing)
				if err != nil {
					return err
				}
				if articleIndex(b, article) >= 0 {
					back = append(back, b.ID)
					continue
				}
				old := b.Articles
				b.Articles = slices.Insert(slices.Clone(b.Articles), min(p.Pos, len(b.Articles)), a)
				b.Edits = remapEdits(b.Edits, old, b.Articles)
				b.Analysis = Analyze(b.Articles, b.Length, b.Edits)
				batch.Save = append(batch.Save, b)
				back = append(back, b.ID)
			}
		}
		var own *domain.Briefing
		if len(back) == 0 {
			own = &domain.Briefing{Title: a.Title, Articles: []*domain.Article{a}}
			own.Analysis = Analyze(own.Articles, own.Length, own.Edits)
			batch.Create = []*domain.Briefing{own}
		}
		if err := e.lib.Commit(ctx, batch); err != nil {
			return err
		}
		if own != nil {
			first = own.ID
		} else {
			first = back[0]
		}
		return nil
	})
	return first, err
}

// EmptyTrash deletes everything in the trash for good and says how many
// briefings and articles went.
func (e *Engine) EmptyTrash(ctx context.Context) (int, error) {
	return e.lib.PurgeTrash(ctx, time.Time{})
}
