package dmarc

import "fmt"

// Level says what a problem means to a receiver.
type Level int

// The levels, from the most to the least harmful.
const (
	// Fatal: receivers discard the whole record and apply no policy from
	// it (RFC 9989 §4.7 "v", §4.10 step 2).
	Fatal Level = iota + 1
	// Invalid: a tag breaks the grammar of RFC 9989 §4.8; receivers ignore
	// it and use its default, which can change the policy (§4.10.1).
	Invalid
	// Warning: the record parses but does not do what it seems to, such as
	// a report URI with a scheme receivers do not send to.
	Warning
	// Note: the record is valid; the problem is worth knowing, such as an
	// unknown tag or a difference between RFC 9989 and RFC 7489 readers.
	Note
)

// String returns the level's lower-case name.
func (l Level) String() string {
	switch l {
	case Fatal:
		return "fatal"
	case Invalid:
		return "invalid"
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// Kind says what an error is about, so that a linter can report it under
// the right rule.
type Kind int

// The kinds of error.
const (
	// KindSyntax is a problem with the record's syntax or a tag's value.
	KindSyntax Kind = iota + 1
	// KindUnknown is a tag RFC 9989 does not define; receivers ignore it.
	KindUnknown
	// KindRemoved is a tag or syntax that RFC 7489 defined and RFC 9989
	// removed: pct, rf, ri and the "!size" suffix of report URIs.
	KindRemoved
)

// Error is one problem found in a record. Start and End are byte offsets
// into the parsed text, End exclusive, covering the text the problem is
// about. Msg is lower case without a final period: what is wrong and what
// a receiver does about it.
type Error struct {
	Start, End int
	Level      Level
	Kind       Kind
	Msg        string
	// Fix, when not nil, is the one likely correction.
	Fix *Fix
}

// Fix is a correction of a record: replace bytes [Start, End) of the text
// with Text. Start == End inserts Text.
type Fix struct {
	Start, End int
	Text       string
}

// Error returns the message with its level and the offsets it applies to.
func (e *Error) Error() string {
	return fmt.Sprintf("bytes %d-%d: %s: %s", e.Start, e.End, e.Level, e.Msg)
}
