package resolve

import (
	"context"
	"fmt"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

// maxCNAME is the longest CNAME chain followed, as common resolvers do.
const maxCNAME = 8

// Stack answers from the declared records of a State first, and from the
// next source for names the State says nothing about (DESIGN.md §1).
type Stack struct {
	state *lint.State
	next  spf.Resolver
}

// New returns a stack that answers from the declared records of st, and
// from next for the names st says nothing about.
func New(st *lint.State, next spf.Resolver) *Stack {
	return &Stack{state: st, next: next}
}

// Offline returns the offline stack: the declared records of st, then the
// embedded snapshot; other names are unknown.
func Offline(st *lint.State) *Stack {
	return New(st, Snapshot{})
}

// Online returns the stack that asks live DNS, through live, for names
// outside the declared zones.
func Online(st *lint.State, live *Live) *Stack {
	return New(st, live)
}

// Lookup answers a query: from the declared zones when the name is in one,
// following CNAMEs for at most 8 links, and from the next source as soon
// as the chain leaves them. The next source follows the rest of the chain
// on its own, so a chain that leaves the declared zones and comes back
// into one is answered there from live DNS or the snapshot, not from the
// declared records.
func (s *Stack) Lookup(ctx context.Context, name string, t spf.RRType) (*spf.Answer, error) {
	seen := map[string]bool{}
	cur := name
	for range maxCNAME + 1 {
		d, err := declared(s.state, cur, t)
		switch {
		case err != nil:
			return nil, err
		case !d.known:
			return s.next.Lookup(ctx, cur, t)
		case d.cname == "":
			return d.ans, nil
		}
		seen[lint.CanonicalName(cur)] = true
		cur = d.cname
		if seen[cur] {
			return nil, fmt.Errorf("the declared CNAME chain from %q loops back to %q", name, cur)
		}
	}
	return nil, fmt.Errorf("the declared CNAME chain from %q is longer than %d links", name, maxCNAME)
}
