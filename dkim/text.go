package dkim

import (
	"fmt"
	"unicode/utf8"
)

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isFWS reports whether c is folding white space inside a tag-list
// (RFC 6376 §2.8): a space, a tab, or a line break of a folded line.
func isFWS(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// trimFWS returns [start, end) without the white space at either end.
func trimFWS(s string, start, end int) (int, int) {
	for start < end && isFWS(s[start]) {
		start++
	}
	for end > start && isFWS(s[end-1]) {
		end--
	}
	return start, end
}

// charLen returns the length in bytes of the character at s[i].
func charLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// describeChar names the character at s[i] for a message.
func describeChar(s string, i int) string {
	c := s[i]
	if c < utf8.RuneSelf {
		if c < 0x20 || c == 0x7f {
			return fmt.Sprintf("the control character 0x%02X", c)
		}
		return fmt.Sprintf("%q", string(c))
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && n <= 1:
		return fmt.Sprintf("the byte 0x%02X, which is not UTF-8", c)
	case r == '\u00a0':
		return "a no-break space (U+00A0)"
	}
	return fmt.Sprintf("the non-ASCII character %q (U+%04X)", r, r)
}
