package lint

import (
	"slices"
	"sync"

	"github.com/sendlint/sendlint/spf"
)

// State is the declared state: every record of every source merged per
// owner name, the zones they belong to, the senders, and the problems met
// while loading. Loaders fill a State; once [Run] starts it is read-only,
// and its methods are safe for concurrent use.
type State struct {
	// Senders are the mail streams, one per stream, in load order.
	Senders []*Sender
	// Problems are findings met while loading, such as a zone file that
	// does not parse. Run reports them under the rule each one names.
	Problems []Finding
	// Domains are the domains sendlint.yaml limits checks to, canonical;
	// nil means every declared zone (see CheckedDomains).
	Domains []string
	// Aliases maps a login (lower case) to the addresses it may send as
	// (sendlint.yaml aliases:).
	Aliases map[string][]string

	zones      map[string]*Zone
	nodes      map[string]*Node
	directives map[string][]*Directive
	resolver   spf.Resolver

	memoMu sync.Mutex
	memo   map[any]*memoEntry

	namesMu sync.Mutex
	names   []string // sorted, built by Names; reset by Add
}

// Zone is a declared DNS zone: the records under its origin are
// authoritative, so a name inside it that is not declared does not exist.
type Zone struct {
	// Origin is the zone's apex, canonical.
	Origin string
	// Decls are the places that declare the zone (a zone file, a Terraform
	// zone resource), in load order.
	Decls []Range
}

// Node holds the records declared at one owner name. A node without
// records is an empty non-terminal: it exists because names below it do.
type Node struct {
	Name    string
	Records []*Record
}

// NewState returns an empty State.
func NewState() *State {
	return &State{
		zones:      make(map[string]*Zone),
		nodes:      make(map[string]*Node),
		directives: make(map[string][]*Directive),
	}
}

// AddZone declares a zone with origin (any case, trailing dot or not) at
// decl. Declaring the same origin twice merges the declarations.
func (s *State) AddZone(origin string, decl Range) *Zone {
	origin = CanonicalName(origin)
	z := s.zones[origin]
	if z == nil {
		z = &Zone{Origin: origin}
		s.zones[origin] = z
		s.node(origin)
	}
	if decl.IsValid() {
		z.Decls = append(z.Decls, decl)
	}
	return z
}

// Add adds a record; r.Name must be canonical.
func (s *State) Add(r *Record) {
	n := s.node(r.Name)
	n.Records = append(n.Records, r)
	s.names = nil
}

// node returns the node for name, creating it and the empty non-terminals
// above it.
func (s *State) node(name string) *Node {
	if n := s.nodes[name]; n != nil {
		return n
	}
	n := &Node{Name: name}
	s.nodes[name] = n
	for p, ok := Parent(name); ok; p, ok = Parent(p) {
		if s.nodes[p] != nil {
			break
		}
		s.nodes[p] = &Node{Name: p}
	}
	return n
}

// Node returns the node at canonical name, or nil.
func (s *State) Node(name string) *Node {
	return s.nodes[name]
}

// Records returns the records of type t declared at canonical name,
// without following CNAMEs or wildcards. The slice may be shared with the
// State: callers must not change it.
func (s *State) Records(name string, t Type) []*Record {
	n := s.nodes[name]
	if n == nil {
		return nil
	}
	// Most names hold records of one type only; then the node's own slice
	// is the answer and nothing is allocated.
	match := 0
	for _, r := range n.Records {
		if r.Type == t {
			match++
		}
	}
	switch match {
	case 0:
		return nil
	case len(n.Records):
		return n.Records
	}
	out := make([]*Record, 0, match)
	for _, r := range n.Records {
		if r.Type == t {
			out = append(out, r)
		}
	}
	return out
}

// Names returns every owner name that has records, sorted. The slice is
// shared: callers must not change it. It is computed once, on first use
// after loading.
func (s *State) Names() []string {
	s.namesMu.Lock()
	defer s.namesMu.Unlock()
	if s.names == nil {
		s.names = make([]string, 0, len(s.nodes))
		for name, n := range s.nodes {
			if len(n.Records) > 0 {
				s.names = append(s.names, name)
			}
		}
		slices.Sort(s.names)
	}
	return s.names
}

// Zones returns the declared zones sorted by origin.
func (s *State) Zones() []*Zone {
	zs := make([]*Zone, 0, len(s.zones))
	for _, z := range s.zones {
		zs = append(zs, z)
	}
	slices.SortFunc(zs, func(a, b *Zone) int {
		switch {
		case a.Origin < b.Origin:
			return -1
		case a.Origin > b.Origin:
			return 1
		}
		return 0
	})
	return zs
}

// CheckedDomains returns the domains whose own records rules check: the
// configured Domains, or else every declared zone's origin, sorted.
func (s *State) CheckedDomains() []string {
	if len(s.Domains) > 0 {
		out := slices.Clone(s.Domains)
		slices.Sort(out)
		return slices.Compact(out)
	}
	out := make([]string, 0, len(s.zones))
	for origin := range s.zones {
		out = append(out, origin)
	}
	slices.Sort(out)
	return out
}

// Zone returns the zone with exactly the canonical origin, or nil.
func (s *State) Zone(origin string) *Zone {
	return s.zones[origin]
}

// ZoneOf returns the deepest declared zone that canonical name is in, or
// nil when name is outside every declared zone.
func (s *State) ZoneOf(name string) *Zone {
	for p, ok := name, true; ok; p, ok = Parent(p) {
		if z := s.zones[p]; z != nil {
			return z
		}
	}
	return nil
}

// Memo returns the value computed once for key, computing it on first use.
// Rules share costly analyses (an SPF record's evaluation, say) through it.
// Keys should be values of a type unexported by the package that computes
// them, as with context keys.
func (s *State) Memo(key any, compute func() any) any {
	s.memoMu.Lock()
	if s.memo == nil {
		s.memo = make(map[any]*memoEntry)
	}
	e := s.memo[key]
	if e == nil {
		e = &memoEntry{}
		s.memo[key] = e
	}
	s.memoMu.Unlock()

	e.once.Do(func() { e.v = compute() })
	return e.v
}

type memoEntry struct {
	once sync.Once
	v    any
}
