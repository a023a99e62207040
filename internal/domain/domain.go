// Package domain holds Briefdesk's shared types: articles, briefings, summaries
// and actors. It imports only the standard library, so every engine package,
// the CLI and the GUI can speak the same language without depending on each
// other.
package domain

import (
	"strings"
	"time"
)

// Format names the kind of source an article was imported from.
type Format string

// The formats Briefdesk imports.
const (
	FormatText  Format = "txt"
	FormatMD    Format = "md"
	FormatHTML  Format = "html"
	FormatPDF   Format = "pdf"
	FormatDOCX  Format = "docx"
	FormatODT   Format = "odt"
	FormatRTF   Format = "rtf"
	FormatEML   Format = "eml"
	FormatPaste Format = "paste"
)

// Origin records where an article came from (provenance).
type Origin struct {
	Name       string    // file path or URL as given by the user
	Format     Format    // detected format
	Size       int64     // size of the original bytes
	SHA256     string    // hex SHA-256 of the original bytes
	ImportedAt time.Time // when it entered the library
	Original   []byte    // the original bytes, kept for provenance; may be nil when only listing
}

// Article is one news article, parsed into metadata and body paragraphs.
type Article struct {
	ID         int64
	Title      string
	Standfirst string    // subtitle or bullet summary under the title
	Highlights []string  // bullet highlights at the top of a wire story, in order
	Byline     string    // author name(s) without "By"
	Dateline   string    // e.g. "GENEVA, March 3 (Reuters)"
	Credit     string    // source/credit line, e.g. "AA"
	Source     string    // publication or site name where known
	Published  time.Time // zero when unknown
	Language   string    // ISO 639-1 code, e.g. "en"
	Paragraphs []string  // body paragraphs, metadata lines removed
	Warnings   []string  // what the import noticed about the source, e.g. "the message is cut short"
	TextHash   string    // hex SHA-256 of the normalised body, for duplicate detection
	SimHash    uint64    // 64-bit SimHash of the body shingles, for near-duplicate detection
	Origin     Origin
	// Incomplete says why the source looks cut off ("it ends in the middle
	// of a sentence"), empty when it looks whole: the article is imported,
	// and the window, the import results and the brief say so.
	Incomplete string
}

// Body returns the article body as analysed: paragraphs joined by blank lines.
// Sentence offsets are byte offsets into this string.
func (a *Article) Body() string { return strings.Join(a.Paragraphs, "\n\n") }

// Supported reports whether the engine can summarise the article's language.
func (a *Article) Supported() bool { return a.Language == "" || a.Language == "en" }

// SentenceRef points at one sentence of one article of a briefing.
type SentenceRef struct {
	Article int // index of the article within the briefing (0 for a single article)
	Index   int // index of the sentence among that article's sentences
}

// Sentence is one sentence of an article, with its place in the body.
type Sentence struct {
	SentenceRef
	Para  int    // paragraph index within the article
	Start int    // byte offset in Article.Body()
	End   int    // byte offset in Article.Body(), exclusive
	Text  string // verbatim text
}

// ScoredSentence is a sentence with the ranker's score for it.
type ScoredSentence struct {
	Sentence
	Score  float64
	Pinned bool // chosen by the officer, not the ranker
}

// Summary is an extractive summary: the chosen sentences in reading order
// (article order, then sentence order) and the scores of every sentence.
type Summary struct {
	Sentences []ScoredSentence // chosen, in reading order
	Scores    []ScoredSentence // every sentence of every article, in reading order
}

// Length says how long a summary should be. The first non-zero field wins:
// Sentences, then Words, then Ratio (of the article's words). All zero means
// the summariser's default.
type Length struct {
	Sentences int
	Words     int
	Ratio     float64
}

// Edits are the officer's changes to a summary.
type Edits struct {
	Pinned  []SentenceRef // always in the summary
	Dropped []SentenceRef // never in the summary
}

// ActorType is the kind of a key actor.
type ActorType string

// Actor types.
const (
	Person       ActorType = "person"
	Organization ActorType = "organization"
	Place        ActorType = "place"
)

// Salience levels of an actor in the story.
const (
	Central    = "central"
	Supporting = "supporting"
	Mentioned  = "mentioned"
)

// Quote is something an actor said.
type Quote struct {
	Text   string      // the quoted words, without quotation marks
	Direct bool        // false for reported speech ("he said that ...")
	Where  SentenceRef // the sentence it stands in
}

// Actor is one key actor of a story: all mentions of one real person,
// organisation or place merged into one card.
type Actor struct {
	Name      string // canonical (longest proper) name
	Type      ActorType
	Role      string   // title or role stated in the article, e.g. "British Prime Minister"
	Aliases   []string // other names used for the actor in the text
	Mentions  int
	Salience  float64 // 0..1, higher is more central
	Level     string  // Central, Supporting or Mentioned
	Quotes    []Quote
	Sentences []SentenceRef // sentences that mention the actor
	Did       string        // one line from the article saying what the actor did
}

// FactKind is the kind of a key fact.
type FactKind string

// Kinds of key facts.
const (
	Number FactKind = "number"
	Date   FactKind = "date"
)

// Fact is a key number or date with the sentence it stands in.
type Fact struct {
	Kind  FactKind
	Text  string // e.g. "100,000 troops", "last December"
	Where SentenceRef
}

// Analysis is everything the engine derives from a briefing's articles.
type Analysis struct {
	Summary Summary
	Actors  []Actor // most salient first
	Facts   []Fact
}

// Briefing is a set of articles on one story and what the officer made of them.
type Briefing struct {
	ID             int64
	Title          string
	Notes          string
	Classification string // free text like "UNCLASSIFIED // FOR OFFICIAL USE"
	Status         string // "draft", "final"
	Created        time.Time
	Updated        time.Time
	Articles       []*Article // in the officer's order
	Length         Length
	Edits          Edits
	Analysis       *Analysis // nil until analysed
	// Version counts the stored changes; a save that carries an older
	// version than the library's is refused as a Conflict.
	Version int64
}

// DateSource says where a briefing's date in the list comes from.
type DateSource string

// Where list dates come from.
const (
	DatePublished DateSource = "published" // the newest publication date of its articles
	DateImported  DateSource = "imported"  // none of its articles has one: when it was imported
)

// BriefingItem is one row of the library list: enough to show, not the whole briefing.
type BriefingItem struct {
	ID       int64
	Title    string
	Sources  string // publications or bylines, comma-separated
	Articles int
	// Date orders the list and the time filters: the newest publication
	// date of the briefing's articles, or its import time when none is
	// known (DateBy says which). Opening or editing a briefing leaves it.
	Date    time.Time
	DateBy  DateSource
	Snippet Snippet // the best match, when listing a search
}

// ImportStatus is the outcome of importing one source.
type ImportStatus string

// Import outcomes.
const (
	Imported  ImportStatus = "imported"
	Duplicate ImportStatus = "duplicate"
	Failed    ImportStatus = "failed"
)

// ImportResult reports what happened to one imported file, link or paste.
type ImportResult struct {
	Path       string
	Status     ImportStatus
	Detail     string // title when imported, the existing article when duplicate, the reason when failed
	ArticleID  int64
	BriefingID int64
	NearDup    int64  // ID of a near-duplicate article already in the library, 0 if none
	Incomplete string // why the source looks cut off, when it does (see Article.Incomplete)
}

// ListQuery selects and pages briefings in the library list.
type ListQuery struct {
	Search string    // what the officer typed; empty lists everything
	From   time.Time // zero: no lower bound (on BriefingItem.Date)
	To     time.Time // zero: no upper bound
	Source string    // publication/credit/byline filter, empty for all
	Actor  string    // actor name filter, empty for all
	Offset int
	Limit  int // 0 means a sensible default page size
}

// Snippet is a passage of a search hit. The matched words are marked out
// of band, as byte ranges of Text, so brackets or markup in an article
// never display as a match.
type Snippet struct {
	Text  string
	Marks []Mark // in order, not overlapping
}

// Mark is the byte range Text[Start:End] of a snippet that matched.
type Mark struct{ Start, End int }

// Matches returns the marked words of the snippet, in order.
func (s Snippet) Matches() []string {
	var out []string
	for _, m := range s.Marks {
		if 0 <= m.Start && m.Start <= m.End && m.End <= len(s.Text) {
			out = append(out, s.Text[m.Start:m.End])
		}
	}
	return out
}

// Hit is one full-text search result.
type Hit struct {
	ArticleID  int64
	BriefingID int64
	Title      string
	Path       string // the article's origin (file or URL)
	Snippet    Snippet
	Rank       float64
}
