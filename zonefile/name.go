package zonefile

import (
	"fmt"
	"strings"
)

// Limits of RFC 1035 §2.3.4.
const (
	maxLabel = 63
	maxName  = 255
)

// isAbsolute reports whether the name text s ends with an unescaped dot.
func isAbsolute(s string) bool {
	if !strings.HasSuffix(s, ".") {
		return false
	}
	n := 0
	for i := len(s) - 2; i >= 0 && s[i] == '\\'; i-- {
		n++
	}
	return n%2 == 0
}

// canonical returns the canonical form of the name text s (see
// lint.CanonicalName), completed with origin when s is relative; origin is
// canonical and not "". It returns a lower-case message when s is not a
// valid name: an empty label, a label over 63 bytes, a name over 255 bytes
// in wire format (RFC 1035 §2.3.4), or a bad escape.
func canonical(s, origin string) (string, string) {
	abs := isAbsolute(s)
	body := s
	if abs {
		body = s[:len(s)-1]
	}
	if body == "" {
		if abs {
			return ".", ""
		}
		return "", fmt.Sprintf("empty name %q", s)
	}

	// Fast path: no escapes, so labels are the text between dots.
	if !strings.Contains(body, `\`) {
		if msg := checkPlain(s, body); msg != "" {
			return "", msg
		}
		var name string
		if abs || origin == "." {
			name = lowerCopy(body)
		} else {
			name = lower(body) + "." + origin
		}
		return name, checkWire(s, name)
	}

	name, msg := decodeName(s, body)
	if msg != "" {
		return "", msg
	}
	if !abs && origin != "." {
		name = name + "." + origin
	}
	return name, checkWire(s, name)
}

// checkPlain checks the labels of body, a name without escapes or final
// dot, and returns a message for the first bad one.
func checkPlain(s, body string) string {
	start := 0
	for i := 0; i <= len(body); i++ {
		if i < len(body) && body[i] != '.' {
			continue
		}
		if msg := checkLabel(s, body[start:i], i-start); msg != "" {
			return msg
		}
		start = i + 1
	}
	return ""
}

func checkLabel(s, label string, n int) string {
	switch {
	case n == 0:
		return fmt.Sprintf("empty label in name %q; labels are separated by single dots", s)
	case n > maxLabel:
		return fmt.Sprintf("label %q in name %q is %d bytes long; a DNS label holds at most %d",
			label, s, n, maxLabel)
	}
	return ""
}

// checkWire checks the wire length of a canonical name; s is the name as
// written, for the message.
func checkWire(s, name string) string {
	if n := wireLen(name); n > maxName {
		return fmt.Sprintf("name %q is %d bytes long in wire format; a DNS name holds at most %d",
			s, n, maxName)
	}
	return ""
}

// wireLen returns the length of a canonical name in wire format: each
// label's bytes plus a length byte, plus the root's zero byte.
func wireLen(name string) int {
	if name == "." {
		return 1
	}
	if !strings.Contains(name, `\`) {
		return len(name) + 2
	}
	n := 2 // the first label's length byte and the root
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == '.':
			n++
		case c == '\\' && i+1 < len(name) && isDigit(name[i+1]):
			n++
			i += 3
		case c == '\\':
			n++
			i++
		default:
			n++
		}
	}
	return n
}

// lower returns s with ASCII letters in lower case, without copying when
// there are none in upper case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// lowerCopy returns s with ASCII letters in lower case, always in new
// memory: s is part of the lexer's window, which must not be kept.
func lowerCopy(s string) string {
	if t := lower(s); t != s {
		return t
	}
	return strings.Clone(s)
}

// decodeName decodes the escapes of body, a name without its final dot,
// and writes it back in canonical form: ASCII letters in lower case, dots
// and backslashes inside labels as \. and \\, and other bytes that are
// not printable ASCII as \DDD.
func decodeName(s, body string) (string, string) {
	var b strings.Builder
	b.Grow(len(body))
	label := 0 // bytes in the current label
	labelStart := 0
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '.':
			if msg := checkLabel(s, body[labelStart:i], label); msg != "" {
				return "", msg
			}
			b.WriteByte('.')
			label, labelStart = 0, i+1
			continue
		case c == '\\':
			v, n, msg := unescape(body[i:], fmt.Sprintf("name %q", s))
			if msg != "" {
				return "", msg
			}
			c = v
			i += n - 1
		}
		writeNameByte(&b, c)
		label++
	}
	if msg := checkLabel(s, body[labelStart:], label); msg != "" {
		return "", msg
	}
	return b.String(), ""
}

func writeNameByte(b *strings.Builder, c byte) {
	switch {
	case 'A' <= c && c <= 'Z':
		b.WriteByte(c + 'a' - 'A')
	case c == '.' || c == '\\' || c == '"' || c == '(' || c == ')' || c == ';':
		b.WriteByte('\\')
		b.WriteByte(c)
	case c < '!' || c > '~':
		fmt.Fprintf(b, "\\%03d", c)
	default:
		b.WriteByte(c)
	}
}

// unescape decodes the escape at the start of s (which begins with a
// backslash): \DDD is a byte in decimal, \X is X. It returns the byte and
// the escape's length, or a message; where names the text s is in.
func unescape(s, where string) (byte, int, string) {
	if len(s) < 2 {
		return 0, 0, where + " ends with a lone backslash"
	}
	if !isDigit(s[1]) {
		return s[1], 2, ""
	}
	if len(s) < 4 || !isDigit(s[2]) || !isDigit(s[3]) {
		end := min(len(s), 4)
		return 0, 0, fmt.Sprintf(`bad escape %q in %s; expected \DDD with three digits`, s[:end], where)
	}
	v := int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	if v > 255 {
		return 0, 0, fmt.Sprintf(`bad escape %q in %s; \DDD must be 000 to 255`, s[:4], where)
	}
	return byte(v), 4, ""
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
