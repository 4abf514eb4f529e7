package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/transport"
)

var _ = register(&lint.Rule{
	ID:       "mta-sts-syntax",
	Severity: lint.Error,
	Summary:  "an _mta-sts TXT record does not parse, or senders cannot fetch the policy it announces",
	Explanation: `MTA-STS (RFC 8461) lets a domain require TLS with a valid certificate for
the mail sent to it. The TXT record at _mta-sts.example.com announces
that a policy exists: "v=STSv1; id=..." where the id, 1 to 32 letters and
digits, changes whenever the policy does (§3.1). Senders then fetch the
policy itself from https://mta-sts.example.com/.well-known/mta-sts.txt.

If the record does not parse, if there are several, or if it has no id,
senders act as if the domain had no MTA-STS policy at all: mail to it
can be downgraded to plain text by an attacker on the path. The grammar
is strict: no spaces around "=", nothing but letters and digits in id,
and the record must begin with "v=STSv1;" exactly.

sendlint also warns when the mta-sts host has no address record in the
declared zones, since senders then cannot fetch the policy.`,
	Bad: `_mta-sts  IN  TXT  "v=STSv1; id=2026-03-01"
mta-sts   IN  A    192.0.2.10`,
	Good: `_mta-sts  IN  TXT  "v=STSv1; id=20260301"
mta-sts   IN  A    192.0.2.10`,
	Check: checkMTASTSSyntax,
})

func checkMTASTSSyntax(pass *lint.Pass) {
	st := pass.State
	for _, name := range st.Names() {
		domain, ok := strings.CutPrefix(name, "_mta-sts.")
		if !ok || !checkedName(st, domain) {
			continue
		}
		var valid, counted []*lint.Record
		for _, r := range st.Records(name, lint.TypeTXT) {
			text := r.Joined()
			if r.Unknown || !transport.IsMTASTS(text) && !transport.LooksLikeMTASTS(text) {
				continue
			}
			rec, errs := transport.ParseMTASTS(text)
			for _, e := range errs {
				reportTransportError(pass, r, domain, "MTA-STS record for "+domain, e)
			}
			if transport.IsMTASTS(text) {
				counted = append(counted, r)
			}
			if !rec.Invalid {
				valid = append(valid, r)
			}
		}
		if reportTransportMultiple(pass, domain, name, counted, "MTA-STS", "senders use no MTA-STS policy (RFC 8461 §3.1)") {
			continue
		}
		if len(valid) == 1 {
			checkPolicyHost(pass, domain, valid[0])
		}
	}
}

// checkPolicyHost warns when mta-sts.<domain>, where senders fetch the
// policy over HTTPS (RFC 8461 §3.3), has no address in the declared zones.
func checkPolicyHost(pass *lint.Pass, domain string, r *lint.Record) {
	host := "mta-sts." + domain
	a, status, _ := pass.State.Resolve(host, lint.TypeA)
	aaaa, status6, _ := pass.State.Resolve(host, lint.TypeAAAA)
	if status == lint.Unknown || status6 == lint.Unknown || len(a) > 0 || len(aaaa) > 0 {
		return
	}
	pass.Report(lint.Finding{
		Severity: lint.Warning,
		Domain:   domain,
		Range:    r.Range,
		Message: fmt.Sprintf("MTA-STS for %s: senders fetch the policy from https://%s/.well-known/mta-sts.txt, "+
			"but %s has no A or AAAA record, so they find none; add the host or remove this record", domain, host, host),
	})
}

// reportTransportError reports one parser error of a transport record.
func reportTransportError(pass *lint.Pass, r *lint.Record, domain, what string, e *transport.Error) {
	sev := lint.Error
	switch e.Level {
	case transport.Warning:
		sev = lint.Warning
	case transport.Note:
		sev = lint.Notice
	}
	pass.Report(lint.Finding{
		Severity: sev,
		Domain:   domain,
		Range:    r.RangeAt(e.Start, e.End),
		Message:  fmt.Sprintf("%s: %s", what, e.Msg),
	})
}

// reportTransportMultiple reports the second and later records of a kind
// at one name and says whether there were several.
func reportTransportMultiple(pass *lint.Pass, domain, name string, recs []*lint.Record, kind, effect string) bool {
	if len(recs) < 2 {
		return false
	}
	for _, r := range recs[1:] {
		pass.Report(lint.Finding{
			Domain:  domain,
			Range:   r.Range,
			Message: fmt.Sprintf("%s has %d %s records, so %s; keep one", name, len(recs), kind, effect),
			Related: []lint.Related{{Range: recs[0].Range, Message: "the first " + kind + " record at " + name}},
		})
	}
	return true
}
