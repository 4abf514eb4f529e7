package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestSPFLookupHeadroom(t *testing.T) {
	six := hosts("h1", "h2", "h3", "h4", "h5", "h6")
	tests := []struct {
		name string
		zone string
		want []findingWant
	}{
		{
			name: "9 lookups",
			zone: `@ IN TXT "v=spf1 include:_spf.google.com a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com a:h5.example.com -all"
` + six,
			want: []findingWant{{1, 1, lint.Warning, "SPF for example.com needs 9 of the 10 DNS lookups receivers allow " +
				"(include:_spf.google.com 4, a:h1.example.com 1, a:h2.example.com 1, a:h3.example.com 1, a:h4.example.com 1, " +
				"a:h5.example.com 1); one more include, from you or inside a provider's record, makes receivers return " +
				"permerror for all mail from example.com; make room by removing or flattening an include"}},
		},
		{
			name: "10 lookups",
			zone: `@ IN TXT "v=spf1 include:_spf.google.com a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com a:h5.example.com a:h6.example.com -all"
` + six,
			want: []findingWant{{1, 1, lint.Warning, "needs 10 of the 10 DNS lookups"}},
		},
		{
			name: "a lower bound of 9",
			zone: `@ IN TXT "v=spf1 include:_spf.google.com include:spf.unknown.example a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com -all"
` + six,
			want: []findingWant{{1, 1, lint.Warning, "needs at least 9 of the 10 DNS lookups"}},
		},
		{
			name: "8 lookups leave room",
			zone: `@ IN TXT "v=spf1 include:_spf.google.com a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com -all"
` + six,
		},
		{
			name: "11 lookups are spf-lookup-limit's",
			zone: `@ IN TXT "v=spf1 include:_spf.google.com include:sendgrid.net a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com a:h5.example.com a:h6.example.com -all"
` + six,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFindings(t, lintZone(t, tt.zone+"\n", "spf-lookup-headroom"), tt.want)
		})
	}
}
