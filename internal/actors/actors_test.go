package actors

import (
	"os"
	"strings"
	"testing"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// load reads a fixture: one paragraph per line.
func load(t testing.TB, name, byline string) *domain.Article {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	a := &domain.Article{Byline: byline, Language: "en"}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		a.Paragraphs = append(a.Paragraphs, l)
	}
	return a
}

func card(cards []domain.Actor, name string) *domain.Actor {
	for i := range cards {
		if strings.EqualFold(cards[i].Name, name) || containsFold(cards[i].Aliases, name) {
			return &cards[i]
		}
	}
	return nil
}

func hasQuote(a *domain.Actor, prefix string, direct bool) bool {
	for _, q := range a.Quotes {
		if q.Direct == direct && strings.HasPrefix(q.Text, prefix) {
			return true
		}
	}
	return false
}

func analyse(t testing.TB, arts ...*domain.Article) ([]domain.Actor, []domain.Fact) {
	var docs []*nlp.Doc
	for i, a := range arts {
		docs = append(docs, nlp.Analyze(a, i))
	}
	return Extract(docs, nil)
}

func TestCardsIMF(t *testing.T) {
	cards, facts := analyse(t, load(t, "imf_ghana.txt", "Jane Reporter"))
	for _, c := range cards {
		t.Logf("%s (%s) role=%q aliases=%q mentions=%d level=%s quotes=%d", c.Name, c.Type, c.Role, c.Aliases, c.Mentions, c.Level, len(c.Quotes))
	}
	imf := card(cards, "IMF")
	if imf == nil {
		t.Fatal("no IMF card")
	}
	if imf.Name != "International Monetary Fund" || imf.Type != domain.Organization {
		t.Errorf("IMF card: name %q type %q, want International Monetary Fund, organization", imf.Name, imf.Type)
	}
	if !containsFold(imf.Aliases, "the Fund") {
		t.Errorf("IMF aliases %q, want \"the Fund\" merged", imf.Aliases)
	}
	n := 0
	for _, c := range cards {
		if strings.Contains(c.Name, "Fund") || c.Name == "IMF" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d cards for the IMF, want 1", n)
	}

	mendes := card(cards, "Carlos Mendes")
	if mendes == nil {
		t.Fatal("no card for Carlos Mendes")
	}
	if !containsFold(mendes.Aliases, "Mendes") || card(cards, "Mendes") != mendes {
		t.Errorf("Mendes not merged into Carlos Mendes: aliases %q", mendes.Aliases)
	}
	if !strings.Contains(mendes.Role, "mission chief") {
		t.Errorf("Mendes role %q, want the appositive \"the IMF’s mission chief for Ghana\"", mendes.Role)
	}
	// Attribution after the quote, and a quote split over two sentences.
	if !hasQuote(mendes, "We have reached a staff-level agreement", true) {
		t.Errorf("Mendes quotes %+v: missing the quote attributed after it", mendes.Quotes)
	}
	if !hasQuote(mendes, "The reforms must continue. There is no room for delay", true) {
		t.Errorf("Mendes quotes %+v: missing the two-sentence quote", mendes.Quotes)
	}
	if !hasQuote(mendes, "the IMF board would vote", false) {
		t.Errorf("Mendes quotes %+v: missing reported speech \"adding that ...\"", mendes.Quotes)
	}

	owusu := card(cards, "Ama Owusu")
	if owusu == nil {
		t.Fatal("no card for Ama Owusu")
	}
	if owusu.Role != "Finance Minister" {
		t.Errorf("Owusu role %q, want Finance Minister", owusu.Role)
	}
	// Pronoun in the same sentence, title ("the minister said"), pronoun
	// in the next sentence.
	for _, q := range []string{"This is a turning point", "Growth will recover", "Inflation is our main enemy."} {
		if !hasQuote(owusu, q, true) {
			t.Errorf("Owusu quotes %+v: missing %q", owusu.Quotes, q)
		}
	}
	if hasQuote(mendes, "Growth will recover", true) {
		t.Error("\"the minister said\" quote went to Mendes")
	}

	ghana := card(cards, "Ghana")
	if ghana == nil || !containsFold(ghana.Aliases, "Ghanaian") {
		t.Errorf("Ghana card %+v, want the demonym Ghanaian merged", ghana)
	}
	for _, n := range []string{"Jane Reporter", "Tom Editor", "Reporter", "Editor"} {
		if c := card(cards, n); c != nil {
			t.Errorf("byline/credit name %q became a card", n)
		}
	}
	want := map[string]domain.FactKind{"$4.2 billion": domain.Number, "3.1%": domain.Number, "40,000 public sector jobs": domain.Number, "Tuesday": domain.Date, "March": domain.Date}
	for _, f := range facts {
		if k, ok := want[f.Text]; ok && k == f.Kind {
			delete(want, f.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("facts %+v: missing %v", facts, want)
	}
}

func TestCardsAcrossArticles(t *testing.T) {
	cards, _ := analyse(t, load(t, "scholz_a.txt", ""), load(t, "scholz_b.txt", ""))
	for _, c := range cards {
		t.Logf("%s (%s) role=%q aliases=%q refs=%v", c.Name, c.Type, c.Role, c.Aliases, c.Sentences)
	}
	n := 0
	for _, c := range cards {
		if strings.Contains(c.Name, "Scholz") {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d Scholz cards, want 1 across the briefing", n)
	}
	s := card(cards, "Olaf Scholz")
	arts := map[int]bool{}
	for _, r := range s.Sentences {
		arts[r.Article] = true
	}
	if !arts[0] || !arts[1] {
		t.Errorf("Scholz sentences %v, want refs in both articles", s.Sentences)
	}
	if s.Role != "German Chancellor" {
		t.Errorf("Scholz role %q, want German Chancellor", s.Role)
	}
	if m := card(cards, "Emmanuel Macron"); m == nil || m.Role != "French President" || !hasQuote(m, "We will not let our industry fall behind", true) {
		t.Errorf("Macron card %+v, want role French President and his quote (straight quotes)", m)
	}
	if m := card(cards, "Friedrich Merz"); m == nil || m.Role != "Opposition leader" || !hasQuote(m, "This coalition has no plan", true) {
		t.Errorf("Merz card %+v, want role Opposition leader and his quote", m)
	}
	if c := card(cards, "Paris"); c != nil && c.Name == "France" {
		t.Error("Paris as a venue merged into France")
	}
}

func TestQuoteAttribution(t *testing.T) {
	cards, _ := analyse(t, load(t, "lavrov_blinken.txt", ""))
	for _, c := range cards {
		t.Logf("%s (%s) role=%q aliases=%q quotes=%+v", c.Name, c.Type, c.Role, c.Aliases, c.Quotes)
	}
	lavrov := card(cards, "Sergey Lavrov")
	if lavrov == nil {
		t.Fatal("no Lavrov card")
	}
	if !strings.Contains(lavrov.Role, "Foreign Minister") {
		t.Errorf("Lavrov role %q, want it to contain Foreign Minister", lavrov.Role)
	}
	// A quote broken by its attribution, and a quote attributed in the
	// next sentence by title.
	for _, q := range []string{"We are ready,", "but not at any price.", "There will be no concessions."} {
		if !hasQuote(lavrov, q, true) {
			t.Errorf("Lavrov: missing quote %q", q)
		}
	}
	if !hasQuote(lavrov, "Moscow was ready to resume talks", false) {
		t.Errorf("Lavrov: missing the reported speech \"said on Friday that ...\"")
	}
	blinken := card(cards, "Antony Blinken")
	if blinken == nil {
		t.Fatal("no Blinken card")
	}
	if !strings.Contains(blinken.Role, "Secretary of State") {
		t.Errorf("Blinken role %q, want U.S. Secretary of State", blinken.Role)
	}
	// Attribution before the quote ("said U.S. Secretary ...") and after
	// an interrupting phrase ("Blinken, speaking in Berlin, added:").
	for _, q := range []string{"The ball is in their court,", "Diplomacy is the only path."} {
		if !hasQuote(blinken, q, true) {
			t.Errorf("Blinken: missing quote %q", q)
		}
	}
	if hasQuote(blinken, "There will be no concessions.", true) {
		t.Error("\"The minister said\" gave Lavrov's quote to Blinken")
	}
	if c := card(cards, "Maria Example"); c != nil {
		t.Errorf("the \"By\" line became a card: %+v", c)
	}
	if k := card(cards, "Kremlin"); k == nil || k.Type != domain.Organization {
		t.Errorf("Kremlin card %+v, want an organization", k)
	}
	if r := card(cards, "Russia"); r == nil || !containsFold(r.Aliases, "Moscow") {
		t.Errorf("Russia card %+v, want Moscow (as government) merged", r)
	}
	if p := card(cards, "Vladimir Putin"); p == nil || p.Role != "President" {
		t.Errorf("Putin card %+v, want role President", p)
	}
}

func TestSummaryRaisesSalience(t *testing.T) {
	d := nlp.Analyze(load(t, "bench_article.txt", ""), 0)
	before, _ := Extract([]*nlp.Doc{d}, nil)
	// Put the sentence naming Dragan Djilas in the summary.
	var sum domain.Summary
	for _, s := range d.Sentences {
		if strings.Contains(s.Text, "Djilas") {
			sum.Sentences = append(sum.Sentences, domain.ScoredSentence{Sentence: s.Sentence})
		}
	}
	after, _ := Extract([]*nlp.Doc{d}, &sum)
	b, a := card(before, "Dragan Djilas"), card(after, "Dragan Djilas")
	if a == nil || b == nil {
		t.Fatal("no Djilas card")
	}
	if a.Salience <= b.Salience {
		t.Errorf("salience %.3f with the summary, %.3f without: want higher", a.Salience, b.Salience)
	}
	for _, c := range after {
		if c.Did == "" || strings.Contains(c.Did, "\n") {
			t.Errorf("%s: Did %q, want one line", c.Name, c.Did)
		}
		if len(c.Sentences) == 0 || c.Mentions < len(c.Sentences) {
			t.Errorf("%s: %d mentions in %d sentences", c.Name, c.Mentions, len(c.Sentences))
		}
	}
}

func TestExtractEmpty(t *testing.T) {
	cards, facts := Extract(nil, nil)
	if len(cards) != 0 || len(facts) != 0 {
		t.Errorf("no articles: %d cards, %d facts", len(cards), len(facts))
	}
	d := nlp.Analyze(&domain.Article{Paragraphs: []string{"nothing here at all."}}, 0)
	d.Article = nil // an analysis without its article must not crash
	if cards, _ := Extract([]*nlp.Doc{d}, &domain.Summary{}); len(cards) != 0 {
		t.Errorf("cards %+v from a sentence without names", cards)
	}
}

func TestPlaceNotMergedIntoNamesakeOrg(t *testing.T) {
	a := &domain.Article{Paragraphs: []string{
		"The Washington Post reported that officials in Washington were divided.",
		"Washington has not commented on the report.",
	}}
	cards, _ := analyse(t, a)
	post, wash := card(cards, "Washington Post"), card(cards, "Washington")
	if post == nil || wash == nil || post == wash {
		t.Errorf("cards %+v: want Washington and the Washington Post apart", cards)
	}
}
