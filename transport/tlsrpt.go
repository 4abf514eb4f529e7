package transport

import "strings"

// TLSRPT is a parsed SMTP TLS Reporting record (RFC 8460 §3), published at
// _smtp._tls.<domain> to ask senders for reports on TLS failures.
type TLSRPT struct {
	// Text is the record as parsed; Fields every field after the version.
	Text   string
	Fields []Field
	// Invalid is set when senders treat the domain as not asking for
	// reports because of this record.
	Invalid bool
	// RUA are the report URIs, valid or not.
	RUA []URI
}

// IsTLSRPT reports whether text begins with "v=TLSRPTv1;", which is how
// senders pick the TLS-RPT record among the TXT records at _smtp._tls
// (RFC 8460 §3).
func IsTLSRPT(text string) bool {
	return strings.HasPrefix(text, "v=TLSRPTv1;")
}

// LooksLikeTLSRPT reports whether text seems meant as a TLS-RPT record.
func LooksLikeTLSRPT(text string) bool {
	return strings.Contains(strings.ToLower(text), "tlsrpt")
}

// ParseTLSRPT reads a TLS-RPT record (RFC 8460 §3): "v=TLSRPTv1", then rua
// with one or more mailto: or https: URIs separated by commas, and
// optional extension fields, separated by semicolons.
func ParseTLSRPT(text string) (*TLSRPT, []*Error) {
	const what = "TLS-RPT"
	s := &scanner{text: text}
	rec := &TLSRPT{Text: text}
	fields, ok := s.versioned(what, "v=TLSRPTv1")
	if !ok {
		rec.Invalid = true
		return rec, s.sorted()
	}
	rec.Fields = fields

	for _, f := range fields {
		switch f.Name {
		case "v":
			s.errorf(f.Start, f.End, Fatal, "the version appears twice, so the TLS-RPT record is invalid")
		case "rua":
			rec.RUA = s.uriList(what, f, []string{"mailto", "https"})
		default:
			s.checkExtension(what, f)
		}
	}
	if fieldNamed(fields, "rua") == nil {
		s.errorf(0, len(text), Fatal, "no rua field, so senders have nowhere to send reports and ignore the record; add rua=mailto:tls-reports@...")
	}
	rec.Invalid = s.fatal
	return rec, s.sorted()
}
