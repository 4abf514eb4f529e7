package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "spf-redirect-ignored",
	Severity: lint.Warning,
	Summary:  "redirect= beside an all mechanism, which makes it dead",
	Explanation: `The redirect modifier hands the check to another domain's record, but
only when no mechanism of this record matched. all always matches, so a
record with an all mechanism never reaches its redirect, and RFC 7208
§6.1 says receivers MUST ignore redirect then. The policy that applies is
this record's all, not the one the redirect names: usually the opposite of
what was meant when a shared policy was set up with redirect.

Remove the all mechanism to use the redirect target's policy, or remove
the redirect if this record is meant to be complete.`,
	Bad:   `@  IN  TXT  "v=spf1 redirect=_spf.example.com -all"`,
	Good:  `@  IN  TXT  "v=spf1 redirect=_spf.example.com"`,
	Check: checkSPFRedirectIgnored,
})

func checkSPFRedirectIgnored(pass *lint.Pass) {
	for _, s := range spfTXTs(pass.State) {
		if s.Parsed == nil || len(s.Errs) > 0 || s.Parsed.Redirect == nil || s.Parsed.All() == nil {
			continue
		}
		redirect, all := s.Parsed.Redirect, s.Parsed.All()
		pass.Report(lint.Finding{
			Domain: s.Name,
			Range:  s.rangeOf(redirect.Span),
			Message: fmt.Sprintf("%s is ignored because the record also has %s, which always matches "+
				"(RFC 7208 §6.1), so %s's policy ends at %s; remove the all to use the redirect, or remove the redirect",
				s.quote(redirect.Span), s.quote(all.Span), s.Name, s.quote(all.Span)),
			Related: []lint.Related{{Range: s.rangeOf(all.Span), Message: "the all mechanism that always matches"}},
		})
	}
}
