package rules

import (
	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "spf-unverifiable",
	Severity: lint.Notice,
	Summary:  "an include target is neither declared nor in the catalog, so offline counting is a lower bound",
	Explanation: `sendlint works offline by default: it follows includes through the
declared zones and through a dated snapshot of well-known providers' SPF
records, and nothing else. An include of any other name counts 1, but
what that record includes is unknown, so the lookup count of every
domain that includes it is only a lower bound, and spf-lookup-limit,
spf-void-lookups and spf-include-no-record cannot see past it.

The same goes for an include or redirect whose target has macros (its
name depends on each message, so it cannot be followed ahead of time),
for a lookup that failed with --online, and for trees beyond sendlint's
limits (100 records).

Run sendlint --online to follow such includes in live DNS, or declare
the zone they point into. The finding is a notice: nothing is known to
be wrong.`,
	Bad:   `@  IN TXT "v=spf1 include:spf.mailer.example.net -all"`,
	Good:  `@  IN TXT "v=spf1 include:sendgrid.net -all"`,
	Check: checkSPFUnverifiable,
})

func checkSPFUnverifiable(pass *lint.Pass) {
	for _, t := range spfTrees(pass.State) {
		t.a.Walk(func(path []*spf.Cost, c *spf.Cost) {
			followable := c.Term.Kind == spf.KindInclude || c.Term.Kind == spf.KindRedirect
			var why string
			switch {
			case c.Macro && followable:
				why = "has macros, so its target depends on each message and cannot be followed ahead of time"
			case c.Child == nil || !isOpen(c.Child):
				return
			default:
				why = "names " + c.Child.Domain + ", which " + c.Child.Problem
			}
			site := t.site(pass.State, path)
			site.report(pass, "%s %s; lookups through it are not counted, so the counts of domains that "+
				"include it are lower bounds", site.subject(c), why)
		})
	}
}
