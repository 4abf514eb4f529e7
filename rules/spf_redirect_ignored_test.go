package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestSPFRedirectIgnored(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []findingWant
	}{
		{
			name: "redirect beside -all",
			zone: `@ IN TXT "v=spf1 redirect=_spf.example.com -all"`,
			want: []findingWant{{1, 18, lint.Warning, `"redirect=_spf.example.com" is ignored because the record ` +
				`also has "-all", which always matches (RFC 7208 §6.1), so example.com's policy ends at "-all"`}},
		},
		{
			name: "redirect after mechanisms and a neutral all",
			zone: `@ IN TXT "v=spf1 mx ?all redirect=_spf.example.com"`,
			want: []findingWant{{1, 26, lint.Warning, `"redirect=_spf.example.com" is ignored`}},
		},
		{
			name: "redirect alone, all alone",
			zone: "@ IN TXT \"v=spf1 mx redirect=_spf.example.com\"\n_spf IN TXT \"v=spf1 -all\"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintZone(t, tt.zone+"\n", "spf-redirect-ignored")
			checkFindings(t, got, tt.want)
			for _, f := range got {
				if len(f.Related) != 1 || f.Related[0].Range.Start.Column < 18 {
					t.Errorf("related = %+v, want the all mechanism", f.Related)
				}
			}
		})
	}
}
