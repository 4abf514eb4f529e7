// Package uri checks the URIs that DMARC (rua, ruf), TLS-RPT (rua) and
// BIMI (l, a) records hold: the generic syntax of RFC 3986, the mailto:
// scheme of RFC 6068 §2, and the host of an http: or https: URI. It says
// what is wrong in a phrase for a message; each record's parser adds what
// the record's readers then do.
package uri

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/sendlint/sendlint/internal/taglist"
)

// Rules says what a record's grammar adds to RFC 3986 for its URIs, and
// how its messages name things.
type Rules struct {
	// Reserved are bytes the record's own syntax takes, such as the
	// separators of a URI list; a URI must percent-encode them.
	Reserved string
	// OneAddress refuses a mailto: URI that names several addresses,
	// separated by percent-encoded commas (RFC 6068 §2). Without it such
	// a URI passes, and Domain is that of the last address.
	OneAddress bool
	// Schemes names, for the message about a URI without a scheme, the
	// schemes it may have meant, such as `"mailto:" or "https:"`.
	Schemes string
}

// Parts is what Check reads from a URI, as far as it got before any
// problem.
type Parts struct {
	// Scheme is the scheme in lower case, set once every byte of the URI
	// is allowed.
	Scheme string
	// Address is the addr-spec of a valid mailto: URI, percent-decoded.
	Address string
	// Domain is the mail domain of a valid mailto: URI, or the host of a
	// URI of another scheme that parses, in lower case without a final
	// dot.
	Domain string
}

// Kind says what is wrong with a URI.
type Kind int

// The kinds of problem, in the order Check looks for them.
const (
	// Valid: nothing is wrong.
	Valid Kind = iota
	// BareAddress: no scheme, but an "@" and no ":", as in a mail address
	// written without "mailto:".
	BareAddress
	// NoScheme: the URI does not start with a scheme and ":" (RFC 3986
	// §3.1).
	NoScheme
	// BadChar: a byte that RFC 3986 §2 or Rules.Reserved does not allow
	// unencoded.
	BadChar
	// BadPercent: a "%" that does not start a %XX escape.
	BadPercent
	// NotURI: the URI does not parse.
	NotURI
	// BadHost: an http: or https: URI without a valid host name.
	BadHost

	// NoAddress: a mailto: URI without an address.
	NoAddress
	// SeveralAddresses: a mailto: URI with several addresses, when
	// Rules.OneAddress refuses them.
	SeveralAddresses
	// NotAddrSpec: the address of a mailto: URI is not local-part@domain.
	NotAddrSpec
	// BadDomain: the mail domain of a mailto: URI is not a valid host name.
	BadDomain
)

// Mailto reports whether k is about the address of a mailto: URI.
func (k Kind) Mailto() bool { return k >= NoAddress }

// Problem is what Check finds wrong with a URI. Phrase says it, lower
// case, to follow the URI in a message: "holds a space, which must be
// percent-encoded". The zero Problem means the URI is valid.
type Problem struct {
	Kind   Kind
	Phrase string
}

// Check checks raw against RFC 3986 and r, and a mailto: URI against
// RFC 6068 §2; for http: and https: it checks the host too. Other schemes
// pass once they parse: a record's parser says which ones its readers
// use.
func Check(raw string, r Rules) (Parts, Problem) {
	var p Parts
	colon := strings.IndexByte(raw, ':')
	if colon <= 0 || !ValidScheme(raw[:colon]) {
		if strings.Contains(raw, "@") && !strings.Contains(raw, ":") {
			return p, Problem{BareAddress, "has no scheme (did you mean " + strconv.Quote("mailto:"+raw) + "?)"}
		}
		return p, Problem{NoScheme, "does not start with a scheme such as " + r.Schemes}
	}
	if prob := checkBytes(raw, r); prob.Kind != Valid {
		return p, prob
	}

	p.Scheme = strings.ToLower(raw[:colon])
	if p.Scheme == "mailto" {
		return mailto(p, raw[colon+1:], r)
	}
	return p, checkHost(&p, raw)
}

// badPercent is the phrase of a BadPercent problem.
const badPercent = "holds a \"%\" that does not start a %XX escape"

// checkBytes reports the first byte of raw that must be percent-encoded
// and the first "%" that does not start a %XX escape.
func checkBytes(raw string, r Rules) Problem {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if !uriChar(c) || strings.IndexByte(r.Reserved, c) >= 0 {
			return Problem{BadChar, "holds " + taglist.DescribeChar(raw, i) + ", which must be percent-encoded"}
		}
		if c == '%' && (i+2 >= len(raw) || !isHex(raw[i+1]) || !isHex(raw[i+2])) {
			return Problem{BadPercent, badPercent}
		}
	}
	return Problem{}
}

// checkHost parses a URI of a scheme other than mailto: and fills in
// p.Domain with its host.
func checkHost(p *Parts, raw string) Problem {
	parsed, err := url.Parse(raw)
	if err != nil {
		return Problem{NotURI, "does not parse as a URI"}
	}

	p.Domain = strings.ToLower(strings.TrimSuffix(parsed.Hostname(), "."))
	if (p.Scheme == "https" || p.Scheme == "http") && !ValidHostname(p.Domain) {
		return Problem{BadHost, "does not name a valid host"}
	}
	return Problem{}
}

// mailto checks the part of a mailto: URI after the scheme: one address,
// percent-decoded, then optional header fields (RFC 6068 §2).
func mailto(p Parts, rest string, r Rules) (Parts, Problem) {
	to, _, _ := strings.Cut(rest, "?")
	addr, err := url.PathUnescape(to)
	switch {
	case err != nil:
		// checkBytes has refused bad escapes already; this is the same
		// fault as net/url sees it.
		return p, Problem{BadPercent, badPercent}
	case addr == "":
		return p, Problem{NoAddress, "names no address"}
	case r.OneAddress && strings.Contains(addr, ","):
		return p, Problem{SeveralAddresses, "names several addresses; give each its own mailto: URI"}
	}

	at := strings.LastIndexByte(addr, '@')
	if at <= 0 || at == len(addr)-1 {
		return p, Problem{NotAddrSpec, "is not mailto:local-part@domain"}
	}
	domain := strings.ToLower(addr[at+1:])
	if !ValidHostname(domain) {
		return p, Problem{BadDomain, "names the mail domain " + strconv.Quote(addr[at+1:]) + ", which is not a valid domain name"}
	}

	p.Address, p.Domain = addr, domain
	return p, Problem{}
}
