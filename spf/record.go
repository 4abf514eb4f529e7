package spf

import (
	"net/netip"
	"strconv"
	"strings"
)

// Span is a range of byte offsets [Start, End) into a parsed text.
type Span struct {
	Start, End int
}

// Qualifier is the result a matching mechanism gives (RFC 7208 §4.6.2):
// one of the bytes '+', '-', '~' and '?'.
type Qualifier byte

// The qualifiers. A mechanism written without one has QualifierPass.
const (
	QualifierPass     Qualifier = '+'
	QualifierFail     Qualifier = '-'
	QualifierSoftFail Qualifier = '~'
	QualifierNeutral  Qualifier = '?'
)

// String returns the result name the qualifier stands for: "pass",
// "fail", "softfail" or "neutral".
func (q Qualifier) String() string {
	switch q {
	case QualifierPass:
		return "pass"
	case QualifierFail:
		return "fail"
	case QualifierSoftFail:
		return "softfail"
	case QualifierNeutral:
		return "neutral"
	}
	return "Qualifier(" + strconv.Itoa(int(q)) + ")"
}

// Kind says which mechanism (RFC 7208 §5) or modifier (§6) a term is.
type Kind int

// The mechanisms, then the modifiers. KindModifier is any modifier other
// than redirect and exp; RFC 7208 §6 says receivers ignore those.
const (
	KindAll Kind = iota + 1
	KindInclude
	KindA
	KindMX
	KindPTR
	KindIP4
	KindIP6
	KindExists
	KindRedirect
	KindExp
	KindModifier
)

var kindNames = map[Kind]string{
	KindAll:      "all",
	KindInclude:  "include",
	KindA:        "a",
	KindMX:       "mx",
	KindPTR:      "ptr",
	KindIP4:      "ip4",
	KindIP6:      "ip6",
	KindExists:   "exists",
	KindRedirect: "redirect",
	KindExp:      "exp",
	KindModifier: "modifier",
}

// String returns the mechanism or modifier name as written in records,
// and "modifier" for KindModifier.
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// IsMechanism reports whether k is a mechanism rather than a modifier.
func (k Kind) IsMechanism() bool {
	return k >= KindAll && k <= KindExists
}

// Lookup reports whether a term of kind k makes check_host() query DNS,
// and so counts toward the limit of 10 such terms (RFC 7208 §4.6.4):
// include, a, mx, ptr, exists and redirect do; all, ip4, ip6 and exp do
// not.
func (k Kind) Lookup() bool {
	switch k {
	case KindInclude, KindA, KindMX, KindPTR, KindExists, KindRedirect:
		return true
	}
	return false
}

// Record is a parsed SPF record (RFC 7208 §4.5, §12).
type Record struct {
	// Version covers "v=spf1" at the start of the text.
	Version Span
	// Terms are every mechanism and modifier in the order written,
	// including duplicate redirect and exp modifiers, which are errors.
	Terms []*Term
	// Mechanisms are the terms that are mechanisms (directives), in order;
	// check_host() tries them from left to right (§4.6.2).
	Mechanisms []*Term
	// Redirect and Exp are the first redirect and exp modifiers, nil when
	// there is none (§6.1, §6.2).
	Redirect, Exp *Term
}

// Term is one directive or modifier of a record. Only the fields that
// apply to its Kind are set.
type Term struct {
	Kind Kind
	// Span covers the whole term, qualifier included.
	Span Span
	// Qualifier is the directive's qualifier; zero for modifiers.
	Qualifier Qualifier
	// Name is the modifier name in lower case for KindModifier (RFC 7208
	// §4.6.1 makes names case-insensitive), and Kind.String() otherwise.
	Name string
	// Domain is the domain-spec of include, a, mx, ptr, exists, redirect
	// and exp, or the value of an unknown modifier. It is nil when a, mx or
	// ptr name no domain, which means the current domain (§5.3–§5.5).
	Domain *MacroString
	// Addr is the address of ip4 and ip6, as written (host bits are kept).
	Addr netip.Addr
	// Prefix4 and Prefix6 are the CIDR lengths of ip4, ip6, a and mx: 32
	// and 128 unless written (§5.6). HasPrefix4 and HasPrefix6 tell
	// whether they were written.
	Prefix4, Prefix6       int
	HasPrefix4, HasPrefix6 bool
}

// Lookup reports whether the term costs one of the 10 DNS-querying terms
// that check_host() allows (RFC 7208 §4.6.4).
func (t *Term) Lookup() bool {
	return t.Kind.Lookup()
}

// Network returns the address range of an ip4 or ip6 term, with its host
// bits cleared.
func (t *Term) Network() netip.Prefix {
	bits := t.Prefix4
	if t.Kind == KindIP6 {
		bits = t.Prefix6
	}
	p, _ := t.Addr.Prefix(bits)

	return p
}

// String returns the term in canonical form: lower-case names, the
// qualifier only when it is not "+", CIDR lengths only when written.
func (t *Term) String() string {
	var b strings.Builder
	if t.Kind.IsMechanism() && t.Qualifier != QualifierPass && t.Qualifier != 0 {
		b.WriteByte(byte(t.Qualifier))
	}
	b.WriteString(t.Name)

	switch {
	case !t.Kind.IsMechanism():
		b.WriteByte('=')
		if t.Domain != nil {
			b.WriteString(t.Domain.String())
		}
	case t.Kind == KindIP4 || t.Kind == KindIP6:
		b.WriteByte(':')
		b.WriteString(t.Addr.String())
	case t.Domain != nil:
		b.WriteByte(':')
		b.WriteString(t.Domain.String())
	}

	if t.HasPrefix4 {
		b.WriteString("/" + strconv.Itoa(t.Prefix4))
	}
	if t.HasPrefix6 {
		if t.Kind == KindIP6 {
			b.WriteString("/" + strconv.Itoa(t.Prefix6))
		} else {
			b.WriteString("//" + strconv.Itoa(t.Prefix6))
		}
	}
	return b.String()
}

// String returns the record in canonical form: "v=spf1" and the terms in
// canonical form, separated by single spaces.
func (r *Record) String() string {
	var b strings.Builder
	b.WriteString(version)
	for _, t := range r.Terms {
		b.WriteByte(' ')
		b.WriteString(t.String())
	}
	return b.String()
}

// All returns the record's all mechanism, or nil when it has none. When
// the record has several, the first is returned: check_host() never
// reaches the others (RFC 7208 §5.1).
func (r *Record) All() *Term {
	for _, t := range r.Mechanisms {
		if t.Kind == KindAll {
			return t
		}
	}
	return nil
}
