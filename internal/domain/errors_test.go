package domain

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrorKindsAndMessages(t *testing.T) {
	cause := errors.New("sqlite3: disk I/O error")
	cases := []struct {
		name    string
		err     error
		kind    Kind
		message string
		text    string
	}{
		{"input error of old", &InputError{Path: "a.pdf", Reason: "PDF has no text layer"}, Invalid, "a.pdf: PDF has no text layer", "a.pdf: PDF has no text layer"},
		{"kind set", &Error{Op: "library.SaveBriefing", Kind: Conflict, Reason: "the briefing changed"}, Conflict, "the briefing changed", "the briefing changed"},
		{"internal without reason", E("library.SaveBriefing", Internal, cause), Internal, InternalMessage, "library.SaveBriefing: sqlite3: disk I/O error"},
		{"not an Error", cause, Internal, InternalMessage, cause.Error()},
		{"wrapped with fmt", fmt.Errorf("saving: %w", &Error{Kind: NotFound, Reason: "the briefing is gone"}), NotFound, "the briefing is gone", "saving: the briefing is gone"},
		// An outer error without a kind takes the kind of what it wraps;
		// the reason shown is the first one along the chain.
		{"outer unclassified", &Error{Op: "engine.Edit", Err: &Error{Op: "library.Commit", Kind: Unavailable, Path: "/l.db", Reason: "the disk is full", Err: cause}},
			Unavailable, "/l.db: the disk is full", "engine.Edit: /l.db: the disk is full"},
		{"not found, no reason", &Error{Op: "x", Kind: NotFound}, NotFound, "It is no longer in the library (it may have been deleted).", "x"},
	}
	for _, c := range cases {
		if got := KindOf(c.err); got != c.kind {
			t.Errorf("%s: KindOf = %v, want %v", c.name, got, c.kind)
		}
		if got := Message(c.err); got != c.message {
			t.Errorf("%s: Message = %q, want %q", c.name, got, c.message)
		}
		if got := c.err.Error(); got != c.text {
			t.Errorf("%s: Error() = %q, want %q", c.name, got, c.text)
		}
	}
	if KindOf(nil) != Other || Message(nil) != "" || E("op", Internal, nil) != nil {
		t.Error("nil errors")
	}
	// Wrapping never hides the reason the user should read.
	if got := Message(E("engine.Import", Internal, &InputError{Path: "p", Reason: "r"})); got != "p: r" {
		t.Errorf("wrapped reason: %q", got)
	}
}
