// Package dnsname converts domain names and TXT character-strings between
// the plain bytes sendlint works with and the presentation format (RFC
// 1035 §5.1) that miekg/dns reads and writes, where special and
// unprintable bytes are escaped as \X or \DDD.
//
// SPF target names may hold any byte but "." (RFC 7208 §4.8, as in
// "macro%percent  space.example.com"), so they must be escaped before
// miekg/dns packs them into a query, and names and strings in answers
// must be unescaped before they are compared or evaluated.
package dnsname

import "strings"

// Fqdn returns a plain name (labels separated by dots, no trailing dot) in
// presentation format with the trailing dot of a fully qualified name. The
// root, "." or "", stays ".".
func Fqdn(name string) string {
	name = strings.TrimSuffix(name, ".")
	if name == "" {
		return "."
	}
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '.':
			b.WriteByte('.')
		case labelSpecial(c):
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x21 || c > 0x7e:
			writeDDD(&b, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('.')
	return b.String()
}

// Plain returns a name in presentation format as plain bytes without the
// trailing dot; the root is ".". An escaped dot inside a label becomes a
// plain dot, so such a label reads as two: SPF names have no other way to
// write one.
func Plain(name string) string {
	if name == "." || name == "" {
		return "."
	}
	return strings.TrimSuffix(Unescape(name), ".")
}

// Unescape decodes \X and \DDD escapes of presentation format, as found
// in names and TXT character-strings.
func Unescape(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c != '\\' || i+1 == len(s):
			b.WriteByte(c)
		case i+3 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]):
			b.WriteByte(byte(int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0')))
			i += 3
		default:
			b.WriteByte(s[i+1])
			i++
		}
	}
	return b.String()
}

// EscapeTXT writes the bytes of a TXT character-string in presentation
// format, as miekg/dns expects in a TXT record's strings: quotes and
// backslashes escaped with a backslash, other bytes outside printable
// ASCII as \DDD.
func EscapeTXT(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c > 0x7e:
			writeDDD(&b, c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// labelSpecial reports whether c is escaped with a backslash inside a
// label, as miekg/dns writes names.
func labelSpecial(c byte) bool {
	return strings.IndexByte(`\"'@;() $`, c) >= 0
}

func writeDDD(b *strings.Builder, c byte) {
	b.WriteByte('\\')
	b.WriteByte('0' + c/100)
	b.WriteByte('0' + c/10%10)
	b.WriteByte('0' + c%10)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
