package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestDMARCReportUnauthorized(t *testing.T) {
	tests := []struct {
		name  string
		zones map[string]string
		want  []mailWant
	}{
		{
			name:  "reports to the domain itself",
			zones: map[string]string{"example.com": `_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:d@example.com"`},
		},
		{
			name:  "reports to a subdomain of the same organization",
			zones: map[string]string{"example.com": `_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:d@reports.example.com"`},
		},
		{
			name: "reports to a declared domain that authorises them",
			zones: map[string]string{
				"example.com": `_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:d@example.net"`,
				"example.net": `example.com._report._dmarc IN TXT "v=DMARC1"`,
			},
		},
		{
			name: "reports to a declared domain with a wildcard authorization",
			zones: map[string]string{
				"example.com": `_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:d@example.net"`,
				"example.net": `*._report._dmarc IN TXT "v=DMARC1;"`,
			},
		},
		{
			name: "reports to a declared domain that does not authorise them",
			zones: map[string]string{
				"example.com": `_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:d@example.net; ruf=mailto:f@example.com"`,
				"example.net": `example.org._report._dmarc IN TXT "v=DMARC1"`,
			},
			want: []mailWant{{1, 40, 60, lint.Warning, `DMARC reports for example.com go to "mailto:d@example.net" at ` +
				`another organization, but no TXT record "v=DMARC1" is declared at example.com._report._dmarc.example.net, ` +
				`so receivers drop them (RFC 7489 §7.1); publish one there`}},
		},
		{
			name: "an authorization record that is not DMARC",
			zones: map[string]string{
				"example.com": `_dmarc IN TXT "v=DMARC1; p=none; ruf=mailto:f@example.net"`,
				"example.net": `example.com._report._dmarc IN TXT "ok"`,
			},
			want: []mailWant{{1, 38, 58, lint.Warning, `no TXT record "v=DMARC1" is declared at example.com._report._dmarc.example.net`}},
		},
		{
			name:  "reports to a domain sendlint cannot see",
			zones: map[string]string{"example.com": `_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:d@reports.example.org"`},
			want: []mailWant{{1, 40, 68, lint.Notice, `DMARC reports for example.com go to "mailto:d@reports.example.org" at ` +
				`another organization; receivers send them only if reports.example.org publishes a TXT record "v=DMARC1" at ` +
				`example.com._report._dmarc.reports.example.org, which sendlint cannot see offline`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			zones := map[string]string{}
			for k, v := range tt.zones {
				zones[k] = v + "\n"
			}
			checkMail(t, lintZones(t, zones, nil, "dmarc-report-unauthorized"), tt.want)
		})
	}
}
