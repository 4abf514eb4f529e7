package rules

import (
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
)

// findingWant is one expected finding of the SPF, TXT and CNAME rule
// tests: where it starts, its severity, and a fragment of its message.
type findingWant struct {
	line, col int
	sev       lint.Severity
	msg       string
}

// checkFindings compares findings with the wanted ones, in order.
func checkFindings(t *testing.T, got []lint.Finding, want []findingWant) {
	t.Helper()
	if len(got) != len(want) {
		for _, f := range got {
			t.Logf("got %s %s %s", f.Range, f.Severity, f.Message)
		}
		t.Fatalf("got %d findings, want %d", len(got), len(want))
	}
	for i, w := range want {
		f := got[i]
		if f.Range.Start.Line != w.line || f.Range.Start.Column != w.col || f.Severity != w.sev ||
			!strings.Contains(f.Message, w.msg) {
			t.Errorf("finding %d: got %d:%d %s %q\nwant %d:%d %s containing %q",
				i, f.Range.Start.Line, f.Range.Start.Column, f.Severity, f.Message, w.line, w.col, w.sev, w.msg)
		}
		if f.Domain == "" {
			t.Errorf("finding %d has no domain", i)
		}
	}
}

func TestQuoteTXT(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{`v=spf1 -all`, `"v=spf1 -all"`},
		{`a "b" \c` + "\x01", `"a \"b\" \\c\001"`},
		{strings.Repeat("x", 256), `"` + strings.Repeat("x", 255) + `" "x"`},
		{strings.Repeat("y", 510), `"` + strings.Repeat("y", 255) + `" "` + strings.Repeat("y", 255) + `"`},
	}
	for _, tt := range tests {
		if got := quoteTXT(tt.in); got != tt.want {
			t.Errorf("quoteTXT(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
