package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestBIMISyntax(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []mailWant
	}{
		{
			name: "valid",
			zone: `default._bimi IN TXT "v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem"`,
		},
		{
			name: "declined",
			zone: `default._bimi IN TXT "v=BIMI1; l=; a="`,
		},
		{
			name: "http and png",
			zone: `default._bimi IN TXT "v=BIMI1; l=http://example.com/logo.png"`,
			want: []mailWant{{1, 34, 61, lint.Error, `BIMI record default._bimi.example.com: the indicator is fetched ` +
				`over HTTPS only, but l= is a http: URI; receivers ignore the record`}},
		},
		{
			name: "png over https",
			zone: `brand._bimi IN TXT "v=BIMI1; l=https://example.com/logo.png"`,
			want: []mailWant{{1, 32, 60, lint.Error, `BIMI record brand._bimi.example.com: the indicator is a .png file`}},
		},
		{
			name: "lower-case version",
			zone: `default._bimi IN TXT "v=bimi1; l=https://example.com/logo.svg"`,
			want: []mailWant{{1, 25, 30, lint.Error, `version "bimi1" is not "BIMI1" exactly`}},
		},
		{
			name: "two records",
			zone: `default._bimi IN TXT "v=BIMI1; l=https://example.com/a.svg"
default._bimi IN TXT "v=BIMI1; l=https://example.com/b.svg"`,
			want: []mailWant{{2, 1, 60, lint.Error, `default._bimi.example.com has 2 BIMI records, so receivers show no logo; keep one`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMail(t, lintZone(t, tt.zone+"\n", "bimi-syntax"), tt.want)
		})
	}
}
