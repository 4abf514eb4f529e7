package rules

import (
	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "spf-lookup-headroom",
	Severity: lint.Warning,
	Summary:  "the record needs 9 or 10 DNS-querying terms: one provider change away from permerror",
	Explanation: `A record that needs 9 or 10 of the 10 DNS-querying terms receivers allow
(RFC 7208 §4.6.4) passes today, but has no room left. Providers change
their own SPF records without notice: when one of them adds an include,
or you add a sender, the count passes 10 and receivers return permerror,
so SPF fails for all mail from the domain at once.

sendlint counts lookups as spf-lookup-limit explains (sendlint explain
spf-lookup-limit), and lists what each term costs. Make room before you
need it: remove includes of providers you no longer use, replace a and mx
terms with the addresses they stand for, or move a sender to its own
subdomain with its own SPF record.`,
	Bad: `@      IN TXT "v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:sendgrid.net include:amazonses.com mx a:relay.example.com -all"
@      IN MX  10 mail
mail   IN A   192.0.2.25
relay  IN A   192.0.2.26`,
	Good: `@      IN TXT "v=spf1 include:_spf.google.com include:sendgrid.net mx ip4:192.0.2.26 -all"
@      IN MX  10 mail
mail   IN A   192.0.2.25`,
	Check: checkSPFLookupHeadroom,
})

// headroomFrom is the lowest count the rule warns about.
const headroomFrom = spf.MaxLookups - 1

func checkSPFLookupHeadroom(pass *lint.Pass) {
	for _, t := range spfTrees(pass.State) {
		if t.loop || t.lookups < headroomFrom || t.lookups > spf.MaxLookups {
			continue
		}
		s := t.root
		pass.Reportf(s.Rec.Range, s.Name,
			"SPF for %s needs %s of the 10 DNS lookups receivers allow (%s); one more include, from you or "+
				"inside a provider's record, makes receivers return permerror for all mail from %s; "+
				"make room by removing or flattening an include",
			s.Name, atLeast(t.lookups, t.exact), t.costs(), s.Name)
	}
}
