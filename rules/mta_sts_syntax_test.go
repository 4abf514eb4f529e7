package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestMTASTSSyntax(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []mailWant
	}{
		{
			name: "valid with its policy host",
			zone: `_mta-sts IN TXT "v=STSv1; id=20260301"
mta-sts IN A 192.0.2.10`,
		},
		{
			name: "policy host by CNAME",
			zone: `_mta-sts IN TXT "v=STSv1; id=20260301"
mta-sts IN CNAME mta-sts.provider.example.net.`,
		},
		{
			name: "bad id",
			zone: `_mta-sts IN TXT "v=STSv1; id=2026-03-01"
mta-sts IN A 192.0.2.10`,
			want: []mailWant{{1, 30, 40, lint.Error, `MTA-STS record for example.com: id "2026-03-01" holds "-", but an id ` +
				`is letters and digits only, so senders ignore the record and use no MTA-STS policy`}},
		},
		{
			name: "no id, no host check",
			zone: `_mta-sts IN TXT "v=STSv1;"`,
			want: []mailWant{{1, 18, 26, lint.Error, `no id field: senders need it to notice a new policy (RFC 8461 §3.1)`}},
		},
		{
			name: "space before the semicolon",
			zone: `_mta-sts IN TXT "v=STSv1 ; id=1"
mta-sts IN AAAA 2001:db8::10`,
			want: []mailWant{{1, 25, 26, lint.Warning, `space after "v=STSv1": senders pick the record by its prefix "v=STSv1;"`}},
		},
		{
			name: "policy host missing",
			zone: `_mta-sts IN TXT "v=STSv1; id=1"`,
			want: []mailWant{{1, 1, 32, lint.Warning, `MTA-STS for example.com: senders fetch the policy from ` +
				`https://mta-sts.example.com/.well-known/mta-sts.txt, but mta-sts.example.com has no A or AAAA record`}},
		},
		{
			name: "two records",
			zone: `_mta-sts IN TXT "v=STSv1; id=1"
_mta-sts IN TXT "v=STSv1; id=2"
mta-sts IN A 192.0.2.10`,
			want: []mailWant{{2, 1, 32, lint.Error, `_mta-sts.example.com has 2 MTA-STS records, so senders use no ` +
				`MTA-STS policy (RFC 8461 §3.1); keep one`}},
		},
		{
			name: "unrelated TXT is left alone",
			zone: `_mta-sts IN TXT "hello"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMail(t, lintZone(t, tt.zone+"\n", "mta-sts-syntax"), tt.want)
		})
	}
}
