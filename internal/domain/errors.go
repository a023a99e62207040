package domain

import (
	"errors"
	"strings"
)

// Kind classifies an error so that callers can act on it without reading
// its text: the window reloads on Conflict, says "not found" on NotFound.
type Kind uint8

// Error kinds. Other, the zero value, means "not classified here": the kind
// is that of the wrapped error, if any.
const (
	Other       Kind = iota // not classified; see the wrapped error
	Invalid                 // something the user gave is wrong: a file, a link, a value
	NotFound                // no such briefing or article (or it is in the trash)
	Conflict                // the stored state changed since it was read; reload and try again
	Unsupported             // a format, language or version this build cannot handle
	Unavailable             // the disk or the library file refuses: full, read-only, locked, damaged
	Internal                // a bug or an unexpected failure; the detail is for the log
)

func (k Kind) String() string {
	switch k {
	case Invalid:
		return "invalid input"
	case NotFound:
		return "not found"
	case Conflict:
		return "conflict"
	case Unsupported:
		return "unsupported"
	case Unavailable:
		return "unavailable"
	case Internal:
		return "internal error"
	}
	return "error"
}

// Error is Briefdesk's one error type (upspin's errors.E with wtf's rule):
// Op says where it happened, Kind what sort of failure it is, Path which
// file, link or library it is about, Reason what the officer reads, and Err
// the underlying cause for the log. An error without a Reason reaches the
// user as "internal error"; its detail goes to the log.
type Error struct {
	Op     string // e.g. "library.SaveBriefing"; empty in errors made for the user alone
	Kind   Kind
	Path   string // the file, link or library the problem is with
	Reason string // e.g. "empty file", "PDF has no text layer (scanned image?)"
	Err    error  // underlying error, for logs; may be nil
}

// InputError is the name ingest's errors have always had: an Error whose
// Reason says what is wrong with a file, link or library path. Its kind is
// Invalid unless set otherwise (see KindOf).
type InputError = Error

// Error returns the user's text ("PATH: reason") when there is a reason,
// else the detail for the log ("op PATH: cause").
func (e *Error) Error() string {
	if e.Reason != "" {
		if e.Path == "" {
			return e.Reason
		}
		return e.Path + ": " + e.Reason
	}
	var b strings.Builder
	b.WriteString(e.Op)
	if e.Path != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(e.Path)
	}
	if e.Err != nil {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(e.Err.Error())
	}
	if b.Len() == 0 {
		return e.Kind.String()
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// E builds an error of kind k for operation op wrapping err. An err that
// already carries a reason keeps it, so wrapping never hides what the user
// should read.
func E(op string, k Kind, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Op: op, Kind: k, Err: err}
}

// Errorf builds an error the user reads: kind k, and reason as the message.
func Errorf(op string, k Kind, reason string) error {
	return &Error{Op: op, Kind: k, Reason: reason}
}

// KindOf returns the kind of err: the first kind set along its chain of
// *Error. An unclassified error with a reason is about the user's input
// (Invalid: every InputError of old); one with none is Internal, as is any
// error that is not an *Error at all.
func KindOf(err error) Kind {
	if err == nil {
		return Other
	}
	reason := false
	for e := err; e != nil; {
		var de *Error
		if !errors.As(e, &de) {
			break
		}
		if de.Kind != Other {
			return de.Kind
		}
		reason = reason || de.Reason != ""
		e = de.Err
	}
	if reason {
		return Invalid
	}
	return Internal
}

// Reason returns the first user-facing reason along err's chain, with the
// path it is about ("PATH: reason"), or "" when there is none.
func Reason(err error) string {
	for e := err; e != nil; {
		var de *Error
		if !errors.As(e, &de) {
			return ""
		}
		if de.Reason != "" {
			return de.Error()
		}
		e = de.Err
	}
	return ""
}

// InternalMessage is what the user reads for an error without a reason.
const InternalMessage = "Internal error: Briefdesk could not finish this. The details were written to the log."

// Message is the sentence a user reads for err: its reason when it has
// one, else InternalMessage. Callers log err itself for the detail.
func Message(err error) string {
	if err == nil {
		return ""
	}
	if r := Reason(err); r != "" {
		return r
	}
	switch KindOf(err) {
	case NotFound:
		return "It is no longer in the library (it may have been deleted)."
	case Conflict:
		return "It was changed elsewhere in the meantime; it has been reloaded, so try again."
	}
	return InternalMessage
}
