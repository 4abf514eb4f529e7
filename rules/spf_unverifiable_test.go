package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestSPFUnverifiable(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []findingWant
	}{
		{
			name: "an include outside the declared zones and the snapshot",
			zone: `@ IN TXT "v=spf1 include:sendgrid.net include:spf.mailer.example.net -all"`,
			want: []findingWant{{1, 39, lint.Notice, `"include:spf.mailer.example.net" names spf.mailer.example.net, ` +
				`which is not known offline: outside the declared zones and not in sendlint's snapshot of provider ` +
				`records (`}},
		},
		{
			name: "an include with macros",
			zone: `@ IN TXT "v=spf1 include:%{ir}.%{v}._spf.example.com exists:%{i}._ok.example.com -all"`,
			want: []findingWant{{1, 18, lint.Notice, `"include:%{ir}.%{v}._spf.example.com" has macros, so its ` +
				`target depends on each message and cannot be followed ahead of time; lookups through it are not ` +
				`counted, so the counts of domains that include it are lower bounds`}},
		},
		{
			name: "declared and snapshot includes are followed",
			zone: `@ IN TXT "v=spf1 include:_spf.example.com include:amazonses.com -all"
_spf IN TXT "v=spf1 ip4:192.0.2.0/24 ~all"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFindings(t, lintZone(t, tt.zone+"\n", "spf-unverifiable"), tt.want)
		})
	}
}

// TestSPFUnverifiableOnline checks a lookup that failed in live DNS.
func TestSPFUnverifiableOnline(t *testing.T) {
	dns := fakeDNS{fail: map[string]bool{"spf.provider.example": true}}
	fs := lintZoneWith(t, `@ IN TXT "v=spf1 include:spf.provider.example -all"`+"\n", dns, "spf-unverifiable")
	checkFindings(t, fs, []findingWant{{1, 18, lint.Notice,
		`"include:spf.provider.example" names spf.provider.example, which cannot be looked up: the server answered SERVFAIL`}})
}
