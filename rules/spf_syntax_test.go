package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestSPFSyntax(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []findingWant
		fix  string
	}{
		{
			name: "unknown mechanism with a suggestion",
			zone: `@ IN TXT "v=spf1 incude:_spf.google.com -all"`,
			want: []findingWant{{1, 18, lint.Error,
				`unknown mechanism "incude"; did you mean "include"? receivers return permerror for the SPF record of example.com`}},
			fix: `"v=spf1 include:_spf.google.com -all"`,
		},
		{
			name: "CIDR length over 32",
			zone: `@ IN TXT "v=spf1 ip4:192.0.2.0/33 -all"`,
			want: []findingWant{{1, 31, lint.Error, "ip4 CIDR length 33 is over 32; receivers return permerror"}},
		},
		{
			name: "error in the second string of a record",
			zone: `@ IN TXT "v=spf1 include:a.example.com " "ip4:192.0.2.1/40 -all"`,
			want: []findingWant{{1, 56, lint.Error, "ip4 CIDR length 40 is over 32"}},
		},
		{
			name: "error on the second line of a record in parentheses",
			zone: "@ IN TXT ( \"v=spf1 mx\"\n           \" exp=%{q}.example.com\" )",
			want: []findingWant{{2, 18, lint.Error, `macro "%{q}": unknown macro letter "q"`}},
		},
		{
			name: "every error of a record",
			zone: `mail IN TXT "v=spf1 a:museum exp=x.example.com exp=y.example.com"`,
			want: []findingWant{
				{1, 23, lint.Error, `domain "museum" has no top-level label`},
				{1, 48, lint.Error, `second "exp" modifier; a record may have only one (RFC 7208 §6); receivers return permerror`},
			},
		},
		{
			name: "quotes left around the value",
			zone: `@ IN TXT "\"v=spf1 include:_spf.google.com ~all\""`,
			want: []findingWant{{1, 11, lint.Error,
				`text "\"" before "v=spf1"; receivers take a TXT record as SPF only when it starts with "v=spf1" ` +
					`and a space, so they ignore this one and example.com publishes no SPF record`}},
			fix: `"v=spf1 include:_spf.google.com ~all"`,
		},
		{
			name: "v=spf1 glued to a mechanism",
			zone: `@ IN TXT "v=spf1a -all"`,
			want: []findingWant{{1, 11, lint.Error, `"v=spf1" is followed by "a" instead of a space`}},
		},
		{
			name: "a near miss beside a valid record",
			zone: "@ IN TXT \"v=spf1 -all\"\n@ IN TXT \"spf1 mx\"",
			want: []findingWant{{2, 11, lint.Error, `"spf1" lacks "v="; receivers take a TXT record as SPF only ` +
				`when it starts with "v=spf1" and a space, so they ignore this one`}},
		},
		{
			name: "valid records and other TXT records",
			zone: "@ IN TXT \"v=spf1 include:_spf.google.com ip6:2001:db8::/32 ~all\"\n" +
				"@ IN TXT \"google-site-verification=abc\"\n" +
				"_dmarc IN TXT \"v=DMARC1; p=reject\"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintZone(t, tt.zone+"\n", "spf-syntax")
			checkFindings(t, got, tt.want)
			if tt.fix != "" && (got[0].Fix == nil || got[0].Fix.Replacement != tt.fix) {
				t.Errorf("fix = %+v, want replacement %s", got[0].Fix, tt.fix)
			}
		})
	}
}
