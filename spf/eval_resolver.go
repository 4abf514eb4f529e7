package spf

import (
	"context"
	"errors"
	"net/netip"
	"strconv"
)

// RRType is the type of a DNS query check_host() makes. Its values are the
// IANA codes, so that it converts to and from the types of DNS libraries.
type RRType uint16

// The query types of check_host(): TXT for records and explanations, A and
// AAAA for a, mx, ptr and exists, MX for mx, PTR for ptr and the p macro
// (RFC 7208 §5).
const (
	TypeA    RRType = 1
	TypePTR  RRType = 12
	TypeMX   RRType = 15
	TypeTXT  RRType = 16
	TypeAAAA RRType = 28
)

// String returns the type's mnemonic.
func (t RRType) String() string {
	switch t {
	case TypeA:
		return "A"
	case TypePTR:
		return "PTR"
	case TypeMX:
		return "MX"
	case TypeTXT:
		return "TXT"
	case TypeAAAA:
		return "AAAA"
	}
	return "TYPE" + strconv.Itoa(int(t))
}

// Answer is what a Resolver found for one query, after following CNAMEs.
// A NOERROR answer without records (NODATA) and an NXDOMAIN answer are
// both void lookups (RFC 7208 §4.6.4).
type Answer struct {
	// NXDomain is set when the name does not exist (RCODE 3).
	NXDomain bool
	// TXT holds each TXT record's character-strings joined without
	// separators (RFC 7208 §3.3), in the order received.
	TXT []string
	// Addrs holds the addresses of A or AAAA records.
	Addrs []netip.Addr
	// Hosts holds MX exchanges, most preferred first, or PTR targets in
	// the order received; names are in lower case without a trailing dot,
	// and the root (a null MX, RFC 7505) is ".".
	Hosts []string
	// Source says where the answer came from ("example.com.zone:3",
	// "snapshot", "dns"), for traces; it may be empty.
	Source string
}

// Empty reports whether the answer is a void lookup: NXDOMAIN, or
// NOERROR with no records of the asked type.
func (a *Answer) Empty() bool {
	return a.NXDomain || len(a.TXT)+len(a.Addrs)+len(a.Hosts) == 0
}

// Resolver answers the DNS queries of check_host(). Lookup follows CNAMEs
// as a recursive resolver does. Names are given without a trailing dot and
// may hold any byte but "." (RFC 7208 §4.8 allows them); lookups are case
// insensitive.
//
// An error means the query did not complete: a timeout, SERVFAIL or any
// RCODE other than 0 and 3, which check_host() turns into temperror
// (RFC 7208 §5) unless the mechanism says otherwise. An error wrapping
// [ErrUnknown] means the resolver has no data for the name at all, as when
// sendlint works offline; the evaluation then says so instead of guessing.
// Implementations must be safe for concurrent use.
type Resolver interface {
	Lookup(ctx context.Context, name string, t RRType) (*Answer, error)
}

// ErrUnknown is wrapped by resolver errors for answers the resolver has no
// data for, such as a name outside the declared zones when no live DNS
// may be asked, or a record whose value is computed at apply time. Such
// errors read "not known ...: why".
var ErrUnknown = errors.New("not known")
