package dkim

import "fmt"

// Level says what a problem means to a verifier.
type Level int

// The levels, from the most to the least harmful.
const (
	// Fatal: verifiers cannot use the key record, so every signature made
	// with its selector fails (RFC 6376 §6.1.2).
	Fatal Level = iota + 1
	// Warning: the key works for some verifiers or in some cases only.
	Warning
	// Note: the record works; the problem is worth knowing.
	Note
)

// String returns the level's lower-case name.
func (l Level) String() string {
	switch l {
	case Fatal:
		return "fatal"
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// Error is one problem found in a key record. Start and End are byte
// offsets into the parsed text, End exclusive, covering the text the
// problem is about. Msg is lower case without a final period: what is
// wrong and what a verifier does about it.
type Error struct {
	Start, End int
	Level      Level
	Msg        string
}

// Error returns the message with its level and the offsets it applies to.
func (e *Error) Error() string {
	return fmt.Sprintf("bytes %d-%d: %s: %s", e.Start, e.End, e.Level, e.Msg)
}
