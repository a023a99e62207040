package domain

// Tag is a label (or collection) the officer puts on briefings, with how
// many live briefings carry it.
type Tag struct {
	Name      string
	Briefings int
}
