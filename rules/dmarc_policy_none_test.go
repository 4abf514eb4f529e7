package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestDMARCPolicyNone(t *testing.T) {
	tests := []struct {
		name  string
		zone  string
		setup func(*lint.State)
		want  []mailWant
	}{
		{
			name: "p=none on a domain that sends nothing",
			zone: `_dmarc IN TXT "v=DMARC1; p=none"`,
		},
		{
			name: "p=none with an SPF record that authorises a provider",
			zone: `@ IN TXT "v=spf1 include:_spf.google.com -all"
_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:d@example.com"`,
			want: []mailWant{{2, 26, 32, lint.Warning, `DMARC for example.com is p=none though the domain sends mail ` +
				`(its SPF record authorises senders): receivers take no action on mail that fails DMARC, so anyone ` +
				`can send as it; move to p=quarantine, then p=reject, once reports show your mail passes`}},
		},
		{
			name: "an SPF record that only says -all is no evidence",
			zone: `@ IN TXT "v=spf1 -all"
_dmarc IN TXT "v=DMARC1; p=none"`,
		},
		{
			name: "p=none with a DKIM key",
			zone: `_dmarc IN TXT "v=DMARC1; p=none"
s1._domainkey IN TXT "v=DKIM1; k=ed25519; p=` + edKey + `"`,
			want: []mailWant{{1, 26, 32, lint.Warning, `(it publishes the DKIM key s1._domainkey.example.com)`}},
		},
		{
			name: "p=none with a DKIM key handed to a provider",
			zone: `_dmarc IN TXT "v=DMARC1; p=none"
s1._domainkey IN CNAME s1.domainkey.u1.wl.sendgrid.net.`,
			want: []mailWant{{1, 26, 32, lint.Warning, `(s1._domainkey.example.com hands its DKIM key to s1.domainkey.u1.wl.sendgrid.net)`}},
		},
		{
			name:  "a sender on the domain",
			zone:  `_dmarc IN TXT "v=DMARC1; p=none"`,
			setup: sender("newsletter", "news@example.com"),
			want:  []mailWant{{1, 26, 32, lint.Warning, `(sender "newsletter" uses the From domain example.com)`}},
		},
		{
			name: "a sender on a subdomain under sp=none",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; sp=none"
mail IN A 192.0.2.1`,
			setup: sender("app", "noreply@mail.example.com"),
			want: []mailWant{{1, 36, 43, lint.Warning, `DMARC for example.com sets sp=none for its subdomains, and they ` +
				`send mail (sender "app" uses the From domain mail.example.com)`}},
		},
		{
			name: "a sender on a subdomain with its own enforcing record",
			zone: `_dmarc IN TXT "v=DMARC1; p=none"
_dmarc.mail IN TXT "v=DMARC1; p=reject"
mail IN A 192.0.2.1`,
			setup: sender("app", "mail.example.com"),
		},
		{
			name: "an invalid p is left to dmarc-syntax",
			zone: `@ IN TXT "v=spf1 mx -all"
_dmarc IN TXT "v=DMARC1; p=nne; rua=mailto:d@example.com"`,
		},
		{
			name: "quarantine is fine",
			zone: `@ IN TXT "v=spf1 mx -all"
_dmarc IN TXT "v=DMARC1; p=quarantine"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := lintZones(t, map[string]string{"example.com": tt.zone + "\n"}, tt.setup, "dmarc-policy-none")
			checkMail(t, fs, tt.want)
		})
	}
}
