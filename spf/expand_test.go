package spf

import (
	"bufio"
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestExpand(t *testing.T) {
	f, err := os.Open("testdata/expand.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	env := &Env{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "env "):
			env = parseEnv(t, n, strings.TrimPrefix(line, "env "))
		default:
			t.Run(fmt.Sprintf("line%d", n), func(t *testing.T) {
				checkExpandLine(t, env, line)
			})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// parseEnv reads the fields of an "env" line.
func parseEnv(t *testing.T, n int, fields string) *Env {
	t.Helper()
	env := &Env{}
	for _, f := range strings.Fields(fields) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "sender":
			env.Sender = v
		case "domain":
			env.Domain = v
		case "ip":
			env.IP = netip.MustParseAddr(v)
		case "helo":
			env.HELO = v
		case "receiver":
			env.Receiver = v
		case "time":
			sec, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				t.Fatalf("line %d: %v", n, err)
			}
			env.Time = time.Unix(sec, 0)
		case "validated":
			env.Validated = func() string { return v }
		default:
			t.Fatalf("line %d: unknown env field %q", n, k)
		}
	}
	return env
}

// checkExpandLine runs one `expand|domain "text" "want"` or
// `expand|domain "text" error "message"` case.
func checkExpandLine(t *testing.T, env *Env, line string) {
	op, rest, _ := strings.Cut(line, " ")
	text, rest := unquoteField(t, rest)
	wantErr := strings.HasPrefix(rest, "error ")
	want, _ := unquoteField(t, strings.TrimPrefix(rest, "error "))

	ms, errs := ParseExplanation(text)
	if len(errs) > 0 {
		t.Fatalf("ParseExplanation(%q): %v", text, errs[0])
	}
	expand := ms.Expand
	if op == "domain" {
		expand = ms.ExpandDomain
	}
	got, err := expand(env)

	switch {
	case wantErr && (err == nil || err.Error() != want):
		t.Errorf("%s %q: error %v, want %q", op, text, err, want)
	case !wantErr && err != nil:
		t.Errorf("%s %q: %v", op, text, err)
	case !wantErr && got != want:
		t.Errorf("%s %q:\n got %q\nwant %q", op, text, got, want)
	}
}

// unquoteField reads a Go string literal at the start of s and returns it
// and what follows it.
func unquoteField(t *testing.T, s string) (string, string) {
	t.Helper()
	q, err := strconv.QuotedPrefix(s)
	if err != nil {
		t.Fatalf("bad quoted field in %q: %v", s, err)
	}
	v, _ := strconv.Unquote(q)
	return v, strings.TrimPrefix(s[len(q):], " ")
}
