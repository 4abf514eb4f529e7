package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestSPFIncludeNoRecord(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []findingWant
	}{
		{
			name: "an include of a name that does not exist",
			zone: `@ IN TXT "v=spf1 include:_spf.example.com -all"`,
			want: []findingWant{{1, 18, lint.Error, `"include:_spf.example.com" names _spf.example.com, which does not ` +
				`exist; receivers return permerror, so SPF fails for all mail from example.com and every domain that ` +
				`includes it; fix the name, publish the record or remove the include`}},
		},
		{
			name: "a redirect to a name without an SPF record",
			zone: `@ IN TXT "v=spf1 redirect=_spf.example.com"
_spf IN TXT "google-site-verification=abc"`,
			want: []findingWant{{1, 18, lint.Error, `"redirect=_spf.example.com" names _spf.example.com, which publishes ` +
				`no SPF record;`}},
		},
		{
			name: "targets with two records or a broken one",
			zone: `@ IN TXT "v=spf1 include:two.example.com include:bad.example.com -all"
two IN TXT "v=spf1 -all"
two IN TXT "v=spf1 +all"
bad IN TXT "v=spf1 ip4:192.0.2 -all"`,
			want: []findingWant{
				{1, 18, lint.Error, `which publishes 2 SPF records;`},
				{1, 42, lint.Error, `which has an SPF record that does not parse: ip4 address "192.0.2" is not valid`},
			},
		},
		{
			name: "a name outside the declared zones offline is spf-unverifiable's",
			zone: `@ IN TXT "v=spf1 include:spf.unknown.example -all"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFindings(t, lintZone(t, tt.zone+"\n", "spf-include-no-record"), tt.want)
		})
	}
}

// TestSPFIncludeNoRecordProvider checks a missing record inside a
// provider's tree, found online.
func TestSPFIncludeNoRecordProvider(t *testing.T) {
	dns := fakeDNS{txt: map[string]string{
		"spf.provider.example": "v=spf1 include:retired.provider.example ~all",
	}}
	fs := lintZoneWith(t, `@ IN TXT "v=spf1 include:spf.provider.example -all"`+"\n", dns, "spf-include-no-record")
	checkFindings(t, fs, []findingWant{{1, 18, lint.Error,
		`"include:retired.provider.example" (in spf.provider.example, reached through "include:spf.provider.example") ` +
			`names retired.provider.example, which does not exist; receivers return permerror, so SPF fails for all ` +
			`mail from example.com`}})
}
