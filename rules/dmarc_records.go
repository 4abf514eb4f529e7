package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/dmarc"
	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

// This file holds what the DMARC rules share; it is not a rule.

// dmarcTXT is one declared TXT record at a _dmarc name that is, or seems
// meant as, a DMARC record, parsed.
type dmarcTXT struct {
	// Name is the owner name ("_dmarc.example.com") and Domain the domain
	// the record is for ("example.com").
	Name, Domain string
	Rec          *lint.Record
	// Text is the record's strings joined (RFC 9989 §4.5).
	Text   string
	Parsed *dmarc.Record
	Errs   []*dmarc.Error
	// Counts is set when the text starts with v=DMARC1, so receivers keep
	// it among the records at its name (RFC 9989 §4.10 step 2).
	Counts bool
}

type dmarcTXTKey struct{}

// dmarcTXTs returns the DMARC records of st in name order, each parsed
// once per run and shared by the DMARC rules through st.Memo: every TXT
// record at a name whose first label is _dmarc, under a domain sendlint
// checks, that starts with v=DMARC1 or looks meant as DMARC. Records whose
// value is not known before apply are left out.
func dmarcTXTs(st *lint.State) []*dmarcTXT {
	return st.Memo(dmarcTXTKey{}, func() any {
		var out []*dmarcTXT
		for _, name := range st.Names() {
			domain, ok := strings.CutPrefix(name, "_dmarc.")
			if !ok || !checkedName(st, domain) {
				continue
			}
			for _, r := range st.Records(name, lint.TypeTXT) {
				text := r.Joined()
				counts := dmarc.IsRecord(text)
				if r.Unknown || !counts && !dmarc.LooksLike(text) {
					continue
				}
				p, errs := dmarc.Parse(text)
				out = append(out, &dmarcTXT{Name: name, Domain: domain, Rec: r, Text: text, Parsed: p, Errs: errs, Counts: counts})
			}
		}
		return out
	}).([]*dmarcTXT)
}

// applied returns the DMARC records receivers use: the only record that
// counts at its name, not ignored as a whole.
func dmarcApplied(st *lint.State) []*dmarcTXT {
	n := make(map[string]int)
	for _, d := range dmarcTXTs(st) {
		if d.Counts {
			n[d.Name]++
		}
	}
	var out []*dmarcTXT
	for _, d := range dmarcTXTs(st) {
		if d.Counts && n[d.Name] == 1 && !d.Parsed.Ignored {
			out = append(out, d)
		}
	}
	return out
}

// rangeOf returns the source range of bytes [start, end) of the text.
func (d *dmarcTXT) rangeOf(start, end int) lint.Range {
	return d.Rec.RangeAt(start, end)
}

// replaceTag returns the record's text with the value of tag key set to
// value, appending the tag when it is absent.
func (d *dmarcTXT) replaceTag(key, value string) string {
	if t := d.Parsed.Tag(key); t != nil {
		return d.Text[:t.ValueStart] + value + d.Text[t.ValueEnd:]
	}
	return strings.TrimRight(d.Text, " ;") + "; " + key + "=" + value
}

// removeTag returns the record's text without the tag with the given key
// and its separator.
func (d *dmarcTXT) removeTag(key string) string {
	t := d.Parsed.Tag(key)
	if t == nil {
		return d.Text
	}
	start, end := t.Start, t.End
	for end < len(d.Text) && (d.Text[end] == ';' || d.Text[end] == ' ' || d.Text[end] == '\t') {
		end++
	}
	if end == len(d.Text) {
		for start > 0 && (d.Text[start-1] == ';' || d.Text[start-1] == ' ' || d.Text[start-1] == '\t') {
			start--
		}
	}
	return d.Text[:start] + d.Text[end:]
}

// checkedName reports whether name is at or below a domain whose own
// records sendlint checks (sendlint.yaml domains:, or every zone).
func checkedName(st *lint.State, name string) bool {
	for _, d := range st.CheckedDomains() {
		if lint.IsSubdomain(name, d) {
			return true
		}
	}
	return false
}

// severityOfDMARC maps a parser level to the severity of its finding.
func severityOfDMARC(l dmarc.Level) lint.Severity {
	switch l {
	case dmarc.Warning:
		return lint.Warning
	case dmarc.Note:
		return lint.Notice
	}
	return lint.Error
}

// senderDomains returns the From domains a sender declares: the domain of
// each address, or the entry itself when it is a whole domain.
func senderDomains(s *lint.Sender) []string {
	var out []string
	for _, f := range s.From {
		if at := strings.LastIndexByte(f, '@'); at >= 0 {
			f = f[at+1:]
		}
		if f != "" {
			out = append(out, lint.CanonicalName(f))
		}
	}
	return out
}

func quoteTag(t *dmarc.Tag) string {
	return fmt.Sprintf("%q", t.Name+"="+t.Value)
}

// mailEvidence is one sign that a domain sends mail, for a finding's
// message and related positions.
type mailEvidence struct {
	what string
	rg   lint.Range
}

// domainSendsMail lists the signs in the declared records that domain
// itself sends mail: an SPF record that authorises some sender (a
// mechanism that passes, or a redirect), and DKIM keys under
// _domainkey.<domain> that verifiers can use or that a CNAME hands to a
// provider. Senders are looked at separately, by their From domains.
func domainSendsMail(st *lint.State, domain string) []mailEvidence {
	var out []mailEvidence
	for _, s := range spfTXTs(st) {
		if s.Name != domain || s.Parsed == nil {
			continue
		}
		if spfAuthorises(s) {
			out = append(out, mailEvidence{"its SPF record authorises senders", s.Rec.Range})
			break
		}
	}
	for _, k := range st.DKIMKeys(domain, nil) {
		switch {
		case k.Usable():
			out = append(out, mailEvidence{fmt.Sprintf("it publishes the DKIM key %s", k.Name), k.Record.Range})
		case k.Status == lint.Unknown && len(k.CNAMEs) > 0:
			out = append(out, mailEvidence{fmt.Sprintf("%s hands its DKIM key to %s", k.Name, k.CNAMEs[len(k.CNAMEs)-1].Target), k.CNAMEs[0].Range})
		}
	}
	return out
}

// spfAuthorises reports whether an SPF record lets anyone send: it has a
// mechanism that passes, or a redirect to another record.
func spfAuthorises(s *spfTXT) bool {
	if s.Parsed.Redirect != nil {
		return true
	}
	for _, m := range s.Parsed.Mechanisms {
		if m.Qualifier == spf.QualifierPass {
			return true
		}
	}
	return false
}
