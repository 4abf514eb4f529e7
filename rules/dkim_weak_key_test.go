package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

// Public keys made with openssl for these tests only.
const (
	rsa512  = "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAOjoZlSGfCWxY186GAvS5O6by0YzqHHVTSs4XhCi20PwH1NXhMCggMH5AYgflPp7yu3H/i+7KfYfB8FF2fvdpJcCAwEAAQ=="
	rsa1024 = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCqTYgZCBdnxQcGaCTuWMp7CUoeUeTKgnXr8tWm5Atz2RPMuIiU/oy3e0bb0/d5gmKNFmL+69dHzRnCUYmLfDx72G0R/RKb4fa1gAHMPPoWblOE3EKLH/8bijRosCxoKCvj+rX3copcb5w2E4NAQSAAXFCigYy8CwwZxgg9WVpQWwIDAQAB"
)

func TestDKIMWeakKey(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []mailWant
	}{
		{
			name: "ed25519",
			zone: `s1._domainkey IN TXT "v=DKIM1; k=ed25519; p=` + edKey + `"`,
		},
		{
			name: "512 bits",
			zone: `s1._domainkey IN TXT "v=DKIM1; k=rsa; p=` + rsa512 + `"`,
			want: []mailWant{{1, 41, 169, lint.Error, `DKIM key s1._domainkey.example.com is RSA 512 bits: verifiers ` +
				`that follow RFC 8301 §3.2, Gmail among them, reject signatures with keys under 1024 bits, so DKIM ` +
				`fails for this selector; publish a 2048-bit key`}},
		},
		{
			name: "1024 bits",
			zone: `s1._domainkey IN TXT "v=DKIM1; p=` + rsa1024 + `"`,
			want: []mailWant{{1, 34, 250, lint.Warning, `DKIM key s1._domainkey.example.com is RSA 1024 bits; ` +
				`RFC 8301 §3.2 wants signers to use at least 2048`}},
		},
		{
			name: "a broken key is left to dkim-syntax",
			zone: `s1._domainkey IN TXT "v=DKIM1; p=AAAA"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMail(t, lintZone(t, tt.zone+"\n", "dkim-weak-key"), tt.want)
		})
	}
}
