package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/sendlint/sendlint/rules"
	"github.com/sendlint/sendlint/schemas"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// run runs the command in dir with args and returns its exit code, stdout
// and stderr.
func run(t *testing.T, dir string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	c := &Command{
		Stdout:     &stdout,
		Stderr:     &stderr,
		WorkDir:    dir,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(io.Writer) bool { return false },
	}
	code := c.Main(args)
	return code, stdout.String(), stderr.String()
}

// TestGolden runs sendlint on every case under testdata/golden: a folder
// holding the input files, an optional `args` file (one argument per
// line; default "."), and `want.txt`, the exit code and the text report.
// Every case's JSON report must also match the report schema.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("..", "testdata", "golden", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases")
	}
	for _, dir := range cases {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			args := []string{"."}
			if b, err := os.ReadFile(filepath.Join(dir, "args")); err == nil {
				args = strings.Fields(string(b))
			}
			code, stdout, stderr := run(t, dir, nil, args...)
			got := fmt.Sprintf("exit %d\n%s%s", code, stdout, prefixLines(stderr, "stderr: "))

			wantFile := filepath.Join(dir, "want.txt")
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run with -update to accept):\n--- got\n%s\n--- want\n%s", wantFile, got, want)
			}

			_, js, _ := run(t, dir, nil, append([]string{"--format", "json"}, args...)...)
			validateReport(t, js)
		})
	}
}

func prefixLines(s, prefix string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString(prefix + l + "\n")
	}
	return b.String()
}

func validateReport(t *testing.T, js string) {
	t.Helper()
	res, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(schemas.Report), gojsonschema.NewStringLoader(js))
	if err != nil {
		t.Fatalf("json report does not parse: %v\n%s", err, js)
	}
	for _, e := range res.Errors() {
		t.Errorf("json report does not match its schema: %s", e)
	}
}

// TestOK checks that the correct zones under testdata/ok give no finding
// at all, not even a notice.
func TestOK(t *testing.T) {
	code, stdout, stderr := run(t, filepath.Join("..", "testdata", "ok"), nil, "--fail-on", "notice", ".")
	if code != ExitOK || stdout != "no findings\n" || stderr != "" {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestExample(t *testing.T) {
	code, stdout, _ := run(t, filepath.Join("..", "testdata", "example"), nil)
	if code != ExitFindings || !strings.Contains(stdout, "error:") {
		t.Errorf("the bundled example should show errors; exit %d\n%s", code, stdout)
	}
}

func TestDeterministic(t *testing.T) {
	dir := filepath.Join("..", "testdata", "example")
	_, first, _ := run(t, dir, nil, "--format", "json")
	for range 3 {
		if _, again, _ := run(t, dir, nil, "--format", "json"); again != first {
			t.Fatal("two runs on the same input gave different reports")
		}
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "example.com.zone", "@ IN TXT \"v=spf1 ptr -all\"\n")
	write(t, dir, "bad/sendlint.yaml", "senders:\n  - name: x\n    provider: sendgird\n    from: [a@example.com]\n")

	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"warning only", []string{"."}, ExitOK, ""},
		{"fail on warning", []string{"--fail-on", "warning", "."}, ExitFindings, ""},
		{"fail on never", []string{"--fail-on=never"}, ExitOK, ""},
		{"bad fail-on", []string{"--fail-on", "loud"}, ExitError, `--fail-on: unknown value "loud"`},
		{"bad format", []string{"--format", "xml"}, ExitError, `unknown format "xml"`},
		{"bad flag", []string{"--nope"}, ExitError, "flag provided but not defined: -nope"},
		{"missing path", []string{"nowhere"}, ExitError, "sendlint: nowhere: no such file or directory"},
		{"missing config", []string{"--config", "none.yaml"}, ExitError, "none.yaml: cannot read"},
		{"invalid config", []string{"--config", "bad/sendlint.yaml"}, ExitError, `bad/sendlint.yaml:3: senders.0.provider: unknown value "sendgird"; did you mean "sendgrid"?`},
		{"flags after paths", []string{".", "--fail-on", "warning"}, ExitFindings, ""},
		{"paths after --", []string{"--", "--fail-on"}, ExitError, "--fail-on: no such file"},
		{"help", []string{"-h"}, ExitOK, "Usage:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, dir, nil, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and stderr containing %q", code, stderr, tt.code, tt.stderr)
			}
		})
	}
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "example.com.zone", "@ IN TXT \"v=spf1 +all\"\n")
	code, _, stderr := run(t, dir, nil, "--format", "json", "--output", "out/report.json", ".")
	if code != ExitError || !strings.Contains(stderr, "--output") {
		t.Errorf("writing into a missing folder: exit %d, stderr %q", code, stderr)
	}
	code, stdout, _ := run(t, dir, nil, "--format", "json", "--output", "report.json", ".")
	if code != ExitFindings || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	validateReport(t, string(b))
}

func TestColor(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "example.com.zone", "@ IN TXT \"v=spf1 +all\"\n")
	tty := func(env map[string]string, args ...string) string {
		var stdout bytes.Buffer
		c := &Command{Stdout: &stdout, Stderr: io.Discard, WorkDir: dir,
			Getenv: func(k string) string { return env[k] }, IsTerminal: func(io.Writer) bool { return true }}
		c.Main(args)
		return stdout.String()
	}
	if out := tty(nil); !strings.Contains(out, "\x1b[") {
		t.Error("no colour on a terminal")
	}
	if out := tty(map[string]string{"NO_COLOR": "1"}); strings.Contains(out, "\x1b[") {
		t.Error("colour despite NO_COLOR")
	}
	if out := tty(nil, "--no-color"); strings.Contains(out, "\x1b[") {
		t.Error("colour despite --no-color")
	}
}

func TestRulesAndExplain(t *testing.T) {
	code, stdout, _ := run(t, ".", nil, "rules")
	if code != ExitOK {
		t.Fatalf("rules: exit %d", code)
	}
	for _, r := range rules.All() {
		if !strings.Contains(stdout, r.ID) {
			t.Errorf("rules does not list %s", r.ID)
		}
	}

	code, stdout, _ = run(t, ".", nil, "explain", "zone-syntax")
	if code != ExitOK || !strings.HasPrefix(stdout, "zone-syntax (default severity: error)\n") || !strings.Contains(stdout, "Bad:") {
		t.Errorf("explain: exit %d\n%s", code, stdout)
	}

	code, _, stderr := run(t, ".", nil, "explain", "zone-syntx")
	if code != ExitError || !strings.Contains(stderr, `did you mean "zone-syntax"?`) {
		t.Errorf("explain typo: exit %d, %q", code, stderr)
	}

	code, stdout, _ = run(t, ".", nil, "version")
	if code != ExitOK || !strings.HasPrefix(stdout, "sendlint ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
