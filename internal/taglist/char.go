package taglist

import (
	"fmt"
	"unicode/utf8"
)

// IsWSP reports whether c is white space as RFC 5234 §B.1 WSP defines it:
// a space or a tab. DMARC, MTA-STS, TLS-RPT and BIMI records allow it
// around their tags.
func IsWSP(c byte) bool { return c == ' ' || c == '\t' }

// IsFWS reports whether c is folding white space inside a DKIM tag-list
// (RFC 6376 §2.8): a space, a tab, or a line break of a folded line.
func IsFWS(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// IsAlpha reports whether c is an ASCII letter (RFC 5234 §B.1 ALPHA).
func IsAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// IsDigit reports whether c is an ASCII digit (RFC 5234 §B.1 DIGIT).
func IsDigit(c byte) bool { return c >= '0' && c <= '9' }

// CharLen returns the length in bytes of the character at s[i]: the whole
// UTF-8 sequence when there is a valid one, else 1. A message about a bad
// character covers it with [i, i+CharLen(s, i)).
func CharLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}

	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// DescribeChar names the character at s[i] for a message, as in "value
// holds a no-break space (U+00A0)". Spaces, tabs, control characters,
// bytes that are not UTF-8 and the invisible or look-alike characters that
// copying from web pages and word processors leaves are called by name;
// other characters are quoted.
func DescribeChar(s string, i int) string {
	c := s[i]
	if c < utf8.RuneSelf {
		switch {
		case c == ' ':
			return "a space"
		case c == '\t':
			return "a tab"
		case c < 0x20 || c == 0x7f:
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
	if name := lookalike(r); name != "" {
		return name
	}
	return fmt.Sprintf("the non-ASCII character %q (U+%04X)", r, r)
}

// lookalike names r when it is an invisible or look-alike character,
// else returns "".
func lookalike(r rune) string {
	switch r {
	case '\u200b':
		return "a zero-width space (U+200B)"
	case '\ufeff':
		return "a byte order mark (U+FEFF)"
	case '\u201c', '\u201d':
		return fmt.Sprintf("a curly quote (U+%04X)", r)
	case '\u2013', '\u2014':
		return fmt.Sprintf("a dash (U+%04X)", r)
	}
	return ""
}
