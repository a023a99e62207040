package library

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefdesk/internal/domain"
)

// term is one thing the officer typed: a word or a "quoted phrase".
type term struct {
	text   string
	not    bool // typed with a leading minus: exclude
	quoted bool // typed in double quotes: exact words
}

// parseQuery splits what the officer typed into words and phrases. It never
// fails: an unbalanced quote runs to the end, stray operators are words.
// closed reports whether the input ended with a space or a closing quote,
// i.e. the officer finished the last word.
func parseQuery(s string) (terms []term, closed bool) {
	s = strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", " "), " ")
	closed = true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			closed = true
			continue
		}
		not := false
		if r == '-' && i+1 < len(s) && !unicode.IsSpace(rune(s[i+1])) {
			not = true
			i++
			r, _ = utf8.DecodeRuneInString(s[i:])
		}
		if r == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				terms = append(terms, term{text: s[i+1:], not: not, quoted: true})
				closed = false
				break
			}
			terms = append(terms, term{text: s[i+1 : i+1+end], not: not, quoted: true})
			i += end + 2
			closed = true
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		terms = append(terms, term{text: strings.ReplaceAll(s[i:j], `"`, " "), not: not})
		i = j
		closed = false
	}
	return terms, closed
}

// hasToken reports whether s holds something the tokenizer indexes: a letter
// or a digit. Terms without one ("*", "-", emoji) would only make FTS5
// match nothing.
func hasToken(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}

// lastTokenLen is the length in letters and digits of the last word of s.
func lastTokenLen(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			n++
		} else {
			n = 0
		}
	}
	return n
}

// The index is not stemmed (see migration 0003): stems cannot answer
// search-as-you-type. Instead a finished word matches its common English
// inflections ("sanction" finds "sanctions", "sanctioned"), which FTS5
// answers from a few exact doclists, and only the word still being typed
// matches as a prefix. A prefix of a frequent word merges many doclists and
// costs ten times more, so it is kept to the one place it is needed.

// inflections returns w (folded) with its plural or singular and its -ed and
// -ing forms. Forms that no article uses cost FTS5 one lookup each.
func inflections(w string) []string {
	if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 || utf8.RuneCountInString(w) < 3 {
		return []string{w}
	}
	bases := []string{w}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		bases = append(bases, w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		bases = append(bases, w[:len(w)-2])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		bases = append(bases, w[:len(w)-1])
	}
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, b := range bases {
		add(b)
		last := b[len(b)-1]
		switch {
		case last == 'y' && len(b) > 2 && !strings.ContainsRune("aeiou", rune(b[len(b)-2])):
			add(b[:len(b)-1] + "ies")
			add(b[:len(b)-1] + "ied")
			add(b + "ing")
			continue
		case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "sh"):
			add(b + "es")
		default:
			add(b + "s")
		}
		if last == 'e' {
			add(b + "d")
			add(b[:len(b)-1] + "ing")
		} else {
			add(b + "ed")
			add(b + "ing")
		}
	}
	return out
}

// termForms returns the forms term i matches and whether its last form is
// a prefix: the word or phrase still being typed (two letters or more; one
// letter would walk the whole vocabulary) is a prefix; a finished word
// matches its inflections; a quoted phrase matches exactly. Each form is
// the term's text with its last word replaced.
func termForms(terms []term, i int, closed, asYouType bool) (forms []string, prefix bool) {
	t := terms[i]
	if asYouType && !closed && i == len(terms)-1 && lastTokenLen(t.text) >= 2 {
		return []string{t.text}, true
	}
	toks := tokens(t.text)
	if t.quoted || len(toks) == 0 {
		return []string{t.text}, false
	}
	last := toks[len(toks)-1]
	infl := inflections(fold(t.text[last.start:last.end]))
	if len(infl) == 1 {
		return []string{t.text}, false
	}
	for _, f := range infl {
		forms = append(forms, t.text[:last.start]+f)
	}
	return forms, false
}

// Bounds on what one search may ask: beyond them FTS5 refuses the
// expression ("fts5 expression tree is too large", from 256 negated terms)
// or a query of 100,000 characters takes seconds. A desk officer's search is
// a few words; a pasted page is refused with a reason.
const (
	MaxQueryChars = 1000
	MaxQueryTerms = 40
)

// checkQuery refuses a search over the bounds with a reason to show.
func checkQuery(input string) error {
	if n := utf8.RuneCountInString(input); n > MaxQueryChars {
		return &domain.InputError{Reason: fmt.Sprintf("the search is too long (%d characters): search for at most %d characters, a few words or a phrase", n, MaxQueryChars)}
	}
	if terms, _ := parseQuery(input); len(terms) > MaxQueryTerms {
		return &domain.InputError{Reason: fmt.Sprintf("the search has too many words (%d): use at most %d words and phrases", len(terms), MaxQueryTerms)}
	}
	return nil
}

// matchExpr turns what the officer typed into an FTS5 expression that cannot
// fail to parse: every form is a double-quoted string, so AND, OR, NOT,
// NEAR, *, ^, :, parentheses and dots are plain text. A leading minus
// excludes a term. It returns "" when nothing searchable was typed, and an
// error when the search is over the bounds (checkQuery).
func matchExpr(input string, asYouType bool) (string, error) {
	if err := checkQuery(input); err != nil {
		return "", err
	}
	terms, closed := parseQuery(input)
	var pos, neg []string
	for i, t := range terms {
		if !hasToken(t.text) {
			continue
		}
		forms, prefix := termForms(terms, i, closed, asYouType)
		qs := make([]string, len(forms))
		for j, f := range forms {
			qs[j] = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		if prefix {
			qs[len(qs)-1] += "*"
		}
		q := qs[0]
		if len(qs) > 1 {
			q = "(" + strings.Join(qs, " OR ") + ")"
		}
		if t.not {
			neg = append(neg, q)
		} else {
			pos = append(pos, q)
		}
	}
	if len(pos) == 0 {
		return "", nil
	}
	expr := strings.Join(pos, " AND ")
	for _, n := range neg {
		expr += " NOT " + n
	}
	return expr, nil
}

// trashOnly lists the articles in the trash: deleted on their own, or held
// only by briefings in the trash. The trash is small, so this stays cheap
// beside a search.
const trashOnly = `SELECT ba.article_id FROM briefing b JOIN briefing_article ba ON ba.briefing_id = b.id
	WHERE b.deleted IS NOT NULL AND NOT EXISTS (SELECT 1 FROM briefing_article ba2 JOIN briefing b2 ON b2.id = ba2.briefing_id
		WHERE ba2.article_id = ba.article_id AND b2.deleted IS NULL)
	UNION ALL SELECT id FROM article WHERE deleted IS NOT NULL`

// Search runs a full-text query over article titles and bodies as the user
// typed it, best match first (bm25, titles weigh more). The last word
// matches as a prefix unless followed by a space, so results follow typing.
func (l *Library) Search(ctx context.Context, query string, limit int) ([]domain.Hit, error) {
	const op = "library.Search"
	expr, err := matchExpr(query, true)
	if err != nil {
		return nil, err
	}
	if expr == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, maxPage)
	var hits []domain.Hit
	err = l.read(ctx, func(tx *sql.Tx) error {
		var err error
		if hits, err = rankArticles(ctx, tx, expr, limit); err != nil {
			return err
		}
		if len(hits) == 0 {
			return nil
		}
		// Snippets and details only for the page, not for every match: two
		// queries for the whole page.
		ids := make([]int64, len(hits))
		at := map[int64]*domain.Hit{}
		for i := range hits {
			ids[i] = hits[i].ArticleID
			at[ids[i]] = &hits[i]
		}
		qs := highlightTerms(query, true)
		in, args := inList(ids)
		rows, err := tx.QueryContext(ctx, `SELECT a.id, a.title, a.body, a.origin_name, coalesce((SELECT min(ba.briefing_id) FROM briefing_article ba
			JOIN briefing b ON b.id = ba.briefing_id WHERE ba.article_id = a.id AND b.deleted IS NULL), 0)
			FROM article a WHERE a.id IN (`+in+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var body string
			var h domain.Hit
			if err := rows.Scan(&id, &h.Title, &body, &h.Path, &h.BriefingID); err != nil {
				return err
			}
			if p := at[id]; p != nil {
				p.Title, p.Path, p.BriefingID = h.Title, h.Path, h.BriefingID
				p.Snippet = articleSnippet(h.Title, body, qs)
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	return hits, nil
}

// rankArticles returns the best limit articles matching expr, best first.
// One pass over the doclist, newest first, scores the newest rankWindow
// matches with bm25 and stops: FTS5's ORDER BY rank would score every match
// (a common word matches most of the library) before sorting, and a
// separate pass to find the window's floor would read the doclist twice.
// The top of the window is picked in Go. When the window holds fewer than
// limit articles (the trash took some), older matches follow newest first.
func rankArticles(ctx context.Context, tx *sql.Tx, expr string, limit int) ([]domain.Hit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT f.rowid, bm25(article_fts, 4.0, 1.0) FROM article_fts f
		WHERE article_fts MATCH ? AND f.rowid NOT IN (`+trashOnly+`)
		ORDER BY f.rowid DESC LIMIT ?`, expr, rankWindow)
	if err != nil {
		return nil, err
	}
	window, err := scanHits(rows, make([]domain.Hit, 0, 64))
	if err != nil {
		return nil, err
	}
	full := len(window) == rankWindow
	oldest := int64(0)
	if len(window) > 0 {
		oldest = window[len(window)-1].ArticleID
	}
	// Stable on the newest-first order: equal scores list the newer first.
	sort.SliceStable(window, func(i, j int) bool { return window[i].Rank < window[j].Rank })
	hits := window[:min(limit, len(window))]
	if len(hits) < limit && full {
		rows, err := tx.QueryContext(ctx, `SELECT f.rowid, bm25(article_fts, 4.0, 1.0) FROM article_fts f
			WHERE article_fts MATCH ? AND f.rowid < ? AND f.rowid NOT IN (`+trashOnly+`)
			ORDER BY f.rowid DESC LIMIT ?`, expr, oldest, limit-len(hits))
		if err != nil {
			return nil, err
		}
		if hits, err = scanHits(rows, hits); err != nil {
			return nil, err
		}
	}
	return hits, nil
}

// scanHits appends rows of (article id, rank) to hits and closes them.
func scanHits(rows *sql.Rows, hits []domain.Hit) ([]domain.Hit, error) {
	defer rows.Close()
	for rows.Next() {
		var h domain.Hit
		if err := rows.Scan(&h.ArticleID, &h.Rank); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// DefaultPageSize is the page size of Briefings when ListQuery.Limit is 0;
// maxPage caps any page (the snippets of a page are fetched by id list).
const (
	DefaultPageSize = 100
	maxPage         = 1000
)

// listFilter builds the WHERE clause (on briefing b) for the filters of q
// other than Search.
func listFilter(q domain.ListQuery) (string, []any) {
	where := []string{"b.deleted IS NULL"}
	var args []any
	if !q.From.IsZero() {
		where = append(where, "b.dated >= ?")
		args = append(args, q.From.UnixNano())
	}
	if !q.To.IsZero() {
		where = append(where, "b.dated <= ?")
		args = append(args, q.To.UnixNano())
	}
	if s := strings.TrimSpace(q.Source); s != "" {
		like := "%" + escapeLike(s) + "%"
		where = append(where, `EXISTS (SELECT 1 FROM briefing_article ba JOIN article a ON a.id = ba.article_id
			WHERE ba.briefing_id = b.id AND (a.source LIKE ? ESCAPE '\' OR a.credit LIKE ? ESCAPE '\' OR a.byline LIKE ? ESCAPE '\'))`)
		args = append(args, like, like, like)
	}
	if e := actorExpr(q.Actor); e != "" {
		where = append(where, `b.id IN (SELECT ac.briefing_id FROM actor_fts JOIN actor ac ON ac.id = actor_fts.rowid
			WHERE actor_fts MATCH ?)`)
		args = append(args, e)
	} else if strings.TrimSpace(q.Actor) != "" {
		where = append(where, "0")
	}
	return strings.Join(where, " AND "), args
}

// actorExpr matches an actor by name or alias: "Lavrov" finds "Sergei Lavrov".
func actorExpr(name string) string {
	terms, _ := parseQuery(name)
	var words []string
	for _, t := range terms {
		if hasToken(t.text) {
			words = append(words, strings.ReplaceAll(t.text, `"`, " "))
		}
	}
	if len(words) == 0 {
		return ""
	}
	return `"` + strings.Join(words, " ") + `"`
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// itemCols are the columns of a BriefingItem, read from briefing b.
const itemCols = `b.id, b.title, b.dated, b.dated_by,
	(SELECT count(*) FROM briefing_article WHERE briefing_id = b.id),
	coalesce((SELECT group_concat(s, ', ') FROM (SELECT DISTINCT CASE WHEN a.source <> '' THEN a.source
		WHEN a.credit <> '' THEN a.credit ELSE a.byline END AS s
		FROM briefing_article ba JOIN article a ON a.id = ba.article_id WHERE ba.briefing_id = b.id AND s <> '')), '')`

// matchesCTE ranks briefings by their best match across article titles and
// bodies, briefing titles and notes, and actor names; kind and src say where
// the best match was, for the snippet. bm25 is negative: lower is better.
// ?1 is the match expression, ?2 the rank window: each index scores only
// its newest ?2 matches, read newest first so that FTS5 stops there instead
// of scoring and sorting every match.
const matchesCTE = `WITH m(bid, rank, kind, src) AS (
		SELECT ba.briefing_id, w.r, 0, w.id FROM (SELECT rowid AS id, bm25(article_fts, 4.0, 1.0) AS r FROM article_fts
			WHERE article_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2) w JOIN briefing_article ba ON ba.article_id = w.id
		UNION ALL
		SELECT w.id, w.r * 2, 1, w.id FROM (SELECT rowid AS id, bm25(briefing_fts, 4.0, 2.0) AS r FROM briefing_fts
			WHERE briefing_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2) w
		UNION ALL
		SELECT ac.briefing_id, w.r, 2, w.id FROM (SELECT rowid AS id, bm25(actor_fts) AS r FROM actor_fts
			WHERE actor_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2) w JOIN actor ac ON ac.id = w.id
	), best AS (SELECT bid, min(rank) AS rank, kind, src FROM m GROUP BY bid)
	`

// allMatches lists every briefing matching ?1 in any index, unranked.
const allMatches = `SELECT ba.briefing_id FROM article_fts f JOIN briefing_article ba ON ba.article_id = f.rowid WHERE article_fts MATCH ?1
		UNION
		SELECT rowid FROM briefing_fts WHERE briefing_fts MATCH ?1
		UNION
		SELECT ac.briefing_id FROM actor_fts h JOIN actor ac ON ac.id = h.rowid WHERE actor_fts MATCH ?1`

// tailQuery lists the matching briefings that the ranked head (matchesCTE,
// within the rank windows) left out, newest first, with the id of their
// first article for the snippet. The page is cut before its columns are
// computed; the filters' arguments follow ?2, then the page's limit and
// offset.
const tailQuery = matchesCTE + `, rest(bid) AS (` + allMatches + ` EXCEPT SELECT bid FROM best),
	page AS (SELECT b.id AS bid FROM rest JOIN briefing b ON b.id = rest.bid WHERE %s
		ORDER BY b.dated DESC, b.id DESC LIMIT ? OFFSET ?)
	SELECT ` + itemCols + `, 0, coalesce((SELECT article_id FROM briefing_article WHERE briefing_id = b.id ORDER BY pos LIMIT 1), 0)
	FROM page JOIN briefing b ON b.id = page.bid ORDER BY b.dated DESC, b.id DESC`

// headQuery lists one page of the ranked head. The page is cut on the
// rank alone, so that the list's columns (article count, sources) are
// computed for its rows only, not for every match. Its limit and offset
// follow the filters' arguments.
const headQuery = matchesCTE + `, page AS (SELECT best.bid, best.rank, best.kind, best.src, b.dated
		FROM best JOIN briefing b ON b.id = best.bid WHERE %s
		ORDER BY best.rank, b.dated DESC, b.id DESC LIMIT ? OFFSET ?)
	SELECT ` + itemCols + `, page.kind, page.src FROM page JOIN briefing b ON b.id = page.bid
	ORDER BY page.rank, page.dated DESC, b.id DESC`

// rankWindow bounds how many matches of one index bm25 ranks: ranking is
// the costly part of a search (about 3 µs a match), and a common word
// matches most of a 100,000-article library. A query with more matches is
// ranked among its rankWindow most recently stored ones, which for a news
// desk are the ones that matter; fewer matches are ranked exactly.
var rankWindow = 1000 // a variable so that tests can reach the tail with few articles

// Briefings lists one page of briefings filtered by q: newest first, or best
// match first when q.Search is set (with a highlighted snippet).
func (l *Library) Briefings(ctx context.Context, q domain.ListQuery) ([]domain.BriefingItem, error) {
	const op = "library.Briefings"
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	limit = min(limit, maxPage)
	offset := max(0, q.Offset)
	where, args := listFilter(q)
	expr, err := matchExpr(q.Search, true)
	if err != nil {
		return nil, err
	}
	var items []domain.BriefingItem
	var srcs []snipSrc
	err = l.read(ctx, func(tx *sql.Tx) error {
		if expr == "" {
			rows, err := tx.QueryContext(ctx, `SELECT `+itemCols+`, 0, 0 FROM briefing b WHERE `+where+`
				ORDER BY b.dated DESC, b.id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
			if err != nil {
				return err
			}
			items, srcs, err = scanRanked(rows)
			return err
		}
		// The head: briefings matching within the rank windows, best first.
		head := append(append([]any{expr, rankWindow}, args...), limit, offset)
		rows, err := tx.QueryContext(ctx, fmt.Sprintf(headQuery, where), head...)
		if err != nil {
			return err
		}
		if items, srcs, err = scanRanked(rows); err != nil {
			return err
		}
		// The tail: older matches beyond the windows, newest first, so that
		// paging reaches every match Count counts. A short page is the end
		// of the head; with few matches the tail is empty and cheap.
		if len(items) < limit {
			headLen := offset + len(items)
			if len(items) == 0 && offset > 0 {
				if err := tx.QueryRowContext(ctx, matchesCTE+`SELECT count(*) FROM best JOIN briefing b ON b.id = best.bid WHERE `+where,
					append([]any{expr, rankWindow}, args...)...).Scan(&headLen); err != nil {
					return err
				}
			}
			tail := append(append([]any{expr, rankWindow}, args...), limit-len(items), max(0, offset-headLen))
			rows, err := tx.QueryContext(ctx, fmt.Sprintf(tailQuery, where), tail...)
			if err != nil {
				return err
			}
			more, moreSrcs, err := scanRanked(rows)
			if err != nil {
				return err
			}
			items, srcs = append(items, more...), append(srcs, moreSrcs...)
		}
		return fillSnippets(ctx, tx, q.Search, items, srcs)
	})
	if err != nil {
		return nil, fileError(l.path, op, err)
	}
	return items, nil
}

// snipSrc says where a listed briefing's best match is: kind 0 an article,
// 1 the briefing's title or notes, 2 an actor; id is that row.
type snipSrc struct{ kind, id int64 }

// scanRanked reads rows of itemCols, kind, src and closes them.
func scanRanked(rows *sql.Rows) ([]domain.BriefingItem, []snipSrc, error) {
	defer rows.Close()
	var items []domain.BriefingItem
	var srcs []snipSrc
	for rows.Next() {
		var it domain.BriefingItem
		var dated int64
		var by string
		var s snipSrc
		if err := rows.Scan(&it.ID, &it.Title, &dated, &by, &it.Articles, &it.Sources, &s.kind, &s.id); err != nil {
			return nil, nil, err
		}
		it.Date, it.DateBy = time.Unix(0, dated).UTC(), domain.DateSource(by)
		items = append(items, it)
		srcs = append(srcs, s)
	}
	return items, srcs, rows.Err()
}

// fillSnippets highlights what the officer typed in each item's best match.
func fillSnippets(ctx context.Context, tx *sql.Tx, search string, items []domain.BriefingItem, srcs []snipSrc) error {
	var byKind [3][]int64
	for _, s := range srcs {
		byKind[s.kind] = append(byKind[s.kind], s.id)
	}
	qs := highlightTerms(search, true)
	var snips [3]map[int64]domain.Snippet
	var err error
	if snips[0], err = bodySnippets(ctx, tx, byKind[0], qs); err != nil {
		return err
	}
	if snips[1], err = noteSnippets(ctx, tx, byKind[1], qs); err != nil {
		return err
	}
	if snips[2], err = actorSnippets(ctx, tx, byKind[2], qs); err != nil {
		return err
	}
	for i, s := range srcs {
		items[i].Snippet = snips[s.kind][s.id]
	}
	return nil
}

// noteSnippets highlights qs in the notes, else the titles, of briefings.
func noteSnippets(ctx context.Context, tx *sql.Tx, ids []int64, qs []qword) (map[int64]domain.Snippet, error) {
	return textSnippets(ctx, tx, `SELECT id, title, notes FROM briefing`, ids, func(title, notes string) domain.Snippet {
		if s, ok := cutSnippet(notes, qs); ok {
			return s
		}
		s, _ := cutSnippet(title, qs)
		return s
	})
}

// actorSnippets shows a matching actor as "Name (role)", the name marked.
func actorSnippets(ctx context.Context, tx *sql.Tx, ids []int64, qs []qword) (map[int64]domain.Snippet, error) {
	return textSnippets(ctx, tx, `SELECT id, name, role FROM actor`, ids, func(name, role string) domain.Snippet {
		s, ok := cutSnippet(name, qs)
		if !ok {
			s = domain.Snippet{Text: name}
		}
		if role != "" {
			s.Text += " (" + role + ")"
		}
		return s
	})
}

// textSnippets runs query (selecting id and two texts) for ids and builds a
// snippet of each row with cut.
func textSnippets(ctx context.Context, tx *sql.Tx, query string, ids []int64, cut func(a, b string) domain.Snippet) (map[int64]domain.Snippet, error) {
	out := map[int64]domain.Snippet{}
	if len(ids) == 0 {
		return out, nil
	}
	in, args := inList(ids)
	rows, err := tx.QueryContext(ctx, query+` WHERE id IN (`+in+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a, b string
		if err := rows.Scan(&id, &a, &b); err != nil {
			return nil, err
		}
		out[id] = cut(a, b)
	}
	return out, rows.Err()
}

// bodySnippets highlights qs in the given articles.
func bodySnippets(ctx context.Context, tx *sql.Tx, ids []int64, qs []qword) (map[int64]domain.Snippet, error) {
	return textSnippets(ctx, tx, `SELECT id, title, body FROM article`, ids, func(title, body string) domain.Snippet {
		return articleSnippet(title, body, qs)
	})
}

// inList returns "?,?,?" and the arguments for an IN list of ids.
func inList(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?,", len(ids)), ","), args
}
