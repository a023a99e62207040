package domain

// Tag is a label (or collection) the officer puts on briefings, with how
// many live briefings carry it.
type Tag struct {
	Name      string
	Briefings int
}

// LibraryStats sums up a library for the status bar and the maintenance dialog.
type LibraryStats struct {
	Articles  int
	Briefings int   // live briefings
	Trash     int   // briefings in the trash
	Bytes     int64 // size of the library file and its write-ahead log
}

// Count is one value of a facet (a source, an actor) with how often it occurs.
type Count struct {
	Name string
	N    int
}
