package spf

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
)

// match reports whether mechanism t matches the client (RFC 7208 §5). An
// error ends the evaluation with the result it carries.
func (e *evaluation) match(t *Term, domain string, depth int) (bool, error) {
	ip := e.env.IP.Unmap()
	switch t.Kind {
	case KindAll:
		return true, nil
	case KindIP4:
		return e.matchNetwork(t, ip.Is4() && t.Network().Contains(ip), depth), nil
	case KindIP6:
		return e.matchNetwork(t, ip.Is6() && t.Network().Contains(ip), depth), nil
	case KindInclude:
		return e.include(t, domain, depth)
	}

	target, problem, err := e.target(t, domain)
	if err != nil {
		return false, err
	}
	if problem != "" {
		// RFC 7208 §4.8 leaves such names undefined; like a name that does
		// not exist, it matches nothing, and no query is sent.
		e.tracef(depth, "%s: lookup %d, %s, no match", t, e.out.Lookups, problem)
		return false, nil
	}
	switch t.Kind {
	case KindA:
		return e.matchA(t, target, depth)
	case KindMX:
		return e.matchMX(t, target, depth)
	case KindPTR:
		return e.matchPTR(t, target, depth)
	}
	return e.matchExists(t, target, depth)
}

// matchNetwork traces an ip4 or ip6 term that did not match (RFC 7208
// §5.6) and returns match.
func (e *evaluation) matchNetwork(t *Term, match bool, depth int) bool {
	if !match {
		e.tracef(depth, "%s: no match", t)
	}
	return match
}

// family returns the address query type for the client and the CIDR
// length of t that applies to it (RFC 7208 §5.3, §5.6).
func (e *evaluation) family(t *Term) (RRType, int) {
	if e.env.IP.Unmap().Is4() {
		return TypeA, t.Prefix4
	}
	return TypeAAAA, t.Prefix6
}

// matchA looks up the addresses of target in the client's family (RFC
// 7208 §5.3).
func (e *evaluation) matchA(t *Term, target string, depth int) (bool, error) {
	qt, bits := e.family(t)
	ans, err := e.lookup(target, qt)
	if err != nil {
		return false, dnsError(target, qt, err)
	}
	if ans.Empty() {
		return false, e.void(t, target, ans, depth)
	}

	match := e.covers(ans.Addrs, bits)
	e.tracef(depth, "%s: lookup %d, %s %s %s%s",
		t, e.out.Lookups, target, qt, addrList(ans.Addrs), noMatch(match))
	return match, nil
}

// covers reports whether one of addrs, with the CIDR length bits, covers
// the client address.
func (e *evaluation) covers(addrs []netip.Addr, bits int) bool {
	ip := e.env.IP.Unmap()
	for _, a := range addrs {
		if inNetwork(a, bits, ip) {
			return true
		}
	}
	return false
}

// matchMX looks up the MX hosts of target, then their addresses (RFC
// 7208 §5.4). More than 10 MX hosts is a permerror (§4.6.4); a name
// without MX records is not taken as its own MX.
func (e *evaluation) matchMX(t *Term, target string, depth int) (bool, error) {
	ans, err := e.lookup(target, TypeMX)
	if err != nil {
		return false, dnsError(target, TypeMX, err)
	}
	if ans.Empty() {
		return false, e.void(t, target, ans, depth)
	}
	if len(ans.Hosts) > MaxHosts {
		e.tracef(depth, "%s: lookup %d, %s has %d MX records", t, e.out.Lookups, target, len(ans.Hosts))
		return false, permerror("%q has %d MX records; an mx term may look up at most %d (RFC 7208 §4.6.4)",
			target, len(ans.Hosts), MaxHosts)
	}

	e.tracef(depth, "%s: lookup %d, %s MX %s", t, e.out.Lookups, target, strings.Join(ans.Hosts, ", "))
	qt, bits := e.family(t)
	for _, host := range ans.Hosts {
		if host == "." {
			continue // a null MX (RFC 7505) names no host
		}
		addrs, err := e.lookup(host, qt)
		if err != nil {
			return false, dnsError(host, qt, err)
		}
		if e.covers(addrs.Addrs, bits) {
			e.tracef(depth+1, "%s %s %s", host, qt, addrList(addrs.Addrs))
			return true, nil
		}
	}
	e.tracef(depth, "%s: no match", t)
	return false, nil
}

// matchPTR looks up the names of the client address and matches when one
// of the first 10, validated by a forward lookup, is target or below it
// (RFC 7208 §5.5). DNS errors make it not match rather than fail.
func (e *evaluation) matchPTR(t *Term, target string, depth int) (bool, error) {
	rname := reverseName(e.env.IP)
	ans, err := e.lookup(rname, TypePTR)
	switch {
	case errors.Is(err, ErrUnknown):
		return false, dnsError(rname, TypePTR, err)
	case err != nil:
		e.tracef(depth, "%s: lookup %d, PTR lookup failed (%v), no match", t, e.out.Lookups, err)
		return false, nil
	case ans.Empty():
		return false, e.void(t, rname, ans, depth)
	}

	for _, name := range ans.Hosts[:min(len(ans.Hosts), MaxHosts)] {
		if !sameOrBelow(name, target) {
			continue
		}
		ok, err := e.validates(name)
		if err != nil {
			return false, err
		}
		if ok {
			e.tracef(depth, "%s: lookup %d, %s is validated and within %s", t, e.out.Lookups, name, target)
			return true, nil
		}
	}
	e.tracef(depth, "%s: lookup %d, PTR %s: none validated within %s, no match",
		t, e.out.Lookups, strings.Join(ans.Hosts, ", "), target)
	return false, nil
}

// validates reports whether an address of name in the client's family is
// the client's (RFC 7208 §5.5). A lookup that fails validates nothing;
// only missing offline data is an error.
func (e *evaluation) validates(name string) (bool, error) {
	qt := TypeA
	if !e.env.IP.Unmap().Is4() {
		qt = TypeAAAA
	}
	ans, err := e.lookup(name, qt)
	switch {
	case errors.Is(err, ErrUnknown), errors.Is(err, errQueryLimit):
		return false, dnsError(name, qt, err)
	case err != nil:
		return false, nil
	}
	ip := e.env.IP.Unmap()
	for _, a := range ans.Addrs {
		if a.Unmap() == ip {
			return true, nil
		}
	}
	return false, nil
}

// matchExists matches when target has an A record, whatever the client's
// family (RFC 7208 §5.7).
func (e *evaluation) matchExists(t *Term, target string, depth int) (bool, error) {
	ans, err := e.lookup(target, TypeA)
	if err != nil {
		return false, dnsError(target, TypeA, err)
	}
	if ans.Empty() {
		return false, e.void(t, target, ans, depth)
	}
	e.tracef(depth, "%s: lookup %d, %s A %s", t, e.out.Lookups, target, addrList(ans.Addrs))
	return true, nil
}

// include evaluates check_host() for the include target (RFC 7208 §5.2):
// pass matches; fail, softfail and neutral do not; none is a permerror.
func (e *evaluation) include(t *Term, domain string, depth int) (bool, error) {
	target, problem, err := e.target(t, domain)
	if err != nil {
		return false, err
	}
	if problem != "" {
		e.tracef(depth, "%s: lookup %d, %s", t, e.out.Lookups, problem)
		return false, permerror("include target %s, so it has no SPF record (RFC 7208 §5.2)", problem)
	}

	e.tracef(depth, "%s: lookup %d", t, e.out.Lookups)
	res, err := e.checkHost(target, depth+1, false)
	if err != nil {
		return false, err
	}
	switch res {
	case None:
		return false, permerror("include target %q has no SPF record (RFC 7208 §5.2)", target)
	case Pass:
		return true, nil
	}
	e.tracef(depth, "%s: %s, no match", t, res)
	return false, nil
}

func addrList(addrs []netip.Addr) string {
	s := make([]string, len(addrs))
	for i, a := range addrs {
		s[i] = a.String()
	}
	return strings.Join(s, ", ")
}

func noMatch(match bool) string {
	if match {
		return ""
	}
	return ", no match"
}

// explain sets the evaluation's explanation from the exp modifier of rec,
// the record of domain whose mechanism gave fail (RFC 7208 §6.2). Any
// problem on the way leaves the explanation empty, as if there were no
// exp; the lookup counts toward no limit.
func (e *evaluation) explain(rec *Record, domain string, depth int) {
	if rec.Exp == nil {
		return
	}
	env := e.envFor(domain)
	target, err := rec.Exp.Domain.ExpandDomain(&env)
	target = strings.TrimSuffix(target, ".")
	if err == nil && e.ptrErr == nil {
		if p := nameProblem(target); p != "" {
			err = fmt.Errorf("%s", p)
		}
	}
	if err != nil || e.ptrErr != nil {
		e.tracef(depth, "%s: ignored, %v", rec.Exp, cmpErr(err, e.ptrErr))
		return
	}

	ans, err := e.lookup(target, TypeTXT)
	switch {
	case err != nil:
		e.tracef(depth, "%s: ignored, lookup failed: %v", rec.Exp, err)
		return
	case len(ans.TXT) != 1:
		e.tracef(depth, "%s: ignored, %q has %d TXT records, not 1", rec.Exp, target, len(ans.TXT))
		return
	}
	ms, errs := ParseExplanation(ans.TXT[0])
	if len(errs) > 0 {
		e.tracef(depth, "%s: ignored, the explanation does not parse: %s", rec.Exp, errs[0].Msg)
		return
	}
	text, err := ms.Expand(&env)
	if err != nil || e.ptrErr != nil {
		e.tracef(depth, "%s: ignored, %v", rec.Exp, cmpErr(err, e.ptrErr))
		return
	}
	e.out.Explanation = text
	e.tracef(depth, "%s: %q", rec.Exp, text)
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// validated returns the p macro for the record of domain: a validated name
// of the client address, preferring domain itself, then a name below it,
// then any (RFC 7208 §7.3); "unknown" when there is none. The names are
// looked up once per evaluation and count toward no limit; missing
// offline data is kept in ptrErr for the caller to report.
func (e *evaluation) validated(domain string) string {
	if !e.ptrDone {
		e.ptrDone = true
		e.ptr, e.ptrErr = e.validatedNames()
	}
	for _, n := range e.ptr {
		if strings.EqualFold(n, domain) {
			return n
		}
	}
	for _, n := range e.ptr {
		if sameOrBelow(n, domain) {
			return n
		}
	}
	if len(e.ptr) > 0 {
		return e.ptr[0]
	}
	return "unknown"
}

// validatedNames returns those of the first 10 PTR names of the client
// address that resolve back to it (RFC 7208 §5.5).
func (e *evaluation) validatedNames() ([]string, error) {
	rname := reverseName(e.env.IP)
	ans, err := e.lookup(rname, TypePTR)
	switch {
	case errors.Is(err, ErrUnknown), errors.Is(err, errQueryLimit):
		return nil, dnsError(rname, TypePTR, err)
	case err != nil:
		return nil, nil
	}

	var out []string
	for _, name := range ans.Hosts[:min(len(ans.Hosts), MaxHosts)] {
		ok, err := e.validates(name)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, name)
		}
	}
	return out, nil
}
