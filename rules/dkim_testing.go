package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "dkim-testing",
	Severity: lint.Warning,
	Summary:  "a DKIM key record says t=y (testing)",
	Explanation: `t=y in a DKIM key record says the domain is testing DKIM (RFC 6376
§3.6.1): verifiers must not treat mail signed with the key differently
from unsigned mail. A failing signature then does no harm, but a passing
one may not count either, so DMARC can end up relying on SPF alone. The
flag is meant for the first days of a rollout and is often forgotten;
some providers' setup guides include it.

Remove y from t= (keep s if it is there) once signatures verify.`,
	Bad:   `s1._domainkey  IN  TXT  "v=DKIM1; k=ed25519; t=y; p=9Z3Blh3hZIjwpM1zwInl1TR3vuWueLoedj7a2yLVQGc="`,
	Good:  `s1._domainkey  IN  TXT  "v=DKIM1; k=ed25519; p=9Z3Blh3hZIjwpM1zwInl1TR3vuWueLoedj7a2yLVQGc="`,
	Check: checkDKIMTesting,
})

func checkDKIMTesting(pass *lint.Pass) {
	for _, k := range dkimTXTs(pass.State) {
		if !k.Parsed.Testing || k.Parsed.Ignored {
			continue
		}
		t := k.Parsed.Tag("t")
		pass.Report(lint.Finding{
			Domain: k.Domain,
			Range:  k.rangeOf(t.Start, t.End),
			Message: fmt.Sprintf("DKIM key %s says t=y: the domain is testing DKIM, so verifiers may treat mail "+
				"signed with it as unsigned (RFC 6376 §3.6.1); remove the y flag once signatures verify", k.Name),
			Fix: txtFix(k.Rec, "Remove the y flag", withoutTestingFlag(k)),
		})
	}
}

// withoutTestingFlag returns the record's text with y taken out of t=,
// or without t= when y was its only flag.
func withoutTestingFlag(k *dkimTXT) string {
	t := k.Parsed.Tag("t")
	var keep []string
	for _, f := range k.Parsed.Flags {
		if f != "y" {
			keep = append(keep, f)
		}
	}
	if len(keep) > 0 {
		return k.Text[:t.ValueStart] + strings.Join(keep, ":") + k.Text[t.ValueEnd:]
	}
	start, end := t.Start, t.End
	for end < len(k.Text) && strings.IndexByte("; \t", k.Text[end]) >= 0 {
		end++
	}
	if end == len(k.Text) {
		for start > 0 && strings.IndexByte("; \t", k.Text[start-1]) >= 0 {
			start--
		}
	}
	return k.Text[:start] + k.Text[end:]
}
