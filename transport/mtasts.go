package transport

import (
	"strings"

	"github.com/sendlint/sendlint/internal/taglist"
)

// MTASTS is a parsed MTA-STS TXT record (RFC 8461 §3.1), published at
// _mta-sts.<domain> to announce that a policy file is available at
// https://mta-sts.<domain>/.well-known/mta-sts.txt.
type MTASTS struct {
	// Text is the record as parsed; Fields every field after the version.
	Text   string
	Fields []Field
	// Invalid is set when senders treat the domain as having no MTA-STS
	// policy because of this record.
	Invalid bool
	// ID is the policy instance ID, "" when missing or invalid.
	ID string
}

// IsMTASTS reports whether text begins with "v=STSv1;", which is how
// senders pick the MTA-STS record among the TXT records at _mta-sts
// (RFC 8461 §3.1); a record of the version alone does not begin so.
func IsMTASTS(text string) bool {
	return strings.HasPrefix(text, "v=STSv1;")
}

// LooksLikeMTASTS reports whether text seems meant as an MTA-STS record.
func LooksLikeMTASTS(text string) bool {
	return strings.Contains(strings.ToLower(text), "stsv")
}

// ParseMTASTS reads an MTA-STS TXT record (RFC 8461 §3.1): "v=STSv1",
// then an id of 1 to 32 letters and digits, and optional extension fields,
// separated by semicolons.
func ParseMTASTS(text string) (*MTASTS, []*Error) {
	const what = "MTA-STS"
	s := &scanner{text: text}
	rec := &MTASTS{Text: text}
	fields, ok := s.versioned(what, "v=STSv1")
	if !ok {
		rec.Invalid = true
		return rec, s.sorted()
	}
	rec.Fields = fields

	for _, f := range fields {
		switch f.Name {
		case "v":
			s.errorf(f.Start, f.End, Fatal, "the version appears twice, so the MTA-STS record is invalid")
		case "id":
			if msg := checkSTSID(f.Value); msg != "" {
				s.errorf(f.ValueStart, f.ValueEnd, Fatal, "id %q %s, so senders ignore the record and use no MTA-STS policy", f.Value, msg)
				continue
			}
			rec.ID = f.Value
		default:
			s.checkExtension(what, f)
		}
	}
	if fieldNamed(fields, "id") == nil {
		s.errorf(0, len(text), Fatal, "no id field: senders need it to notice a new policy (RFC 8461 §3.1); add one such as id=20260301T000000")
	}
	rec.Invalid = s.fatal
	return rec, s.sorted()
}

// checkSTSID checks an MTA-STS policy ID: 1 to 32 letters and digits.
func checkSTSID(id string) string {
	if id == "" {
		return "is empty"
	}
	if len(id) > 32 {
		return "is longer than 32 characters"
	}
	for i := 0; i < len(id); i++ {
		if !taglist.IsAlpha(id[i]) && !taglist.IsDigit(id[i]) {
			return "holds " + taglist.DescribeChar(id, i) + ", but an id is letters and digits only"
		}
	}
	return ""
}
