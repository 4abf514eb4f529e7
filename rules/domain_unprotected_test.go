package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestDomainUnprotected(t *testing.T) {
	tests := []struct {
		name  string
		zone  string
		setup func(*lint.State)
		want  []mailWant
	}{
		{
			name: "a parked domain with no mail records",
			zone: `@ IN A 192.0.2.1`,
			want: []mailWant{{1, 1, 0, lint.Notice, `example.com sends and receives no mail but publishes neither ` +
				`"v=spf1 -all" nor a DMARC p=reject, so receivers have nothing to refuse mail forged in its name with`}},
		},
		{
			name: "a null MX alone does not protect it",
			zone: `@ IN MX 0 .`,
			want: []mailWant{{1, 1, 0, lint.Notice, `example.com sends and receives no mail`}},
		},
		{
			name: "v=spf1 -all",
			zone: `@ IN TXT "v=spf1 -all"`,
		},
		{
			name: "DMARC p=reject",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject"`,
		},
		{
			name: "DMARC p=reject in testing is not enough",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; t=y"`,
			want: []mailWant{{1, 1, 0, lint.Notice, `sends and receives no mail`}},
		},
		{
			name: "~all is not enough",
			zone: `@ IN TXT "v=spf1 ~all"`,
			want: []mailWant{{1, 1, 0, lint.Notice, `sends and receives no mail`}},
		},
		{
			name: "a domain that receives mail",
			zone: `@ IN MX 10 mx.example.net.`,
		},
		{
			name: "a domain whose SPF authorises a sender",
			zone: `@ IN TXT "v=spf1 ip4:192.0.2.1 ~all"`,
		},
		{
			name:  "a domain a sender uses",
			zone:  `@ IN A 192.0.2.1`,
			setup: sender("app", "noreply@mail.example.com"),
		},
		{
			name: "a subdomain's SPF record shows the zone sends mail",
			zone: `bounce IN TXT "v=spf1 include:mailgun.org ~all"`,
		},
		{
			name: "a DKIM key shows the zone sends mail",
			zone: `s1._domainkey IN CNAME s1.domainkey.u1.wl.sendgrid.net.`,
		},
		{
			name: "revoked DKIM keys are what a parked domain publishes",
			zone: `*._domainkey IN TXT "v=DKIM1; p="`,
			want: []mailWant{{1, 1, 0, lint.Notice, `sends and receives no mail`}},
		},
		{
			name: "a broken SPF record may have meant to send",
			zone: `@ IN TXT "v=spf1 incude:_spf.example.net -all"`,
		},
		{
			name: "a DMARC policy sendlint cannot see",
			zone: `_dmarc IN CNAME example.com.dmarc.provider.example.net.`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := lintZones(t, map[string]string{"example.com": tt.zone + "\n"}, tt.setup, "domain-unprotected")
			checkMail(t, fs, tt.want)
		})
	}
}
