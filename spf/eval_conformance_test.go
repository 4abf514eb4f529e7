package spf

import (
	"context"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sendlint/sendlint/internal/dnstest"
)

// explanationCase lists the tests whose expected explanation differs from
// ours only in letter case, with the reason.
var explanationCase = map[string]string{
	"v-macro-ip6": "the suite writes the nibbles of the i macro in upper case; " +
		"RFC 7208 §7.4 writes them in lower case, as sendlint does, and DNS names are case-insensitive",
}

// TestConformance runs every test of the OpenSPF suites through the
// evaluator with an in-memory resolver, with prefetching off and on: both
// must give the suite's result and explanation, and the same trace. The
// RFC 4408 suite passes whole: where RFC 7208 changed an answer, that
// suite accepts both.
func TestConformance(t *testing.T) {
	for _, file := range []string{"rfc7208-tests.yml", "rfc4408-tests.yml"} {
		t.Run(file, func(t *testing.T) {
			scenarios, err := dnstest.LoadSuite("testdata/conformance/" + file)
			if err != nil {
				t.Fatal(err)
			}
			passed, total := 0, 0
			for _, sc := range scenarios {
				for _, st := range sc.Tests {
					total++
					if checkSuiteTest(t, sc, st) {
						passed++
					}
				}
			}
			t.Logf("%s: %d of %d tests pass", file, passed, total)
		})
	}
}

// checkSuiteTest runs one suite test and reports whether it passed.
func checkSuiteTest(t *testing.T, sc *dnstest.Scenario, st *dnstest.SuiteTest) bool {
	t.Helper()
	req := Request{IP: netip.MustParseAddr(st.Host), Sender: st.MailFrom, HELO: st.HELO}
	var evs []*Evaluation
	for _, prefetch := range []int{0, 4} {
		c := &Checker{Resolver: newZoneResolver(sc.Zone), Prefetch: prefetch, Now: fixedNow}
		evs = append(evs, c.Check(context.Background(), req))
	}
	ev := evs[0]

	ok := true
	if !slices.Contains(st.Results, ev.Result.String()) {
		t.Errorf("%s (%s): result %s, want %s; %s\n%s", st.Name, sc.Description, ev.Result,
			strings.Join(st.Results, " or "), ev.Problem, traceText(ev))
		ok = false
	}
	if want := wantExplanation(st); want != nil && ev.Result == Fail && !sameExplanation(st.Name, ev.Explanation, *want) {
		t.Errorf("%s (%s): explanation %q, want %q\n%s", st.Name, sc.Description, ev.Explanation, *want, traceText(ev))
		ok = false
	}
	if a, b := traceText(evs[0]), traceText(evs[1]); a != b || evs[0].Result != evs[1].Result {
		t.Errorf("%s: prefetching changed the evaluation:\n%s\n--- with prefetch\n%s", st.Name, a, b)
		ok = false
	}
	return ok
}

// wantExplanation returns the explanation a test expects, "" for the
// default, or nil when it checks none.
func wantExplanation(st *dnstest.SuiteTest) *string {
	switch st.Explanation {
	case "":
		return nil
	case "DEFAULT":
		s := ""
		return &s
	}
	return &st.Explanation
}

func sameExplanation(test, got, want string) bool {
	if explanationCase[test] != "" {
		return strings.EqualFold(got, want)
	}
	return got == want
}

func traceText(ev *Evaluation) string {
	var b strings.Builder
	for _, s := range ev.Trace {
		b.WriteString(s.String() + "\n")
	}
	return b.String()
}

func fixedNow() time.Time { return time.Unix(1700000000, 0) }
