package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "dkim-weak-key",
	Severity: lint.Error,
	Summary:  "an RSA DKIM key is too short: an error below 1024 bits, a warning below 2048",
	Explanation: `RFC 8301 §3.2 says verifiers must not accept signatures made with RSA keys
shorter than 1024 bits, and that signers should use at least 2048 bits.
Gmail and the other large mailbox providers follow it: a 512- or 768-bit
key makes every signature fail, so DKIM fails and DMARC can only pass
through SPF. 1024-bit keys still verify, but they are within reach of a
well-funded attacker, who could then sign mail as your domain.

Generate a 2048-bit key (openssl genpkey -algorithm RSA -pkeyopt
rsa_keygen_bits:2048), publish it under a new selector, switch the signer
to it, and remove the old record once no mail signed with it is in
transit. A 2048-bit key does not fit in one TXT string of 255 bytes:
split it into several strings in the same record.`,
	Bad:   `s1._domainkey  IN  TXT  "v=DKIM1; k=rsa; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAOjoZlSGfCWxY186GAvS5O6by0YzqHHVTSs4XhCi20PwH1NXhMCggMH5AYgflPp7yu3H/i+7KfYfB8FF2fvdpJcCAwEAAQ=="`,
	Good:  `s1._domainkey  IN  TXT  "v=DKIM1; k=ed25519; p=9Z3Blh3hZIjwpM1zwInl1TR3vuWueLoedj7a2yLVQGc="`,
	Check: checkDKIMWeakKey,
})

func checkDKIMWeakKey(pass *lint.Pass) {
	for _, k := range dkimTXTs(pass.State) {
		bits := k.Parsed.Bits
		if bits == 0 || bits >= 2048 {
			continue
		}
		p := k.Parsed.Tag("p")
		f := lint.Finding{Domain: k.Domain, Range: k.rangeOf(p.ValueStart, p.ValueEnd)}
		if bits < 1024 {
			f.Message = fmt.Sprintf("DKIM key %s is RSA %d bits: verifiers that follow RFC 8301 §3.2, Gmail among "+
				"them, reject signatures with keys under 1024 bits, so DKIM fails for this selector; publish a 2048-bit key",
				k.Name, bits)
		} else {
			f.Severity = lint.Warning
			f.Message = fmt.Sprintf("DKIM key %s is RSA %d bits; RFC 8301 §3.2 wants signers to use at least 2048, "+
				"and shorter keys are within reach of factoring; rotate to a 2048-bit key under a new selector", k.Name, bits)
		}
		pass.Report(f)
	}
}
