package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestDKIMSyntax(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []mailWant
	}{
		{
			name: "valid",
			zone: `s1._domainkey IN TXT "v=DKIM1; k=ed25519; p=` + edKey + `"`,
		},
		{
			name: "base64url in the key",
			zone: `s1._domainkey IN TXT "v=DKIM1; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC-abc"`,
			want: []mailWant{{1, 73, 74, lint.Error, `DKIM key s1._domainkey.example.com: p= holds "-", a base64url ` +
				`character; DKIM keys use standard base64 (+ and /), so verifiers cannot decode this key`}},
		},
		{
			name: "no p",
			zone: `s1._domainkey IN TXT "v=DKIM1; k=rsa"`,
			want: []mailWant{{1, 23, 37, lint.Error, `no p= tag: verifiers find no key, so signatures with this selector fail`}},
		},
		{
			name: "a revoked key is deliberate",
			zone: `old._domainkey IN TXT "v=DKIM1; p="`,
		},
		{
			name: "wrong key type for the key",
			zone: `s1._domainkey IN TXT "v=DKIM1; k=ed25519; p=MCowBQYDK2VwAyEA9Z3Blh3hZIjwpM1zwInl1TR3vuWueLoedj7a2yLVQGc="`,
			want: []mailWant{{1, 45, 105, lint.Error, `p= holds a SubjectPublicKeyInfo; RFC 8463 §4.2 wants the bare 32-byte Ed25519 key`}},
		},
		{
			name: "upper-case tag names and sha1 only",
			zone: `s1._domainkey IN TXT "v=DKIM1; h=sha1; K=ed25519; p=` + edKey + `"`,
			want: []mailWant{
				{1, 34, 38, lint.Error, `h= allows only sha1, which verifiers must not accept (RFC 8301 §3.1)`},
				{1, 40, 41, lint.Warning, `tag names are case-sensitive (RFC 6376 §3.2): verifiers do not read "K" as "k"`},
				{1, 53, 97, lint.Error, `p= holds 32 bytes, the size of a bare Ed25519 key, but the key type is rsa; add k=ed25519`},
			},
		},
		{
			name: "a key split over two strings keeps positions",
			zone: `s1._domainkey IN TXT "v=DKIM1; k=ed25519; " "t=x; p=` + edKey + `"`,
			want: []mailWant{{1, 48, 49, lint.Notice, `unknown flag "x" in t=`}},
		},
		{
			name: "two key records at one selector",
			zone: `s1._domainkey IN TXT "v=DKIM1; k=ed25519; p=` + edKey + `"
s1._domainkey IN TXT "v=DKIM1; k=ed25519; p=` + edKey + `"`,
			want: []mailWant{{2, 1, 90, lint.Warning, `s1._domainkey.example.com has 2 TXT records; verifiers may use any one of them`}},
		},
		{
			name: "a key at the apex",
			zone: `@ IN TXT "v=DKIM1; k=ed25519; p=` + edKey + `"`,
			want: []mailWant{{1, 1, 78, lint.Error, `DKIM key record at example.com is never found: verifiers look up keys at ` +
				`<selector>._domainkey.<domain>, such as s1._domainkey.example.com; move it there`}},
		},
		{
			name: "a key without a selector",
			zone: `_domainkey IN TXT "v=DKIM1; k=ed25519; p=` + edKey + `"`,
			want: []mailWant{{1, 1, 87, lint.Error, `DKIM key record at _domainkey.example.com has no selector`}},
		},
		{
			name: "a key under domainkey without the underscore",
			zone: `s1.domainkey IN TXT "v=DKIM1; k=ed25519; p=` + edKey + `"`,
			want: []mailWant{{1, 1, 89, lint.Error, `the label is "_domainkey", with an underscore; verifiers look it up at s1._domainkey.example.com`}},
		},
		{
			name: "a key whose name repeats the origin",
			zone: `s1._domainkey.example.com IN TXT "v=DKIM1; k=ed25519; p=` + edKey + `"`,
			want: []mailWant{{1, 1, 102, lint.Error, `DKIM key record at s1._domainkey.example.com.example.com is never found: ` +
				`the name repeats the zone origin`}},
		},
		{
			name: "other TXT records are left alone",
			zone: `@ IN TXT "v=spf1 -all"
_domainkey IN TXT "o=-"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMail(t, lintZone(t, tt.zone+"\n", "dkim-syntax"), tt.want)
		})
	}
}
