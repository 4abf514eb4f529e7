package zonefile

import (
	"encoding/hex"
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"

	"github.com/miekg/dns"

	"github.com/sendlint/sendlint/lint"
)

// generic checks the data of a record of a type that sendlint keeps only
// as a marker, and the data of any type written in the generic form of
// RFC 3597 §5 ("\# LENGTH HEX"). Types that miekg/dns knows are checked by
// parsing the record with it; the generic form of a type that mail checks
// read is decoded here, so the record keeps its data.
func (f *zfile) generic(r *lint.Record, h header) bool {
	if isMeta(h.typ) {
		f.errorf(h.typeTok, "type %s is a query or meta type; it cannot appear in a zone file",
			h.typeTok.s)
		return false
	}
	d := h.data
	_, known := dns.TypeToRR[h.typ]
	if len(d) == 0 && h.typ != dns.TypeAPL {
		// miekg/dns accepts empty data, as dynamic updates use it; a
		// zone file needs data for every type but APL (RFC 3123 §4).
		f.errorf(h.typeTok, "%s record has no data", h.typeTok.s)
		return false
	}
	if len(d) == 0 || d[0].quoted || d[0].s != `\#` {
		if !known {
			f.errorf(h.typeTok, `data of type %s must be written in the generic form of RFC 3597, `+
				`\# LENGTH HEX, as its presentation format is not known`, h.typeTok.s)
			return false
		}
		return f.viaMiekg(h)
	}

	wire, ok := f.unknownData(h)
	switch {
	case !ok:
		return false
	case isKept(r.Type):
		return f.fromWire(r, h, wire)
	case known:
		return f.viaMiekg(h)
	}
	return true
}

// isMeta reports the types that exist only in queries or in transport:
// OPT (RFC 6891), TKEY, TSIG, IXFR, AXFR, MAILB, MAILA and ANY.
func isMeta(t uint16) bool {
	return t == dns.TypeOPT || (t >= dns.TypeTKEY && t <= dns.TypeANY)
}

// isKept reports the types whose data mail checks read.
func isKept(t lint.Type) bool {
	switch t {
	case lint.TypeA, lint.TypeAAAA, lint.TypeNS, lint.TypeCNAME, lint.TypeMX, lint.TypeTXT, lint.TypeSPF:
		return true
	}
	return false
}

// unknownData decodes the generic form "\# LENGTH HEX..." (RFC 3597 §5),
// whose hex may be split into several words.
func (f *zfile) unknownData(h header) ([]byte, bool) {
	d := h.data
	if len(d) < 2 {
		f.errorf(&d[0], `RFC 3597 data needs a length after \#, then the data in hex`)
		return nil, false
	}
	n, ok := parseUint(d[1].s, math.MaxUint16)
	if !ok || d[1].quoted {
		f.errorf(&d[1], `bad RFC 3597 data length %q; expected a number from 0 to 65535`, d[1].s)
		return nil, false
	}

	var b strings.Builder
	for i := 2; i < len(d); i++ {
		b.WriteString(d[i].s)
	}
	wire, err := hex.DecodeString(b.String())
	switch {
	case err != nil:
		f.errorf(&d[2], "bad hex in RFC 3597 data: %v", err)
		return nil, false
	case len(wire) != int(n):
		at := &d[len(d)-1]
		f.errorf(at, "RFC 3597 data is %d bytes long, but its length field says %d", len(wire), n)
		return nil, false
	}
	return wire, true
}

// fromWire reads the wire-format data of a type that mail checks read.
func (f *zfile) fromWire(r *lint.Record, h header, wire []byte) bool {
	var msg string
	switch r.Type {
	case lint.TypeA, lint.TypeAAAA:
		size := 4
		if r.Type == lint.TypeAAAA {
			size = 16
		}
		if len(wire) != size {
			msg = fmt.Sprintf("%s record data is %d bytes long; its address has %d",
				h.typeTok.s, len(wire), size)
			break
		}
		r.Addr, _ = netip.AddrFromSlice(wire)
	case lint.TypeNS, lint.TypeCNAME:
		r.Target, msg = wireName(wire, true)
	case lint.TypeMX:
		if len(wire) < 3 {
			msg = "MX record data is too short for a preference and a host name"
			break
		}
		r.Pref = uint16(wire[0])<<8 | uint16(wire[1])
		r.Target, msg = wireName(wire[2:], true)
	case lint.TypeTXT, lint.TypeSPF:
		msg = f.wireText(r, wire)
	}
	if msg != "" {
		f.errorf(&h.data[0], "%s", msg)
		return false
	}
	return true
}

// wireText reads the character-strings of TXT data in wire format; they
// all point at the start of the data.
func (f *zfile) wireText(r *lint.Record, wire []byte) string {
	if len(wire) == 0 {
		return "TXT record data is empty; it needs at least one character-string"
	}
	var strs []lint.TextString
	for len(wire) > 0 {
		n := int(wire[0])
		if 1+n > len(wire) {
			return "TXT record data ends inside a character-string"
		}
		strs = append(strs, lint.TextString{Value: string(wire[1 : 1+n]), Pos: r.DataPos})
		wire = wire[1+n:]
	}
	r.Text = strs
	return ""
}

// wireName reads an uncompressed domain name in wire format (RFC 1035
// §3.1) into canonical form; whole requires it to fill the data.
func wireName(wire []byte, whole bool) (string, string) {
	var b strings.Builder
	i := 0
	for {
		if i >= len(wire) {
			return "", "host name in record data does not end with the root label"
		}
		n := int(wire[i])
		i++
		if n == 0 {
			break
		}
		if n > maxLabel || i+n > len(wire) {
			return "", "bad label in host name of record data"
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		for _, c := range wire[i : i+n] {
			writeNameByte(&b, c)
		}
		i += n
	}
	switch {
	case i > maxName:
		return "", fmt.Sprintf("host name in record data is %d bytes long; a DNS name holds at most %d", i, maxName)
	case whole && i != len(wire):
		return "", "unexpected bytes after the host name in record data"
	case b.Len() == 0:
		return ".", ""
	}
	return b.String(), ""
}

// viaMiekg checks a record's data with miekg/dns by parsing the record
// written back as one line. The owner is the root, since only the data
// is in question.
func (f *zfile) viaMiekg(h header) bool {
	var b strings.Builder
	b.WriteString(". 0 IN ")
	b.WriteString(h.typeTok.s)
	for i := range h.data {
		t := &h.data[i]
		// Tokens written without space between them, as in the SVCB
		// parameter alpn="h2,h3", stay together.
		if i == 0 || !adjacent(&h.data[i-1], t) {
			b.WriteByte(' ')
		}
		if t.quoted {
			b.WriteByte('"')
			b.WriteString(t.s)
			b.WriteByte('"')
		} else {
			b.WriteString(t.s)
		}
	}
	b.WriteByte('\n')

	origin := "."
	if f.origin != "" && f.origin != "." {
		origin = f.origin + "."
	}
	zp := dns.NewZoneParser(strings.NewReader(b.String()), origin, "")
	if _, ok := zp.Next(); ok && zp.Err() == nil {
		return true
	}
	msg, tok := cleanError(zp.Err())
	at := h.typeTok
	for i := range h.data {
		if tok != "" && h.data[i].s == tok {
			at = &h.data[i]
			break
		}
	}
	f.errorf(at, "%s record does not parse: %s", h.typeTok.s, msg)
	return false
}

// adjacent reports whether b starts right where a ends in the source.
func adjacent(a, b *token) bool {
	return a.endLine == b.line && a.endCol == b.col
}

// cleanError returns the message of a miekg/dns parse error without its
// "dns: " prefix and its position in the one-line text it was given, and
// the token it names.
func cleanError(err error) (string, string) {
	if err == nil {
		return "record data is missing", ""
	}
	s := strings.ReplaceAll(err.Error(), "dns: ", "")
	if i := strings.LastIndex(s, " at line: "); i >= 0 {
		s = s[:i]
	}
	i := strings.LastIndex(s, `: "`)
	if i < 0 {
		return s, ""
	}
	tok, uerr := strconv.Unquote(s[i+2:])
	if uerr != nil {
		return s, ""
	}
	if tok == "" || tok == "\n" {
		return s[:i], ""
	}
	return fmt.Sprintf("%s %q", s[:i], tok), tok
}
