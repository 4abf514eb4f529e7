package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestDMARCDeprecatedTag(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []mailWant
		fix  string
	}{
		{
			name: "none",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; t=y"`,
		},
		{
			name: "pct=0 becomes t=y",
			zone: `_dmarc IN TXT "v=DMARC1; p=quarantine; pct=0"`,
			want: []mailWant{{1, 40, 45, lint.Notice, `DMARC record for example.com: pct was removed by RFC 9989: receivers ` +
				`that follow it apply the policy to all failing mail, while RFC 7489 receivers apply it to 0%; ` +
				`replace pct=0 with t=y, its RFC 9989 successor`}},
			fix: `"v=DMARC1; p=quarantine; t=y"`,
		},
		{
			name: "pct=100 is removed",
			zone: `_dmarc IN TXT "v=DMARC1; pct=100; p=reject"`,
			want: []mailWant{{1, 26, 33, lint.Notice, `pct=100 was the default of RFC 7489 anyway`}},
			fix:  `"v=DMARC1; p=reject"`,
		},
		{
			name: "rf, ri and a size suffix",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; rf=afrf; ri=3600; rua=mailto:d@example.com!10m"`,
			want: []mailWant{
				{1, 36, 43, lint.Notice, `rf (failure report format) was removed by RFC 9989`},
				{1, 45, 52, lint.Notice, `ri was removed by RFC 9989: receivers send aggregate reports daily whatever it says`},
				{1, 78, 82, lint.Notice, `size limit "!10m" is obsolete in RFC 9989: reporters ignore it`},
			},
			fix: `"v=DMARC1; p=reject; ri=3600; rua=mailto:d@example.com!10m"`,
		},
		{
			name: "a bad pct value",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; pct=half"`,
			want: []mailWant{{1, 36, 44, lint.Notice, `pct value "half" is not a whole number from 0 to 100`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := lintZone(t, tt.zone+"\n", "dmarc-deprecated-tag")
			checkMail(t, fs, tt.want)
			if tt.fix == "" {
				return
			}
			if fs[0].Fix == nil || fs[0].Fix.Replacement != tt.fix {
				t.Errorf("fix = %+v, want %s", fs[0].Fix, tt.fix)
			}
		})
	}
}
