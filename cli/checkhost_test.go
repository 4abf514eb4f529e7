package cli

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/sendlint/sendlint/internal/dnstest"
)

const checkHostZone = `@        IN TXT "v=spf1 include:sendgrid.net mx -all exp=why._spf.example.com"
@        IN MX  10 mail
mail     IN A   192.0.2.25
why._spf IN TXT "%{i} is not one of %{d}'s mail servers"
em       IN TXT "v=spf1 include:spf.unknown.example ~all"
`

func TestCheckHostText(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "zones/example.com.zone", checkHostZone)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{
			name: "pass through the MX",
			args: []string{"check-host", "192.0.2.25", "user@example.com", "zones"},
			want: `check_host(192.0.2.25, example.com, user@example.com): pass
lookups: 2 of 10, void lookups: 0 of 2
trace:
  example.com: v=spf1 include:sendgrid.net mx -all exp=why._spf.example.com
  include:sendgrid.net: lookup 1
    sendgrid.net: v=spf1 ip4:167.89.0.0/17 ip4:208.117.48.0/20 ip4:50.31.32.0/19 ip4:198.37.144.0/20 ip4:198.21.0.0/21 ip4:192.254.112.0/20 ip4:168.245.0.0/17 ip4:149.72.0.0/16 ~all
    ip4:167.89.0.0/17: no match
    ip4:208.117.48.0/20: no match
    ip4:50.31.32.0/19: no match
    ip4:198.37.144.0/20: no match
    ip4:198.21.0.0/21: no match
    ip4:192.254.112.0/20: no match
    ip4:168.245.0.0/17: no match
    ip4:149.72.0.0/16: no match
    ~all: match, softfail
  include:sendgrid.net: softfail, no match
  mx: lookup 2, example.com MX mail.example.com
    mail.example.com A 192.0.2.25
  mx: match, pass
`,
		},
		{
			name: "unknown offline",
			args: []string{"check-host", "203.0.113.9", "bounce@em.example.com", "zones"},
			want: `check_host(203.0.113.9, em.example.com, bounce@em.example.com): temperror (not a real answer: sendlint does not know the records of spf.unknown.example)
problem: "spf.unknown.example" TXT is not known offline: outside the declared zones and not in sendlint's snapshot of provider records (2026-12-03); --online looks it up
lookups: 1 of 10, void lookups: 0 of 2
trace:
  em.example.com: v=spf1 include:spf.unknown.example ~all
  include:spf.unknown.example: lookup 1
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, dir, nil, tt.args...)
			if code != ExitOK || stdout != tt.want || stderr != "" {
				t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, stderr, stdout, tt.want)
			}
		})
	}
}

func TestCheckHostJSON(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "example.com.zone", checkHostZone)
	code, stdout, _ := run(t, dir, nil, "check-host", "--format", "json", "203.0.113.9", "example.com")
	var got evaluationJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != ExitOK {
		t.Fatalf("exit %d, %v:\n%s", code, err, stdout)
	}
	want := evaluationJSON{Result: "fail", Explanation: "203.0.113.9 is not one of example.com's mail servers",
		Lookups: 2, IP: "203.0.113.9", Domain: "example.com", Sender: "postmaster@example.com"}
	trace := got.Trace
	got.Trace = nil
	if !reflect.DeepEqual(got, want) || len(trace) != 17 {
		t.Errorf("got %+v with %d trace lines, want %+v and 17", got, len(trace), want)
	}
	if !strings.Contains(stdout, `"trace": [`+"\n"+`    "example.com: v=spf1 include:sendgrid.net mx -all`) {
		t.Errorf("trace missing:\n%s", stdout)
	}
}

func TestCheckHostErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no arguments", []string{}, ExitError, "expected IP SENDER [PATH ...]"},
		{"bad address", []string{"192.0.2", "a@example.com"}, ExitError, `"192.0.2" is not an IP address`},
		{"null sender without helo", []string{"192.0.2.1", ""}, ExitError, "needs --helo"},
		{"bad format", []string{"--format", "xml", "192.0.2.1", "a@example.com"}, ExitError, `--format: unknown value "xml"`},
		{"resolver without online", []string{"--resolver", "127.0.0.1:53", "192.0.2.1", "a@example.com"}, ExitError, "--resolver needs --online"},
		{"bad resolver", []string{"--online", "--resolver", "127.0.0.1", "192.0.2.1", "a@example.com"}, ExitError, `"127.0.0.1" is not HOST:PORT`},
		{"bad timeout", []string{"--online", "--resolver", "127.0.0.1:53", "--timeout", "0s", "192.0.2.1", "a@example.com"}, ExitError, "not a positive duration"},
		{"missing path", []string{"192.0.2.1", "a@example.com", "nowhere"}, ExitError, "nowhere: no such file or directory"},
		{"help", []string{"-h"}, ExitOK, "Usage: sendlint check-host"},
		{"null sender with helo", []string{"--helo", "mail.example.com", "192.0.2.1", ""}, ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, dir, nil, append([]string{"check-host"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and stderr containing %q", code, stderr, tt.code, tt.stderr)
			}
		})
	}
}

// TestCheckHostConformanceOnline runs every test of the OpenSPF suites
// through `sendlint check-host --online` against a DNS server on
// 127.0.0.1 that serves the test's scenario, and checks the result and
// the explanation, as TestConformance in package spf does in memory. The
// tests run at once: most of the time goes to waiting out the suites'
// TIMEOUT names.
func TestCheckHostConformanceOnline(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a DNS server per scenario")
	}
	var wg sync.WaitGroup
	var passed, total atomic.Int64
	for _, file := range []string{"rfc7208-tests.yml", "rfc4408-tests.yml"} {
		scenarios, err := dnstest.LoadSuite(filepath.Join("..", "spf", "testdata", "conformance", file))
		if err != nil {
			t.Fatal(err)
		}
		for _, sc := range scenarios {
			addr := dnstest.Serve(t, sc.Zone)
			for _, st := range sc.Tests {
				wg.Add(1)
				total.Add(1)
				go func() {
					defer wg.Done()
					if checkOnline(t, addr, file, st) {
						passed.Add(1)
					}
				}()
			}
		}
	}
	wg.Wait()
	t.Logf("%d of %d tests pass through check-host --online", passed.Load(), total.Load())
}

// checkOnline runs one suite test and reports whether it passed.
func checkOnline(t *testing.T, addr, file string, st *dnstest.SuiteTest) bool {
	args := []string{"check-host", "--online", "--resolver", addr, "--timeout", "1s", "--format", "json"}
	if st.HELO != "" {
		args = append(args, "--helo", st.HELO)
	}
	args = append(args, "--", st.Host, st.MailFrom)
	code, stdout, stderr := run(t, t.TempDir(), nil, args...)
	var got evaluationJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != ExitOK {
		t.Errorf("%s %s: exit %d, %v, stderr %q", file, st.Name, code, err, stderr)
		return false
	}
	if !slices.Contains(st.Results, got.Result) {
		t.Errorf("%s %s: result %s, want %s (%s)", file, st.Name, got.Result, strings.Join(st.Results, " or "), got.Problem)
		return false
	}
	want := st.Explanation
	if want == "DEFAULT" {
		want = ""
	}
	if st.Explanation != "" && got.Result == "fail" && !sameExplanation(st.Name, got.Explanation, want) {
		t.Errorf("%s %s: explanation %q, want %q", file, st.Name, got.Explanation, want)
		return false
	}
	return true
}

// sameExplanation compares explanations exactly, but for the one test
// whose expected text differs from RFC 7208 §7.4 in letter case only (see
// TestConformance in package spf).
func sameExplanation(test, got, want string) bool {
	if test == "v-macro-ip6" {
		return strings.EqualFold(got, want)
	}
	return got == want
}

// TestLintOnline checks that lint follows includes in live DNS with
// --online, against a server on 127.0.0.1, and not without it.
func TestLintOnline(t *testing.T) {
	z := dnstest.NewZone()
	z.AddTXT("spf.provider.test", "v=spf1 include:a.provider.test include:b.provider.test ~all")
	z.AddTXT("a.provider.test", "v=spf1 a:m1.provider.test a:m2.provider.test a:m3.provider.test a:m4.provider.test ~all")
	z.AddTXT("b.provider.test", "v=spf1 exists:%{i}.x.provider.test a:m5.provider.test a:m6.provider.test ~all")
	for _, h := range []string{"m1", "m2", "m3", "m4", "m5", "m6"} {
		z.AddAddr(h+".provider.test", "198.51.100.1")
	}
	addr := dnstest.Serve(t, z)

	dir := t.TempDir()
	write(t, dir, "example.com.zone", "@ IN TXT \"v=spf1 include:spf.provider.test mx -all\"\n@ IN MX 10 mail\nmail IN A 192.0.2.1\n")

	code, stdout, stderr := run(t, dir, nil, "--online", "--resolver", addr, "--timeout", "2s", ".")
	if code != ExitFindings || !strings.Contains(stdout, "SPF for example.com needs 11 DNS lookups (include:spf.provider.test 10, mx 1)") {
		t.Errorf("online: exit %d, stderr %q\n%s", code, stderr, stdout)
	}
	code, stdout, _ = run(t, dir, nil, ".")
	if code != ExitOK || !strings.Contains(stdout, "(spf-unverifiable)") || strings.Contains(stdout, "spf-lookup-limit") {
		t.Errorf("offline: exit %d\n%s", code, stdout)
	}
	code, _, stderr = run(t, dir, nil, "--resolver", addr, ".")
	if code != ExitError || !strings.Contains(stderr, "--resolver needs --online") {
		t.Errorf("--resolver alone: exit %d, %q", code, stderr)
	}
}
