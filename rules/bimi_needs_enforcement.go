package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/dmarc"
	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "bimi-needs-enforcement",
	Severity: lint.Warning,
	Summary:  "a BIMI record on a domain whose DMARC policy is not quarantine or reject at full strength",
	Explanation: `Mailbox providers show a BIMI logo only for mail that passes DMARC from a
domain whose DMARC policy is enforced: p=quarantine or p=reject, applied
to all failing mail. The BIMI draft (its authentication requirements)
rules out p=none at the domain or its organizational domain, sp=none in
either record, and a pct below 100; t=y, the RFC 9989 testing flag that
replaced pct=0, lowers the policy the same way.

A BIMI record on a domain that does not meet this is never used: no
logo is shown, whatever the record and the certificate say. Move DMARC to
enforcement first, then publish BIMI.`,
	Bad: `_dmarc         IN  TXT  "v=DMARC1; p=none; rua=mailto:dmarc@example.com"
default._bimi  IN  TXT  "v=BIMI1; l=https://example.com/logo.svg"`,
	Good: `_dmarc         IN  TXT  "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"
default._bimi  IN  TXT  "v=BIMI1; l=https://example.com/logo.svg"`,
	Check: checkBIMINeedsEnforcement,
})

func checkBIMINeedsEnforcement(pass *lint.Pass) {
	st := pass.State
	for _, b := range bimiTXTs(st) {
		if !b.Counts || b.Parsed.Invalid || b.Parsed.Declined {
			continue
		}
		pol := st.DMARC(b.Domain)
		why, related := bimiShortfall(st, pol)
		if why == "" {
			continue
		}
		pass.Report(lint.Finding{
			Domain:  b.Domain,
			Range:   b.Rec.Range,
			Related: related,
			Message: fmt.Sprintf("BIMI record %s is never used: %s, and mailbox providers show a logo only for "+
				"domains at DMARC enforcement (p=quarantine or p=reject at full strength); move DMARC to enforcement first",
				b.Name, why),
		})
	}
}

// bimiShortfall says why a domain's DMARC policy falls short of what BIMI
// needs, or returns "" when it does not or sendlint cannot tell.
func bimiShortfall(st *lint.State, pol lint.DMARCPolicy) (string, []lint.Related) {
	switch pol.Status {
	case lint.DMARCUnknown:
		return "", nil
	case lint.DMARCNone:
		return "no DMARC policy applies to " + pol.From + " (" + pol.Reason + ")", nil
	}
	related := []lint.Related{{Range: pol.Record.Range, Message: "the DMARC record that applies to " + pol.From}}
	tag := writtenTag(pol.Parsed, pol.Tag)
	switch {
	case pol.Tag == "":
		return fmt.Sprintf("the DMARC record at _dmarc.%s acts as p=none because its policy tags are invalid", pol.Domain), related
	case !pol.Requested.Enforcing():
		return fmt.Sprintf("the DMARC policy for %s is %s=none", pol.From, tag), related
	case pol.Testing:
		return fmt.Sprintf("the DMARC record for %s says t=y, so receivers apply %s", pol.From, testedWords(pol.Applied)), related
	case pol.Parsed.PCT >= 0 && pol.Parsed.PCT < 100:
		return fmt.Sprintf("the DMARC record for %s says pct=%d", pol.From, pol.Parsed.PCT), related
	case pol.Parsed.SP == dmarc.None:
		return fmt.Sprintf("the DMARC record at _dmarc.%s says sp=none", pol.Domain), related
	}

	// The organizational domain's record must not say sp=none either.
	if pol.OrgKnown && pol.OrgDomain != pol.Domain {
		org := st.DMARC(pol.OrgDomain)
		if org.Status == lint.DMARCFound && org.Domain == pol.OrgDomain && org.Parsed.SP == dmarc.None {
			related = append(related, lint.Related{Range: org.Record.Range, Message: "the DMARC record of the organizational domain"})
			return fmt.Sprintf("the DMARC record of the organizational domain %s says sp=none", pol.OrgDomain), related
		}
	}
	return "", nil
}
