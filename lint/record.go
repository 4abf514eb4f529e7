package lint

import (
	"net/netip"
	"strconv"
	"strings"
)

// Type is a DNS resource record type; its values are the IANA codes, so a
// Type converts to and from miekg/dns type codes.
type Type uint16

// Record types that mail checks read. Other types only mark a name as
// existing.
const (
	TypeA     Type = 1
	TypeNS    Type = 2
	TypeCNAME Type = 5
	TypeSOA   Type = 6
	TypeMX    Type = 15
	TypeTXT   Type = 16
	TypeAAAA  Type = 28
	TypeSPF   Type = 99
)

// String returns the type's mnemonic, or "TYPEnnn" (RFC 3597) for others.
func (t Type) String() string {
	switch t {
	case TypeA:
		return "A"
	case TypeNS:
		return "NS"
	case TypeCNAME:
		return "CNAME"
	case TypeSOA:
		return "SOA"
	case TypeMX:
		return "MX"
	case TypeTXT:
		return "TXT"
	case TypeAAAA:
		return "AAAA"
	case TypeSPF:
		return "SPF"
	}
	return "TYPE" + strconv.Itoa(int(t))
}

// Record is one declared DNS resource record with the place it was declared.
// Only the fields of its Type are set.
type Record struct {
	// Name is the owner name in canonical form (see CanonicalName).
	Name string
	Type Type
	TTL  uint32
	// Range covers the record in its source: from the owner name (or the
	// first token when the owner is inherited) to the end of its data.
	Range Range
	// DataPos is where the record data (RDATA) starts.
	DataPos Pos

	// Text holds the character-strings of a TXT or SPF record, in order.
	Text []TextString
	// Pref is an MX preference.
	Pref uint16
	// Target is an MX exchange, a CNAME target or an NS host, canonical.
	// The root, as in a null MX (RFC 7505), is ".".
	Target string
	// Addr is an A or AAAA address.
	Addr netip.Addr

	// Unknown is set when the record's data cannot be known before the
	// configuration is applied (a Terraform value computed at apply time).
	Unknown bool
}

// TextString is one character-string of a TXT record as declared.
type TextString struct {
	// Value is the string's bytes with escapes decoded.
	Value string
	// Pos is the source position of Value's first byte.
	Pos Pos
	// Cols, when not nil, holds the source column of each byte of Value on
	// Pos.Line; it is set only when escapes make columns differ from
	// byte offsets. A string spanning lines maps to Pos for every byte.
	Cols []int32
}

// Joined returns the record's character-strings concatenated without
// separators, which is how SPF (RFC 7208 §3.3) and DKIM (RFC 6376
// §3.6.2.2) read a TXT record of several strings.
func (r *Record) Joined() string {
	switch len(r.Text) {
	case 0:
		return ""
	case 1:
		return r.Text[0].Value
	}
	var b strings.Builder
	for _, s := range r.Text {
		b.WriteString(s.Value)
	}
	return b.String()
}

// PosAt maps a byte offset into Joined() to a source position, so that a
// message about one term of an SPF or DMARC record can point at the term.
// Offsets past the end map to the end of the last string.
func (r *Record) PosAt(off int) Pos {
	if len(r.Text) == 0 {
		return r.DataPos
	}
	for _, s := range r.Text {
		if off < len(s.Value) {
			return s.posAt(off)
		}
		off -= len(s.Value)
	}
	last := r.Text[len(r.Text)-1]
	return last.posAt(len(last.Value))
}

// RangeAt returns the source range of bytes [start, end) of Joined().
func (r *Record) RangeAt(start, end int) Range {
	rg := Range{File: r.Range.File, Start: r.PosAt(start)}
	if end > start {
		e := r.PosAt(end - 1)
		e.Column++
		if e.Line == rg.Start.Line {
			rg.End = e
		}
	}
	return rg
}

func (s TextString) posAt(off int) Pos {
	switch {
	case off < len(s.Cols):
		return Pos{Line: s.Pos.Line, Column: int(s.Cols[off])}
	case len(s.Cols) > 0:
		return Pos{Line: s.Pos.Line, Column: int(s.Cols[len(s.Cols)-1]) + 1}
	}
	return Pos{Line: s.Pos.Line, Column: s.Pos.Column + off}
}

// CanonicalName returns name in the form the model keys records by: ASCII
// letters in lower case and no trailing dot. The root is ".".
func CanonicalName(name string) string {
	if name == "" || name == "." {
		return "."
	}
	name = strings.TrimSuffix(name, ".")
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(name)
		}
	}
	return name
}

// Parent returns the name one label up from a canonical name, and false at
// the root. Escaped dots (\.) inside a label are not taken as separators.
func Parent(name string) (string, bool) {
	if name == "." || name == "" {
		return "", false
	}
	for i := 0; i < len(name); i++ {
		switch name[i] {
		case '\\':
			i++
		case '.':
			return name[i+1:], true
		}
	}
	return ".", true
}

// IsSubdomain reports whether canonical name child is parent or below it.
func IsSubdomain(child, parent string) bool {
	if parent == "." {
		return true
	}
	if child == parent {
		return true
	}
	return strings.HasSuffix(child, "."+parent) && !escapedAt(child, len(child)-len(parent)-1)
}

// escapedAt reports whether the byte at i is escaped by an odd run of
// backslashes before it.
func escapedAt(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}
