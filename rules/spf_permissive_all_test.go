package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestSPFPermissiveAll(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []findingWant
		fix  string
	}{
		{
			name: "+all",
			zone: `@ IN TXT "v=spf1 include:_spf.google.com +all"`,
			want: []findingWant{{1, 42, lint.Error, `"+all" authorises every server on the internet to send as ` +
				`example.com, so SPF passes for anyone who forges it; end the record with "~all" or "-all"`}},
			fix: `"v=spf1 include:_spf.google.com ~all"`,
		},
		{
			name: "bare all",
			zone: `@ IN TXT "v=spf1 mx all"`,
			want: []findingWant{{1, 21, lint.Error, `"all" authorises every server`}},
			fix:  `"v=spf1 mx ~all"`,
		},
		{
			name: "?all is a warning",
			zone: `mail IN TXT "v=spf1 a ?all"`,
			want: []findingWant{{1, 23, lint.Warning, `"?all" gives neutral for servers the record does not list`}},
			fix:  `"v=spf1 a ~all"`,
		},
		{
			name: "no all and no redirect is a warning",
			zone: `@ IN TXT "v=spf1 ip4:192.0.2.0/24"`,
			want: []findingWant{{1, 11, lint.Warning, `the SPF record of example.com has no "all" and no redirect`}},
			fix:  `"v=spf1 ip4:192.0.2.0/24 ~all"`,
		},
		{
			name: "the first all decides",
			zone: `@ IN TXT "v=spf1 mx -all +all"`,
		},
		{
			name: "redirect without all, ~all, -all",
			zone: "@ IN TXT \"v=spf1 redirect=_spf.example.com\"\n_spf IN TXT \"v=spf1 mx ~all\"\n" +
				"www IN TXT \"v=spf1 -all\"",
		},
		{
			name: "a record that does not parse is left to spf-syntax",
			zone: `@ IN TXT "v=spf1 mx -alll"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintZone(t, tt.zone+"\n", "spf-permissive-all")
			checkFindings(t, got, tt.want)
			if tt.fix != "" && (got[0].Fix == nil || got[0].Fix.Replacement != tt.fix) {
				t.Errorf("fix = %+v, want replacement %s", got[0].Fix, tt.fix)
			}
		})
	}
}
