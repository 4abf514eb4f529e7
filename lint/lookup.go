package lint

// Status says what the declared state knows about a name.
type Status int

const (
	// Unknown: the name is outside every declared zone, or below a
	// delegation to a zone that is not declared.
	Unknown Status = iota
	// NoError: the name exists; Answer.Records may still be empty (NODATA).
	NoError
	// NXDomain: the name is inside a declared zone and does not exist.
	NXDomain
)

// String returns the status as DNS tools print it.
func (st Status) String() string {
	switch st {
	case NoError:
		return "NOERROR"
	case NXDomain:
		return "NXDOMAIN"
	}
	return "unknown"
}

// Answer is the result of looking a name up in the declared state.
type Answer struct {
	Status Status
	// Records are the records of the asked type, or the CNAME at the name
	// when there is one and another type was asked (the caller follows
	// it). Records synthesised from a wildcard keep the wildcard's Name
	// and Range.
	Records []*Record
	// Wildcard is set when the records come from a wildcard (RFC 4592).
	Wildcard bool
	// Zone is the zone that answered, nil when Status is Unknown.
	Zone *Zone
}

// Lookup answers a query for canonical name and type t the way an
// authoritative server for the declared zones would (RFC 1034 §4.3.2):
// delegations below a zone's apex make the answer Unknown, a CNAME at the
// name is returned for any other type, and a name that does not exist is
// answered from a wildcard at its closest encloser when there is one
// (RFC 4592).
func (s *State) Lookup(name string, t Type) Answer {
	z := s.ZoneOf(name)
	if z == nil || s.delegated(name, z.Origin) {
		return Answer{Status: Unknown}
	}

	if n := s.nodes[name]; n != nil {
		return Answer{Status: NoError, Records: pick(n, t), Zone: z}
	}

	// The closest encloser is the nearest existing ancestor; the zone's
	// apex always exists, so the walk stops there at the latest.
	for p, ok := Parent(name); ok && IsSubdomain(p, z.Origin); p, ok = Parent(p) {
		if s.nodes[p] == nil {
			continue
		}
		w := s.nodes[wildcardOf(p)]
		if w == nil {
			break
		}
		return Answer{Status: NoError, Records: pick(w, t), Wildcard: true, Zone: z}
	}
	return Answer{Status: NXDomain, Zone: z}
}

// delegated reports whether name, inside the zone with the given origin,
// is at or below an NS record set other than the apex's.
func (s *State) delegated(name, origin string) bool {
	for p, ok := name, true; ok && p != origin; p, ok = Parent(p) {
		if n := s.nodes[p]; n != nil && hasType(n, TypeNS) {
			return true
		}
	}
	return false
}

func wildcardOf(name string) string {
	if name == "." {
		return "*"
	}
	return "*." + name
}

// pick returns the records of type t at n, or its CNAME when t is another
// type.
func pick(n *Node, t Type) []*Record {
	var out, cname []*Record
	for _, r := range n.Records {
		switch r.Type {
		case t:
			out = append(out, r)
		case TypeCNAME:
			cname = append(cname, r)
		}
	}
	if len(out) == 0 && len(cname) > 0 {
		return cname
	}
	return out
}

func hasType(n *Node, t Type) bool {
	for _, r := range n.Records {
		if r.Type == t {
			return true
		}
	}
	return false
}
