// Package dnstest is a DNS server for tests and benchmarks: it answers
// from an in-memory zone on 127.0.0.1 with miekg/dns, like a recursive
// resolver would (CNAMEs followed, NXDOMAIN for names it lacks), and can
// misbehave on purpose: never answer, answer late, truncate UDP answers.
// It also reads the OpenSPF test suites into such zones.
//
// It is used by tests only; nothing in sendlint's command depends on it.
package dnstest

import (
	"net/netip"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/miekg/dns"
)

// Record is one resource record of a test zone. Only the fields of its
// Type are set.
type Record struct {
	Type uint16 // dns.TypeA, dns.TypeTXT, ...
	// Strings are the character-strings of a TXT or SPF record, as bytes.
	Strings []string
	// Addr is the address of an A or AAAA record.
	Addr netip.Addr
	// Pref is an MX preference.
	Pref uint16
	// Target is an MX exchange, a PTR or a CNAME target without a
	// trailing dot; "." is the root (a null MX).
	Target string
}

// Name is what a zone holds at one owner name.
type Name struct {
	Records []Record
	// Timeout makes queries for a type that has no records here go
	// unanswered, as the OpenSPF suites' TIMEOUT says.
	Timeout bool
}

// Zone is a set of names that a Server answers from. Change it only
// before serving.
type Zone struct {
	// Names maps lower-case names without a trailing dot to their data.
	Names map[string]*Name
	// Delay is waited before every answer.
	Delay time.Duration
	// Truncate makes every UDP answer an empty one with the TC bit set,
	// so that clients must ask again over TCP.
	Truncate bool

	mu      sync.Mutex
	queries []Query
}

// Query is one question a Server received.
type Query struct {
	Name string // plain form, as asked
	Type uint16
	TCP  bool
}

// NewZone returns an empty zone.
func NewZone() *Zone {
	return &Zone{Names: make(map[string]*Name)}
}

// Add adds a record at name.
func (z *Zone) Add(name string, r Record) {
	n := z.name(name)
	n.Records = append(n.Records, r)
}

// AddTXT adds a TXT record with the given strings at name.
func (z *Zone) AddTXT(name string, strs ...string) {
	z.Add(name, Record{Type: dns.TypeTXT, Strings: strs})
}

// AddAddr adds an A or AAAA record at name.
func (z *Zone) AddAddr(name, addr string) {
	a := netip.MustParseAddr(addr)
	t := dns.TypeA
	if !a.Unmap().Is4() {
		t = dns.TypeAAAA
	}
	z.Add(name, Record{Type: t, Addr: a.Unmap()})
}

// SetTimeout makes name unanswered for types it has no records of.
func (z *Zone) SetTimeout(name string) {
	z.name(name).Timeout = true
}

func (z *Zone) name(name string) *Name {
	key := key(name)
	n := z.Names[key]
	if n == nil {
		n = &Name{}
		z.Names[key] = n
	}
	return n
}

func key(name string) string {
	return strings.ToLower(strings.TrimSuffix(name, "."))
}

// Queries returns the questions received so far, in order.
func (z *Zone) Queries() []Query {
	z.mu.Lock()
	defer z.mu.Unlock()
	return slices.Clone(z.queries)
}

func (z *Zone) record(q Query) {
	z.mu.Lock()
	z.queries = append(z.queries, q)
	z.mu.Unlock()
}

// Reply is a zone's answer to one question.
type Reply struct {
	// Drop is set when no answer is to be sent at all.
	Drop  bool
	RCode int
	// CNAMEs are the CNAME records followed, each with its owner.
	CNAMEs []Owned
	// Records are the records of the asked type at the end of the chain.
	Records []Owned
}

// Owned is a record with its owner name.
type Owned struct {
	Owner string
	Record
}

// Resolve answers a question as a recursive resolver would: the records of
// type t at name, following CNAMEs (at most 8, and a loop is SERVFAIL);
// NXDOMAIN when the name is not in the zone.
func (z *Zone) Resolve(name string, t uint16) Reply {
	var rep Reply
	seen := map[string]bool{}
	for range 9 {
		k := key(name)
		n := z.Names[k]
		if n == nil {
			rep.RCode = dns.RcodeNameError
			return rep
		}
		recs, cname := n.pick(t)
		switch {
		case len(recs) > 0:
			for _, r := range recs {
				rep.Records = append(rep.Records, Owned{Owner: name, Record: r})
			}
			return rep
		case cname == nil && n.Timeout:
			rep.Drop = true
			return rep
		case cname == nil:
			return rep
		}
		seen[k] = true
		rep.CNAMEs = append(rep.CNAMEs, Owned{Owner: name, Record: *cname})
		name = cname.Target
		if seen[key(name)] {
			break
		}
	}
	return Reply{RCode: dns.RcodeServerFailure}
}

// pick returns the records of type t, or the CNAME when there are none.
func (n *Name) pick(t uint16) ([]Record, *Record) {
	var out []Record
	var cname *Record
	for i, r := range n.Records {
		switch r.Type {
		case t:
			out = append(out, r)
		case dns.TypeCNAME:
			cname = &n.Records[i]
		}
	}
	return out, cname
}
