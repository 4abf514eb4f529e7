package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/dmarc"
	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "dmarc-policy-none",
	Severity: lint.Warning,
	Summary:  "p=none on a domain that sends mail",
	Explanation: `p=none asks receivers to do nothing with mail that fails DMARC (RFC 9989
§4.7): it only turns on reports. It is the right first step, while
aggregate reports show which of your mail streams are not yet aligned,
but a domain that stays at p=none can be spoofed freely, and Gmail and
Yahoo ask bulk senders for a DMARC record that at least exists and, for
the best treatment, enforces.

sendlint counts a domain as sending mail when a declared sender uses it
(or a subdomain whose policy comes from this record, through sp or np) as
its From domain, when its SPF record authorises any sender, or when it
publishes a DKIM key (or hands one to a provider by CNAME). A record whose
p is invalid acts as p=none too; dmarc-syntax reports that one.

Once reports show your mail passes DMARC, move to p=quarantine and then
to p=reject.`,
	Bad: `@       IN  TXT  "v=spf1 include:_spf.google.com -all"
_dmarc  IN  TXT  "v=DMARC1; p=none; rua=mailto:dmarc@example.com"`,
	Good: `@       IN  TXT  "v=spf1 include:_spf.google.com -all"
_dmarc  IN  TXT  "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"`,
	Check: checkDMARCPolicyNone,
})

func checkDMARCPolicyNone(pass *lint.Pass) {
	st := pass.State
	for _, d := range dmarcApplied(st) {
		if d.Parsed.FallsBack() {
			continue
		}
		// Evidence per tag that gives none: p for the domain itself, sp
		// or np for subdomains that senders use.
		byTag := make(map[string][]mailEvidence)
		if d.Parsed.P == dmarc.None {
			byTag["p"] = domainSendsMail(st, d.Domain)
		}
		for _, s := range st.Senders {
			for _, from := range senderDomains(s) {
				pol := st.DMARC(from)
				if pol.Status != lint.DMARCFound || pol.Record != d.Rec || pol.Requested != dmarc.None || pol.Tag == "" {
					continue
				}
				key := writtenTag(d.Parsed, pol.Tag)
				byTag[key] = append(byTag[key], mailEvidence{
					what: fmt.Sprintf("sender %q uses the From domain %s", s.Name, from),
					rg:   s.Range,
				})
			}
		}

		for _, key := range []string{"p", "sp", "np"} {
			if ev := byTag[key]; len(ev) > 0 {
				reportPolicyNone(pass, d, key, ev)
			}
		}
	}
}

// writtenTag returns the tag a policy really comes from: sp falls back to
// p when absent, np to sp and then p (RFC 9989 §4.7).
func writtenTag(r *dmarc.Record, tag string) string {
	if tag == "np" && r.Tag("np") == nil {
		tag = "sp"
	}
	if tag == "sp" && r.Tag("sp") == nil {
		tag = "p"
	}
	return tag
}

func reportPolicyNone(pass *lint.Pass, d *dmarcTXT, key string, ev []mailEvidence) {
	head := fmt.Sprintf("DMARC for %s is p=none though the domain sends mail", d.Domain)
	switch key {
	case "sp":
		head = fmt.Sprintf("DMARC for %s sets sp=none for its subdomains, and they send mail", d.Domain)
	case "np":
		head = fmt.Sprintf("DMARC for %s sets np=none for its non-existent subdomains, and mail is sent from them", d.Domain)
	}
	rg := d.Rec.Range
	if t := d.Parsed.Tag(key); t != nil {
		rg = d.rangeOf(t.Start, t.End)
	}

	var what []string
	var related []lint.Related
	for _, e := range ev {
		what = append(what, e.what)
		if e.rg.IsValid() {
			related = append(related, lint.Related{Range: e.rg, Message: e.what})
		}
	}
	f := lint.Finding{
		Domain:  d.Domain,
		Range:   rg,
		Related: related,
		Message: fmt.Sprintf("%s (%s): receivers take no action on mail that fails DMARC, so anyone can send "+
			"as it; move to %s=quarantine, then %s=reject, once reports show your mail passes",
			head, strings.Join(what, "; "), key, key),
	}
	if d.Parsed.Tag(key) != nil {
		f.Fix = txtFix(d.Rec, fmt.Sprintf("Set %s=quarantine", key), d.replaceTag(key, "quarantine"))
	}
	pass.Report(f)
}
