// Package report writes findings in the formats of DESIGN.md §5, each
// formatter in a file of its own and chosen by name.
package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/sendlint/sendlint/lint"
)

// Report is what a formatter writes: the sorted findings of one run and
// the rules that ran.
type Report struct {
	Findings []lint.Finding
	Rules    []*lint.Rule
	// Sources gives the text of the files findings point at, for snippets.
	// nil means no snippets.
	Sources *Sources
}

// Options tune formatting.
type Options struct {
	// Color turns on ANSI colours in the text format.
	Color bool
}

// Formatter writes a report to w.
type Formatter func(w io.Writer, r *Report, opt Options) error

var formatters = map[string]Formatter{
	"text": writeText,
	"json": writeJSON,
}

// Lookup returns the formatter with the given name.
func Lookup(name string) (Formatter, error) {
	f, ok := formatters[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q: want one of %v", name, Names())
	}
	return f, nil
}

// Names lists the format names, sorted.
func Names() []string {
	names := make([]string, 0, len(formatters))
	for n := range formatters {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
