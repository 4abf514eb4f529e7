package zonefile

import (
	"fmt"

	"github.com/sendlint/sendlint/lint"
)

// Rule IDs of the findings the loader makes (DESIGN.md §8).
const (
	ruleSyntax = "zone-syntax"
	ruleOrigin = "zone-origin-unknown"
)

// maxFindings is how many findings one file reports before the rest are
// summed up in one last finding.
const maxFindings = 50

// reporter collects the findings of one file, up to maxFindings.
type reporter struct {
	st      *lint.State
	domain  *string // the zone's apex, once known
	count   int
	hidden  int
	firstRg lint.Range
}

func (r *reporter) add(rule string, sev lint.Severity, rg lint.Range, msg string) {
	r.count++
	if r.count > maxFindings {
		if r.hidden == 0 {
			r.firstRg = rg
		}
		r.hidden++
		return
	}
	r.st.Problems = append(r.st.Problems, lint.Finding{
		Rule:     rule,
		Severity: sev,
		Message:  msg,
		Domain:   *r.domain,
		Range:    rg,
	})
}

// close reports how many findings were left out, at the first of them.
func (r *reporter) close() {
	if r.hidden == 0 {
		return
	}
	r.st.Problems = append(r.st.Problems, lint.Finding{
		Rule:    ruleSyntax,
		Message: fmt.Sprintf("%d more errors not shown; fix the ones above and run again", r.hidden),
		Domain:  *r.domain,
		Range:   lint.Range{File: r.firstRg.File, Start: r.firstRg.Start},
	})
}
