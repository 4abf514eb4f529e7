package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "txt-string-too-long",
	Severity: lint.Error,
	Summary:  "a TXT character-string over 255 bytes",
	Explanation: `The data of a TXT record is a sequence of character-strings, each a length
byte and at most 255 bytes (RFC 1035 §3.3). A longer value, typically a
DKIM public key of 2048 bits or more, must be written as several strings;
readers of DKIM keys (RFC 6376 §3.6.2.2) and SPF records (RFC 7208 §3.3)
join them without separators. A string over 255 bytes cannot be put on
the wire: name servers refuse to load the zone, and DNS providers reject
the change, so the record, and any key or policy in it, is not published.

In a zone file, write the value as several quoted strings on one line or
inside parentheses: "first 255 bytes" "rest". In Terraform for Route 53,
a record value is one string in which \"\" separates the
character-strings: "first 255 bytes\"\"rest". SPF records are reported by
spf-record-length instead, so that one problem gives one finding.`,
	Bad: `s1._domainkey  IN  TXT  "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArkwU2yLkNJgziQp446M6prYpyQXSilqaKurNTn1bI0donbzGnyw9xVVbv6lmOZ6IO+R/LmJplvIIdymwc/jNFVAJLkZntZk+kt83WfqGuqJl+TLNfZV38gpt1ATgOTtF7hCFRXnYAk16CuY46OKzzcsw4KUI4795NqHWz5ZEKad1dNpAZDX1l8Fa5Y9ozfEGtC+/AZGor2Xkyr4o6g1rNnt/VXlPdbGLQZWB1pVT5qB8afh3QKPSer4wCeHXOYgkThTvSfV88IVZznVtYNJPKVGzCzn5e6+a60Q5mf/cbjz8RfDTCrfk02vqrxaeF0UaiCobFPf2Xf/6PFCOwo74yQIDAQAB"`,
	Good: `s1._domainkey  IN  TXT  ( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArkwU2yLkNJgziQp446M6prYpyQXSilqaKurNTn1bI0donbzGnyw9xVVbv6lmOZ6IO+R/LmJplvIIdymwc/jNFVAJLkZntZk+kt83WfqGuqJl+TLNfZV38gpt1ATgOTtF7hCFRXnYAk16CuY46OKzzcsw4KUI4795NqHWz5ZEKad1dNpAZDX1l8Fa5Y9ozfEGt"
                           "C+/AZGor2Xkyr4o6g1rNnt/VXlPdbGLQZWB1pVT5qB8afh3QKPSer4wCeHXOYgkThTvSfV88IVZznVtYNJPKVGzCzn5e6+a60Q5mf/cbjz8RfDTCrfk02vqrxaeF0UaiCobFPf2Xf/6PFCOwo74yQIDAQAB" )`,
	Check: checkTXTStringTooLong,
})

func checkTXTStringTooLong(pass *lint.Pass) {
	for _, name := range pass.State.Names() {
		for _, r := range pass.State.Records(name, lint.TypeTXT) {
			if r.Unknown || spf.IsSPF(r.Joined()) {
				continue
			}
			reportLongTXT(pass, name, r)
		}
	}
}

// reportLongTXT reports each string of r over 255 bytes.
func reportLongTXT(pass *lint.Pass, name string, r *lint.Record) {
	off := 0
	for _, s := range r.Text {
		n := len(s.Value)
		if n > maxString {
			pass.Report(lint.Finding{
				Domain: name,
				Range:  r.RangeAt(off, off+n),
				Message: fmt.Sprintf("a TXT string at %s is %d bytes; DNS cannot carry a string over %d, so the record "+
					"is not published; split the value into several quoted strings of at most %d bytes, which readers "+
					`join back (Route 53 and Terraform: separate the parts with \"\" inside the value)`,
					name, n, maxString, maxString),
				Fix: txtFix(r, "Split the value into strings of at most 255 bytes", r.Joined()),
			})
		}
		off += n
	}
}
