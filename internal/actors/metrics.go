package actors

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"briefdesk/internal/domain"
	"briefdesk/internal/nlp"
)

// GoldActor is one hand-annotated actor of an evaluation article.
type GoldActor struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Role     string   `json:"role"`
	Aliases  []string `json:"aliases"`
	Salience int      `json:"salience"` // 3 central, 2 supporting, 1 mentioned
	Quotes   []string `json:"quotes"`
}

// GoldArticle is the annotation of one article (seed-gold.json format).
type GoldArticle struct {
	File     string `json:"file"`
	Metadata struct {
		Standfirst string `json:"standfirst"`
		Byline     string `json:"byline"`
		Credit     string `json:"credit"`
	} `json:"metadata"`
	Actors     []GoldActor `json:"actors"`
	NotActors  []string    `json:"not_actors"`
	KeyNumbers []string    `json:"key_numbers"`
	Dates      []string    `json:"dates"`
}

// Metrics are card-quality figures against gold annotations.
type Metrics struct {
	Gold, Cards        int // gold actors, cards produced
	Found              int // gold actors matched by at least one card
	Correct            int // cards that match some gold actor
	TypeRight          int // matched gold actors whose card has the gold type
	Roles, RoleRight   int // matched gold actors with a gold role; how many cards state it
	Quotes, QuoteRight int // gold direct quotes; how many are on the right card
	LevelRight         int // matched gold actors at the gold salience level
	Split, Merged      int // gold actors spread over several cards; cards holding several gold actors
	Leaks              int // bylines and credits that became cards
	Numbers, NumFound  int
	Dates, DateFound   int
}

// Recall is the share of gold actors found.
func (m Metrics) Recall() float64 { return ratio(m.Found, m.Gold) }

// Precision is the share of cards that are gold actors.
func (m Metrics) Precision() float64 { return ratio(m.Correct, m.Cards) }

// Add sums two sets of figures, for several gold articles.
func (m Metrics) Add(o Metrics) Metrics {
	return Metrics{m.Gold + o.Gold, m.Cards + o.Cards, m.Found + o.Found, m.Correct + o.Correct,
		m.TypeRight + o.TypeRight, m.Roles + o.Roles, m.RoleRight + o.RoleRight,
		m.Quotes + o.Quotes, m.QuoteRight + o.QuoteRight, m.LevelRight + o.LevelRight,
		m.Split + o.Split, m.Merged + o.Merged, m.Leaks + o.Leaks,
		m.Numbers + o.Numbers, m.NumFound + o.NumFound, m.Dates + o.Dates, m.DateFound + o.DateFound}
}

// String renders the figures one per line, for `make eval`.
func (m Metrics) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "actor recall      %.3f (%d/%d gold actors)\n", m.Recall(), m.Found, m.Gold)
	fmt.Fprintf(&b, "actor precision   %.3f (%d/%d cards)\n", m.Precision(), m.Correct, m.Cards)
	fmt.Fprintf(&b, "type accuracy     %.3f (%d/%d)\n", ratio(m.TypeRight, m.Found), m.TypeRight, m.Found)
	fmt.Fprintf(&b, "role accuracy     %.3f (%d/%d gold roles)\n", ratio(m.RoleRight, m.Roles), m.RoleRight, m.Roles)
	fmt.Fprintf(&b, "quote attribution %.3f (%d/%d gold quotes)\n", ratio(m.QuoteRight, m.Quotes), m.QuoteRight, m.Quotes)
	fmt.Fprintf(&b, "level accuracy    %.3f (%d/%d)\n", ratio(m.LevelRight, m.Found), m.LevelRight, m.Found)
	fmt.Fprintf(&b, "alias-merge errors %d (split %d, over-merged %d)\n", m.Split+m.Merged, m.Split, m.Merged)
	fmt.Fprintf(&b, "byline/credit leaks %d\n", m.Leaks)
	fmt.Fprintf(&b, "key numbers       %d/%d, dates %d/%d\n", m.NumFound, m.Numbers, m.DateFound, m.Dates)
	return b.String()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func norm(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	return strings.TrimPrefix(s, "the ")
}

func names(a domain.Actor) []string {
	out := []string{norm(a.Name)}
	for _, al := range a.Aliases {
		out = append(out, norm(al))
	}
	return out
}

// matches reports whether a card and a gold actor share a name or alias.
func matches(a domain.Actor, g GoldActor) bool {
	gn := append([]string{g.Name}, g.Aliases...)
	for _, n := range names(a) {
		for _, x := range gn {
			if n == norm(x) {
				return true
			}
		}
	}
	return false
}

func overlaps(a, b string) bool {
	a, b = norm(a), norm(b)
	return a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a))
}

// CardMetrics compares cards and facts with one gold annotation. A card
// matches a gold actor when a name or alias is the same (case and leading
// "the" ignored); a role is right when one contains the other; a quote is
// right when a direct quote of a matching card has the same words.
func CardMetrics(g GoldArticle, cards []domain.Actor, facts []domain.Fact) Metrics {
	m := Metrics{Gold: len(g.Actors), Cards: len(cards)}
	level := map[int]string{3: domain.Central, 2: domain.Supporting, 1: domain.Mentioned}
	for _, c := range cards {
		n := 0
		for _, ga := range g.Actors {
			if matches(c, ga) {
				n++
			}
		}
		if n > 0 {
			m.Correct++
		}
		if n > 1 {
			m.Merged++
		}
		for _, na := range g.NotActors {
			for _, x := range names(c) {
				if x == norm(na) {
					m.Leaks++
				}
			}
		}
	}
	for _, ga := range g.Actors {
		var hits []domain.Actor
		for _, c := range cards {
			if matches(c, ga) {
				hits = append(hits, c)
			}
		}
		if ga.Role != "" {
			m.Roles++
		}
		m.Quotes += len(ga.Quotes)
		if len(hits) == 0 {
			continue
		}
		m.Found++
		if len(hits) > 1 {
			m.Split++
		}
		c := hits[0]
		if string(c.Type) == ga.Type {
			m.TypeRight++
		}
		if ga.Role != "" && overlaps(c.Role, ga.Role) {
			m.RoleRight++
		}
		if c.Level == level[ga.Salience] {
			m.LevelRight++
		}
		for _, q := range ga.Quotes {
			for _, h := range hits {
				ok := false
				for _, cq := range h.Quotes {
					if cq.Direct && strings.Trim(norm(cq.Text), ` ,."`) == strings.Trim(norm(q), ` ,."`) {
						ok = true
					}
				}
				if ok {
					m.QuoteRight++
					break
				}
			}
		}
	}
	find := func(want []string, kind domain.FactKind) int {
		n := 0
		for _, w := range want {
			for _, f := range facts {
				if f.Kind == kind && overlaps(f.Text, w) {
					n++
					break
				}
			}
		}
		return n
	}
	m.Numbers, m.NumFound = len(g.KeyNumbers), find(g.KeyNumbers, domain.Number)
	m.Dates, m.DateFound = len(g.Dates), find(g.Dates, domain.Date)
	return m
}

// GoldArticleText builds the article a gold annotation describes from its
// plain-text file: the "•" line is the standfirst, "By" and "Credit" lines
// are metadata, every other non-empty line is a paragraph. Byline and
// credit come from the annotation's metadata.
func GoldArticleText(g GoldArticle, text string) *domain.Article {
	a := &domain.Article{Byline: g.Metadata.Byline, Credit: g.Metadata.Credit, Language: "en"}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case strings.HasPrefix(l, "\u2022"):
			a.Standfirst = strings.TrimSpace(strings.TrimPrefix(l, "\u2022"))
		case strings.HasPrefix(l, "By "), strings.HasPrefix(l, "Credit |"), strings.HasPrefix(l, "Credit:"):
		default:
			a.Paragraphs = append(a.Paragraphs, l)
		}
	}
	return a
}

// EvalGold runs the whole analysis (nlp.Analyze, then Extract) on every
// article of a gold file such as shared/eval/seed-gold.json (article paths
// are relative to the gold file) and returns the summed figures, with the
// cards of each article for inspection.
func EvalGold(goldPath string) (Metrics, [][]domain.Actor, error) {
	const op = "actors.EvalGold"
	raw, err := os.ReadFile(goldPath)
	if err != nil {
		return Metrics{}, nil, fmt.Errorf("%s: %w", op, err)
	}
	var gold []GoldArticle
	if err := json.Unmarshal(raw, &gold); err != nil {
		return Metrics{}, nil, fmt.Errorf("%s: %s: %w", op, goldPath, err)
	}
	var total Metrics
	var all [][]domain.Actor
	for _, g := range gold {
		text, err := os.ReadFile(filepath.Join(filepath.Dir(goldPath), g.File))
		if err != nil {
			return Metrics{}, nil, fmt.Errorf("%s: %w", op, err)
		}
		a := GoldArticleText(g, string(text))
		cards, facts := Extract([]*nlp.Doc{nlp.Analyze(a, 0)}, nil)
		total = total.Add(CardMetrics(g, cards, facts))
		all = append(all, cards)
	}
	return total, all, nil
}
