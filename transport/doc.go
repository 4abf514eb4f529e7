// Package transport parses the small tag-list TXT records a domain
// publishes beside SPF, DKIM and DMARC for how mail reaches it and how it
// is shown: MTA-STS (RFC 8461 §3.1, at _mta-sts.<domain>), SMTP TLS
// Reporting (RFC 8460 §3, at _smtp._tls.<domain>) and BIMI assertion
// records (draft-brand-indicators-for-message-identification, at
// <selector>._bimi.<domain>).
//
// The three formats share one shape, a version tag and then name=value
// fields separated by semicolons, and differ only in their fields, so one
// package with a shared tokenizer reads them all:
//
//	rec, errs := transport.ParseMTASTS("v=STSv1; id=20260301T000000")
//	for _, e := range errs {
//		fmt.Println(e.Start, e.End, e.Level, e.Msg)
//	}
//
// Offsets in errors and fields are bytes into the parsed text, the
// character-strings of one TXT record joined without separators.
package transport
