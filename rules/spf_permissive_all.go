package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "spf-permissive-all",
	Severity: lint.Error,
	Summary:  "the SPF record authorises everyone (+all) or gives no verdict for unlisted servers (?all, or no all and no redirect)",
	Explanation: `check_host() tries a record's mechanisms from left to right; all matches
every address, so the qualifier of all decides what happens to a server
the record does not list (RFC 7208 §5.1):

  +all (or a bare "all")  pass: anyone on the internet may send as the
                          domain, and SPF passes for every forgery
  ?all                    neutral: no verdict, treated like no SPF
  ~all                    softfail: accept but mark as suspicious
  -all                    fail: the server is not authorised

A record with neither all nor redirect ends with neutral for unlisted
servers (§4.7), the same as ?all. Neutral gives receivers nothing to act
on, and a DMARC policy can then only rely on DKIM.

+all is reported as an error and the neutral forms as warnings. End the
record with "~all" while you are still finding every sender, then with
"-all".`,
	Bad:   `@  IN  TXT  "v=spf1 include:_spf.google.com +all"`,
	Good:  `@  IN  TXT  "v=spf1 include:_spf.google.com ~all"`,
	Check: checkSPFPermissiveAll,
})

func checkSPFPermissiveAll(pass *lint.Pass) {
	for _, s := range spfTXTs(pass.State) {
		if s.Parsed == nil || len(s.Errs) > 0 {
			continue
		}
		all := s.Parsed.All()
		switch {
		case all == nil && s.Parsed.Redirect == nil:
			pass.Report(lint.Finding{
				Severity: lint.Warning,
				Domain:   s.Name,
				Range:    s.rangeOf(spf.Span{Start: 0, End: len(s.Text)}),
				Message: fmt.Sprintf("the SPF record of %s has no \"all\" and no redirect, so servers it does not list "+
					"get neutral (RFC 7208 §4.7) and forgeries are not refused; end it with \"~all\" or \"-all\"", s.Name),
				Fix: txtFix(s.Rec, `Add "~all" at the end`, s.Text+" ~all"),
			})
		case all != nil && all.Qualifier == spf.QualifierPass:
			reportAll(pass, s, all, lint.Error, "authorises every server on the internet to send as %s, "+
				"so SPF passes for anyone who forges it")
		case all != nil && all.Qualifier == spf.QualifierNeutral:
			reportAll(pass, s, all, lint.Warning, "gives neutral for servers the record does not list, which "+
				"receivers treat like no SPF, so forgeries of %s are not refused")
		}
	}
}

// reportAll reports a permissive all term; what is a format with one %s
// for the domain.
func reportAll(pass *lint.Pass, s *spfTXT, all *spf.Term, sev lint.Severity, what string) {
	written := s.quote(all.Span)
	pass.Report(lint.Finding{
		Severity: sev,
		Domain:   s.Name,
		Range:    s.rangeOf(all.Span),
		Message:  fmt.Sprintf("%s %s; end the record with \"~all\" or \"-all\"", written, fmt.Sprintf(what, s.Name)),
		Fix:      txtFix(s.Rec, fmt.Sprintf("Replace %s with \"~all\"", written), s.replaced(all.Span, "~all")),
	})
}
