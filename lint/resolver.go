package lint

import "github.com/sendlint/sendlint/spf"

// SetResolver sets the resolver that rules evaluating SPF ask (DESIGN.md
// §1): the stack the command line chose, which answers from the declared
// records first, then from the snapshot of provider records offline or
// from live DNS with --online. Call it before Run.
func (s *State) SetResolver(r spf.Resolver) {
	s.resolver = r
}

// Resolver returns the resolver set with SetResolver, or nil when none
// was; rules then use the offline stack over the declared records.
func (s *State) Resolver() spf.Resolver {
	return s.resolver
}
