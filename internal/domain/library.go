package domain

import "time"

// LibraryStats sums up a library for the Library menu's check.
type LibraryStats struct {
	Articles  int   // live articles
	Briefings int   // live briefings
	Trash     int   // briefings and articles in the trash
	Bytes     int64 // size of the library file and its write-ahead log
}

// Count is one value of a facet (a source, an actor) with how often it occurs.
type Count struct {
	Name string
	N    int
}

// ChangeKind names one kind of edit to a briefing.
type ChangeKind string

// The edits a Change makes.
const (
	Rename      ChangeKind = "rename" // Title
	SetLength   ChangeKind = "length" // Length
	Pin         ChangeKind = "pin"    // Article, Sentence: always in the summary
	Drop        ChangeKind = "drop"   // Article, Sentence: never in the summary
	Unmark      ChangeKind = "unmark" // Article, Sentence: neither pinned nor dropped; the ranker decides
	SetEdits    ChangeKind = "edits"  // Edits: every pin and drop at once (reset, undo)
	MoveArticle ChangeKind = "move"   // Article to position To
)

// Change is one edit the officer makes to a briefing. The engine applies it
// to the briefing as stored, never to the window's copy, so an edit made on
// a view an import has since overtaken cannot undo the import. Articles are
// named by ID rather than position for the same reason.
type Change struct {
	Kind     ChangeKind
	Title    string
	Length   Length
	Edits    Edits
	Article  int64 // the article's ID
	Sentence int   // the sentence's index among that article's sentences
	To       int   // the article's new position
}

// TrashItem is a briefing or an article in the trash.
type TrashItem struct {
	Briefing int64 // set for a briefing
	Article  int64 // set for an article deleted on its own
	Title    string
	Sources  string
	Articles int // articles the briefing holds
	Deleted  time.Time
}
