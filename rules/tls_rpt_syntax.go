package rules

import (
	"strings"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/transport"
)

var _ = register(&lint.Rule{
	ID:       "tls-rpt-syntax",
	Severity: lint.Error,
	Summary:  "an _smtp._tls TLS-RPT record does not parse",
	Explanation: `SMTP TLS Reporting (RFC 8460) asks sending servers to report failures to
set up TLS with your mail servers, the reports that tell you an MTA-STS
or DANE policy is blocking mail. The TXT record at _smtp._tls.example.com is
"v=TLSRPTv1; rua=..." with one or more mailto: or https: addresses
separated by commas (§3).

If the record does not parse, has no rua, or there are several, senders
send no reports and failures go unseen. The grammar is strict: no spaces
around "=", and the record must begin with "v=TLSRPTv1;" exactly.`,
	Bad:   `_smtp._tls  IN  TXT  "v=TLSRPTv1; rua=tls-reports@example.com"`,
	Good:  `_smtp._tls  IN  TXT  "v=TLSRPTv1; rua=mailto:tls-reports@example.com"`,
	Check: checkTLSRPTSyntax,
})

func checkTLSRPTSyntax(pass *lint.Pass) {
	st := pass.State
	for _, name := range st.Names() {
		domain, ok := strings.CutPrefix(name, "_smtp._tls.")
		if !ok || !checkedName(st, domain) {
			continue
		}
		var counted []*lint.Record
		for _, r := range st.Records(name, lint.TypeTXT) {
			text := r.Joined()
			if r.Unknown || !transport.IsTLSRPT(text) && !transport.LooksLikeTLSRPT(text) {
				continue
			}
			_, errs := transport.ParseTLSRPT(text)
			for _, e := range errs {
				reportTransportError(pass, r, domain, "TLS-RPT record for "+domain, e)
			}
			if transport.IsTLSRPT(text) {
				counted = append(counted, r)
			}
		}
		reportTransportMultiple(pass, domain, name, counted, "TLS-RPT", "senders send no TLS reports (RFC 8460 §3)")
	}
}
