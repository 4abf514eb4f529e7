package rules

import (
	"strings"

	"github.com/sendlint/sendlint/dkim"
	"github.com/sendlint/sendlint/lint"
)

// This file holds what the DKIM rules share; it is not a rule.

// dkimTXT is one declared TXT record at a DKIM key name,
// <selector>._domainkey.<domain>, parsed.
type dkimTXT struct {
	// Name is the owner name; Selector and Domain its parts.
	Name, Selector, Domain string
	Rec                    *lint.Record
	// Text is the record's strings joined (RFC 6376 §3.6.2.2).
	Text   string
	Parsed *dkim.Record
	Errs   []*dkim.Error
}

type dkimTXTKey struct{}

// dkimTXTs returns the TXT records at DKIM key names under domains
// sendlint checks, in name order, each parsed once per run and shared by
// the DKIM rules through st.Memo. Records whose value is not known before
// apply are left out.
func dkimTXTs(st *lint.State) []*dkimTXT {
	return st.Memo(dkimTXTKey{}, func() any {
		var out []*dkimTXT
		for _, name := range st.Names() {
			sel, domain, ok := strings.Cut(name, "._domainkey.")
			if !ok || sel == "" || strings.HasPrefix(name, "_domainkey.") || !checkedName(st, name) {
				continue
			}
			for _, r := range st.Records(name, lint.TypeTXT) {
				if r.Unknown {
					continue
				}
				text := r.Joined()
				p, errs := dkim.Parse(text)
				out = append(out, &dkimTXT{Name: name, Selector: sel, Domain: domain, Rec: r, Text: text, Parsed: p, Errs: errs})
			}
		}
		return out
	}).([]*dkimTXT)
}

// rangeOf returns the source range of bytes [start, end) of the text.
func (k *dkimTXT) rangeOf(start, end int) lint.Range {
	return k.Rec.RangeAt(start, end)
}

// severityOfDKIM maps a parser level to the severity of its finding.
func severityOfDKIM(l dkim.Level) lint.Severity {
	switch l {
	case dkim.Warning:
		return lint.Warning
	case dkim.Note:
		return lint.Notice
	}
	return lint.Error
}

// doubledOrigin reports whether name ends in its zone's origin twice, as
// "s1._domainkey.example.com.example.com" does when a zone file writes an
// absolute name without its final dot, and returns the name meant.
func doubledOrigin(st *lint.State, name string) (string, bool) {
	z := st.ZoneOf(name)
	if z == nil || z.Origin == "." {
		return "", false
	}
	twice := "." + z.Origin + "." + z.Origin
	if !strings.HasSuffix(name, twice) && name != twice[1:] {
		return "", false
	}
	return strings.TrimSuffix(name, "."+z.Origin), true
}
