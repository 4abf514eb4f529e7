package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/dmarc"
	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "dmarc-testing",
	Severity: lint.Warning,
	Summary:  "the DMARC policy is not fully applied: pct below 100, or t=y",
	Explanation: `t=y (RFC 9989 §4.7) tells receivers that the domain is testing its
policy: they apply one level less than it says, quarantine for
p=reject and nothing for p=quarantine, and may rewrite the From of mail
that mailing lists forward. pct below 100 (RFC 7489 §6.3, removed by
RFC 9989) asked RFC 7489 receivers to apply the policy to that share of
failing mail only, while RFC 9989 receivers ignore it and apply the
policy to all.

Either way, the policy you publish is not the one spoofed mail meets.
Both are meant for a short rollout. When aggregate reports show that your
own mail passes DMARC, remove t=y and pct.`,
	Bad:   `_dmarc  IN  TXT  "v=DMARC1; p=reject; t=y; rua=mailto:dmarc@example.com"`,
	Good:  `_dmarc  IN  TXT  "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"`,
	Check: checkDMARCTesting,
})

func checkDMARCTesting(pass *lint.Pass) {
	for _, d := range dmarcApplied(pass.State) {
		p, sp, np, ok := d.Parsed.Policies()
		if !ok || !p.Enforcing() && !sp.Enforcing() && !np.Enforcing() {
			continue
		}
		strongest := p
		for _, x := range []dmarc.Policy{sp, np} {
			if x == dmarc.Reject || x == dmarc.Quarantine && strongest == dmarc.None {
				strongest = x
			}
		}

		if d.Parsed.Testing {
			t := d.Parsed.Tag("t")
			pass.Report(lint.Finding{
				Domain: d.Domain,
				Range:  d.rangeOf(t.Start, t.End),
				Message: fmt.Sprintf("DMARC for %s says t=y, so receivers apply %s where the record asks for %s "+
					"(RFC 9989 §4.7); remove t=y once reports show your mail passes DMARC",
					d.Domain, testedWords(strongest.Tested()), strongest),
				Fix: txtFix(d.Rec, "Remove \"t=y\"", d.removeTag("t")),
			})
		}
		if pct := d.Parsed.PCT; pct >= 0 && pct < 100 {
			t := d.Parsed.Tag("pct")
			pass.Report(lint.Finding{
				Domain: d.Domain,
				Range:  d.rangeOf(t.Start, t.End),
				Message: fmt.Sprintf("DMARC for %s says pct=%d: RFC 7489 receivers apply %s to %d%% of failing mail "+
					"and RFC 9989 receivers, which removed pct, to all of it; remove pct once reports show your mail passes DMARC",
					d.Domain, pct, strongest, pct),
				Fix: txtFix(d.Rec, "Remove "+quoteTag(t), d.removeTag("pct")),
			})
		}
	}
}

func testedWords(p dmarc.Policy) string {
	if p == dmarc.None {
		return "no policy"
	}
	return string(p)
}
