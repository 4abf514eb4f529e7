package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestSPFVoidLookups(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []findingWant
	}{
		{
			name: "three void terms, one in an included record",
			zone: `@ IN TXT "v=spf1 a:gone.example.com mx:nomx.example.com include:_spf.example.com a:ok.example.com -all"
nomx IN A 192.0.2.1
ok IN AAAA 2001:db8::1
_spf IN TXT "v=spf1 exists:nothing.example.com ~all"`,
			want: []findingWant{{1, 1, lint.Error, "SPF for example.com makes 3 void lookups, queries that return no records " +
				"(a:gone.example.com: NXDOMAIN, mx:nomx.example.com: no MX records, exists:nothing.example.com in " +
				"_spf.example.com: NXDOMAIN); receivers allow 2 and return permerror after that, so SPF fails for all " +
				"mail from example.com; remove the terms that name hosts without records"}},
		},
		{
			name: "a name that exists without addresses is void",
			zone: `@ IN TXT "v=spf1 a a:empty.example.com a:gone.example.com ip4:192.0.2.0/24 -all"
empty IN TXT "not an address"`,
			want: []findingWant{{1, 1, lint.Error, "(a: no A or AAAA records, a:empty.example.com: no A or AAAA records, a:gone.example.com: NXDOMAIN)"}},
		},
		{
			name: "two are allowed",
			zone: `@ IN TXT "v=spf1 a:gone.example.com a:gone2.example.com -all"`,
		},
		{
			name: "terms with macros and names offline are not checked",
			zone: `@ IN TXT "v=spf1 exists:%{i}.a.example.com exists:%{i}.b.example.com a:mail.example.net a:gone.example.com -all"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFindings(t, lintZone(t, tt.zone+"\n", "spf-void-lookups"), tt.want)
		})
	}
}
