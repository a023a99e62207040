package app

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/domain"
)

// pageSize is how many briefings the sidebar loads at a time.
const pageSize = 50

// searchDelay lets the officer finish a word before the library is queried.
const searchDelay = 180 * time.Millisecond

// Period filter choices.
const (
	periodAll   = "Any time"
	periodToday = "Today"
	periodWeek  = "Past 7 days"
	periodMonth = "Past 30 days"
)

// sidebar is the library: search, filters and the briefings, newest news
// first (publication date, or import time when an article has none), grouped
// by that date, paged from the engine as the list scrolls. Opening or
// editing a briefing does not move it.
type sidebar struct {
	d *desk

	search   *widget.Entry
	period   *widget.Select
	source   *widget.SelectEntry
	list     *widget.List
	actor    *widget.Button // the actor filter, shown while one is set
	count    *widget.Label
	empty    *widget.Label
	clear    *widget.Button  // under "Nothing matches": one click back to the whole library
	emptyBox *fyne.Container // empty and clear

	items      []domain.BriefingItem
	more       bool  // another page may exist
	loading    bool  // a page is being fetched
	gen        int   // bumps on every new query so stale pages are dropped
	hidden     int64 // briefing hidden while its deletion can be undone
	openID     int64
	delay      time.Duration
	stopper    func()
	sources    map[string]bool
	sourceList []string
	actorName  string
	top        *fyne.Container // search and filters
	partH      [4]float32      // heights of a row's header, title, meta and snippet
}

func newSidebar(d *desk) *sidebar {
	return &sidebar{d: d, delay: searchDelay, sources: map[string]bool{}}
}

func (s *sidebar) buildUI() fyne.CanvasObject {
	s.search = &widget.Entry{PlaceHolder: "Search the library (Ctrl+F)", ActionItem: widget.NewIcon(theme.SearchIcon()), OnChanged: s.onSearchChanged}
	s.search.ExtendBaseWidget(s.search)
	s.period = &widget.Select{Options: []string{periodAll, periodToday, periodWeek, periodMonth}, Selected: periodAll, OnChanged: s.onFilterChanged}
	s.period.ExtendBaseWidget(s.period)
	s.source = widget.NewSelectEntry(nil)
	s.source.PlaceHolder = "All sources"
	s.source.OnChanged = s.onFilterChanged
	s.list = &widget.List{
		Length:     func() int { return len(s.items) },
		CreateItem: s.createRow,
		UpdateItem: s.updateRow,
		OnSelected: s.onSelected,
	}
	s.list.ExtendBaseWidget(s.list)
	s.count = &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
	s.empty = &widget.Label{Text: "No briefings yet.\nDrop articles on the window to make one.", Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
	s.empty.Hide()
	s.clear = &widget.Button{Text: "Clear search and filters", Icon: theme.ContentClearIcon(), OnTapped: s.onClearFilters}
	s.clear.Hide()
	s.emptyBox = container.NewVBox(s.empty, container.NewCenter(s.clear))
	filters := container.NewGridWithColumns(2, s.period, s.source)
	s.actor = &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, IconPlacement: widget.ButtonIconTrailingText, OnTapped: func() { s.setActor("") }}
	s.actor.Hide()
	s.top = container.NewVBox(heading("Library"), s.search, filters, s.actor)
	top := s.top
	return container.NewBorder(top, s.count, nil, nil, container.NewStack(s.list, container.NewPadded(s.emptyBox)))
}

// libraryRow is one list entry: an optional date-group header, the title,
// the sources line and, when searching, the highlighted snippet.
type libraryRow struct {
	widget.BaseWidget
	group   *widget.Label
	title   *widget.Label
	meta    *widget.RichText
	snippet *widget.RichText
	box     *fyne.Container
}

func (s *sidebar) createRow() fyne.CanvasObject {
	r := &libraryRow{
		group:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.HighImportance, SizeName: theme.SizeNameCaptionText},
		title:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		meta:    newNote("", false),
		snippet: &widget.RichText{Truncation: fyne.TextTruncateEllipsis, Segments: snippetSegments(domain.Snippet{Text: "match", Marks: []domain.Mark{{Start: 0, End: 5}}})},
	}
	r.box = container.NewVBox(r.group, r.title, r.meta, r.snippet)
	r.ExtendBaseWidget(r)
	return r
}

func (r *libraryRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

func (s *sidebar) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*libraryRow)
	it := s.items[id]
	if g := s.groupOf(id); g != "" {
		r.group.SetText(strings.ToUpper(g))
		r.group.Show()
	} else {
		r.group.Hide()
	}
	r.title.SetText(oneLine(it.Title))
	setNote(r.meta, s.metaLine(it))
	if it.Snippet.Text != "" {
		r.snippet.Segments = snippetSegments(shortSnippet(it.Snippet, snippetChars))
		r.snippet.Refresh()
		r.snippet.Show()
	} else {
		r.snippet.Hide()
	}
	r.box.Refresh() // re-layout: the header or snippet may have been shown or hidden
	if s.more && !s.loading && id >= len(s.items)-10 {
		s.loadPage(len(s.items))
	}
}

// groupOf returns the date-group header shown above item id, or "" when the
// item continues the group of the one before it.
func (s *sidebar) groupOf(id int) string {
	g := dateGroup(s.items[id].Date, s.d.now())
	if id > 0 && dateGroup(s.items[id-1].Date, s.d.now()) == g {
		return ""
	}
	return g
}

// dateGroup names the group a date falls in, relative to now.
func dateGroup(t, now time.Time) string {
	t, now = t.Local(), now.Local()
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	switch {
	case !t.Before(today):
		return "Today"
	case !t.Before(today.AddDate(0, 0, -1)):
		return "Yesterday"
	case !t.Before(today.AddDate(0, 0, -6)):
		return "This week"
	case !t.Before(today.AddDate(0, 0, -30)):
		return "This month"
	case t.Year() == now.Year():
		return "Earlier this year"
	default:
		return "Older"
	}
}

func (s *sidebar) metaLine(it domain.BriefingItem) string {
	var parts []string
	if it.Sources != "" {
		parts = append(parts, it.Sources)
	}
	if it.Articles > 1 {
		parts = append(parts, fmt.Sprintf("%d articles", it.Articles))
	}
	if !it.Date.IsZero() {
		// Say which date this is: the news's own, or when it came in.
		how := "published "
		if it.DateBy == domain.DateImported {
			how = "imported "
		}
		if dateGroup(it.Date, s.d.now()) == "Today" {
			parts = append(parts, how+it.Date.Local().Format("15:04"))
		} else {
			parts = append(parts, how+it.Date.Local().Format("2 Jan 2006"))
		}
	}
	return strings.Join(parts, " · ")
}

// snippetSegments renders a search snippet with [ and ] around matches as
// text with the matches in bold.
func snippetSegments(snippet domain.Snippet) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	plain := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}
	bold := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameCaptionText}
	text, at := snippet.Text, 0
	for _, m := range snippet.Marks {
		if m.Start < at || m.End > len(text) || m.Start >= m.End {
			continue // not a range of this text: show it plain
		}
		if m.Start > at {
			segs = append(segs, &widget.TextSegment{Text: text[at:m.Start], Style: plain})
		}
		segs = append(segs, &widget.TextSegment{Text: text[m.Start:m.End], Style: bold})
		at = m.End
	}
	if at < len(text) {
		segs = append(segs, &widget.TextSegment{Text: text[at:], Style: plain})
	}
	return segs
}

// rowHeight is the height of item id, which depends on its header and snippet.
func (s *sidebar) rowHeight(id int) float32 {
	if s.partH[1] == 0 {
		r := s.createRow().(*libraryRow)
		for i, o := range r.box.Objects {
			s.partH[i] = o.MinSize().Height
		}
	}
	pad := theme.Padding()
	h := s.partH[1] + s.partH[2] + pad
	if s.groupOf(id) != "" {
		h += s.partH[0] + pad
	}
	if s.items[id].Snippet.Text != "" {
		h += s.partH[3] + pad
	}
	return h
}

func (s *sidebar) onSearchChanged(string) {
	if s.stopper != nil {
		s.stopper()
		s.stopper = nil
	}
	if s.delay <= 0 {
		s.reload()
		return
	}
	s.stopper = s.d.after(s.delay, s.reload)
}

func (s *sidebar) onFilterChanged(string) { s.onSearchChanged("") }

// query builds the list query from the search box and filters.
func (s *sidebar) query(offset int) domain.ListQuery {
	q := domain.ListQuery{Search: strings.TrimSpace(s.search.Text), Source: strings.TrimSpace(s.source.Text), Actor: s.actorName, Offset: offset, Limit: pageSize}
	now := s.d.now()
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	switch s.period.Selected {
	case periodToday:
		q.From = today
	case periodWeek:
		q.From = today.AddDate(0, 0, -6)
	case periodMonth:
		q.From = today.AddDate(0, 0, -29)
	}
	return q
}

// reload starts the list again from the first page.
func (s *sidebar) reload() {
	s.gen++
	s.loading = false
	s.loadPage(0)
}

// reloadSources offers every publication in the library in the source
// filter, not only those of the pages loaded. It runs when the library
// changed (start, import, restore), not on every keystroke of a search.
func (s *sidebar) reloadSources() {
	s.d.run(func() {
		srcs, err := s.d.svc.Sources(context.Background(), 200)
		s.d.do(func() {
			if err == nil {
				s.addSources(srcs)
			}
		})
	})
}

// addSources offers more publications in the source filter.
func (s *sidebar) addSources(srcs []domain.Count) {
	added := false
	for _, c := range srcs {
		if c.Name != "" && !s.sources[c.Name] {
			s.sources[c.Name] = true
			s.sourceList = append(s.sourceList, c.Name)
			added = true
		}
	}
	if added {
		s.source.SetOptions(s.sourceList)
	}
}

// loadPage fetches the page at offset off the UI goroutine.
func (s *sidebar) loadPage(offset int) {
	s.loading = true
	gen, q := s.gen, s.query(offset)
	s.d.run(func() {
		items, err := s.d.svc.List(context.Background(), q)
		s.d.do(func() { s.onPage(gen, offset, items, err) })
	})
}

func (s *sidebar) onPage(gen, offset int, items []domain.BriefingItem, err error) {
	if gen != s.gen {
		return // a newer query is on its way
	}
	s.loading = false
	if err != nil {
		if domain.KindOf(err) == domain.Invalid {
			s.count.SetText(domain.Message(err)) // a search over the bounds: say what to change
			return
		}
		log.Printf("briefdesk: list the library: %v", err)
		s.count.SetText("The library could not be read. " + domain.Message(err))
		return
	}
	s.more = len(items) == pageSize
	if offset == 0 {
		s.items = s.items[:0]
	}
	for _, it := range items {
		if it.ID == s.hidden {
			continue
		}
		s.items = append(s.items, it)
		for _, src := range strings.Split(it.Sources, ",") {
			if src = strings.TrimSpace(src); src != "" && !s.sources[src] {
				s.sources[src] = true
				s.sourceList = append(s.sourceList, src)
				s.source.SetOptions(s.sourceList)
			}
		}
	}
	for i := offset; i < len(s.items); i++ {
		s.list.SetItemHeight(i, s.rowHeight(i))
	}
	s.list.Refresh()
	s.updateCount()
	s.reselect()
}

func (s *sidebar) updateCount() {
	n := fmt.Sprint(len(s.items))
	if s.more {
		n += "+"
	}
	s.clear.Hide()
	switch {
	case len(s.items) == 0 && s.filtered():
		s.empty.SetText("Nothing matches.\nTry other words or clear the filters.")
		s.empty.Show()
		s.clear.Show()
	case len(s.items) == 0:
		s.empty.SetText("No briefings yet.\nDrop articles on the window to make one.")
		s.empty.Show()
	default:
		s.empty.Hide()
	}
	s.emptyBox.Refresh() // re-layout: parts were shown or hidden
	word := "briefings"
	if len(s.items) == 1 {
		word = "briefing"
	}
	// The order and the time filters go by publication date, or import time
	// when a briefing's articles carry none; the rows say which, and so does
	// the count while a time filter is on.
	switch {
	case s.period.Selected != periodAll:
		s.count.SetText(fmt.Sprintf("%s %s match · dated by publication, else import", n, word))
	case s.filtered():
		s.count.SetText(fmt.Sprintf("%s %s match", n, word))
	default:
		s.count.SetText(fmt.Sprintf("%s %s", n, word))
	}
}

// onClearFilters empties the search and resets every filter.
func (s *sidebar) onClearFilters() {
	s.search.SetText("")
	s.period.SetSelected(periodAll)
	s.source.SetText("")
	s.setActor("") // reloads
}

func (s *sidebar) filtered() bool {
	return strings.TrimSpace(s.search.Text) != "" || s.period.Selected != periodAll || strings.TrimSpace(s.source.Text) != "" || s.actorName != ""
}

// setActor lists only briefings that mention the actor; "" lists all.
func (s *sidebar) setActor(name string) {
	s.actorName = name
	if name == "" {
		s.actor.Hide()
	} else {
		s.actor.SetText("Mentioning " + name)
		s.actor.Show()
	}
	s.top.Refresh()
	s.reload()
}

// reselect keeps the open briefing highlighted after the list reloads.
func (s *sidebar) reselect() {
	for i, it := range s.items {
		if it.ID == s.openID {
			s.list.Select(i)
			return
		}
	}
	s.list.UnselectAll()
}

func (s *sidebar) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(s.items) {
		return
	}
	if s.items[id].ID == s.openID {
		return
	}
	s.openID = s.items[id].ID
	s.d.openBriefing(s.openID)
}

// markOpen records the briefing shown, so the list highlights it.
func (s *sidebar) markOpen(id int64) {
	s.openID = id
	s.reselect()
}

// selectNext moves the selection by delta (arrow keys when the list has no focus).
func (s *sidebar) selectNext(delta int) {
	if len(s.items) == 0 {
		return
	}
	cur := -1
	for i, it := range s.items {
		if it.ID == s.openID {
			cur = i
		}
	}
	next := min(max(cur+delta, 0), len(s.items)-1)
	s.list.Select(next)
	s.list.ScrollTo(next)
}

// hide removes briefing id from the list while its deletion can be undone;
// 0 shows everything again.
func (s *sidebar) hide(id int64) {
	s.hidden = id
	if id == 0 {
		s.reload()
		return
	}
	for i, it := range s.items {
		if it.ID == id {
			s.items = append(s.items[:i], s.items[i+1:]...)
			break
		}
	}
	if s.openID == id {
		s.openID = 0
	}
	for i := range s.items {
		s.list.SetItemHeight(i, s.rowHeight(i))
	}
	s.list.UnselectAll()
	s.list.Refresh()
	s.updateCount()
}

func (s *sidebar) focusSearch() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.search); c != nil {
		c.Focus(s.search)
	}
}

// snippetChars is how much of a snippet a library row shows.
const snippetChars = 52

// shortSnippet cuts a snippet to about n characters around its first match,
// so the row stays one line and the match is visible. A match cut at the
// edge keeps its visible part marked.
func shortSnippet(s domain.Snippet, n int) domain.Snippet {
	text := s.Text
	runes := utf8.RuneCountInString(text)
	if runes <= n {
		return s
	}
	// byteAt[i] is the byte offset of rune i of text (and of its end).
	byteAt := make([]int, 0, runes+1)
	for b := range text {
		byteAt = append(byteAt, b)
	}
	byteAt = append(byteAt, len(text))
	start, first := 0, 0
	if len(s.Marks) > 0 {
		first = utf8.RuneCountInString(text[:s.Marks[0].Start])
		start = max(first-n/5, 0)
	}
	end := min(start+n, runes)
	if end-start < n {
		start = max(end-n, 0)
	}
	// begin at a word, not in the middle of one
	for start > 0 && start < first && text[byteAt[start]-1] != ' ' {
		start++
	}
	bs, be := byteAt[start], byteAt[end]
	var out domain.Snippet
	if start > 0 {
		out.Text = "…"
	}
	shift := len(out.Text) - bs
	out.Text += text[bs:be]
	for _, m := range s.Marks {
		if m.End <= bs || m.Start >= be {
			continue
		}
		out.Marks = append(out.Marks, domain.Mark{Start: max(m.Start, bs) + shift, End: min(m.End, be) + shift})
	}
	if end < runes {
		out.Text += "…"
	}
	return out
}
