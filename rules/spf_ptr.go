package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "spf-ptr",
	Severity: lint.Warning,
	Summary:  "the deprecated ptr mechanism",
	Explanation: `The ptr mechanism matches when a reverse (PTR) lookup of the client's
address gives a name that resolves back to that address and ends in the
target domain (RFC 7208 §5.5). RFC 7208 says it SHOULD NOT be used: it is
slow, it puts load on the reverse DNS of the sending network, it depends
on PTR records the domain owner often does not control, and it counts
toward the limit of 10 DNS lookups. Some large receivers skip it
altogether, so mail that only ptr authorises fails SPF there.

List the sending servers instead: ip4 and ip6 for addresses you know, a
or mx for your own hosts, include for a provider.`,
	Bad:   `@  IN  TXT  "v=spf1 ptr -all"`,
	Good:  `@  IN  TXT  "v=spf1 ip4:192.0.2.0/24 -all"`,
	Check: checkSPFPtr,
})

func checkSPFPtr(pass *lint.Pass) {
	for _, s := range spfTXTs(pass.State) {
		if s.Parsed == nil {
			continue
		}
		for _, t := range s.Parsed.Mechanisms {
			if t.Kind != spf.KindPTR {
				continue
			}
			pass.Reportf(s.rangeOf(t.Span), s.Name,
				"%s uses the deprecated ptr mechanism (RFC 7208 §5.5): it costs a DNS lookup and some receivers "+
					"skip it, so mail it alone authorises can fail SPF; %s",
				s.Name, ptrAdvice(t))
		}
	}
}

func ptrAdvice(t *spf.Term) string {
	if t.Domain == nil {
		return "list your sending servers with ip4, ip6 or a instead"
	}
	return fmt.Sprintf("list the servers under %q with ip4, ip6 or a instead", t.Domain.String())
}
