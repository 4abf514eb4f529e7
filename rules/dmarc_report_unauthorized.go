package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/dmarc"
	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "dmarc-report-unauthorized",
	Severity: lint.Warning,
	Summary:  "rua or ruf sends reports to another organization's domain, which does not authorize them with a _report._dmarc record",
	Explanation: `DMARC reports may go to an address at another organization, such as a
DMARC reporting service, only if that organization agrees. Before it
sends a report for example.com to dmarc@reports.example.net, a receiver
looks up the TXT record at

  example.com._report._dmarc.reports.example.net

and sends the report only if a record there starts with "v=DMARC1"
(RFC 7489 §7.1; the DMARC reporting documents that RFC 9989 points to
keep the same check). Without it, the reports are silently dropped. No
check is made when the address is in the same organizational domain as
the record.

sendlint checks this where the destination's zone is declared, and notes
the addresses it cannot verify offline. Reporting services publish the
record for their customers, often as a wildcard
(*._report._dmarc.reports.example.net); for your own second domain, add it
yourself.`,
	Bad: `-- example.com.zone --
_dmarc  IN  TXT  "v=DMARC1; p=reject; rua=mailto:dmarc@example.net"
-- example.net.zone --
@       IN  TXT  "v=spf1 -all"`,
	Good: `-- example.com.zone --
_dmarc  IN  TXT  "v=DMARC1; p=reject; rua=mailto:dmarc@example.net"
-- example.net.zone --
@       IN  TXT  "v=spf1 -all"
example.com._report._dmarc  IN  TXT  "v=DMARC1"`,
	Check: checkDMARCReportUnauthorized,
})

func checkDMARCReportUnauthorized(pass *lint.Pass) {
	st := pass.State
	for _, d := range dmarcApplied(st) {
		for _, u := range append(append([]dmarc.URI(nil), d.Parsed.RUA...), d.Parsed.RUF...) {
			if !u.Valid || u.Domain == "" || st.Aligned(d.Domain, u.Domain, false) {
				continue
			}
			checkReportDestination(pass, d, u)
		}
	}
}

// checkReportDestination looks for the authorization record of an
// external report destination (RFC 7489 §7.1).
func checkReportDestination(pass *lint.Pass, d *dmarcTXT, u dmarc.URI) {
	st := pass.State
	name := d.Domain + "._report._dmarc." + u.Domain
	recs, status, _ := st.Resolve(name, lint.TypeTXT)
	for _, r := range recs {
		if r.Type == lint.TypeTXT && dmarc.IsRecord(r.Joined()) {
			return
		}
	}

	f := lint.Finding{Domain: d.Domain, Range: d.rangeOf(u.Start, u.End)}
	if status == lint.Unknown {
		f.Severity = lint.Notice
		f.Message = fmt.Sprintf("DMARC reports for %s go to %q at another organization; receivers send them only if "+
			"%s publishes a TXT record \"v=DMARC1\" at %s, which sendlint cannot see offline",
			d.Domain, u.Raw, u.Domain, name)
	} else {
		f.Message = fmt.Sprintf("DMARC reports for %s go to %q at another organization, but no TXT record "+
			"\"v=DMARC1\" is declared at %s, so receivers drop them (RFC 7489 §7.1); publish one there",
			d.Domain, u.Raw, name)
	}
	pass.Report(f)
}
