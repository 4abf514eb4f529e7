package transport

import (
	"net/url"
	"strconv"
	"strings"
)

// URI is one report URI of a list.
type URI struct {
	// Raw is the URI as written; Scheme its scheme in lower case; Domain
	// the mail domain of a mailto: URI or the host of another.
	Raw, Scheme, Domain string
	Start, End          int
	// Valid reports whether the URI is syntactically valid (RFC 3986).
	Valid bool
}

// uriList reads a comma-separated list of URIs, with optional white space
// around the commas, and reports URIs that do not parse or whose scheme
// is not among schemes.
func (s *scanner) uriList(what string, f Field, schemes []string) []URI {
	var out []URI
	start := f.ValueStart
	for i := f.ValueStart; i <= f.ValueEnd; i++ {
		if i < f.ValueEnd && s.text[i] != ',' {
			continue
		}
		us, ue := trimWSP(s.text, start, i)
		start = i + 1
		if us == ue {
			s.errorf(f.ValueStart, f.ValueEnd, Fatal, "%s lists an empty URI, so the %s record is invalid", f.Name, what)
			return nil
		}
		u := URI{Raw: s.text[us:ue], Start: us, End: ue}
		if msg := checkURI(&u); msg != "" {
			s.errorf(us, ue, Fatal, "%s URI %q %s, so the %s record is invalid", f.Name, u.Raw, msg, what)
			out = append(out, u)
			continue
		}
		u.Valid = true
		if !contains(schemes, u.Scheme) {
			s.errorf(us, ue, Warning, "%s URI %q: senders send reports only to %s URIs and skip this one", f.Name, u.Raw, strings.Join(schemes, ": and ")+":")
		}
		out = append(out, u)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkURI checks u.Raw against RFC 3986 and, for mailto:, RFC 6068, and
// fills in u.Scheme and u.Domain. It returns what is wrong, or "".
func checkURI(u *URI) string {
	raw := u.Raw
	colon := strings.IndexByte(raw, ':')
	if colon <= 0 || !validScheme(raw[:colon]) {
		if strings.Contains(raw, "@") && !strings.Contains(raw, ":") {
			return "has no scheme (did you mean " + strconv.Quote("mailto:"+raw) + "?)"
		}
		return "does not start with a scheme such as \"mailto:\" or \"https:\""
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if !isAlpha(c) && !isDigit(c) && strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) < 0 {
			return "holds " + describeChar(raw, i) + ", which must be percent-encoded"
		}
		if c == '%' && (i+2 >= len(raw) || !isHex(raw[i+1]) || !isHex(raw[i+2])) {
			return "holds a \"%\" that does not start a %XX escape"
		}
	}
	u.Scheme = strings.ToLower(raw[:colon])

	if u.Scheme == "mailto" {
		to, _, _ := strings.Cut(raw[colon+1:], "?")
		addr, err := url.PathUnescape(to)
		at := strings.LastIndexByte(addr, '@')
		if err != nil || at <= 0 || !validHostname(strings.ToLower(addr[at+1:])) {
			return "is not mailto:local-part@domain"
		}
		u.Domain = strings.ToLower(addr[at+1:])
		return ""
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

func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// validHostname reports whether name is a fully qualified host name of
// letter-digit-hyphen labels (RFC 1123 §2.1).
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
