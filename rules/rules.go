// Package rules holds sendlint's rule catalogue (DESIGN.md §8), one file
// per rule named after its ID, each declaring its metadata and its check
// in one lint.Rule literal.
package rules

import (
	"cmp"
	"slices"

	"github.com/sendlint/sendlint/lint"
)

var registry []*lint.Rule

// register adds r to the catalogue. Each rule file calls it once, from a
// package-level variable declaration.
func register(r *lint.Rule) *lint.Rule {
	registry = append(registry, r)
	return r
}

// All returns every rule, sorted by ID.
func All() []*lint.Rule {
	out := slices.Clone(registry)
	slices.SortFunc(out, func(a, b *lint.Rule) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *lint.Rule {
	for _, r := range registry {
		if r.ID == id {
			return r
		}
	}
	return nil
}
