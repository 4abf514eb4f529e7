package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/zonefile"
)

// lintZone loads zone text as example.com.zone with origin example.com and
// runs the rules with the given IDs, returning their findings.
//
// A load problem (a zone-syntax finding, say) fails the test unless the
// rule it belongs to is among ids, so that a typo in a test zone does not
// pass unnoticed.
func lintZone(t *testing.T, zone string, ids ...string) []lint.Finding {
	t.Helper()
	st := lint.NewState()
	zonefile.LoadBytes(st, "example.com.zone", []byte(zone), zonefile.Options{Origin: "example.com"})

	var rs []*lint.Rule
	want := make(map[string]bool)
	for _, id := range ids {
		r := ByID(id)
		if r == nil {
			t.Fatalf("no rule %q", id)
		}
		rs = append(rs, r)
		want[id] = true
	}
	for _, p := range st.Problems {
		if !want[p.Rule] {
			t.Fatalf("test zone does not load: %s: %s (%s)", p.Range, p.Message, p.Rule)
		}
	}

	fs, err := lint.Run(st, rs, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}
