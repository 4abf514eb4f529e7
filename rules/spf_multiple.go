package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "spf-multiple",
	Severity: lint.Error,
	Summary:  "more than one v=spf1 TXT record at one name",
	Explanation: `A receiver looks up the TXT records of a domain and keeps those that
start with "v=spf1" (RFC 7208 §4.5). When more than one remains, it
returns permerror: the domain is treated as having no usable SPF, even
when the records are identical or one of them would pass. This happens
most often when a second provider's setup guide says to "add this SPF
record" and the old one is kept.

Merge the records into one: keep one "v=spf1", list the mechanisms of all
of them (every include, ip4, ip6, a and mx), and end with a single all.
The finding points at the second and later records and names the first.`,
	Bad: `@  IN  TXT  "v=spf1 include:_spf.google.com ~all"
@  IN  TXT  "v=spf1 include:sendgrid.net ~all"`,
	Good:  `@  IN  TXT  "v=spf1 include:_spf.google.com include:sendgrid.net ~all"`,
	Check: checkSPFMultiple,
})

func checkSPFMultiple(pass *lint.Pass) {
	first := map[string]*spfTXT{}
	count := map[string]int{}
	for _, s := range spfTXTs(pass.State) {
		count[s.Name]++
	}
	for _, s := range spfTXTs(pass.State) {
		f, ok := first[s.Name]
		if !ok {
			first[s.Name] = s
			continue
		}
		pass.Report(lint.Finding{
			Domain: s.Name,
			Range:  s.Rec.Range,
			Message: fmt.Sprintf("%s has %d v=spf1 TXT records; receivers return permerror and treat the domain "+
				"as having no SPF; merge them into one record", s.Name, count[s.Name]),
			Related: []lint.Related{{Range: f.Rec.Range, Message: "the first v=spf1 record at " + s.Name}},
		})
	}
}
