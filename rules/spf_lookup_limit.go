package rules

import (
	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "spf-lookup-limit",
	Severity: lint.Error,
	Summary:  "the record needs more than 10 DNS-querying terms after expansion (permerror)",
	Explanation: `Receivers evaluate SPF under the processing limits of RFC 7208 §4.6.4:
a record, with everything it includes, may use at most 10 terms that make
DNS queries. At the 11th, receivers stop and return permerror, which
DMARC treats as a failed SPF check, so mail from the domain fails SPF
everywhere, for every sender at once.

sendlint counts as receivers do, for a client address that matches
nothing (the case in which every term is evaluated):

  include, a, mx, ptr, exists and redirect cost 1 each;
  include and redirect also cost what the record they name costs,
    counted the same way, however deep;
  all, ip4, ip6 and exp cost nothing;
  the address lookups behind one mx or ptr are not counted, but an mx
    whose domain has more than 10 MX hosts is a permerror by itself;
  terms after the first all are never reached, and redirect is ignored
    when the record has all, so they cost nothing.

Each finding lists what every term of the record costs, so that you can
see where the budget goes. Offline, an include that is neither declared
nor in sendlint's dated snapshot of provider records costs 1 and what it
includes is unknown, so the total is a lower bound (see
spf-unverifiable); sendlint --online follows it in live DNS.

To fix it, remove includes of providers you no longer use, replace a
and mx terms with the ip4 and ip6 addresses they stand for, or move a
sender to its own subdomain with its own SPF record (a custom
Return-Path), which has its own budget of 10.`,
	Bad: `@      IN TXT "v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:sendgrid.net include:amazonses.com mx a:relay.example.com a:relay2.example.com a:backup.example.com -all"
@      IN MX  10 mail
mail   IN A   192.0.2.25
relay  IN A   192.0.2.26
relay2 IN A   192.0.2.27
backup IN A   198.51.100.7`,
	Good: `@      IN TXT "v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:sendgrid.net mx ip4:192.0.2.26/31 ip4:198.51.100.7 -all"
@      IN MX  10 mail
mail   IN A   192.0.2.25`,
	Check: checkSPFLookupLimit,
})

func checkSPFLookupLimit(pass *lint.Pass) {
	for _, t := range spfTrees(pass.State) {
		if !t.loop && t.lookups > spf.MaxLookups {
			s := t.root
			pass.Reportf(s.Rec.Range, s.Name,
				"SPF for %s needs %s DNS lookups (%s); receivers stop at 10 and return permerror, "+
					"so SPF fails for all mail from %s; remove includes you no longer use or replace "+
					"a, mx and includes with the ip4 and ip6 ranges they stand for",
				s.Name, atLeast(t.lookups, t.exact), t.costs(), s.Name)
		}
		reportMXHosts(pass, t)
	}
}

// reportMXHosts reports mx terms whose domain has more than 10 MX hosts,
// a permerror of its own (RFC 7208 §4.6.4).
func reportMXHosts(pass *lint.Pass, t *spfTree) {
	t.a.Walk(func(path []*spf.Cost, c *spf.Cost) {
		if c.Term.Kind != spf.KindMX || c.MXHosts <= spf.MaxHosts {
			return
		}
		site := t.site(pass.State, path)
		site.report(pass, "%s names %s, which has %d MX hosts; receivers look up at most %d for one mx "+
			"and return permerror, so SPF fails for all mail from %s; list the hosts with ip4 and ip6 instead",
			site.subject(c), c.Target, c.MXHosts, spf.MaxHosts, site.decl.Name)
	})
}
