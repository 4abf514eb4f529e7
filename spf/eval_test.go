package spf

import (
	"context"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"testing"
)

// evalCase is one case of testdata/eval.txt.
type evalCase struct {
	title  string
	zone   []string
	checks []evalCheck
}

type evalCheck struct {
	line         int
	ip           netip.Addr
	sender, helo string
	result       string
	want         map[string]string // lookups, void, queries, explanation, unknown
}

// readEvalCases reads the cases of an evaluation test file (see its
// header for the format).
func readEvalCases(t *testing.T, path string) []*evalCase {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []*evalCase
	var cur *evalCase
	for i, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "# case: "):
			cur = &evalCase{title: strings.TrimPrefix(line, "# case: ")}
			cases = append(cases, cur)
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "check "):
			cur.checks = append(cur.checks, parseCheck(t, i+1, line))
		case strings.HasPrefix(line, "want "):
			c := &cur.checks[len(cur.checks)-1]
			c.result, c.want = parseWant(t, i+1, line)
		default:
			cur.zone = append(cur.zone, line)
		}
	}
	return cases
}

func parseCheck(t *testing.T, n int, line string) evalCheck {
	f := strings.Fields(line)
	if len(f) < 3 {
		t.Fatalf("line %d: want check IP SENDER [HELO]", n)
	}
	c := evalCheck{line: n, ip: netip.MustParseAddr(f[1]), sender: f[2]}
	if c.sender == "-" {
		c.sender = ""
	}
	if len(f) > 3 {
		c.helo = f[3]
	}
	return c
}

// parseWant reads "want RESULT key=value ...", where a value may be a
// quoted string.
func parseWant(t *testing.T, n int, line string) (string, map[string]string) {
	rest := strings.TrimPrefix(line, "want ")
	result, rest, _ := strings.Cut(rest, " ")
	want := map[string]string{}
	for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
		key, v, ok := strings.Cut(rest, "=")
		if !ok {
			t.Fatalf("line %d: bad %q", n, rest)
		}
		if strings.HasPrefix(v, `"`) {
			q, err := strconv.QuotedPrefix(v)
			if err != nil {
				t.Fatalf("line %d: %v", n, err)
			}
			want[key], _ = strconv.Unquote(q)
			rest = v[len(q):]
			continue
		}
		want[key], rest, _ = strings.Cut(v, " ")
	}
	return result, want
}

// TestEval runs the cases of testdata/eval.txt, with and without
// prefetching.
func TestEval(t *testing.T) {
	for _, tc := range readEvalCases(t, "testdata/eval.txt") {
		t.Run(tc.title, func(t *testing.T) {
			for _, chk := range tc.checks {
				for _, prefetch := range []int{0, 3} {
					r := zoneOf(tc.zone...)
					c := &Checker{Resolver: r, Prefetch: prefetch, Now: fixedNow}
					ev := c.Check(context.Background(), Request{IP: chk.ip, Sender: chk.sender, HELO: chk.helo})
					checkEval(t, chk, ev)
				}
			}
		})
	}
}

func checkEval(t *testing.T, chk evalCheck, ev *Evaluation) {
	t.Helper()
	got := map[string]string{
		"lookups":     strconv.Itoa(ev.Lookups),
		"void":        strconv.Itoa(ev.VoidLookups),
		"queries":     strconv.Itoa(ev.Queries),
		"explanation": ev.Explanation,
		"unknown":     ev.Unknown,
	}
	bad := ev.Result.String() != chk.result
	for k, v := range chk.want {
		if got[k] != v {
			bad = true
		}
	}
	if _, ok := chk.want["unknown"]; !ok && ev.Unknown != "" {
		bad = true
	}
	if bad {
		t.Errorf("line %d: got %s %v (%s), want %s %v\n%s", chk.line, ev.Result, got, ev.Problem,
			chk.result, chk.want, traceText(ev))
	}
}

// TestCheckHostNoIP checks that a missing client address is a clear
// permerror, not a panic.
func TestCheckHostNoIP(t *testing.T) {
	c := &Checker{Resolver: zoneOf(`example.com TXT "v=spf1 ptr exists:%{i}.x.example.com -all"`)}
	ev := c.Check(context.Background(), Request{Sender: "a@example.com"})
	if ev.Result != PermError || ev.Problem == "" {
		t.Errorf("got %s %q", ev.Result, ev.Problem)
	}
}

// TestCheckHostDeadline checks that an evaluation whose time is up ends in
// temperror and says so.
func TestCheckHostDeadline(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := &Checker{Resolver: zoneOf(`example.com TXT "v=spf1 -all"`)}
	ev := c.Check(ctx, Request{IP: netip.MustParseAddr("192.0.2.1"), Sender: "a@example.com"})
	if ev.Result != TempError || !strings.Contains(ev.Problem, "ran out of time") {
		t.Errorf("got %s %q", ev.Result, ev.Problem)
	}
}
