package spf

import "strings"

// NearMiss returns an error when text is not an SPF record ([IsSPF] is
// false) but looks like an attempt at one, and nil otherwise. Receivers
// ignore such a TXT record as if it were not there (RFC 7208 §4.5), so a
// domain that meant to publish SPF has none. It finds text before
// "v=spf1" (leading spaces, a literal quote), "v=spf1" glued to what
// follows ("v=spf1a", "v=spf10"), "spf1" without "v=", and versions
// other than 1 ("v=spf2.0"). Sender ID records ("spf2.0/pra", RFC 4406)
// are not taken for attempts. The error has a Fix when removing the text
// before "v=spf1" or adding "v=" corrects it.
func NearMiss(text string) *Error {
	if IsSPF(text) {
		return nil
	}

	word := len(text)
	if i := strings.IndexByte(text, ' '); i >= 0 {
		word = i
	}
	switch i := indexFold(text, version); {
	case i == 0:
		return errorf(0, word, "\"v=spf1\" is followed by %q instead of a space", text[len(version):word])
	case i > 0:
		e := errorf(0, i, "text %q before \"v=spf1\"", text[:i])
		e.Fix = &Edit{Span: Span{0, i}}
		return e
	case hasPrefixFold(text, "v=spf"):
		return errorf(0, word, "%q is not an SPF version; the only one is \"v=spf1\"", text[:word])
	case hasPrefixFold(text, "spf1") && (len(text) == 4 || text[4] == ' '):
		e := errorf(0, 4, "\"spf1\" lacks \"v=\"")
		e.Fix = &Edit{Text: "v="}
		return e
	}
	return nil
}

// indexFold returns the offset of the first match of the lower-case ASCII
// pattern in s, ignoring ASCII case, or -1. Unlike strings.ToLower it
// keeps byte offsets whatever else s holds.
func indexFold(s, pattern string) int {
	for i := 0; i+len(pattern) <= len(s); i++ {
		if hasPrefixFold(s[i:], pattern) {
			return i
		}
	}
	return -1
}

// hasPrefixFold reports whether s starts with the lower-case ASCII
// pattern, ignoring ASCII case.
func hasPrefixFold(s, pattern string) bool {
	return len(s) >= len(pattern) && strings.EqualFold(s[:len(pattern)], pattern)
}
