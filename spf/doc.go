// Package spf parses Sender Policy Framework records (RFC 7208) into a
// syntax tree that linters and the check_host() evaluator share, and
// expands the macro strings in them (RFC 7208 §7).
//
// A record is the concatenation of the character-strings of one TXT record
// (RFC 7208 §3.3). [IsSPF] tells whether such a text is an SPF record at
// all (§4.5); [Parse] turns it into a [Record] of [Term] values and reports
// every syntax error with the byte offsets of the text it is about, so that
// a message can point at the exact term:
//
//	rec, errs := spf.Parse("v=spf1 include:_spf.example.net -all")
//	for _, e := range errs {
//		fmt.Println(e.Start, e.End, e.Msg)
//	}
//	for _, t := range rec.Mechanisms {
//		fmt.Println(t.Qualifier, t.Kind, t.Lookup())
//	}
//
// The package does no DNS. Macro expansion takes the facts of one SMTP
// transaction through the [Env] interface.
package spf
