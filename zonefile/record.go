package zonefile

import (
	"strings"

	"github.com/miekg/dns"

	"github.com/sendlint/sendlint/lint"
)

// record reads a resource record entry (RFC 1035 §5.1):
//
//	[owner] [TTL] [class] type data...
//
// with TTL and class in either order, and adds it to the state. It
// returns false when it reported a finding instead.
func (f *zfile) record(e *entry) bool {
	toks := e.toks
	first := &toks[0]
	owner := f.owner
	if e.blankOwner {
		if f.ownerBad {
			return false
		}
		if owner == "" {
			f.errorf(first, "record has no owner name: its line starts with a blank, "+
				"which repeats the previous record's owner, and there is none")
			return false
		}
	} else {
		var ok bool
		if owner, ok = f.ownerName(first); !ok {
			return false
		}
		toks = toks[1:]
	}

	h, ok := f.header(first, toks)
	if !ok || !f.inZone(owner, first) {
		return false
	}
	r := f.l.slot()
	r.Name, r.Type, r.TTL = owner, lint.Type(h.typ), h.ttl
	r.Range = lint.Range{File: f.display, Start: first.pos(), End: e.toks[len(e.toks)-1].end()}
	r.DataPos = h.typeTok.end() // where the data of an empty APL would be
	if len(h.data) > 0 {
		r.DataPos = h.data[0].pos()
	}

	ok = f.data(r, h) && (r.Type != lint.TypeSOA || f.zoneSOA(r, first))
	if !ok {
		f.l.drop()
		return false
	}
	if r.Type == lint.TypeSOA && !h.stated && !f.l.defSet && !f.l.lastSet {
		r.TTL = f.l.soaMin // as BIND does for an SOA without any TTL
	}
	f.l.commit(r)
	return true
}

// header is what stands between a record's owner and its data.
type header struct {
	ttl     uint32
	stated  bool // the record states its TTL
	typ     uint16
	typeTok *token
	data    []token
}

// header reads the TTL, class and type of a record from toks; first is
// the record's first token, where a missing type is reported.
func (f *zfile) header(first *token, toks []token) (header, bool) {
	var h header
	ttlSet, classSet := false, false
	for i := range toks {
		t := &toks[i]
		switch {
		case t.quoted:
			f.errorf(t, "expected a record type, found the quoted string %q", t.s)
			return h, false
		case isDigit(t.s[0]):
			v, ok := parseTTL(t.s)
			if !ok || ttlSet {
				f.badTTL(t, ttlSet)
				return h, false
			}
			h.ttl, ttlSet = v, true
			continue
		}
		if c, ok := classOf(t.s); ok {
			if !f.class(t, c, classSet) {
				return h, false
			}
			classSet = true
			continue
		}

		typ, ok := typeCode(t.s)
		if !ok {
			f.errorf(t, "unknown record type %q; expected a type such as A, MX or TXT, or TYPEnnn (RFC 3597)", t.s)
			return h, false
		}
		h.typ, h.typeTok, h.data, h.stated = typ, t, toks[i+1:], ttlSet
		h.ttl = f.l.ttl(h.ttl, ttlSet)
		return h, true
	}

	at := first
	if len(toks) > 0 {
		at = &toks[len(toks)-1]
	}
	f.errorf(at, "record has no type; expected [TTL] [class] TYPE DATA, as in \"www 3600 IN A 192.0.2.1\"")
	return h, false
}

func (f *zfile) badTTL(t *token, twice bool) {
	if twice {
		f.errorf(t, "second TTL %q in one record; a record has at most one TTL", t.s)
		return
	}
	f.errorf(t, "bad TTL %q; expected seconds or a duration such as 1h30m, at most 4294967295 seconds", t.s)
}

// class checks a record's class: zone files sendlint reads hold Internet
// (IN) records, and BIND refuses a record of another class than its zone.
func (f *zfile) class(t *token, c uint16, twice bool) bool {
	switch {
	case twice:
		f.errorf(t, "second class %q in one record; a record has at most one class", t.s)
		return false
	case c != dns.ClassINET:
		f.errorf(t, "record class %q does not match the zone's class IN", t.s)
		return false
	}
	return true
}

// ttl returns the TTL of a record: the one stated, else $TTL, else the
// last one stated, else the SOA minimum; it remembers a stated one.
func (l *loader) ttl(v uint32, stated bool) uint32 {
	switch {
	case stated:
		l.lastTTL, l.lastSet = v, true
		return v
	case l.defSet:
		return l.defTTL
	case l.lastSet:
		return l.lastTTL
	}
	return l.soaMin
}

// classOf returns the class a token names: IN, CH, HS, CS or CLASSnnn
// (RFC 3597 §5).
func classOf(s string) (uint16, bool) {
	switch {
	case strings.EqualFold(s, "IN"):
		return dns.ClassINET, true
	case strings.EqualFold(s, "CH"):
		return dns.ClassCHAOS, true
	case strings.EqualFold(s, "HS"):
		return dns.ClassHESIOD, true
	case strings.EqualFold(s, "CS"):
		return dns.ClassCSNET, true
	case len(s) > 5 && strings.EqualFold(s[:5], "CLASS"):
		v, ok := parseUint(s[5:], 65535)
		return uint16(v), ok
	}
	return 0, false
}

// typeCode returns the type code a token names: a mnemonic miekg/dns
// knows, in any case, or TYPEnnn (RFC 3597 §5).
func typeCode(s string) (uint16, bool) {
	var buf [24]byte
	if len(s) > len(buf) {
		return 0, false
	}
	u := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		u[i] = c
	}
	if t, ok := dns.StringToType[string(u)]; ok {
		return t, true
	}
	if len(u) > 4 && string(u[:4]) == "TYPE" {
		v, ok := parseUint(string(u[4:]), 65535)
		return uint16(v), ok && v > 0
	}
	return 0, false
}

// zoneSOA checks that an SOA record is the zone's only one, at its apex,
// and declares the zone (RFC 1035 §5.2: a zone has exactly one SOA, at its
// top).
func (f *zfile) zoneSOA(r *lint.Record, owner *token) bool {
	l := f.l
	switch {
	case l.soa && r.Name == l.apex:
		f.errorf(owner, "second SOA record for zone %q; a zone has exactly one", l.apex)
		return false
	case l.soa:
		f.errorf(owner, "SOA record at %q inside zone %q; a zone file holds one zone, "+
			"so put the child zone in a file of its own", r.Name, l.apex)
		return false
	}

	l.soa = true
	l.apex = r.Name
	l.st.AddZone(r.Name, r.Range)
	return true
}
