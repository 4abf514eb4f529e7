package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "dmarc-multiple",
	Severity: lint.Error,
	Summary:  "more than one DMARC record at one _dmarc name",
	Explanation: `A receiver looks up the TXT records at the domain's _dmarc name
(_dmarc.example.com) and keeps those that start with "v=DMARC1". When
more than one remains, it discards them all (RFC 9989 §4.10 step 2, as
RFC 7489 §6.6.3 did): the domain has no DMARC record of its own, even
when the records agree. Mail from it then falls under the record of its
organizational domain, if there is one, or under no DMARC policy at all.
This happens most often when a second DMARC service's setup guide says to
"add this record" and the old one is kept.

Keep one record: merge the rua and ruf addresses of both into one list
and keep the policy you mean.`,
	Bad: `_dmarc  IN  TXT  "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"
_dmarc  IN  TXT  "v=DMARC1; p=none; rua=mailto:reports@dmarc.example.net"`,
	Good:  `_dmarc  IN  TXT  "v=DMARC1; p=reject; rua=mailto:dmarc@example.com,mailto:reports@dmarc.example.net"`,
	Check: checkDMARCMultiple,
})

func checkDMARCMultiple(pass *lint.Pass) {
	byName := make(map[string][]*dmarcTXT)
	var names []string
	for _, d := range dmarcTXTs(pass.State) {
		if !d.Counts {
			continue
		}
		if byName[d.Name] == nil {
			names = append(names, d.Name)
		}
		byName[d.Name] = append(byName[d.Name], d)
	}

	for _, name := range names {
		recs := byName[name]
		if len(recs) < 2 {
			continue
		}
		first := recs[0]
		for _, d := range recs[1:] {
			pass.Report(lint.Finding{
				Domain: d.Domain,
				Range:  d.Rec.Range,
				Message: fmt.Sprintf("%s has %d DMARC records; receivers discard them all, so %s; keep one record",
					name, len(recs), afterDiscard(pass.State, d.Domain)),
				Related: []lint.Related{{Range: first.Rec.Range, Message: "the first DMARC record at " + name}},
			})
		}
	}
}

// afterDiscard says what policy applies to domain once its own records
// are discarded.
func afterDiscard(st *lint.State, domain string) string {
	pol := st.DMARC(domain)
	switch pol.Status {
	case lint.DMARCFound:
		tag := writtenTag(pol.Parsed, pol.Tag)
		if tag == "" {
			tag = "p"
		}
		return fmt.Sprintf("mail from %s falls under the record of %s (%s=%s)", domain, pol.Domain, tag, pol.Requested)
	case lint.DMARCNone:
		return fmt.Sprintf("mail from %s has no DMARC policy at all", domain)
	}
	return fmt.Sprintf("mail from %s falls under whatever record its parent domains publish", domain)
}
