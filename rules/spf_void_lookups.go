package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "spf-void-lookups",
	Severity: lint.Error,
	Summary:  "more than 2 DNS lookups of the record return nothing (permerror)",
	Explanation: `A void lookup is a DNS query of an SPF term that returns no records: the
name does not exist (NXDOMAIN), or it exists without records of the type
asked (RFC 7208 §4.6.4). Receivers allow 2 of them per evaluation and
return permerror at the 3rd, so SPF fails for all mail from the domain.
They are usually left over from hosts that were retired or renamed: an a
or mx term for a host that is gone still costs a lookup and matches
nothing.

sendlint checks the a, mx and exists terms whose names it can know
without an SMTP transaction, in the record and in every record it
includes, for a client that matches nothing. An a term is void when its
name has neither A nor AAAA records; mx when it has no MX records;
exists when it has no A records. Offline, names outside the declared
zones and the snapshot of provider records are not checked.

Remove the terms that name hosts without records, or publish the
records they expect.`,
	Bad: `@      IN TXT "v=spf1 a:old-relay.example.com a:mail2.example.com mx:legacy.example.com ip4:192.0.2.0/24 -all"`,
	Good: `@      IN TXT "v=spf1 a:relay.example.com ip4:192.0.2.0/24 -all"
relay  IN A   198.51.100.25`,
	Check: checkSPFVoidLookups,
})

func checkSPFVoidLookups(pass *lint.Pass) {
	for _, t := range spfTrees(pass.State) {
		var voids []string
		t.a.Walk(func(path []*spf.Cost, c *spf.Cost) {
			if !c.Void {
				return
			}
			where := ""
			if len(path) > 1 {
				where = " in " + path[len(path)-2].Child.Domain
			}
			voids = append(voids, fmt.Sprintf("%s%s: %s", c.Term, where, c.VoidWhy))
		})
		if len(voids) <= spf.MaxVoidLookups {
			continue
		}
		s := t.root
		pass.Reportf(s.Rec.Range, s.Name,
			"SPF for %s makes %d void lookups, queries that return no records (%s); receivers allow %d "+
				"and return permerror after that, so SPF fails for all mail from %s; remove the terms that "+
				"name hosts without records",
			s.Name, len(voids), strings.Join(voids, ", "), spf.MaxVoidLookups, s.Name)
	}
}
