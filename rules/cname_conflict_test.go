package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestCNAMEConflict(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []findingWant
	}{
		{
			name: "an SPF record beside a CNAME",
			zone: "bounce IN CNAME mail.provider.example.\nbounce IN TXT \"v=spf1 include:provider.example -all\"",
			want: []findingWant{{2, 1, lint.Error, "TXT record at bounce.example.com shares its name with a CNAME to " +
				"mail.provider.example, which DNS does not allow (RFC 1034 §3.6.2); resolvers follow the CNAME and " +
				"never see this record, so receivers find no SPF for bounce.example.com here; publish the SPF record " +
				"at mail.provider.example or replace the CNAME with the records it stands for"}},
		},
		{
			name: "a DKIM key beside a CNAME",
			zone: "s1._domainkey IN TXT \"v=DKIM1; p=MIGfMA0\"\ns1._domainkey IN CNAME s1.domainkey.u1.wl.provider.example.",
			want: []findingWant{{1, 1, lint.Error, "so receivers find no DKIM key at s1._domainkey.example.com and " +
				"signatures with this selector fail"}},
		},
		{
			name: "two CNAMEs and an address",
			zone: "www IN CNAME a.example.net.\nwww IN CNAME b.example.net.\nwww IN A 192.0.2.1",
			want: []findingWant{
				{2, 1, lint.Error, "www.example.com has 2 CNAME records; a name can have only one (RFC 2181 §10.1)"},
				{3, 1, lint.Error, "A record at www.example.com shares its name with a CNAME to a.example.net, " +
					"which DNS does not allow (RFC 1034 §3.6.2); resolvers follow the CNAME and never see this " +
					"record; remove the CNAME or this record"},
			},
		},
		{
			name: "a CNAME alone, records below it",
			zone: "www IN CNAME a.example.net.\nx.www IN TXT \"v=spf1 -all\"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintZone(t, tt.zone+"\n", "cname-conflict")
			checkFindings(t, got, tt.want)
			for _, f := range got {
				if len(f.Related) != 1 || !f.Related[0].Range.IsValid() {
					t.Errorf("related = %+v, want the CNAME", f.Related)
				}
			}
		})
	}
}
