package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestSPFMultiple(t *testing.T) {
	tests := []struct {
		name    string
		zone    string
		want    []findingWant
		related int
	}{
		{
			name: "two records",
			zone: "@ IN TXT \"v=spf1 include:_spf.google.com ~all\"\n@ IN TXT \"v=spf1 include:sendgrid.net ~all\"",
			want: []findingWant{{2, 1, lint.Error, "example.com has 2 v=spf1 TXT records; receivers return permerror " +
				"and treat the domain as having no SPF; merge them into one record"}},
			related: 1,
		},
		{
			name: "three records, in any case, reported after the first",
			zone: "www IN TXT \"v=spf1 -all\"\n    IN TXT \"V=SPF1 mx -all\"\n    IN TXT \"v=spf1\"",
			want: []findingWant{
				{2, 5, lint.Error, "www.example.com has 3 v=spf1 TXT records"},
				{3, 5, lint.Error, "www.example.com has 3 v=spf1 TXT records"},
			},
			related: 1,
		},
		{
			name: "one record beside other TXT records",
			zone: "@ IN TXT \"v=spf1 mx -all\"\n@ IN TXT \"google-site-verification=abc\"\n@ IN TXT \"v=spf10\"",
		},
		{
			name: "records at different names",
			zone: "@ IN TXT \"v=spf1 mx -all\"\nmail IN TXT \"v=spf1 a -all\"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintZone(t, tt.zone+"\n", "spf-multiple")
			checkFindings(t, got, tt.want)
			for _, f := range got {
				if len(f.Related) != tt.related || f.Related[0].Range.Start.Line != 1 {
					t.Errorf("related = %+v, want the first record on line 1", f.Related)
				}
			}
		})
	}
}
