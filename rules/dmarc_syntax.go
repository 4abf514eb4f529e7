package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/dmarc"
	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "dmarc-syntax",
	Severity: lint.Error,
	Summary:  "a DMARC record does not parse: v=DMARC1 not first, a bad tag value, an unknown p, a malformed rua or ruf URI",
	Explanation: `A DMARC record is a TXT record at the domain's _dmarc name
(_dmarc.example.com) made of tag=value pairs separated by semicolons
(RFC 9989 §4.7, §4.8). Receivers keep only records that start with
exactly "v=DMARC1"; one that does not, or that repeats a tag, is
discarded, and the domain has no DMARC policy at all.

Within a record, a tag with a bad value is ignored and its default used,
and that can change everything: a p that is not none, quarantine or
reject (or an invalid sp or np) makes receivers act as if the record said
p=none when rua names a valid address, and apply no DMARC at all
otherwise (RFC 9989 §4.10.1). A rua or ruf address without "mailto:" is
ignored, so no reports arrive. A missing ";" glues two tags into one bad
value.

sendlint reports each problem at its tag, says what receivers do, and
offers the correction when there is one likely fix. It also notes tags
RFC 9989 does not define (receivers ignore them; a near miss such as
"adkm" is a warning), tag names in upper case, and a DMARC record
published at a name receivers never query, such as the domain itself
instead of its _dmarc name. pct, rf and ri are reported by
dmarc-deprecated-tag.`,
	Bad:   `_dmarc  IN  TXT  "v=DMARC1; p=rejct; rua=dmarc@example.com"`,
	Good:  `_dmarc  IN  TXT  "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"`,
	Check: checkDMARCSyntax,
})

func checkDMARCSyntax(pass *lint.Pass) {
	for _, d := range dmarcTXTs(pass.State) {
		if fixed, ok := doubledOrigin(pass.State, d.Name); ok {
			pass.Report(lint.Finding{
				Domain: d.Domain,
				Range:  d.Rec.Range,
				Message: fmt.Sprintf("DMARC record at %s is never read: the name repeats the zone origin, as when a "+
					"zone file leaves out the final dot of %s.; receivers look it up at %s", d.Name, fixed, fixed),
			})
		}
		for _, e := range d.Errs {
			if e.Kind == dmarc.KindRemoved {
				continue
			}
			reportDMARCError(pass, d, e)
		}
	}
	reportMisplacedDMARC(pass)
}

// reportDMARCError reports one parser error with its fix, if any.
func reportDMARCError(pass *lint.Pass, d *dmarcTXT, e *dmarc.Error) {
	f := lint.Finding{
		Severity: severityOfDMARC(e.Level),
		Domain:   d.Domain,
		Range:    d.rangeOf(e.Start, e.End),
		Message:  fmt.Sprintf("DMARC record for %s: %s", d.Domain, e.Msg),
	}
	if e.Fix != nil {
		fixed := d.Text[:e.Fix.Start] + e.Fix.Text + d.Text[e.Fix.End:]
		desc := fmt.Sprintf("Replace %q with %q", d.Text[e.Fix.Start:e.Fix.End], e.Fix.Text)
		if e.Fix.Start == e.Fix.End {
			desc = fmt.Sprintf("Insert %q", e.Fix.Text)
		}
		f.Fix = txtFix(d.Rec, desc, fixed)
	}
	pass.Report(f)
}

// reportMisplacedDMARC reports DMARC records at names receivers never
// query for a policy: anything but _dmarc.<domain>, leaving out the
// authorization records of external report destinations
// (<domain>._report._dmarc.<destination>).
func reportMisplacedDMARC(pass *lint.Pass) {
	st := pass.State
	for _, name := range st.Names() {
		if strings.HasPrefix(name, "_dmarc.") || strings.Contains(name, "._report._dmarc.") || !checkedName(st, name) {
			continue
		}
		for _, r := range st.Records(name, lint.TypeTXT) {
			text := strings.TrimLeft(r.Joined(), " \t")
			if r.Unknown || !hasPrefixFold(text, "v=dmarc1") {
				continue
			}
			target := "_dmarc." + name
			if rest, ok := strings.CutPrefix(name, "dmarc."); ok {
				target = "_dmarc." + rest
			}
			pass.Report(lint.Finding{
				Domain: name,
				Range:  r.Range,
				Message: fmt.Sprintf("DMARC record at %s is never read: receivers look up the policy at %s, "+
					"so this one has no effect; move it there", name, target),
			})
		}
	}
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
