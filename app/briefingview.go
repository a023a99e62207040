package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/domain"
)

// briefingView shows one briefing: header, summary with its length control,
// the article text with the summary highlighted, actor cards, key facts and
// the briefing's articles.
type briefingView struct {
	d *desk
	b *domain.Briefing

	root           fyne.CanvasObject
	title          *widget.Label
	meta           *widget.RichText
	classification *widget.Label

	length      *widget.Slider
	lengthLabel *widget.Label
	fit         *widget.Check
	editsLabel  *widget.Label
	resetEdits  *widget.Button
	summary     *fyne.Container

	filterBar   *fyne.Container
	filterLabel *widget.Label
	textBox     *fyne.Container   // hint, filter bar and text: re-laid out when the bar shows
	left        *container.Scroll // summary and article text
	textSection fyne.CanvasObject // the "Article text" heading and textBox, inside left
	findActor   *widget.Button
	text        *fyne.Container
	paragraphs  []*prose

	actors     *fyne.Container
	cards      []*actorCard
	moreActors *widget.Button
	actorBox   *fyne.Container // the grid and the Show all button
	allActors  bool            // show every actor, not just the first few
	facts      *fyne.Container
	articles   *fyne.Container

	filter     map[domain.SentenceRef]bool // sentences shown when filtering by actor or fact
	filterName string
	selected   int           // actor card filtering the text, -1 for none
	incomplete *widget.Label // "source looks incomplete", when one does
}

func newBriefingView(d *desk) *briefingView {
	v := &briefingView{d: d, selected: -1}
	v.buildUI()
	return v
}

func (v *briefingView) buildUI() {
	v.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText, Wrapping: fyne.TextWrapWord}
	v.meta = newNote("", true)
	v.classification = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.DangerImportance, Alignment: fyne.TextAlignCenter}
	buttons := container.NewHBox(
		&widget.Button{Text: "Add articles", Icon: theme.ContentAddIcon(), OnTapped: v.onAddArticles},
		&widget.Button{Text: "Export", Icon: theme.DocumentSaveIcon(), OnTapped: v.d.onExport},
		&widget.Button{Text: "Print", Icon: theme.DocumentPrintIcon(), Importance: widget.HighImportance, OnTapped: v.d.onPrint},
		&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: v.d.onDelete},
	)
	v.incomplete = &widget.Label{Importance: widget.WarningImportance, Wrapping: fyne.TextWrapWord}
	v.incomplete.Hide()
	header := container.NewBorder(nil, nil, nil, container.NewVBox(buttons), container.NewVBox(v.title, v.meta, v.incomplete))

	v.length = &widget.Slider{Min: 1, Max: 10, Step: 1, Value: defaultSentences, OnChanged: v.onLengthDragged, OnChangeEnded: v.onLengthChanged}
	v.length.ExtendBaseWidget(v.length)
	v.lengthLabel = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	v.fit = &widget.Check{Text: "Fit one page", OnChanged: v.onFitChanged}
	v.fit.ExtendBaseWidget(v.fit)
	v.editsLabel = &widget.Label{SizeName: theme.SizeNameCaptionText}
	v.resetEdits = &widget.Button{Text: "Reset edits", Icon: theme.ContentClearIcon(), Importance: widget.LowImportance, OnTapped: v.onResetEdits}
	lengthRow := container.NewBorder(nil, nil, &widget.Label{Text: "Length"}, container.NewHBox(v.lengthLabel, v.fit), v.length)
	v.summary = container.NewVBox()
	summary := section("Summary", container.NewHBox(v.editsLabel, v.resetEdits), container.NewVBox(lengthRow, v.summary))

	v.filterLabel = &widget.Label{Wrapping: fyne.TextWrapWord}
	v.findActor = &widget.Button{Text: "In other briefings", Icon: theme.SearchIcon(), Importance: widget.LowImportance, OnTapped: v.onFindActor}
	v.filterBar = container.NewBorder(nil, nil, widget.NewIcon(theme.VisibilityIcon()),
		container.NewHBox(v.findActor, &widget.Button{Text: "Show all text", Icon: theme.CancelIcon(), OnTapped: v.onClearFilter}), v.filterLabel)
	v.filterBar.Hide()
	hint := newNote("Highlighted: the summary; struck through: dropped by you. Click to drop, bring back or pin.", true)
	v.text = container.NewVBox()
	v.textBox = container.NewVBox(hint, v.filterBar, v.text)
	text := section("Article text", nil, v.textBox)
	v.textSection = text

	v.actors = container.NewAdaptiveGrid(2)
	v.moreActors = &widget.Button{Importance: widget.LowImportance, Icon: theme.MenuExpandIcon(), OnTapped: v.onMoreActors}
	v.actorBox = container.NewVBox(v.actors, v.moreActors)
	v.facts = container.NewVBox()
	v.articles = container.NewVBox()
	add := &widget.Button{Icon: theme.ContentAddIcon(), Importance: widget.LowImportance, OnTapped: v.onAddArticles}
	dropHint := newNote("Drop files or links on this briefing to add them to it.", true)

	left := container.NewVScroll(container.NewPadded(container.NewVBox(summary, widget.NewSeparator(), text)))
	v.left = left
	right := container.NewVScroll(container.NewPadded(container.NewVBox(
		section("Key actors", nil, v.actorBox),
		widget.NewSeparator(),
		section("Key numbers and dates", nil, v.facts),
		widget.NewSeparator(),
		section("Articles", add, container.NewVBox(v.articles, dropHint)),
	)))
	split := container.NewHSplit(left, right)
	split.Offset = 0.6
	top := container.NewVBox(v.classification, container.NewPadded(header), widget.NewSeparator())
	v.root = container.NewBorder(top, nil, nil, nil, split)
}

// current returns the briefing shown, or nil.
func (v *briefingView) current() *domain.Briefing { return v.b }

// contains reports whether canvas position pos falls on the briefing view.
func (v *briefingView) contains(pos fyne.Position) bool {
	if v.b == nil || !v.root.Visible() {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(v.root)
	if c == nil {
		return false
	}
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.root)
	s := v.root.Size()
	return pos.X >= p.X && pos.Y >= p.Y && pos.X <= p.X+s.Width && pos.Y <= p.Y+s.Height
}

// show fills the view with b (nil clears it).
func (v *briefingView) show(b *domain.Briefing) {
	if v.b == nil || b == nil || v.b.ID != b.ID {
		v.filter, v.filterName, v.selected, v.allActors = nil, "", -1, false
	}
	v.b = b
	if b == nil {
		return
	}
	if b.Analysis == nil {
		b.Analysis = &domain.Analysis{}
	}
	v.title.SetText(oneLine(b.Title))
	setNote(v.meta, metaLine(b))
	if w := incompleteLine(b); w != "" {
		v.incomplete.SetText(w)
		v.incomplete.Show()
	} else {
		v.incomplete.Hide()
	}
	if b.Classification != "" || v.d.prefs.String(prefClassification) != "" {
		c := b.Classification
		if c == "" {
			c = v.d.prefs.String(prefClassification)
		}
		v.classification.SetText(c)
		v.classification.Show()
	} else {
		v.classification.Hide()
	}
	v.showLength()
	v.showSummary()
	v.showText()
	v.showActors()
	v.showFacts()
	v.showArticles()
	v.root.(*fyne.Container).Refresh() // re-layout: parts were shown or hidden
}

// metaLine says where the briefing's articles come from.
func metaLine(b *domain.Briefing) string {
	if len(b.Articles) == 0 {
		return "No articles"
	}
	a := b.Articles[0]
	var parts []string
	for _, s := range []string{a.Source, a.Credit, linkHost(a.Origin.Name)} {
		if s = oneLine(s); s != "" && !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	if a.Byline != "" {
		parts = append(parts, "By "+oneLine(a.Byline))
	}
	if len(parts) == 0 {
		parts = append(parts, "Source unknown ("+fileLabel(a)+")")
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Format("2 January 2006"))
	}
	if a.Dateline != "" && len(parts) < 2 {
		parts = append(parts, a.Dateline)
	}
	switch n := len(b.Articles) - 1; {
	case n == 1:
		parts = append(parts, "and 1 more article")
	case n > 1:
		parts = append(parts, fmt.Sprintf("and %d more articles", n))
	}
	return strings.Join(parts, " · ")
}

// incompleteLine warns that a source of b looks cut off, so that nobody
// briefs from half an article without knowing.
func incompleteLine(b *domain.Briefing) string {
	var which []string
	reason := ""
	for i, a := range b.Articles {
		if a.Incomplete != "" {
			which = append(which, fmt.Sprint(i+1))
			reason = a.Incomplete
		}
	}
	switch {
	case len(which) == 0:
		return ""
	case len(b.Articles) == 1:
		return "⚠ The source looks incomplete: " + reason + ". Check the original before relying on this briefing."
	case len(which) == 1:
		return "⚠ Article " + which[0] + "'s source looks incomplete: " + reason + ". Check the original before relying on it."
	}
	return "⚠ The sources of articles " + strings.Join(which, ", ") + " look incomplete. Check the originals before relying on them."
}

// showLength sets the length control from the briefing.
func (v *briefingView) showLength() {
	b := v.b
	total := len(b.Analysis.Summary.Scores)
	v.length.Max = float64(max(total, 2))
	n := b.Length.Sentences
	if n <= 0 {
		n = len(b.Analysis.Summary.Sentences)
	}
	if n <= 0 {
		n = defaultSentences
	}
	v.length.Value = float64(min(n, int(v.length.Max)))
	fit := b.Length.Words == fitWords
	v.fit.Checked = fit
	v.fit.Refresh()
	if fit {
		v.length.Disable()
	} else {
		v.length.Enable()
	}
	v.length.Refresh()
	v.updateLengthLabel()
}

func (v *briefingView) updateLengthLabel() {
	if v.fit.Checked {
		v.lengthLabel.SetText("One page")
		return
	}
	n := int(v.length.Value)
	word := "sentences"
	if n == 1 {
		word = "sentence"
	}
	v.lengthLabel.SetText(fmt.Sprintf("%d %s", n, word))
}

// showSummary lists the summary's sentences, each with the article it came
// from when the briefing has several.
func (v *briefingView) showSummary() {
	b := v.b
	v.summary.Objects = nil
	sents := b.Analysis.Summary.Sentences
	if len(sents) == 0 {
		msg := "No summary: the article has no sentences the engine could read."
		if len(b.Articles) > 0 && !b.Articles[0].Supported() {
			msg = "No summary: Briefdesk summarises English articles; this one is in " + strings.ToUpper(b.Articles[0].Language) + "."
		}
		v.summary.Add(&widget.Label{Text: msg, Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance})
	}
	words := 0
	for i, s := range sents {
		words += len(strings.Fields(s.Text))
		num := &widget.Label{Text: fmt.Sprintf("%d.", i+1), TextStyle: fyne.TextStyle{Bold: true}}
		var notes []string
		if len(b.Articles) > 1 && s.Article < len(b.Articles) {
			notes = append(notes, fmt.Sprintf("Article %d · %s", s.Article+1, articleName(b.Articles[s.Article])))
		}
		if v.isPinned(s.SentenceRef) {
			notes = append(notes, "pinned by you")
		}
		text := &widget.Label{Text: oneLine(s.Text), Wrapping: fyne.TextWrapWord}
		body := fyne.CanvasObject(text)
		if len(notes) > 0 {
			// no padding between: the note belongs to the sentence above it
			body = container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()), text, newNote(strings.Join(notes, " · "), true))
		}
		ref := s.SentenceRef
		drop := &widget.Button{Icon: theme.ContentRemoveIcon(), Importance: widget.LowImportance, OnTapped: func() { v.dropSentence(ref) }}
		v.summary.Add(container.NewBorder(nil, nil, container.NewVBox(num), container.NewVBox(drop), body))
	}
	v.summary.Refresh()
	n := len(b.Edits.Pinned) + len(b.Edits.Dropped)
	if n > 0 {
		v.editsLabel.SetText(fmt.Sprintf("%d pinned, %d dropped · %d words", len(b.Edits.Pinned), len(b.Edits.Dropped), words))
		v.resetEdits.Show()
	} else {
		v.editsLabel.SetText(fmt.Sprintf("%d words", words))
		v.resetEdits.Hide()
	}
}

// articleName is the short name of an article for labels.
func articleName(a *domain.Article) string {
	if s := sourceName(a); s != "" {
		return s
	}
	if t := oneLine(a.Title); t != "" {
		return t
	}
	return fileLabel(a)
}

func (v *briefingView) isPinned(r domain.SentenceRef) bool {
	for _, p := range v.b.Edits.Pinned {
		if p == r {
			return true
		}
	}
	return false
}

// showText lays out the articles' text with the summary highlighted, or
// only the filtered sentences.
func (v *briefingView) showText() {
	b := v.b
	chosen := map[domain.SentenceRef]spanState{}
	for _, s := range b.Analysis.Summary.Sentences {
		chosen[s.SentenceRef] = spanChosen
	}
	for _, p := range b.Edits.Pinned {
		if _, ok := chosen[p]; ok {
			chosen[p] = spanPinned
		}
	}
	for _, r := range b.Edits.Dropped {
		if _, ok := chosen[r]; !ok {
			chosen[r] = spanDropped
		}
	}
	byArticle := map[int][]domain.Sentence{}
	for _, s := range b.Analysis.Summary.Scores {
		byArticle[s.Article] = append(byArticle[s.Article], s.Sentence)
	}
	v.text.Objects = nil
	v.paragraphs = nil
	addPara := func(spans []span) {
		p := newProse(spans, v.onSentenceTapped)
		v.paragraphs = append(v.paragraphs, p)
		// inset like a label's text, so paragraphs line up with the headings
		in := theme.InnerPadding()
		v.text.Add(container.New(layout.NewCustomPaddedLayout(0, 0, in, in), p))
	}
	if v.filter != nil {
		if v.selected >= 0 {
			v.findActor.Show()
		} else {
			v.findActor.Hide()
		}
		v.filterLabel.SetText(fmt.Sprintf("Showing %s about %s.", plural(len(v.filter), "sentence"), v.filterName))
		v.filterBar.Show()
		for ai := range b.Articles {
			for _, s := range byArticle[ai] {
				if v.filter[s.SentenceRef] {
					addPara([]span{{text: s.Text, ref: s.SentenceRef, state: chosen[s.SentenceRef]}})
				}
			}
		}
		v.textBox.Refresh()
		return
	}
	v.filterBar.Hide()
	for ai, a := range b.Articles {
		if len(b.Articles) > 1 {
			v.text.Add(&widget.Label{Text: fmt.Sprintf("Article %d · %s", ai+1, oneLine(a.Title)), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord})
		}
		for _, spans := range paragraphSpans(a, byArticle[ai], chosen) {
			addPara(spans)
		}
	}
	v.textBox.Refresh()
}

// paragraphSpans cuts an article's paragraphs into sentence spans using the
// sentences' byte offsets into Article.Body; text no sentence covers stays
// visible as a gap span.
func paragraphSpans(a *domain.Article, sents []domain.Sentence, chosen map[domain.SentenceRef]spanState) [][]span {
	body := a.Body()
	var out [][]span
	start := 0
	si := 0
	for _, para := range a.Paragraphs {
		end := start + len(para)
		var spans []span
		pos := start
		for si < len(sents) && sents[si].Start < end {
			s := sents[si]
			si++
			if s.Start < pos || s.End > len(body) || s.Start > s.End {
				continue // offsets that do not fit the body: skip rather than garble
			}
			if s.Start > pos {
				spans = append(spans, span{text: body[pos:s.Start], state: spanGap})
			}
			spans = append(spans, span{text: body[s.Start:min(s.End, end)], ref: s.SentenceRef, state: chosen[s.SentenceRef]})
			pos = min(s.End, end)
		}
		if pos < end {
			spans = append(spans, span{text: body[pos:end], state: spanGap})
		}
		out = append(out, spans)
		start = end + 2 // the blank line Body puts between paragraphs
	}
	return out
}

// showActors fills the actor grid.
func (v *briefingView) showActors() {
	v.actors.Objects = nil
	v.cards = nil
	acts := v.b.Analysis.Actors
	if len(acts) == 0 {
		v.actors.Add(&widget.Label{Text: "No key actors found.", Importance: widget.LowImportance})
	}
	shown := len(acts)
	if !v.allActors && shown > actorsShown {
		shown = actorsShown
		if v.selected >= shown {
			shown = v.selected + 1
		}
	}
	switch {
	case len(acts) <= actorsShown:
		v.moreActors.Hide()
	case v.allActors:
		v.moreActors.SetText("Show the main actors only")
		v.moreActors.SetIcon(theme.MenuDropUpIcon())
		v.moreActors.Show()
	default:
		v.moreActors.SetText(fmt.Sprintf("Show all %d actors", len(acts)))
		v.moreActors.SetIcon(theme.MenuDropDownIcon())
		v.moreActors.Show()
	}
	for i := range acts[:shown] {
		i := i
		c := newActorCard(&acts[i], func() { v.onActorTapped(i) })
		c.selected = i == v.selected
		v.cards = append(v.cards, c)
		v.actors.Add(c)
	}
	v.actors.Refresh()
}

// actorsShown is how many actor cards show before "Show all".
const actorsShown = 6

func (v *briefingView) onMoreActors() {
	v.allActors = !v.allActors
	v.showActors()
	v.actorBox.Refresh()
}

// showFacts lists key numbers and dates; clicking one shows its sentence.
func (v *briefingView) showFacts() {
	v.facts.Objects = nil
	facts := v.b.Analysis.Facts
	if len(facts) == 0 {
		v.facts.Add(&widget.Label{Text: "No key numbers or dates found.", Importance: widget.LowImportance})
	}
	for i, f := range facts {
		i := i
		var icon fyne.Resource = numberIcon
		if f.Kind == domain.Date {
			icon = theme.CalendarIcon()
		}
		v.facts.Add(&widget.Button{Text: f.Text, Icon: icon, Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance, OnTapped: func() { v.onFactTapped(i) }})
	}
	v.facts.Refresh()
}

// showArticles lists the briefing's articles with reorder and remove.
func (v *briefingView) showArticles() {
	v.articles.Objects = nil
	n := len(v.b.Articles)
	for i, a := range v.b.Articles {
		i := i
		title := &widget.Label{Text: fmt.Sprintf("%d. %s", i+1, oneLine(a.Title)), TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
		var bits []string
		for _, s := range []string{a.Source, a.Credit, a.Byline, linkHost(a.Origin.Name), a.Dateline} {
			if s = oneLine(s); s != "" && !slices.Contains(bits, s) {
				bits = append(bits, s)
			}
		}
		if len(bits) == 0 {
			bits = append(bits, "Source unknown ("+fileLabel(a)+")")
		}
		if !a.Published.IsZero() {
			bits = append(bits, a.Published.Format("2 Jan 2006"))
		}
		if a.Origin.Format != "" {
			bits = append(bits, strings.ToUpper(string(a.Origin.Format)))
		}
		meta := newNote(strings.Join(bits, " · "), false)
		up := &widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { v.onMoveArticle(i, -1) }}
		down := &widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { v.onMoveArticle(i, 1) }}
		takeOut := &widget.Button{Text: "Take out", Icon: theme.ContentCutIcon(), Importance: widget.LowImportance, OnTapped: func() { v.onRemoveArticle(i) }}
		del := &widget.Button{Text: "Delete", Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { v.onDeleteArticle(i) }}
		if i == 0 {
			up.Disable()
		}
		if i == n-1 {
			down.Disable()
		}
		if n == 1 {
			takeOut.Disable() // its only article: delete the briefing instead
		}
		rows := []fyne.CanvasObject{title, meta}
		if a.Incomplete != "" {
			rows = append(rows, &widget.Label{Text: "⚠ Source looks incomplete: " + a.Incomplete, Importance: widget.WarningImportance, Wrapping: fyne.TextWrapWord})
		}
		rows = append(rows, container.NewHBox(up, down, layout.NewSpacer(), takeOut, del))
		v.articles.Add(container.NewVBox(rows...))
	}
	v.articles.Refresh()
}

func (v *briefingView) onLengthDragged(f float64) { v.updateLengthLabel() }

// onLengthChanged re-summarises at the length the slider was released at.
func (v *briefingView) onLengthChanged(f float64) {
	if v.b == nil || v.fit.Checked {
		return
	}
	n := int(f)
	if n == v.b.Length.Sentences && v.b.Length.Words == 0 {
		return
	}
	v.edit(domain.Change{Kind: domain.SetLength, Length: domain.Length{Sentences: n}}, "change length", "Summary set to "+v.lengthLabel.Text+".")
}

// onFitChanged switches between a sentence count and filling one page.
func (v *briefingView) onFitChanged(fit bool) {
	if v.b == nil {
		return
	}
	ch := domain.Change{Kind: domain.SetLength, Length: domain.Length{Sentences: int(v.length.Value)}}
	if fit {
		v.length.Disable()
		ch.Length = domain.Length{Words: fitWords}
	} else {
		v.length.Enable()
	}
	v.updateLengthLabel()
	if fit {
		v.edit(ch, "fit one page", "Summary fitted to one printed page.")
	} else {
		v.edit(ch, "change length", "Summary set to "+v.lengthLabel.Text+".")
	}
}

// onSentenceTapped drops a highlighted sentence, brings a dropped one back
// (the ranker decides again) and pins any other.
func (v *briefingView) onSentenceTapped(s span) {
	switch s.state {
	case spanChosen, spanPinned:
		v.dropSentence(s.ref)
	case spanDropped:
		v.markSentence(domain.Unmark, s.ref, "undrop sentence", "Sentence no longer dropped: the summary chooses again.")
	default:
		v.pinSentence(s.ref)
	}
}

func (v *briefingView) pinSentence(r domain.SentenceRef) {
	v.markSentence(domain.Pin, r, "pin sentence", "Sentence pinned to the summary.")
}

func (v *briefingView) dropSentence(r domain.SentenceRef) {
	v.markSentence(domain.Drop, r, "drop sentence", "Sentence dropped from the summary; it stays struck through in the text.")
}

// markSentence pins, drops or unmarks a sentence, named by its article's ID
// so that the edit lands on the right sentence whatever changed meanwhile.
func (v *briefingView) markSentence(k domain.ChangeKind, r domain.SentenceRef, label, done string) {
	if v.b == nil || r.Article < 0 || r.Article >= len(v.b.Articles) {
		return
	}
	v.edit(domain.Change{Kind: k, Article: v.b.Articles[r.Article].ID, Sentence: r.Index}, label, done)
}

func (v *briefingView) onResetEdits() {
	if v.b == nil || len(v.b.Edits.Pinned)+len(v.b.Edits.Dropped) == 0 {
		return
	}
	v.edit(domain.Change{Kind: domain.SetEdits}, "reset summary edits", "Summary edits cleared.")
}

// onActorTapped shows only the sentences that mention the actor; tapping
// the same card again shows all text.
func (v *briefingView) onActorTapped(i int) {
	if v.selected == i {
		v.onClearFilter()
		return
	}
	a := v.b.Analysis.Actors[i]
	v.selected = i
	v.setFilter(a.Name, a.Sentences)
	for j, c := range v.cards {
		c.setSelected(j == i)
	}
}

// onFindActor lists the library's briefings that mention the selected actor.
func (v *briefingView) onFindActor() {
	if v.b == nil || v.selected < 0 || v.selected >= len(v.b.Analysis.Actors) {
		return
	}
	v.d.sidebar.setActor(v.b.Analysis.Actors[v.selected].Name)
}

func (v *briefingView) onFactTapped(i int) {
	f := v.b.Analysis.Facts[i]
	v.selected = -1
	for _, c := range v.cards {
		c.setSelected(false)
	}
	v.setFilter("“"+f.Text+"”", []domain.SentenceRef{f.Where})
}

func (v *briefingView) setFilter(name string, refs []domain.SentenceRef) {
	v.filter = map[domain.SentenceRef]bool{}
	for _, r := range refs {
		v.filter[r] = true
	}
	v.filterName = name
	v.showText()
	v.revealText()
}

// revealText scrolls the left column to the article text, so that tapping an
// actor card or a figure visibly does something: the filtered sentences sit
// below a summary that usually fills the first screen.
func (v *briefingView) revealText() {
	if v.left == nil || v.textSection == nil {
		return
	}
	v.left.Content.Refresh() // lay out the filtered text before measuring
	// room for the heading, the filter bar and the first sentence
	const headRoom = 160
	y := v.textSection.Position().Y + theme.Padding()
	if y < v.left.Offset.Y || y+headRoom > v.left.Offset.Y+v.left.Size().Height {
		v.left.ScrollToOffset(fyne.NewPos(0, y))
	}
}

func (v *briefingView) onClearFilter() {
	if v.b == nil || v.filter == nil {
		return
	}
	v.filter, v.filterName, v.selected = nil, "", -1
	for _, c := range v.cards {
		c.setSelected(false)
	}
	v.showText()
}

// onMoveArticle moves article i by delta places; the engine keeps the
// officer's edits on the same sentences.
func (v *briefingView) onMoveArticle(i, delta int) {
	j := i + delta
	if v.b == nil || i < 0 || i >= len(v.b.Articles) || j < 0 || j >= len(v.b.Articles) {
		return
	}
	v.edit(domain.Change{Kind: domain.MoveArticle, Article: v.b.Articles[i].ID, To: j}, "move article", "Articles reordered.")
}

// onRemoveArticle takes article i out of the briefing. Nothing is lost, so
// nothing needs confirming: the article becomes a briefing of its own, and
// Undo merges it back.
func (v *briefingView) onRemoveArticle(i int) { v.removeArticle(i) }

func (v *briefingView) removeArticle(i int) {
	d := v.d
	d.enqueue(func() func() func() {
		if v.b == nil || i >= len(v.b.Articles) || len(v.b.Articles) < 2 {
			return nil
		}
		id, art, title := v.b.ID, v.b.Articles[i].ID, oneLine(v.b.Articles[i].Title)
		d.setStatus("Taking the article out…")
		return func() func() {
			kept, split, err := d.svc.RemoveArticle(context.Background(), id, art)
			return func() {
				if err != nil {
					d.showError("Could not take the article out", err, "The briefing is unchanged.")
					return
				}
				d.setStatus(fmt.Sprintf("“%s” is now a briefing of its own in the library. Undo (Ctrl+Z) puts it back.", title))
				d.record(&action{label: "take out article",
					undo: func(ctx context.Context) (int64, error) {
						_, _, err := d.svc.Merge(ctx, id, split, i, true)
						return id, err
					},
					redo: func(ctx context.Context) (int64, error) {
						var err error
						_, split, err = d.svc.RemoveArticle(ctx, id, art)
						return id, err
					},
				})
				v.showIfCurrent(kept)
				d.sidebar.reload()
			}
		}
	})
}

// onDeleteArticle moves article i to the trash: out of this briefing and
// any other that holds it (a briefing it was the only article of goes with
// it). Undo, or the Trash, brings it back.
func (v *briefingView) onDeleteArticle(i int) {
	d := v.d
	d.enqueue(func() func() func() {
		if v.b == nil || i >= len(v.b.Articles) {
			return nil
		}
		id, art, title, last := v.b.ID, v.b.Articles[i].ID, oneLine(v.b.Articles[i].Title), len(v.b.Articles) == 1
		return func() func() {
			err := d.svc.DeleteArticle(context.Background(), art)
			var b *domain.Briefing
			if err == nil && !last {
				b, err = d.svc.Briefing(context.Background(), id)
			}
			return func() {
				if err != nil {
					d.showError("Could not delete the article", err, "The article is still in the library.")
					return
				}
				d.setStatus(fmt.Sprintf("Moved “%s” to the trash.", title))
				d.record(&action{label: "delete article",
					undo: func(ctx context.Context) (int64, error) { return d.svc.UndeleteArticle(ctx, art) },
					redo: func(ctx context.Context) (int64, error) {
						if err := d.svc.DeleteArticle(ctx, art); err != nil || last {
							return 0, err
						}
						return id, nil
					},
				})
				if last {
					if cur := v.current(); cur != nil && cur.ID == id {
						d.showEmpty()
					}
				} else {
					v.showIfCurrent(b)
				}
				d.sidebar.reload()
			}
		}
	})
}

// rename sets the briefing's title.
func (v *briefingView) rename(title string) {
	title = oneLine(title)
	if v.b == nil || title == "" || title == v.b.Title {
		return
	}
	v.title.SetText(title)
	v.d.win.SetTitle(title + " — Briefdesk")
	v.edit(domain.Change{Kind: domain.Rename, Title: title}, "rename", "Briefing renamed.")
}

// onAddArticles picks a file to add to this briefing.
func (v *briefingView) onAddArticles() {
	if v.b == nil {
		return
	}
	id := v.b.ID
	fd := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		rc.Close()
		v.d.importSources(sourcesFromURIs([]fyne.URI{rc.URI()}), id)
	}, v.d.win)
	fd.Resize(dialogSize(v.d.win, fyne.NewSize(860, 600)))
	fd.Show()
}

// edit asks the engine to apply ch to the open briefing as stored (never
// this window's copy, which an import may have overtaken) and shows the
// result. A label records it for Undo; "" records nothing.
func (v *briefingView) edit(ch domain.Change, label, done string) {
	d := v.d
	d.enqueue(func() func() func() {
		if v.b == nil {
			return nil
		}
		before := cloneBriefing(v.b)
		id := before.ID
		d.setStatus("Updating the summary…")
		return func() func() {
			after, err := d.svc.Edit(context.Background(), id, ch)
			return func() {
				if err != nil {
					d.showError("Could not change the briefing", err, "Nothing was changed.")
					return
				}
				if label != "" {
					undo, redo := inverse(ch, before, after)
					d.record(&action{label: label,
						undo: func(ctx context.Context) (int64, error) { _, err := d.svc.Edit(ctx, id, undo); return id, err },
						redo: func(ctx context.Context) (int64, error) { _, err := d.svc.Edit(ctx, id, redo); return id, err },
					})
				}
				d.setStatus(done)
				v.showIfCurrent(after)
				if ch.Kind == domain.Rename {
					d.sidebar.reload()
				}
			}
		}
	})
}

// inverse returns the changes that undo and redo ch, which turned before
// into after.
func inverse(ch domain.Change, before, after *domain.Briefing) (undo, redo domain.Change) {
	switch ch.Kind {
	case domain.Rename:
		return domain.Change{Kind: domain.Rename, Title: before.Title}, domain.Change{Kind: domain.Rename, Title: after.Title}
	case domain.SetLength:
		return domain.Change{Kind: domain.SetLength, Length: before.Length}, domain.Change{Kind: domain.SetLength, Length: after.Length}
	case domain.MoveArticle:
		return domain.Change{Kind: domain.MoveArticle, Article: ch.Article, To: articleAt(before, ch.Article)},
			domain.Change{Kind: domain.MoveArticle, Article: ch.Article, To: articleAt(after, ch.Article)}
	}
	return domain.Change{Kind: domain.SetEdits, Edits: before.Edits}, domain.Change{Kind: domain.SetEdits, Edits: after.Edits}
}

// articleAt is the position of article id in b.
func articleAt(b *domain.Briefing, id int64) int {
	for i, a := range b.Articles {
		if a.ID == id {
			return i
		}
	}
	return -1
}

// showIfCurrent shows b when it is still the briefing open.
func (v *briefingView) showIfCurrent(b *domain.Briefing) {
	if b == nil || v.b == nil || v.b.ID != b.ID {
		return
	}
	v.show(b)
}

// cloneBriefing copies what an undo needs of b's state before a change.
func cloneBriefing(b *domain.Briefing) *domain.Briefing {
	c := *b
	c.Articles = append([]*domain.Article(nil), b.Articles...)
	c.Edits = domain.Edits{
		Pinned:  append([]domain.SentenceRef(nil), b.Edits.Pinned...),
		Dropped: append([]domain.SentenceRef(nil), b.Edits.Dropped...),
	}
	return &c
}

// plural says "1 sentence" or "3 sentences".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
