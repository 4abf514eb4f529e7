package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestBIMINeedsEnforcement(t *testing.T) {
	const bimi = `default._bimi IN TXT "v=BIMI1; l=https://example.com/logo.svg"` + "\n"
	tests := []struct {
		name string
		zone string
		want []mailWant
	}{
		{
			name: "reject",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject"`,
		},
		{
			name: "quarantine at 100%",
			zone: `_dmarc IN TXT "v=DMARC1; p=quarantine; pct=100"`,
		},
		{
			name: "p=none",
			zone: `_dmarc IN TXT "v=DMARC1; p=none"`,
			want: []mailWant{{1, 1, 63, lint.Warning, `BIMI record default._bimi.example.com is never used: the DMARC ` +
				`policy for example.com is p=none, and mailbox providers show a logo only for domains at DMARC ` +
				`enforcement (p=quarantine or p=reject at full strength); move DMARC to enforcement first`}},
		},
		{
			name: "no DMARC",
			zone: `@ IN TXT "v=spf1 -all"`,
			want: []mailWant{{1, 1, 63, lint.Warning, `no DMARC policy applies to example.com (no DMARC record at _dmarc.example.com or above it)`}},
		},
		{
			name: "testing",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; t=y"`,
			want: []mailWant{{1, 1, 63, lint.Warning, `the DMARC record for example.com says t=y, so receivers apply quarantine`}},
		},
		{
			name: "pct below 100",
			zone: `_dmarc IN TXT "v=DMARC1; p=quarantine; pct=50"`,
			want: []mailWant{{1, 1, 63, lint.Warning, `the DMARC record for example.com says pct=50`}},
		},
		{
			name: "sp=none",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; sp=none"`,
			want: []mailWant{{1, 1, 63, lint.Warning, `the DMARC record at _dmarc.example.com says sp=none`}},
		},
		{
			name: "declined BIMI needs nothing",
			zone: `_dmarc IN TXT "v=DMARC1; p=none"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			zone := bimi + tt.zone + "\n"
			if tt.name == "declined BIMI needs nothing" {
				zone = `default._bimi IN TXT "v=BIMI1; l=; a="` + "\n" + tt.zone + "\n"
			}
			checkMail(t, lintZone(t, zone, "bimi-needs-enforcement"), tt.want)
		})
	}
}

func TestBIMINeedsEnforcementSubdomain(t *testing.T) {
	// The subdomain's own record enforces, but the organizational
	// domain's record says sp=none, which BIMI refuses too.
	zone := `_dmarc IN TXT "v=DMARC1; p=reject; sp=none"
_dmarc.brand IN TXT "v=DMARC1; p=reject"
default._bimi.brand IN TXT "v=BIMI1; l=https://example.com/logo.svg"
`
	checkMail(t, lintZone(t, zone, "bimi-needs-enforcement"), []mailWant{{3, 1, 69, lint.Warning,
		`BIMI record default._bimi.brand.example.com is never used: the DMARC record of the organizational domain example.com says sp=none`}})
}
