package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "bimi-syntax",
	Severity: lint.Error,
	Summary:  "a BIMI assertion record (default._bimi) does not parse",
	Explanation: `A BIMI assertion record at default._bimi.example.com (or another
selector than "default" when mail names one) tells mailbox providers
which logo to show beside authenticated mail: "v=BIMI1; l=...; a=...". l=
is the https URL of an SVG logo (SVG Tiny PS), a= the https URL of the
mark certificate (VMC or CMC) that Gmail and Apple Mail require; both may
be empty to decline showing a logo.

Receivers fix nothing: a version other than "BIMI1", a missing l=, a URL
that is not https, a logo that is not SVG, several URLs in one tag or
several records at one name make them show no logo at all.`,
	Bad:   `default._bimi  IN  TXT  "v=BIMI1; l=http://example.com/logo.png"`,
	Good:  `default._bimi  IN  TXT  "v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem"`,
	Check: checkBIMISyntax,
})

func checkBIMISyntax(pass *lint.Pass) {
	var counted []*bimiTXT
	for _, b := range bimiTXTs(pass.State) {
		what := fmt.Sprintf("BIMI record %s", b.Name)
		for _, e := range b.Errs {
			reportTransportError(pass, b.Rec, b.Domain, what, e)
		}
		if !b.Counts {
			continue
		}
		if len(counted) > 0 && counted[0].Name != b.Name {
			reportBIMIMultiple(pass, counted)
			counted = nil
		}
		counted = append(counted, b)
	}
	reportBIMIMultiple(pass, counted)
}

func reportBIMIMultiple(pass *lint.Pass, bs []*bimiTXT) {
	if len(bs) < 2 {
		return
	}
	recs := make([]*lint.Record, len(bs))
	for i, b := range bs {
		recs[i] = b.Rec
	}
	reportTransportMultiple(pass, bs[0].Domain, bs[0].Name, recs, "BIMI", "receivers show no logo")
}
