package rules

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/zonefile"
)

// mailWant is a finding a test expects: its exact range on one line, its
// severity and a substring of its message.
type mailWant struct {
	line, col, endCol int
	sev               lint.Severity
	msg               string
}

// checkMail compares findings with the wanted ones, in order, down to the
// end column of each range.
func checkMail(t *testing.T, got []lint.Finding, want []mailWant) {
	t.Helper()
	if len(got) != len(want) {
		for _, f := range got {
			t.Logf("got %s-%d %s %s", f.Range, f.Range.End.Column, f.Severity, f.Message)
		}
		t.Fatalf("got %d findings, want %d", len(got), len(want))
	}
	for i, w := range want {
		f := got[i]
		r := f.Range
		if r.Start.Line != w.line || r.Start.Column != w.col || r.End.Column != w.endCol || f.Severity != w.sev ||
			!strings.Contains(f.Message, w.msg) {
			t.Errorf("finding %d: got %d:%d-%d %s %q\nwant %d:%d-%d %s containing %q",
				i, r.Start.Line, r.Start.Column, r.End.Column, f.Severity, f.Message, w.line, w.col, w.endCol, w.sev, w.msg)
		}
		if f.Domain == "" {
			t.Errorf("finding %d has no domain", i)
		}
	}
}

// lintZones loads each zone text as <origin>.zone with its origin, lets
// setup add senders or settings, and runs the rules with the given IDs.
// Like lintZone, it fails the test on a load problem of another rule.
func lintZones(t *testing.T, zones map[string]string, setup func(*lint.State), ids ...string) []lint.Finding {
	t.Helper()
	st := lint.NewState()
	for _, origin := range slices.Sorted(maps.Keys(zones)) {
		zonefile.LoadBytes(st, origin+".zone", []byte(zones[origin]), zonefile.Options{Origin: origin})
	}
	if setup != nil {
		setup(st)
	}
	var rs []*lint.Rule
	for _, id := range ids {
		r := ByID(id)
		if r == nil {
			t.Fatalf("no rule %q", id)
		}
		rs = append(rs, r)
	}
	for _, p := range st.Problems {
		if !slices.Contains(ids, p.Rule) {
			t.Fatalf("test zone does not load: %s: %s (%s)", p.Range, p.Message, p.Rule)
		}
	}
	fs, err := lint.Run(st, rs, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// sender returns a setup function that adds one sender with the given
// From entries, declared on line 1 of sendlint.yaml.
func sender(name string, from ...string) func(*lint.State) {
	return func(st *lint.State) {
		st.Senders = append(st.Senders, &lint.Sender{
			Name:  name,
			From:  from,
			Range: lint.Range{File: "sendlint.yaml", Start: lint.Pos{Line: 1, Column: 1}},
			Via:   "sendlint.yaml",
		})
	}
}

// edKey is an Ed25519 DKIM key in the bare form of RFC 8463 §4.2.
const edKey = "9Z3Blh3hZIjwpM1zwInl1TR3vuWueLoedj7a2yLVQGc="
