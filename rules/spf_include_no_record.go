package rules

import (
	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "spf-include-no-record",
	Severity: lint.Error,
	Summary:  "an include or redirect target has no usable SPF record (permerror)",
	Explanation: `When an include names a domain without an SPF record, check_host()
finds none there, and RFC 7208 §5.2 turns that into permerror for the
whole evaluation; a redirect to such a domain is a permerror too (§6.1).
So is a target that publishes two SPF records, or one that does not
parse. Receivers then fail SPF for all mail from the domain, and from
every domain that includes it.

It happens after a typo in the target, when a provider retires the name
it told you to include, or when the included record is deleted before
the include. sendlint follows includes through the declared zones, the
snapshot of provider records and, with --online, live DNS.

Fix the target name, publish the record it should have, or remove the
include.`,
	Bad: `@     IN TXT "v=spf1 include:_spf.example.com -all"`,
	Good: `@     IN TXT "v=spf1 include:_spf.example.com -all"
_spf  IN TXT "v=spf1 ip4:192.0.2.0/24 ~all"`,
	Check: checkSPFIncludeNoRecord,
})

func checkSPFIncludeNoRecord(pass *lint.Pass) {
	for _, t := range spfTrees(pass.State) {
		t.a.Walk(func(path []*spf.Cost, c *spf.Cost) {
			if c.Child == nil {
				return
			}
			switch c.Child.Status {
			case spf.NodeNone, spf.NodeMultiple, spf.NodeSyntax:
			default:
				return
			}
			site := t.site(pass.State, path)
			site.report(pass, "%s names %s, which %s; receivers return permerror, so SPF fails for all mail "+
				"from %s and every domain that includes it; fix the name, publish the record or remove the %s",
				site.subject(c), c.Child.Domain, c.Child.Problem, site.decl.Name, c.Term.Kind)
		})
	}
}
