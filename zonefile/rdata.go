package zonefile

import (
	"fmt"
	"math"
	"net/netip"
	"strings"

	"github.com/sendlint/sendlint/lint"
)

// data reads a record's data (RDATA) into r. The types mail checks read
// are kept with their data; the others are validated and kept as markers
// that only make their name exist.
func (f *zfile) data(r *lint.Record, h header) bool {
	d := h.data
	if len(d) > 0 && !d[0].quoted && d[0].s == `\#` {
		return f.generic(r, h)
	}
	switch r.Type {
	case lint.TypeA:
		return f.arity(h, 1, "one IPv4 address") && f.addr4(r, &d[0])
	case lint.TypeAAAA:
		return f.arity(h, 1, "one IPv6 address") && f.addr6(r, &d[0])
	case lint.TypeNS:
		return f.arity(h, 1, "one name server host name") && f.target(r, &d[0])
	case lint.TypeCNAME:
		return f.arity(h, 1, "one canonical name") && f.target(r, &d[0])
	case lint.TypeMX:
		return f.arity(h, 2, "a preference and a mail exchange host name") && f.mx(r, d)
	case lint.TypeTXT, lint.TypeSPF:
		return f.arity(h, -1, "one or more character-strings") && f.text(r, h)
	case lint.TypeSOA:
		return f.arity(h, 7, "7 fields: primary name server, contact mailbox, "+
			"serial, refresh, retry, expire and minimum TTL") && f.soaData(d)
	}
	return f.generic(r, h)
}

// arity checks that a record has n data fields, or at least one when n is
// -1; want describes them.
func (f *zfile) arity(h header, n int, want string) bool {
	d := h.data
	switch {
	case len(d) == 0:
		f.errorf(h.typeTok, "%s record has no data; it needs %s", h.typeTok.s, want)
		return false
	case n > 0 && len(d) < n:
		f.errorf(&d[len(d)-1], "%s record needs %s; found %s", h.typeTok.s, want, fields(len(d)))
		return false
	case n > 0 && len(d) > n:
		f.errorf(&d[n], "unexpected %q after the %s record's data; it needs %s", d[n].s, h.typeTok.s, want)
		return false
	}
	return true
}

func fields(n int) string {
	if n == 1 {
		return "1 field"
	}
	return fmt.Sprintf("%d fields", n)
}

// addr4 reads the address of an A record (RFC 1035 §3.4.1).
func (f *zfile) addr4(r *lint.Record, t *token) bool {
	a, ok := parseIPv4(t.s)
	if !ok || t.quoted {
		hint := ""
		if strings.Contains(t.s, ":") {
			hint = "; an IPv6 address belongs in an AAAA record"
		}
		f.errorf(t, "bad IPv4 address %q in A record%s", t.s, hint)
		return false
	}
	r.Addr = a
	return true
}

// addr6 reads the address of an AAAA record (RFC 3596 §2.4).
func (f *zfile) addr6(r *lint.Record, t *token) bool {
	a, err := netip.ParseAddr(t.s)
	if err != nil || t.quoted || !a.Is6() || a.Zone() != "" {
		hint := ""
		if a.Is4() {
			hint = "; an IPv4 address belongs in an A record"
		}
		f.errorf(t, "bad IPv6 address %q in AAAA record%s", t.s, hint)
		return false
	}
	r.Addr = a
	return true
}

// parseIPv4 reads a dotted-quad IPv4 address without leading zeros, as
// inet_pton does.
func parseIPv4(s string) (netip.Addr, bool) {
	var b [4]byte
	part, v, digits := 0, 0, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isDigit(s[i]) {
			if digits > 0 && v == 0 {
				return netip.Addr{}, false // a leading zero
			}
			v = v*10 + int(s[i]-'0')
			digits++
			if v > 255 {
				return netip.Addr{}, false
			}
			continue
		}
		if digits == 0 || part == 4 || (i < len(s) && (s[i] != '.' || part == 3)) {
			return netip.Addr{}, false
		}
		b[part] = byte(v)
		part, v, digits = part+1, 0, 0
	}
	return netip.AddrFrom4(b), part == 4
}

// target reads the host name of an NS or CNAME record.
func (f *zfile) target(r *lint.Record, t *token) bool {
	n, ok := f.name(t)
	r.Target = n
	return ok
}

// mx reads an MX record's preference and exchange (RFC 1035 §3.3.9); a
// null MX (RFC 7505) has the exchange ".".
func (f *zfile) mx(r *lint.Record, d []token) bool {
	p, ok := parseUint(d[0].s, math.MaxUint16)
	if !ok || d[0].quoted {
		f.errorf(&d[0], "bad MX preference %q; expected a number from 0 to 65535", d[0].s)
		return false
	}
	r.Pref = uint16(p)
	return f.target(r, &d[1])
}

// soaData checks an SOA record's fields (RFC 1035 §3.3.13) and remembers
// its minimum, which is the TTL of records that state none when there is
// no $TTL (RFC 2308 §4).
func (f *zfile) soaData(d []token) bool {
	if _, ok := f.name(&d[0]); !ok {
		return false
	}
	if _, ok := f.name(&d[1]); !ok {
		return false
	}
	if _, ok := parseUint(d[2].s, math.MaxUint32); !ok || d[2].quoted {
		f.errorf(&d[2], "bad SOA serial %q; expected a number from 0 to 4294967295", d[2].s)
		return false
	}

	var minimum uint32
	for i, field := range []string{"refresh", "retry", "expire", "minimum"} {
		t := &d[3+i]
		v, ok := parseTTL(t.s)
		if !ok || t.quoted {
			f.errorf(t, "bad SOA %s %q; expected seconds or a duration such as 1h", field, t.s)
			return false
		}
		minimum = v
	}
	if !f.l.soa {
		f.l.soaMin = minimum
	}
	return true
}
