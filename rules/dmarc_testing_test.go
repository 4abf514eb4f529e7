package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestDMARCTesting(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []mailWant
	}{
		{
			name: "fully applied",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; pct=100"`,
		},
		{
			name: "t=y on reject",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; t=y"`,
			want: []mailWant{{1, 36, 39, lint.Warning, `DMARC for example.com says t=y, so receivers apply quarantine ` +
				`where the record asks for reject (RFC 9989 §4.7); remove t=y once reports show your mail passes DMARC`}},
		},
		{
			name: "t=y on quarantine",
			zone: `_dmarc IN TXT "v=DMARC1; t=y; p=quarantine"`,
			want: []mailWant{{1, 26, 29, lint.Warning, `receivers apply no policy where the record asks for quarantine`}},
		},
		{
			name: "t=y has no effect on p=none",
			zone: `_dmarc IN TXT "v=DMARC1; p=none; t=y"`,
		},
		{
			name: "t=y with an enforcing sp",
			zone: `_dmarc IN TXT "v=DMARC1; p=none; sp=reject; t=y"`,
			want: []mailWant{{1, 45, 48, lint.Warning, `receivers apply quarantine where the record asks for reject`}},
		},
		{
			name: "pct below 100",
			zone: `_dmarc IN TXT "v=DMARC1; p=quarantine; pct=25"`,
			want: []mailWant{{1, 40, 46, lint.Warning, `DMARC for example.com says pct=25: RFC 7489 receivers apply ` +
				`quarantine to 25% of failing mail and RFC 9989 receivers, which removed pct, to all of it`}},
		},
		{
			name: "an ignored record says nothing",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; t=y; t=n"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMail(t, lintZone(t, tt.zone+"\n", "dmarc-testing"), tt.want)
		})
	}
}
