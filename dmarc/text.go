package dmarc

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func isWSP(c byte) bool { return c == ' ' || c == '\t' }

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// trimWSP returns [start, end) without the spaces and tabs at either end
// (RFC 5234 WSP).
func trimWSP(s string, start, end int) (int, int) {
	for start < end && isWSP(s[start]) {
		start++
	}
	for end > start && isWSP(s[end-1]) {
		end--
	}
	return start, end
}

func indexNotAlpha(s string) int {
	for i := 0; i < len(s); i++ {
		if !isAlpha(s[i]) {
			return i
		}
	}
	return -1
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) > len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// charLen returns the length in bytes of the character at s[i]: the whole
// UTF-8 sequence when there is a valid one, else 1.
func charLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// describeChar names the character at s[i] for a message, calling out the
// invisible ones that copying from web pages and word processors leaves.
func describeChar(s string, i int) string {
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
	case r == '\u200b':
		return "a zero-width space (U+200B)"
	case r == '\ufeff':
		return "a byte order mark (U+FEFF)"
	case r == '\u201c' || r == '\u201d':
		return fmt.Sprintf("a curly quote (U+%04X)", r)
	case r == '\u2013' || r == '\u2014':
		return fmt.Sprintf("a dash (U+%04X)", r)
	}
	return fmt.Sprintf("the non-ASCII character %q (U+%04X)", r, r)
}

// suggest returns the word of words closest to w when it is near enough to
// be a likely typo, else "".
func suggest(w string, words []string) string {
	best, bestDist := "", 3
	for _, c := range words {
		if c == w {
			return ""
		}
		limit := 2
		switch {
		case len(c) <= 2:
			// Any short tag is one edit from another; only a swap of
			// its letters ("ps" for "sp") is a telling typo.
			limit = 0
			if len(c) == 2 && len(w) == 2 && w[0] == c[1] && w[1] == c[0] {
				limit = 1
			}
		case len(c) == 3:
			limit = 1
		}
		if d := distance(w, c); d <= limit && d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein edit distance between a and b, counting an
// exchange of two neighbouring letters as one edit.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
