package lint

import (
	"cmp"
	"slices"
)

// Finding is one problem a rule found in the declared state.
type Finding struct {
	// Rule is the ID of the rule that reported the finding.
	Rule string
	// Severity is the finding's weight after configuration is applied.
	Severity Severity
	// Message is one lower-case line without a final period: what is wrong,
	// what happens in production and what to change.
	Message string
	// Domain is the domain the finding is about, without a trailing dot.
	Domain string
	// Range is where the line to change was declared.
	Range Range
	// Related points at other places that take part in the finding, such as
	// the sender whose From domain a DMARC finding is about.
	Related []Related
	// Fix, when not nil, is a suggested change. It is never applied unless
	// the user asks.
	Fix *Fix
}

// Related is a secondary position of a finding with a short note.
type Related struct {
	Range   Range
	Message string
}

// Fix is a suggested change: a short imperative description and, where it
// can be given exactly, the replacement text for the declaration at Range
// (or at the finding's range when Range is zero).
type Fix struct {
	Description string
	Replacement string
	Range       Range
}

// SortFindings orders findings by file, line, column, rule and then message,
// so that the same input always gives the same report.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, compareFindings)
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Range.File, b.Range.File),
		cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
		cmp.Compare(a.Range.Start.Column, b.Range.Start.Column),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Domain, b.Domain),
	)
}

// Counts tallies findings per severity.
type Counts struct {
	Error, Warning, Notice int
}

// Count tallies fs by severity.
func Count(fs []Finding) Counts {
	var c Counts
	for _, f := range fs {
		switch f.Severity {
		case Error:
			c.Error++
		case Warning:
			c.Warning++
		case Notice:
			c.Notice++
		}
	}
	return c
}
