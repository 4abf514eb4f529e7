package spf

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/sendlint/sendlint/internal/suggest"
)

// mechanisms maps the mechanism names of RFC 7208 §5 to their kinds.
var mechanisms = map[string]Kind{
	"all":     KindAll,
	"include": KindInclude,
	"a":       KindA,
	"mx":      KindMX,
	"ptr":     KindPTR,
	"ip4":     KindIP4,
	"ip6":     KindIP6,
	"exists":  KindExists,
}

// mechanismNames are the keys of mechanisms, for suggestions.
var mechanismNames = []string{"a", "all", "exists", "include", "ip4", "ip6", "mx", "ptr"}

// directive parses [qualifier] mechanism (RFC 7208 §4.6.1, §5).
func (p *parser) directive(start, end int) *Term {
	t := &Term{Qualifier: QualifierPass}
	i := start
	if q := p.text[i]; strings.IndexByte("+-~?", q) >= 0 {
		t.Qualifier = Qualifier(q)
		i++
	}
	if i == end {
		p.errorf(start, end, "qualifier %q with no mechanism after it", p.text[start:end])
		return nil
	}

	// The name is letters and digits; ":" or "/" may follow it.
	n := i
	for n < end && isAlnum(p.text[n]) {
		n++
	}
	name := strings.ToLower(p.text[i:n])
	kind, ok := mechanisms[name]
	if !ok {
		p.unknown(i, end)
		return nil
	}
	if n < end && p.text[n] != ':' && p.text[n] != '/' {
		// all takes nothing, so dropping the rest is the one correction.
		if kind == KindAll {
			p.fixf(n, end, "", n, end, "unexpected %q after %q", p.text[n:end], name)
		} else {
			p.errorf(n, end, "unexpected %q after %q", p.text[n:end], name)
		}
		return nil
	}

	t.Kind, t.Name = kind, name
	switch kind {
	case KindA, KindMX, KindIP4, KindIP6:
		t.Prefix4, t.Prefix6 = 32, 128
	}
	if p.argument(t, i, n, end) {
		return t
	}
	return nil
}

// unknown reports an unknown mechanism whose name starts at i, with a
// suggestion when a known name is close.
func (p *parser) unknown(i, end int) {
	j := i + strings.IndexAny(p.text[i:end]+":", ":/")
	name := p.text[i:j]
	lower := strings.ToLower(name)

	switch {
	case name == "":
		p.errorf(i, end, "expected a mechanism name at %q", p.text[i:end])
	case (lower == "redirect" || lower == "exp") && j < end && p.text[j] == ':':
		fixed := lower + "=" + p.text[j+1:end]
		p.fixf(i, end, fixed, i, end, "%q is a modifier, written with \"=\": %s", lower, fixed)
	default:
		s := suggest.Closest(lower, mechanismNames)
		if s == "" {
			p.errorf(i, j, "unknown mechanism %q", name)
			return
		}
		p.fixf(i, j, s, i, j, "unknown mechanism %q; did you mean %q?", name, s)
	}
}

// argument parses what follows the mechanism name text[name:n]: a
// domain-spec, an address and CIDR lengths, as the mechanism allows. It
// returns whether all of it was valid.
func (p *parser) argument(t *Term, name, n, end int) bool {
	errs := len(p.errs)
	switch t.Kind {
	case KindAll:
		if n < end {
			p.fixf(n, end, "", n, end, "all takes no %s; write \"all\" alone", argName(p.text[n]))
		}
	case KindIP4, KindIP6:
		p.network(t, name, n, end)
	default:
		p.domainArg(t, name, n, end)
	}
	return len(p.errs) == errs
}

func argName(c byte) string {
	if c == ':' {
		return "domain"
	}
	return "CIDR length"
}

// domainArg parses [":" domain-spec] [dual-cidr-length] for include, a,
// mx, ptr and exists (RFC 7208 §5.2–§5.5, §5.7).
func (p *parser) domainArg(t *Term, name, n, end int) {
	// CIDR lengths are taken from the end, since a domain-spec may itself
	// contain "/" (as in "a:foo:bar/baz.example.com").
	colon := n < end && p.text[n] == ':'
	from := n
	if colon {
		from = n + 1
	}
	c := splitCIDR(p.text, from, end)
	dom := Span{from, c.start}
	if !colon && c.start > n {
		hint := ""
		if t.Kind == KindA || t.Kind == KindMX {
			hint = "; a dual CIDR length is written \"/24//64\""
		}
		p.errorf(n, c.start, "unexpected %q after %q%s", p.text[n:c.start], t.Name, hint)
		return
	}

	if c.start < end {
		if t.Kind != KindA && t.Kind != KindMX {
			p.fixf(c.start, end, "", c.start, end, "%s takes no CIDR length; remove %q", t.Name, p.text[c.start:end])
			return
		}
		p.cidrs(t, c)
	}

	needs := t.Kind == KindInclude || t.Kind == KindExists
	switch {
	case !colon && needs:
		p.errorf(name, end, "%s needs a domain, as in \"%s:_spf.example.com\"", t.Name, t.Name)
	case !colon:
	case dom.Start == dom.End && needs:
		p.errorf(name, dom.End, "empty domain after \"%s:\"; name one, as in \"%s:_spf.example.com\"",
			t.Name, t.Name)
	case dom.Start == dom.End:
		p.fixf(n, dom.End, "", name, dom.End, "empty domain after \"%s:\"; write %q alone for the current domain, or name one",
			t.Name, t.Name)
	default:
		t.Domain = p.macro(dom, inDomain)
	}
}

// cidrSuffix is the dual-cidr-length at the end of a term: each length is
// the digits between its bounds, or absent when its start is -1.
type cidrSuffix struct {
	start            int
	ip4Start, ip4End int
	ip6Start, ip6End int
}

// splitCIDR finds "/n", "//m" or "/n//m" at the end of text[from:end].
// The digits may be empty or bad: the caller checks them.
func splitCIDR(text string, from, end int) cidrSuffix {
	c := cidrSuffix{start: end, ip4Start: -1, ip6Start: -1}
	k := digitsBefore(text, from, end)
	switch {
	case k-2 >= from && text[k-1] == '/' && text[k-2] == '/':
		c.ip6Start, c.ip6End, c.start = k, end, k-2
	case k-1 >= from && text[k-1] == '/':
		c.ip4Start, c.ip4End, c.start = k, end, k-1
		return c
	default:
		return c
	}

	k = digitsBefore(text, from, c.start)
	if k-1 >= from && text[k-1] == '/' && (k-2 < from || text[k-2] != '/') {
		c.ip4Start, c.ip4End, c.start = k, c.ip6Start-2, k-1
	}
	return c
}

// digitsBefore returns where the run of digits that ends at end starts,
// not going below from.
func digitsBefore(text string, from, end int) int {
	k := end
	for k > from && isDigit(text[k-1]) {
		k--
	}
	return k
}

// cidrs sets the CIDR lengths of an a or mx term from c.
func (p *parser) cidrs(t *Term, c cidrSuffix) {
	if c.ip4Start >= 0 {
		t.Prefix4, t.HasPrefix4 = p.cidrLength(c.ip4Start, c.ip4End, 4)
	}
	if c.ip6Start >= 0 {
		t.Prefix6, t.HasPrefix6 = p.cidrLength(c.ip6Start, c.ip6End, 6)
	}
}

// cidrLength checks the digits at text[start:end] as an ip4-cidr-length
// or ip6-cidr-length: a number without leading zeros up to 32 or 128
// (RFC 7208 §5.6, §12).
func (p *parser) cidrLength(start, end, family int) (int, bool) {
	max := 32
	if family == 6 {
		max = 128
	}
	s := p.text[start:end]
	slash := start - 1
	for slash > 0 && p.text[slash-1] == '/' {
		slash--
	}

	switch {
	case s == "":
		p.errorf(slash, end, "empty ip%d CIDR length after %q", family, p.text[slash:end])
	case len(s) > 1 && s[0] == '0':
		trimmed := strings.TrimLeft(s, "0")
		if trimmed == "" {
			trimmed = "0"
		}
		p.fixf(start, end, trimmed, slash, end, "ip%d CIDR length %q has a leading zero", family, s)
	case len(s) > 3:
		p.errorf(slash, end, "ip%d CIDR length %s is over %d", family, s, max)
	default:
		v, _ := strconv.Atoi(s)
		if v > max {
			p.errorf(slash, end, "ip%d CIDR length %d is over %d", family, v, max)
			break
		}
		return v, true
	}
	return 0, false
}

// network parses ":" address [cidr-length] of ip4 and ip6 (RFC 7208
// §5.6).
func (p *parser) network(t *Term, name, n, end int) {
	family, example := 4, "ip4:192.0.2.0/24"
	if t.Kind == KindIP6 {
		family, example = 6, "ip6:2001:db8::/32"
	}
	addrEnd := end
	if i := strings.IndexByte(p.text[n:end], '/'); i >= 0 {
		addrEnd = n + i
	}
	if n == end || p.text[n] != ':' || n+1 == addrEnd {
		p.errorf(name, end, "%s needs an address, as in %q", t.Name, example)
		return
	}

	if !p.address(t, name, n+1, addrEnd) || addrEnd == end {
		return
	}

	if addrEnd+1 < end && p.text[addrEnd+1] == '/' {
		p.errorf(addrEnd, end, "%s takes one CIDR length written \"/n\", not %q", t.Name, p.text[addrEnd:end])
		return
	}
	v, ok := p.cidrLength(addrEnd+1, end, family)
	if !ok {
		return
	}
	if family == 4 {
		t.Prefix4, t.HasPrefix4 = v, true
	} else {
		t.Prefix6, t.HasPrefix6 = v, true
	}
}

// address parses the IPv4 or IPv6 address of an ip4 or ip6 term at
// text[start:end] and reports whether it is valid.
func (p *parser) address(t *Term, name, start, end int) bool {
	s := p.text[start:end]
	a, err := netip.ParseAddr(s)
	switch {
	case err != nil || a.Zone() != "":
		if t.Kind == KindIP4 {
			p.errorf(start, end, "ip4 address %q is not valid: expected four numbers 0-255 without leading zeros", s)
		} else {
			p.errorf(start, end, "ip6 address %q is not a valid IPv6 address", s)
		}
	case t.Kind == KindIP4 && !a.Is4():
		p.fixf(name, start-1, "ip6", start, end, "ip4 needs an IPv4 address; %q is IPv6, so write \"ip6:%s\"", s, s)
	case t.Kind == KindIP6 && !a.Is6():
		p.fixf(name, start-1, "ip4", start, end, "ip6 needs an IPv6 address; %q is IPv4, so write \"ip4:%s\"", s, s)
	default:
		t.Addr = a
		return true
	}
	return false
}
