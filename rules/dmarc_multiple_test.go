package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestDMARCMultiple(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []mailWant
	}{
		{
			name: "one record",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject"`,
		},
		{
			name: "two records at the apex",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject"
_dmarc IN TXT "v=DMARC1; p=none"`,
			want: []mailWant{{2, 1, 33, lint.Error, `_dmarc.example.com has 2 DMARC records; receivers discard them all, ` +
				`so mail from example.com has no DMARC policy at all; keep one record`}},
		},
		{
			name: "two records at a subdomain fall back to the organizational domain",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; sp=quarantine"
news IN A 192.0.2.1
_dmarc.news IN TXT "v=DMARC1; p=none"
_dmarc.news IN TXT "v=DMARC1; p=none"
_dmarc.news IN TXT "v=DMARC1; p=none"`,
			want: []mailWant{
				{4, 1, 38, lint.Error, `_dmarc.news.example.com has 3 DMARC records; receivers discard them all, so mail from ` +
					`news.example.com falls under the record of example.com (sp=quarantine)`},
				{5, 1, 38, lint.Error, `has 3 DMARC records`},
			},
		},
		{
			name: "only records that start with v=DMARC1 count",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject"
_dmarc IN TXT "p=none; v=DMARC1"
_dmarc IN TXT "some-verification=xyz"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMail(t, lintZone(t, tt.zone+"\n", "dmarc-multiple"), tt.want)
		})
	}
}
