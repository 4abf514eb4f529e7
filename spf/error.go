package spf

import "fmt"

// Error is one syntax error in a record. Start and End are byte offsets
// into the parsed text, End exclusive, covering the text the error is
// about; the span is empty only when the text is. Msg is lower case
// without a final period and says what was expected.
type Error struct {
	Start, End int
	Msg        string
	// Fix, when not nil, is the one edit that corrects the error, for a
	// suggested fix. Errors with several plausible corrections have none.
	Fix *Edit
}

// Edit replaces the text at Span with Text.
type Edit struct {
	Span Span
	Text string
}

// Error returns the message with the offsets it applies to.
func (e *Error) Error() string {
	return fmt.Sprintf("bytes %d-%d: %s", e.Start, e.End, e.Msg)
}

func errorf(start, end int, format string, args ...any) *Error {
	return &Error{Start: start, End: end, Msg: fmt.Sprintf(format, args...)}
}
