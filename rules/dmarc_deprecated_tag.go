package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/dmarc"
	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "dmarc-deprecated-tag",
	Severity: lint.Notice,
	Summary:  "pct, rf or ri, which RFC 9989 removed, or the obsolete !size suffix of a report URI",
	Explanation: `RFC 9989, which obsoletes RFC 7489, removed three tags (its Appendix
C.5.2) and the report size limit (C.4):

  pct   the share of failing mail the policy applies to. Receivers applied
        values other than 0 and 100 unevenly, so RFC 9989 dropped it; a
        receiver that follows RFC 9989 ignores it and applies the policy to
        all failing mail. t=y replaces pct=0 (Appendix A.6).
  rf    the failure report format; "afrf" was the only one.
  ri    the aggregate report interval; reports come daily.
  !10m  a size limit after a rua or ruf address; reporters ignore it.

An RFC 9989 receiver treats these as unknown tags and ignores them, while
an RFC 7489 receiver still reads them, so the same record can mean two
things. Remove them; write t=y where you meant pct=0.`,
	Bad:   `_dmarc  IN  TXT  "v=DMARC1; p=reject; pct=100; ri=86400; rua=mailto:dmarc@example.com!10m"`,
	Good:  `_dmarc  IN  TXT  "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"`,
	Check: checkDMARCDeprecatedTag,
})

func checkDMARCDeprecatedTag(pass *lint.Pass) {
	for _, d := range dmarcTXTs(pass.State) {
		for _, e := range d.Errs {
			if e.Kind != dmarc.KindRemoved {
				continue
			}
			f := lint.Finding{
				Domain:  d.Domain,
				Range:   d.rangeOf(e.Start, e.End),
				Message: fmt.Sprintf("DMARC record for %s: %s", d.Domain, e.Msg),
			}
			f.Fix = removedFix(d, e)
			pass.Report(f)
		}
	}
}

// removedFix returns the fix for a removed tag or size suffix: pct=0
// becomes t=y, anything else is removed.
func removedFix(d *dmarcTXT, e *dmarc.Error) *lint.Fix {
	for _, key := range []string{"pct", "rf", "ri"} {
		t := d.Parsed.Tag(key)
		if t == nil || t.Start != e.Start {
			continue
		}
		if key == "pct" && d.Parsed.PCT == 0 && d.Parsed.Tag("t") == nil {
			return txtFix(d.Rec, "Replace "+quoteTag(t)+" with \"t=y\"", d.Text[:t.Start]+"t=y"+d.Text[t.End:])
		}
		return txtFix(d.Rec, "Remove "+quoteTag(t), d.removeTag(key))
	}
	// A size suffix: cut it out.
	return txtFix(d.Rec, fmt.Sprintf("Remove %q", d.Text[e.Start:e.End]), d.Text[:e.Start]+d.Text[e.End:])
}
