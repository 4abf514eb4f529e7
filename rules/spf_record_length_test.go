package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
)

// spfOfLength returns a v=spf1 record of exactly n bytes, n >= 16.
func spfOfLength(n int) string {
	return "v=spf1 -all pad=" + strings.Repeat("x", n-16)
}

func TestSPFRecordLength(t *testing.T) {
	long := "v=spf1 " + strings.Repeat("ip4:192.0.2.1 ", 20) + "-all"
	tests := []struct {
		name string
		zone string
		want []findingWant
		fix  string
	}{
		{
			name: "a string over 255 bytes",
			zone: fmt.Sprintf("@ IN TXT %q", long),
			want: []findingWant{{1, 11, lint.Warning, "a string of the SPF record of example.com is 291 bytes; " +
				"DNS cannot carry a string over 255, so the record cannot be served and example.com has no SPF"}},
			fix: `"` + long[:255] + `" "` + long[255:] + `"`,
		},
		{
			name: "the second string over 255 bytes",
			zone: fmt.Sprintf("@ IN TXT \"v=spf1 \" %q", long[7:]),
			want: []findingWant{{1, 21, lint.Warning, "is 284 bytes"}},
		},
		{
			name: "the same record split",
			zone: fmt.Sprintf("@ IN TXT %q %q", long[:200], long[200:]),
		},
		{
			name: "an answer of exactly 512 bytes",
			zone: fmt.Sprintf("@ IN TXT %q\n@ IN TXT %q", spfOfLength(255), "v="+strings.Repeat("t", 200)),
		},
		{
			name: "an answer of 513 bytes",
			zone: fmt.Sprintf("@ IN TXT %q\n@ IN TXT %q", spfOfLength(255), "v="+strings.Repeat("t", 201)),
			want: []findingWant{{1, 1, lint.Warning, "a TXT query for example.com gets a 513-byte answer " +
				"(2 TXT records), over the 512 bytes of a DNS response over UDP"}},
		},
		{
			name: "other names do not count",
			zone: fmt.Sprintf("@ IN TXT %q\nwww IN TXT %q", spfOfLength(255), "v="+strings.Repeat("t", 250)),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintZone(t, tt.zone+"\n", "spf-record-length")
			checkFindings(t, got, tt.want)
			if tt.fix != "" && (got[0].Fix == nil || got[0].Fix.Replacement != tt.fix) {
				t.Errorf("fix = %+v, want replacement %s", got[0].Fix, tt.fix)
			}
		})
	}
}

func TestAnswerSizeRelated(t *testing.T) {
	zone := fmt.Sprintf("@ IN TXT %q\n@ IN TXT %q\n@ IN TXT %q\n",
		"v="+strings.Repeat("a", 150), spfOfLength(200), "v="+strings.Repeat("b", 150))
	got := lintZone(t, zone, "spf-record-length")
	checkFindings(t, got, []findingWant{{2, 1, lint.Warning, "gets a 572-byte answer (3 TXT records)"}})

	var lines []int
	for _, r := range got[0].Related {
		lines = append(lines, r.Range.Start.Line)
		if !strings.Contains(r.Message, "165 bytes of the answer") {
			t.Errorf("related message %q, want the record's 165 bytes", r.Message)
		}
	}
	if fmt.Sprint(lines) != "[1 3]" {
		t.Errorf("related lines %v, want the other TXT records on lines 1 and 3", lines)
	}
}

func TestWireNameLength(t *testing.T) {
	tests := []struct {
		name string
		want int
	}{
		{".", 1},
		{"com", 5},
		{"example.com", 13},
		{`a\.b.example`, 13},
		{`\065bc.example`, 13},
	}
	for _, tt := range tests {
		if got := wireNameLength(tt.name); got != tt.want {
			t.Errorf("wireNameLength(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}
