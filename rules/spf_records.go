package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

// This file holds what the SPF rules share; it is not a rule.

// spfTXT is one declared TXT record whose text is an SPF record (RFC 7208
// §4.5), parsed.
type spfTXT struct {
	// Name is the owner name, canonical.
	Name string
	Rec  *lint.Record
	// Text is the record's strings joined (RFC 7208 §3.3).
	Text   string
	Parsed *spf.Record
	Errs   []*spf.Error
}

type spfTXTKey struct{}

// spfTXTs returns every v=spf1 TXT record of st in name order, each
// parsed once per run and shared by the SPF rules through st.Memo.
// Records whose value is not known before apply are left out.
func spfTXTs(st *lint.State) []*spfTXT {
	return st.Memo(spfTXTKey{}, func() any {
		var out []*spfTXT
		for _, name := range st.Names() {
			for _, r := range st.Records(name, lint.TypeTXT) {
				text := r.Joined()
				if r.Unknown || !spf.IsSPF(text) {
					continue
				}
				p, errs := spf.Parse(text)
				out = append(out, &spfTXT{Name: name, Rec: r, Text: text, Parsed: p, Errs: errs})
			}
		}
		return out
	}).([]*spfTXT)
}

// rangeOf returns the source range of a span of the record's text.
func (s *spfTXT) rangeOf(sp spf.Span) lint.Range {
	return s.Rec.RangeAt(sp.Start, sp.End)
}

// quote returns s[sp] for a message.
func (s *spfTXT) quote(sp spf.Span) string {
	return fmt.Sprintf("%q", s.Text[sp.Start:sp.End])
}

// replaced returns the record's text with the span replaced by repl.
func (s *spfTXT) replaced(sp spf.Span, repl string) string {
	return s.Text[:sp.Start] + repl + s.Text[sp.End:]
}

// maxString is the longest DNS character-string (RFC 1035 §3.3).
const maxString = 255

// txtFix returns a fix that replaces the data of TXT record r with value,
// written as zone-file character-strings of at most 255 bytes each.
func txtFix(r *lint.Record, description, value string) *lint.Fix {
	return &lint.Fix{
		Description: description,
		Replacement: quoteTXT(value),
		Range:       lint.Range{File: r.Range.File, Start: r.DataPos, End: r.Range.End},
	}
}

// quoteTXT writes value as quoted character-strings of at most 255 bytes
// separated by spaces, the form zone files use (RFC 1035 §5.1); quotes and
// backslashes are escaped, other bytes outside printable ASCII written as
// \DDD.
func quoteTXT(value string) string {
	var b strings.Builder
	for i := 0; i < len(value) || i == 0; i += maxString {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		for _, c := range []byte(value[i:min(i+maxString, len(value))]) {
			switch {
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c < 0x20 || c > 0x7e:
				fmt.Fprintf(&b, "\\%03d", c)
			default:
				b.WriteByte(c)
			}
		}
		b.WriteByte('"')
	}
	return b.String()
}
