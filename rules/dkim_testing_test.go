package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestDKIMTesting(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []mailWant
		fix  string
	}{
		{
			name: "not testing",
			zone: `s1._domainkey IN TXT "v=DKIM1; k=ed25519; t=s; p=` + edKey + `"`,
		},
		{
			name: "t=y",
			zone: `s1._domainkey IN TXT "v=DKIM1; k=ed25519; t=y; p=` + edKey + `"`,
			want: []mailWant{{1, 43, 46, lint.Warning, `DKIM key s1._domainkey.example.com says t=y: the domain is ` +
				`testing DKIM, so verifiers may treat mail signed with it as unsigned (RFC 6376 §3.6.1); remove the y ` +
				`flag once signatures verify`}},
			fix: `"v=DKIM1; k=ed25519; p=` + edKey + `"`,
		},
		{
			name: "t=y:s keeps s",
			zone: `s1._domainkey IN TXT "v=DKIM1; k=ed25519; p=` + edKey + `; t=y:s"`,
			want: []mailWant{{1, 91, 96, lint.Warning, `says t=y`}},
			fix:  `"v=DKIM1; k=ed25519; p=` + edKey + `; t=s"`,
		},
		{
			name: "an unusable record says nothing",
			zone: `s1._domainkey IN TXT "v=DKIM1; k=dsa; t=y; p=AAAA"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := lintZone(t, tt.zone+"\n", "dkim-testing")
			checkMail(t, fs, tt.want)
			if tt.fix != "" && (fs[0].Fix == nil || fs[0].Fix.Replacement != tt.fix) {
				t.Errorf("fix = %+v, want %s", fs[0].Fix, tt.fix)
			}
		})
	}
}
