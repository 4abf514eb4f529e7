package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "cname-conflict",
	Severity: lint.Error,
	Summary:  "a CNAME shares its name with other records",
	Explanation: `A CNAME makes its name an alias: a resolver that meets it follows it to
the target and asks there, for any type. So a name with a CNAME can have
no other records (RFC 1034 §3.6.2), and at most one CNAME (RFC 2181
§10.1). Name servers refuse such a zone or serve one of the records at
random, and DNS providers reject the change. Where it gets through, an
SPF or DKIM TXT record beside a CNAME is invisible: receivers follow the
CNAME and find the target's records, or none, so SPF or DKIM fails for
the domain.

This happens when a provider's setup asks for a CNAME (for a DKIM
selector or a custom return-path) at a name that already has records, or
when a CNAME is put at the zone apex, which always has SOA and NS
records.

Keep either the CNAME or the other records: publish the TXT record at the
CNAME's target, or replace the CNAME with the records it stands for.`,
	Bad: `mail  IN  CNAME  bounces.provider.example.
mail  IN  TXT    "v=spf1 include:provider.example -all"`,
	Good:  `mail  IN  CNAME  bounces.provider.example.`,
	Check: checkCNAMEConflict,
})

func checkCNAMEConflict(pass *lint.Pass) {
	for _, name := range pass.State.Names() {
		cnames := pass.State.Records(name, lint.TypeCNAME)
		if len(cnames) == 0 {
			continue
		}
		first := cnames[0]
		related := []lint.Related{{Range: first.Range, Message: "the CNAME at " + name}}

		for _, c := range cnames[1:] {
			pass.Report(lint.Finding{
				Domain: name,
				Range:  c.Range,
				Message: fmt.Sprintf("%s has %d CNAME records; a name can have only one (RFC 2181 §10.1), so name "+
					"servers refuse the zone or answer with either; keep one", name, len(cnames)),
				Related: related,
			})
		}
		for _, r := range pass.State.Node(name).Records {
			if r.Type == lint.TypeCNAME {
				continue
			}
			pass.Report(lint.Finding{
				Domain:  name,
				Range:   r.Range,
				Message: cnameConflictMessage(name, first, r),
				Related: related,
			})
		}
	}
}

// cnameConflictMessage says what r, beside the CNAME c, means for mail.
func cnameConflictMessage(name string, c, r *lint.Record) string {
	msg := fmt.Sprintf("%s record at %s shares its name with a CNAME to %s, which DNS does not allow "+
		"(RFC 1034 §3.6.2); resolvers follow the CNAME and never see this record", r.Type, name, c.Target)

	text := r.Joined()
	switch {
	case r.Type == lint.TypeTXT && spf.IsSPF(text):
		return msg + fmt.Sprintf(", so receivers find no SPF for %s here; publish the SPF record at %s "+
			"or replace the CNAME with the records it stands for", name, c.Target)
	case r.Type == lint.TypeTXT && strings.Contains(name, "._domainkey."):
		return msg + fmt.Sprintf(", so receivers find no DKIM key at %s and signatures with this selector fail; "+
			"keep either the CNAME or the key record", name)
	}
	return msg + "; remove the CNAME or this record"
}
