package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestTXTStringTooLong(t *testing.T) {
	key := "v=DKIM1; k=rsa; p=" + strings.Repeat("A", 300)
	part2 := strings.Repeat("B", 256)
	tests := []struct {
		name string
		zone string
		want []findingWant
		fix  string
	}{
		{
			name: "a DKIM key in one string",
			zone: fmt.Sprintf("s1._domainkey IN TXT %q", key),
			want: []findingWant{{1, 23, lint.Error, "a TXT string at s1._domainkey.example.com is 318 bytes; DNS " +
				"cannot carry a string over 255, so the record is not published; split the value into several " +
				`quoted strings of at most 255 bytes, which readers join back (Route 53 and Terraform: separate ` +
				`the parts with \"\" inside the value)`}},
			fix: `"` + key[:255] + `" "` + key[255:] + `"`,
		},
		{
			name: "two long strings in one record",
			zone: fmt.Sprintf("@ IN TXT %q %q", key, part2),
			want: []findingWant{
				{1, 11, lint.Error, "a TXT string at example.com is 318 bytes"},
				{1, 11 + len(key) + 3, lint.Error, "a TXT string at example.com is 256 bytes"},
			},
		},
		{
			name: "the key split into strings",
			zone: fmt.Sprintf("s1._domainkey IN TXT ( %q\n %q )", key[:255], key[255:]),
		},
		{
			name: "SPF records are left to spf-record-length",
			zone: fmt.Sprintf("@ IN TXT %q", "v=spf1 "+strings.Repeat("ip4:192.0.2.1 ", 20)+"-all"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintZone(t, tt.zone+"\n", "txt-string-too-long")
			checkFindings(t, got, tt.want)
			if tt.fix != "" && (got[0].Fix == nil || got[0].Fix.Replacement != tt.fix) {
				t.Errorf("fix = %+v, want replacement %s", got[0].Fix, tt.fix)
			}
		})
	}
}
