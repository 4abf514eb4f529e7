package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestSPFIncludeLoop(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []findingWant
	}{
		{
			name: "two records that include each other",
			zone: `@ IN TXT "v=spf1 include:_spf.example.com -all"
_spf IN TXT "v=spf1 ip4:192.0.2.0/24 include:example.com ~all"`,
			want: []findingWant{
				{1, 18, lint.Error, `"include:_spf.example.com" closes a loop, _spf.example.com → example.com → ` +
					`_spf.example.com; receivers follow it until the 10-lookup limit and return permerror, so SPF fails ` +
					`for all mail from example.com; remove the include or redirect that leads back`},
				{2, 38, lint.Error, `"include:example.com" closes a loop, example.com → _spf.example.com → example.com;`},
			},
		},
		{
			name: "a redirect to itself",
			zone: `@ IN TXT "v=spf1 ip4:192.0.2.1 redirect=EXAMPLE.com."`,
			want: []findingWant{{1, 32, lint.Error, `"redirect=EXAMPLE.com." closes a loop, example.com → EXAMPLE.com`}},
		},
		{
			name: "the same include twice is no loop",
			zone: `@ IN TXT "v=spf1 include:_spf.example.com include:_spf.example.com -all"
_spf IN TXT "v=spf1 ip4:192.0.2.0/24 ~all"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFindings(t, lintZone(t, tt.zone+"\n", "spf-include-loop"), tt.want)
		})
	}
}

// TestSPFIncludeLoopProvider checks a loop inside records beyond the
// declared zones: the finding points at the declared include that leads
// into it.
func TestSPFIncludeLoopProvider(t *testing.T) {
	dns := fakeDNS{txt: map[string]string{
		"spf.provider.example":  "v=spf1 include:more.provider.example ~all",
		"more.provider.example": "v=spf1 include:spf.provider.example ~all",
	}}
	fs := lintZoneWith(t, `@ IN TXT "v=spf1 include:spf.provider.example -all"`+"\n", dns, "spf-include-loop")
	checkFindings(t, fs, []findingWant{{1, 18, lint.Error,
		`"include:spf.provider.example" (in more.provider.example, reached through "include:spf.provider.example") ` +
			`closes a loop, spf.provider.example → more.provider.example → spf.provider.example;`}})
}
