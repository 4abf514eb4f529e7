package lint

import (
	"strings"

	"github.com/sendlint/sendlint/dmarc"
	"golang.org/x/net/publicsuffix"
)

// DMARCStatus says what the declared state tells about the DMARC policy of
// a domain.
type DMARCStatus int

const (
	// DMARCUnknown: policy discovery left the declared zones before it
	// could decide, so the answer depends on records sendlint cannot see.
	DMARCUnknown DMARCStatus = iota
	// DMARCNone: receivers apply no DMARC policy: no record applies, or
	// the one found is not applied (RFC 9989 §4.10.1).
	DMARCNone
	// DMARCFound: a DMARC record applies.
	DMARCFound
)

// String returns "unknown", "none" or "found".
func (s DMARCStatus) String() string {
	switch s {
	case DMARCNone:
		return "none"
	case DMARCFound:
		return "found"
	}
	return "unknown"
}

// DMARCPolicy is the DMARC policy receivers apply to mail with a given
// From domain, as discovered over the declared records (RFC 9989 §4.10.1).
type DMARCPolicy struct {
	// From is the From (Author) domain asked about, canonical.
	From   string
	Status DMARCStatus
	// Reason says, for DMARCNone and DMARCUnknown, what the walk met, in
	// words that fit in a finding ("no DMARC record at _dmarc.example.com
	// or above it").
	Reason string

	// Domain is where the applied record was found (the DMARC Policy
	// Domain): From itself, its organizational domain or a public suffix
	// domain. Record is the TXT record there (at the end of a CNAME chain)
	// and Parsed its parse.
	Domain string
	Record *Record
	Parsed *dmarc.Record
	// Tag names the tag the policy comes from: "p" for the domain itself,
	// "sp" or "np" for an existing or non-existent subdomain (falling back
	// to p), or "" when receivers fall back to p=none because p, sp or np
	// is invalid.
	Tag string
	// Requested is the policy the record asks for From; Applied is what
	// receivers apply, one level lower when Testing (t=y).
	Requested, Applied dmarc.Policy
	Testing            bool
	// ADKIM and ASPF are the alignment modes the record sets.
	ADKIM, ASPF dmarc.Alignment

	// OrgDomain is From's organizational domain (RFC 9989 §4.10.2). When
	// OrgKnown is false, the walk left the declared zones before it could
	// decide, and OrgDomain is the registrable domain by the public suffix
	// list, as RFC 7489 receivers compute it.
	OrgDomain string
	OrgKnown  bool
}

// DMARC discovers the DMARC policy for mail with the From domain from
// (RFC 9989 §4.10.1): the record at _dmarc.<from> when there is exactly
// one, else the one found by the DNS tree walk at the organizational
// domain, else the one at a public suffix domain that says psd=y. Several
// records at one name count as none (§4.10 step 2).
//
// The walk reads only declared records. A name that is a public suffix
// (golang.org/x/net/publicsuffix) and lies outside the declared zones is
// taken to publish no DMARC record, so the walk stops there; a public
// suffix operator's psd=y record outside the declared zones is therefore
// never found. Any other name outside the declared zones makes the answer
// DMARCUnknown, unless a record at From itself already decides it.
func (s *State) DMARC(from string) DMARCPolicy {
	from = CanonicalName(from)
	key := dmarcPolicyKey{from}
	return *s.Memo(key, func() any { p := s.discoverDMARC(from); return &p }).(*DMARCPolicy)
}

type dmarcPolicyKey struct{ name string }

func (s *State) discoverDMARC(from string) DMARCPolicy {
	w := s.dmarcWalk(from)
	pol := DMARCPolicy{From: from, ADKIM: dmarc.Relaxed, ASPF: dmarc.Relaxed}
	pol.OrgDomain, pol.OrgKnown = w.orgDomain(from)

	var at *dmarcFound
	switch {
	case len(w.found) > 0 && w.found[0].domain == from:
		at = &w.found[0]
	case w.unknownAt != "":
		pol.Reason = w.unknownWhy
		return pol
	default:
		at = w.policyRecord(pol.OrgDomain)
	}
	if at == nil {
		pol.Status = DMARCNone
		pol.Reason = w.noneReason(from)
		return pol
	}

	pol.Domain, pol.Record, pol.Parsed = at.domain, at.rec, at.parsed
	p, sp, np, ok := at.parsed.Policies()
	if !ok {
		pol.Status = DMARCNone
		pol.Reason = "the DMARC record at _dmarc." + at.domain + " has no valid p and no valid rua, so receivers do not apply it"
		return pol
	}
	pol.Status = DMARCFound
	pol.ADKIM, pol.ASPF = at.parsed.ADKIM, at.parsed.ASPF
	pol.Testing = at.parsed.Testing

	switch {
	case at.domain == from:
		pol.Tag, pol.Requested = "p", p
	case s.Lookup(from, TypeA).Status == NXDomain:
		pol.Tag, pol.Requested = "np", np
	default:
		pol.Tag, pol.Requested = "sp", sp
	}
	if at.parsed.FallsBack() {
		pol.Tag = ""
	}
	pol.Applied = pol.Requested
	if pol.Testing {
		pol.Applied = pol.Requested.Tested()
	}
	return pol
}

// OrganizationalDomain returns the organizational domain of name by the
// DNS tree walk over the declared records (RFC 9989 §4.10.2). known is
// false when the walk left the declared zones before it could decide; the
// domain returned is then the registrable domain by the public suffix list.
func (s *State) OrganizationalDomain(name string) (org string, known bool) {
	name = CanonicalName(name)
	return s.dmarcWalk(name).orgDomain(name)
}

// Aligned reports whether domains a and b are in DMARC identifier
// alignment (RFC 9989 §3.2.10): the same name when strict, the same
// organizational domain when relaxed. Names are compared without regard to
// case (RFC 4343). When a tree walk leaves the declared zones before it can
// decide, the public suffix list stands in for it (see
// OrganizationalDomain), which gives the answer of RFC 7489 receivers.
func (s *State) Aligned(a, b string, strict bool) bool {
	a, b = CanonicalName(a), CanonicalName(b)
	if a == b {
		return true
	}
	if strict {
		return false
	}
	oa, _ := s.OrganizationalDomain(a)
	ob, _ := s.OrganizationalDomain(b)
	return oa == ob
}

// dmarcFound is a DMARC record the walk found.
type dmarcFound struct {
	domain string
	rec    *Record
	parsed *dmarc.Record
}

// dmarcWalkResult is the outcome of one DNS tree walk (RFC 9989 §4.10).
type dmarcWalkResult struct {
	// found holds the names with exactly one DMARC record, longest first.
	found []dmarcFound
	// discarded holds names whose several records count as none.
	discarded []string
	// unknownAt is the name the walk could not look up, "" when none.
	unknownAt, unknownWhy string
	// queried are the names the walk looked at, in order.
	queried []string
}

// dmarcWalk walks from name up the tree, stopping at a record with a psd
// tag, at the root, or at a name it cannot look up.
func (s *State) dmarcWalk(name string) *dmarcWalkResult {
	return s.Memo(dmarcWalkKey{name}, func() any {
		w := &dmarcWalkResult{}
		for _, target := range walkTargets(name) {
			w.queried = append(w.queried, target)
			at := s.dmarcAt(target)
			switch {
			case at.unknown != "":
				w.unknownAt, w.unknownWhy = target, at.unknown
				return w
			case len(at.records) > 1:
				w.discarded = append(w.discarded, target)
			case len(at.records) == 1:
				f := dmarcFound{domain: target, rec: at.records[0], parsed: at.parsed}
				w.found = append(w.found, f)
				if f.parsed.PSD != dmarc.PSDUnknown {
					return w
				}
			}
		}
		return w
	}).(*dmarcWalkResult)
}

type dmarcWalkKey struct{ name string }

// orgDomain selects the organizational domain of start from the walk
// (RFC 9989 §4.10.2): the first record with psd=n, the name below the first
// record other than start's with psd=y, else the record with the fewest
// labels, else start itself.
func (w *dmarcWalkResult) orgDomain(start string) (string, bool) {
	for _, f := range w.found {
		switch {
		case f.parsed.PSD == dmarc.PSDNo:
			return f.domain, true
		case f.parsed.PSD == dmarc.PSDYes && f.domain != start:
			return childToward(start, f.domain), true
		}
	}
	if w.unknownAt != "" {
		if reg, err := publicsuffix.EffectiveTLDPlusOne(start); err == nil {
			return reg, false
		}
		return start, false
	}
	if len(w.found) > 0 {
		return w.found[len(w.found)-1].domain, true
	}
	return start, true
}

// policyRecord returns the record that applies when From has none of its
// own: the organizational domain's, else a public suffix domain's (the
// last one found, which stopped the walk with psd=y).
func (w *dmarcWalkResult) policyRecord(org string) *dmarcFound {
	for i := range w.found {
		if w.found[i].domain == org {
			return &w.found[i]
		}
	}
	if n := len(w.found); n > 0 && w.found[n-1].parsed.PSD == dmarc.PSDYes {
		return &w.found[n-1]
	}
	return nil
}

func (w *dmarcWalkResult) noneReason(from string) string {
	if len(w.discarded) > 0 {
		return "_dmarc." + w.discarded[0] + " has several DMARC records, which receivers discard, and no other record applies to " + from
	}
	if len(w.found) > 0 {
		return "no DMARC record applies to " + from + ": the records found above it are not at its organizational domain"
	}
	return "no DMARC record at _dmarc." + from + " or above it"
}

// dmarcAtResult is what a query for _dmarc.<name> TXT returns.
type dmarcAtResult struct {
	// records are the TXT records that start with v=DMARC1.
	records []*Record
	// parsed is the parse of the only record, when there is one.
	parsed *dmarc.Record
	// unknown says why the answer is unknown, "" when it is known.
	unknown string
}

// dmarcAt looks up the DMARC records at _dmarc.<name>, following CNAMEs
// inside the declared zones. A public suffix outside the declared zones is
// taken to publish none.
func (s *State) dmarcAt(name string) *dmarcAtResult {
	return s.Memo(dmarcAtKey{name}, func() any {
		qname := "_dmarc." + name
		if name == "." {
			qname = "_dmarc"
		}
		if s.ZoneOf(qname) == nil && isPublicSuffix(name) {
			return &dmarcAtResult{}
		}

		txt, why := s.lookupTXT(qname)
		if why != "" {
			return &dmarcAtResult{unknown: why}
		}
		r := &dmarcAtResult{}
		for _, rec := range txt {
			if dmarc.IsRecord(rec.Joined()) {
				r.records = append(r.records, rec)
			}
		}
		if len(r.records) == 1 {
			r.parsed, _ = dmarc.Parse(r.records[0].Joined())
		}
		return r
	}).(*dmarcAtResult)
}

type dmarcAtKey struct{ name string }

// Resolve looks name up for type t as a resolver would, following CNAMEs
// inside the declared zones for at most 8 links. It returns the records of
// type t at the end of the chain and the status of the answer: Unknown when
// name or a CNAME target lies outside the declared zones or the chain
// loops, and why then says so in words that fit in a finding.
func (s *State) Resolve(name string, t Type) (recs []*Record, status Status, why string) {
	f := s.follow(CanonicalName(name), t)
	return f.records, f.status, f.unknown
}

// lookupTXT returns the TXT records at name, following CNAMEs inside the
// declared zones, or says why the answer is unknown.
func (s *State) lookupTXT(name string) ([]*Record, string) {
	f := s.follow(name, TypeTXT)
	return f.records, f.unknown
}

// followed is the answer to a query after following CNAMEs.
type followed struct {
	// records are the records of the asked type at the end of the chain.
	records []*Record
	// chain holds the CNAME records followed, in order.
	chain []*Record
	// status is the status of the last lookup.
	status Status
	// unknown says why the answer is unknown, "" when it is known.
	unknown string
}

// follow looks name up for type t the way a resolver does, following a
// CNAME chain inside the declared zones for at most 8 links (RFC 1034
// §3.6.2). A chain that leaves the declared zones, loops or runs longer
// makes the answer unknown.
func (s *State) follow(name string, t Type) followed {
	var f followed
	seen := map[string]bool{}
	for range 9 {
		ans := s.Lookup(name, t)
		f.status = ans.Status
		switch {
		case ans.Status == Unknown && len(f.chain) > 0:
			f.unknown = "the CNAME at " + f.chain[0].Name + " points to " + name + ", outside the declared zones"
			return f
		case ans.Status == Unknown:
			f.unknown = name + " is outside the declared zones"
			return f
		case len(ans.Records) == 0 || ans.Records[0].Type != TypeCNAME || t == TypeCNAME:
			f.records = ans.Records
			return f
		}
		seen[name] = true
		f.chain = append(f.chain, ans.Records[0])
		name = ans.Records[0].Target
		if seen[name] {
			f.status = Unknown
			f.unknown = "the CNAME chain from " + f.chain[0].Name + " loops back to " + name
			return f
		}
	}
	f.status = Unknown
	f.unknown = "the CNAME chain from " + f.chain[0].Name + " is longer than 8 links"
	return f
}

// walkTargets lists the names a DNS tree walk queries from name (RFC 9989
// §4.10): name, then its parent or, for a name of more than eight labels,
// its last seven labels, then each parent up to a single label.
func walkTargets(name string) []string {
	if name == "." || name == "" {
		return nil
	}
	out := []string{name}
	next, _ := Parent(name)
	if n := labelCount(name); n > 8 {
		next = name
		for range n - 7 {
			next, _ = Parent(next)
		}
	}
	for ; next != "." && next != ""; next, _ = Parent(next) {
		out = append(out, next)
	}
	return out
}

func labelCount(name string) int {
	n := 0
	for p, ok := name, name != "."; ok && p != "."; p, ok = Parent(p) {
		n++
	}
	return n
}

// childToward returns the name one label below ancestor on the way to
// name, which must be below it.
func childToward(name, ancestor string) string {
	for p, ok := name, true; ok; p, ok = Parent(p) {
		if parent, _ := Parent(p); parent == ancestor {
			return p
		}
	}
	return name
}

// isPublicSuffix reports whether name is a public suffix by the public
// suffix list, counting its private section, under which independent
// parties register names too.
func isPublicSuffix(name string) bool {
	if strings.HasPrefix(name, "_") || strings.Contains(name, "._") {
		return false
	}
	ps, _ := publicsuffix.PublicSuffix(name)
	return ps == name
}
