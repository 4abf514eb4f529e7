package dmarc

import (
	"net/url"
	"strconv"
	"strings"
)

// uriList reads rua or ruf (RFC 9989 §4.7, dmarc-urilist): URIs separated
// by commas, each with an optional obsolete size suffix.
func (p *parser) uriList(t Tag) {
	var uris []URI
	start := t.ValueStart
	for i := t.ValueStart; i <= t.ValueEnd; i++ {
		if i < t.ValueEnd && p.text[i] != ',' {
			continue
		}
		s, e := trimWSP(p.text, start, i)
		if s == e {
			// Point at the comma that makes the empty entry.
			comma := start - 1
			if start == t.ValueStart {
				comma = i
			}
			p.errorf(comma, comma+1, Invalid, KindSyntax,
				"%s list has an empty entry; receivers ignore it", t.Name)
			start = i + 1
			continue
		}
		start = i + 1
		uris = append(uris, p.uri(t.Name, s, e))
	}

	if t.Key == "rua" {
		p.rec.RUA = uris
	} else {
		p.rec.RUF = uris
	}
}

// uri reads one report URI at [start, end) (RFC 9989 §4.8 dmarc-uri and
// obs-dmarc-uri).
func (p *parser) uri(tag string, start, end int) URI {
	u := URI{Start: start, End: end}
	raw := p.text[start:end]
	if bang := strings.LastIndexByte(raw, '!'); bang >= 0 {
		size := raw[bang+1:]
		if !validSize(size) {
			p.errorf(start+bang, end, Invalid, KindSyntax,
				"%s URI %q holds \"!\" not followed by a size such as \"!10m\"; write it as %%21 inside a URI; receivers ignore this URI", tag, raw)
			u.Raw = raw
			return u
		}
		p.errorf(start+bang, end, Note, KindRemoved,
			"size limit %q is obsolete in RFC 9989: reporters ignore it; remove it", raw[bang:])
		u.Size = size
		raw = raw[:bang]
	}
	u.Raw = raw

	msg := checkURI(&u)
	switch {
	case msg != "":
		p.errorf(start, start+len(raw), Invalid, KindSyntax, "%s URI %q %s; receivers ignore it", tag, raw, msg)
		if strings.HasPrefix(msg, "has no scheme (did you mean") {
			p.fix(start, start+len(raw), "mailto:"+raw)
		}
	case u.Scheme != "mailto":
		u.Valid = true
		p.errorf(start, start+len(raw), Warning, KindSyntax,
			"%s URI %q is not a mailto: URI; receivers need support only mailto: and ignore schemes they do not support, so reports may never come", tag, raw)
	default:
		u.Valid = true
	}
	return u
}

// validSize reports whether s is the size of an obs-dmarc-report-size
// without its "!": digits and an optional unit k, m, g or t.
func validSize(s string) bool {
	if s == "" {
		return false
	}
	if c := s[len(s)-1] | 0x20; c == 'k' || c == 'm' || c == 'g' || c == 't' {
		s = s[:len(s)-1]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// checkURI checks u.Raw against RFC 3986 and, for mailto:, RFC 6068, and
// fills in u.Scheme, u.Address and u.Domain. It returns what is wrong, or
// "".
func checkURI(u *URI) string {
	raw := u.Raw
	colon := strings.IndexByte(raw, ':')
	if colon <= 0 || !validScheme(raw[:colon]) {
		if strings.Contains(raw, "@") && !strings.Contains(raw, ":") {
			return "has no scheme (did you mean " + strconv.Quote("mailto:"+raw) + "?)"
		}
		return "does not start with a scheme such as \"mailto:\""
	}
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; !uriChar(c) {
			return "holds " + describeChar(raw, i) + ", which must be percent-encoded"
		}
		if raw[i] == '%' && (i+2 >= len(raw) || !isHex(raw[i+1]) || !isHex(raw[i+2])) {
			return "holds a \"%\" that does not start a %XX escape"
		}
	}

	u.Scheme = strings.ToLower(raw[:colon])
	rest := raw[colon+1:]
	if u.Scheme == "mailto" {
		return checkMailto(u, rest)
	}

	parsed, err := url.Parse(raw)
	if err != nil {
		return "does not parse as a URI"
	}
	u.Domain = strings.ToLower(strings.TrimSuffix(parsed.Hostname(), "."))
	if (u.Scheme == "https" || u.Scheme == "http") && !validHostname(u.Domain) {
		return "does not name a valid host"
	}
	return ""
}

// checkMailto checks the part of a mailto: URI after the scheme: one
// address, percent-decoded, then optional header fields (RFC 6068 §2).
func checkMailto(u *URI, rest string) string {
	to, _, _ := strings.Cut(rest, "?")
	addr, err := url.PathUnescape(to)
	switch {
	case err != nil:
		return "holds a bad %XX escape"
	case addr == "":
		return "names no address"
	case strings.Contains(addr, ","):
		return "names several addresses; give each its own mailto: URI"
	}

	at := strings.LastIndexByte(addr, '@')
	if at <= 0 || at == len(addr)-1 {
		return "is not mailto:local-part@domain"
	}
	domain := strings.ToLower(addr[at+1:])
	if !validHostname(domain) {
		return "names the mail domain " + strconv.Quote(addr[at+1:]) + ", which is not a valid domain name"
	}
	u.Address = addr
	u.Domain = domain
	return ""
}

func validScheme(s string) bool {
	if s == "" || !isAlpha(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// uriChar reports whether c may appear in a URI (RFC 3986 §2): unreserved,
// reserved or "%". Commas and "!" are taken by the list syntax.
func uriChar(c byte) bool {
	if isAlpha(c) || isDigit(c) {
		return true
	}
	return strings.IndexByte("-._~:/?#[]@$&'()*+;=%", c) >= 0
}

func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// validHostname reports whether name is a fully qualified host name:
// at least two letter-digit-hyphen labels of 1 to 63 bytes, none starting
// or ending with a hyphen (RFC 1123 §2.1), 253 bytes at most.
func validHostname(name string) bool {
	if len(name) > 253 || !strings.Contains(name, ".") {
		return false
	}
	for label := range strings.SplitSeq(name, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			if c := label[i]; !isAlpha(c) && !isDigit(c) && c != '-' {
				return false
			}
		}
	}
	return true
}
