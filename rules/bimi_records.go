package rules

import (
	"strings"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/transport"
)

// This file holds what the BIMI rules share; it is not a rule.

// bimiTXT is one declared TXT record at <selector>._bimi.<domain> that is,
// or seems meant as, a BIMI assertion record, parsed.
type bimiTXT struct {
	Name, Selector, Domain string
	Rec                    *lint.Record
	Parsed                 *transport.BIMI
	Errs                   []*transport.Error
	// Counts is set when the text starts with v=BIMI1, so receivers keep
	// it among the records at its name.
	Counts bool
}

type bimiTXTKey struct{}

// bimiTXTs returns the BIMI records under domains sendlint checks, in
// name order, parsed once per run.
func bimiTXTs(st *lint.State) []*bimiTXT {
	return st.Memo(bimiTXTKey{}, func() any {
		var out []*bimiTXT
		for _, name := range st.Names() {
			sel, domain, ok := strings.Cut(name, "._bimi.")
			if !ok || sel == "" || !checkedName(st, domain) {
				continue
			}
			for _, r := range st.Records(name, lint.TypeTXT) {
				text := r.Joined()
				counts := transport.IsBIMI(text)
				if r.Unknown || !counts && !transport.LooksLikeBIMI(text) {
					continue
				}
				p, errs := transport.ParseBIMI(text)
				out = append(out, &bimiTXT{Name: name, Selector: sel, Domain: domain, Rec: r, Parsed: p, Errs: errs, Counts: counts})
			}
		}
		return out
	}).([]*bimiTXT)
}
