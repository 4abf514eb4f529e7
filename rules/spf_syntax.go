package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "spf-syntax",
	Severity: lint.Error,
	Summary:  "an SPF record does not parse, or a TXT record that tries to be one is not seen as SPF",
	Explanation: `A TXT record whose text starts with "v=spf1" and a space is an SPF record
(RFC 7208 §4.5); its strings are joined without separators before it is
read. Every term must then match the grammar of RFC 7208 §12: a
qualifier (+ - ~ ?) and one of the mechanisms all, include, a, mx, ptr,
ip4, ip6 and exists with the arguments each allows, or a modifier
"name=value". A syntax error anywhere in the record makes receivers
return permerror for the whole record (§4.6): they treat the domain as
having no usable SPF, so SPF never passes for it, DMARC cannot align on
SPF, and mailbox providers such as Gmail reject or junk its mail.

sendlint reports every error at its term: unknown mechanisms (with the
closest name), CIDR lengths over 32 or 128 or with leading zeros, IPv6
addresses in ip4 and the reverse, domains that do not end in a top-level
label or a macro (§7.1), bad macros (§7.1; c, r and t only in explanation
strings), modifiers with bad names, a second redirect or exp, and bytes
that are not printable ASCII.

It also reports TXT records that look like a failed attempt at SPF and are
therefore ignored by receivers: text before "v=spf1" (leading spaces,
literal quotes left by Terraform or a DNS console), "v=spf1" glued to what
follows ("v=spf1a"), "spf1" without "v=", and other versions such as
"v=spf2.0".`,
	Bad:   `@  IN  TXT  "v=spf1 incude:_spf.google.com ip4:192.0.2.0/33 -all"`,
	Good:  `@  IN  TXT  "v=spf1 include:_spf.google.com ip4:192.0.2.0/24 -all"`,
	Check: checkSPFSyntax,
})

func checkSPFSyntax(pass *lint.Pass) {
	for _, s := range spfTXTs(pass.State) {
		for _, e := range s.Errs {
			reportSPFError(pass, s, e)
		}
	}
	for _, name := range pass.State.Names() {
		for _, r := range pass.State.Records(name, lint.TypeTXT) {
			reportNearMiss(pass, name, r)
		}
	}
}

// reportSPFError reports one parse error of an SPF record, with the
// corrected record when the error has a single correction.
func reportSPFError(pass *lint.Pass, s *spfTXT, e *spf.Error) {
	f := lint.Finding{
		Domain: s.Name,
		Range:  s.rangeOf(spf.Span{Start: e.Start, End: e.End}),
		Message: fmt.Sprintf("%s%s receivers return permerror for the SPF record of %s and treat the domain as "+
			"having no SPF", e.Msg, joiner(e.Msg), s.Name),
	}
	if e.Fix != nil {
		fixed := s.replaced(e.Fix.Span, e.Fix.Text)
		desc := fmt.Sprintf("Replace %s with %q", s.quote(e.Fix.Span), e.Fix.Text)
		if e.Fix.Text == "" {
			desc = fmt.Sprintf("Remove %s", s.quote(e.Fix.Span))
		}
		f.Fix = txtFix(s.Rec, desc, fixed)
	}
	pass.Report(f)
}

// reportNearMiss reports a TXT record that is not SPF but looks like an
// attempt at it.
func reportNearMiss(pass *lint.Pass, name string, r *lint.Record) {
	text := r.Joined()
	e := spf.NearMiss(text)
	if r.Unknown || e == nil {
		return
	}

	f := lint.Finding{
		Domain: name,
		Range:  r.RangeAt(e.Start, e.End),
		Message: fmt.Sprintf("%s; receivers take a TXT record as SPF only when it starts with \"v=spf1\" and a "+
			"space, so they ignore this one%s", e.Msg, noSPFLeft(pass.State, name)),
	}
	if e.Fix != nil {
		f.Fix = txtFix(r, nearMissFixTitle(text, e.Fix), nearMissFixed(text, e.Fix))
	}
	pass.Report(f)
}

func nearMissFixTitle(text string, fix *spf.Edit) string {
	if fix.Text != "" {
		return fmt.Sprintf("Write %q at the start", fix.Text)
	}
	return fmt.Sprintf("Remove %q before \"v=spf1\"", text[fix.Span.Start:fix.Span.End])
}

// nearMissFixed applies a near miss's fix to text. When the removed text
// ends in a quote that also ends the record, as in "\"v=spf1 -all\"" left
// by a tool that quoted the value twice, that quote goes too.
func nearMissFixed(text string, fix *spf.Edit) string {
	fixed := text[:fix.Span.Start] + fix.Text + text[fix.Span.End:]
	removed := strings.TrimSpace(text[fix.Span.Start:fix.Span.End])
	for _, q := range []string{`"`, "'"} {
		if strings.HasSuffix(removed, q) && strings.HasSuffix(fixed, q) {
			return strings.TrimSuffix(fixed, q)
		}
	}
	return fixed
}

// joiner returns what separates a parser message from the consequence
// added to it: a semicolon, or nothing after a question.
func joiner(msg string) string {
	if strings.HasSuffix(msg, "?") {
		return ""
	}
	return ";"
}

// noSPFLeft says that name has no SPF record when none of its TXT
// records is one.
func noSPFLeft(st *lint.State, name string) string {
	for _, r := range st.Records(name, lint.TypeTXT) {
		if spf.IsSPF(r.Joined()) {
			return ""
		}
	}
	return " and " + name + " publishes no SPF record"
}
