package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestSPFPtr(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []findingWant
	}{
		{
			name: "bare ptr",
			zone: `@ IN TXT "v=spf1 ptr -all"`,
			want: []findingWant{{1, 18, lint.Warning, "example.com uses the deprecated ptr mechanism (RFC 7208 §5.5): " +
				"it costs a DNS lookup and some receivers skip it, so mail it alone authorises can fail SPF; " +
				"list your sending servers with ip4, ip6 or a instead"}},
		},
		{
			name: "ptr with a domain and a qualifier, twice",
			zone: `mail IN TXT "v=spf1 mx ?ptr:example.org ptr -all"`,
			want: []findingWant{
				{1, 24, lint.Warning, `list the servers under "example.org" with ip4, ip6 or a instead`},
				{1, 41, lint.Warning, "mail.example.com uses the deprecated ptr mechanism"},
			},
		},
		{
			name: "no ptr",
			zone: `@ IN TXT "v=spf1 mx a:ptr.example.com include:ptr.example.net -all"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFindings(t, lintZone(t, tt.zone+"\n", "spf-ptr"), tt.want)
		})
	}
}
