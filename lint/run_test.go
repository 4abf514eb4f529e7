package lint

import (
	"strconv"
	"strings"
	"testing"
)

func pos(line int) Range { return Range{File: "z", Start: Pos{Line: line, Column: 1}} }

// reportAt is a rule check that reports one finding on each given line.
func reportAt(lines ...int) func(*Pass) {
	return func(p *Pass) {
		for _, l := range lines {
			p.Reportf(pos(l), "example.com", "finding on line %d", l)
		}
	}
}

func TestRunSeverityAndSuppression(t *testing.T) {
	st := NewState()
	st.Problems = append(st.Problems,
		Finding{Rule: "load-problem", Message: "bad", Range: pos(1)},
		Finding{Rule: "not-a-rule", Message: "dropped", Range: pos(1)})
	st.AddDirective(Directive{Rules: []string{"noisy"}, Reason: "known", Range: pos(4)})    // suppresses line 5
	st.AddDirective(Directive{Rules: []string{"noisy"}, Range: pos(7)})                     // no reason
	st.AddDirective(Directive{Rules: []string{"nosuch"}, Reason: "typo", Range: pos(9)})    // unknown rule
	st.AddDirective(Directive{Rules: []string{"quiet"}, Reason: "stale", Range: pos(11)})   // suppresses nothing
	st.AddDirective(Directive{Rules: []string{"disabled"}, Reason: "fine", Range: pos(13)}) // rule is off: not stale

	rules := []*Rule{
		{ID: "noisy", Severity: Warning, Check: reportAt(5, 8)},
		{ID: "quiet", Severity: Error, Check: reportAt()},
		{ID: "raised", Severity: Notice, Check: reportAt(20)},
		{ID: "disabled", Severity: Error, Check: reportAt(14)},
		{ID: "load-problem", Severity: Error},
		{ID: DirectiveRule, Severity: Warning},
	}
	got, err := Run(st, rules, Options{Severity: map[string]Severity{"raised": Error, "disabled": Off}})
	if err != nil {
		t.Fatal(err)
	}

	want := []string{
		"1 load-problem error",
		"7 ignore-directive warning has no reason",
		"8 noisy warning",
		"9 ignore-directive warning unknown rule \"nosuch\"",
		"11 ignore-directive warning suppresses nothing",
		"20 raised error",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		parts := strings.SplitN(w, " ", 4)
		f := got[i]
		line := parts[0]
		if strconv.Itoa(f.Range.Start.Line) != line || f.Rule != parts[1] || f.Severity.String() != parts[2] ||
			(len(parts) == 4 && !strings.Contains(f.Message, parts[3])) {
			t.Errorf("finding %d = %d %s %s %q; want %s", i, f.Range.Start.Line, f.Rule, f.Severity, f.Message, w)
		}
	}
}

func TestRunKeepsOwnSeverity(t *testing.T) {
	st := NewState()
	rule := &Rule{ID: "mixed", Severity: Error, Check: func(p *Pass) {
		p.Report(Finding{Range: pos(1), Severity: Warning, Message: "softer"})
		p.Report(Finding{Range: pos(2), Message: "default"})
	}}
	got, _ := Run(st, []*Rule{rule}, Options{})
	if len(got) != 2 || got[0].Severity != Warning || got[1].Severity != Error {
		t.Errorf("got %+v", got)
	}
	// A configured severity overrides the finding's own.
	got, _ = Run(st, []*Rule{rule}, Options{Severity: map[string]Severity{"mixed": Notice}})
	if len(got) != 2 || got[0].Severity != Notice || got[1].Severity != Notice {
		t.Errorf("with override got %+v", got)
	}
}

func TestRunRecoversPanic(t *testing.T) {
	st := NewState()
	rules := []*Rule{{ID: "buggy", Severity: Error, Check: func(*Pass) { panic("index out of range") }}}
	_, err := Run(st, rules, Options{})
	if err == nil || !strings.Contains(err.Error(), "rule buggy failed: index out of range") {
		t.Errorf("Run error = %v", err)
	}
}

func TestMemo(t *testing.T) {
	st := NewState()
	type key struct{ name string }
	calls := 0
	for range 3 {
		v := st.Memo(key{"a"}, func() any { calls++; return 42 })
		if v.(int) != 42 {
			t.Fatal(v)
		}
	}
	if calls != 1 {
		t.Errorf("computed %d times, want once", calls)
	}
}
