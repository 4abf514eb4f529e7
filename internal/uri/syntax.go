package uri

import (
	"strings"

	"github.com/sendlint/sendlint/internal/taglist"
)

// ValidScheme reports whether s is a URI scheme (RFC 3986 §3.1): a letter,
// then letters, digits, "+", "-" and ".".
func ValidScheme(s string) bool {
	if s == "" || !taglist.IsAlpha(s[0]) {
		return false
	}

	for i := 1; i < len(s); i++ {
		c := s[i]
		if !taglist.IsAlpha(c) && !taglist.IsDigit(c) && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// ValidHostname reports whether name is a fully qualified host name: at
// least two letter-digit-hyphen labels of 1 to 63 bytes, none starting or
// ending with a hyphen (RFC 1123 §2.1), 253 bytes at most.
func ValidHostname(name string) bool {
	if len(name) > 253 || !strings.Contains(name, ".") {
		return false
	}

	for label := range strings.SplitSeq(name, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			if c := label[i]; !taglist.IsAlpha(c) && !taglist.IsDigit(c) && c != '-' {
				return false
			}
		}
	}
	return true
}

// uriChar reports whether c may appear in a URI (RFC 3986 §2): an
// unreserved or reserved character, or the "%" of an escape.
func uriChar(c byte) bool {
	if taglist.IsAlpha(c) || taglist.IsDigit(c) {
		return true
	}
	return strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0
}

// isHex reports whether c is a hexadecimal digit (RFC 5234 §B.1 HEXDIG,
// in either case as RFC 3986 §2.1 allows).
func isHex(c byte) bool {
	return taglist.IsDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
