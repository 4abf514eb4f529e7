package transport

import "fmt"

// Level says what a problem means to the mail systems that read the
// record.
type Level int

// The levels, from the most to the least harmful.
const (
	// Fatal: the record is invalid, so senders (or, for BIMI, receivers)
	// act as if the domain published none.
	Fatal Level = iota + 1
	// Warning: the record parses but part of it does not work.
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

// Error is one problem found in a record. Start and End are byte offsets
// into the parsed text, End exclusive. Msg is lower case without a final
// period: what is wrong and what the readers of the record do about it.
type Error struct {
	Start, End int
	Level      Level
	Msg        string
}

// Error returns the message with its level and the offsets it applies to.
func (e *Error) Error() string {
	return fmt.Sprintf("bytes %d-%d: %s: %s", e.Start, e.End, e.Level, e.Msg)
}
