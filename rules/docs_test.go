package rules_test

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/cli"
	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/rules"
)

var update = flag.Bool("update", false, "rewrite docs/rules and README's rule table from the rule declarations")

// exampleFiles splits a rule example into files. An example is the text
// of one zone file, example.com.zone, unless it is an archive of files
// each led by a line "-- path --".
func exampleFiles(example string) map[string]string {
	if !strings.HasPrefix(example, "-- ") {
		return map[string]string{"example.com.zone": example + "\n"}
	}
	files := map[string]string{}
	var name string
	for _, line := range strings.SplitAfter(example, "\n") {
		if m := archiveHeader.FindStringSubmatch(strings.TrimRight(line, "\n")); m != nil {
			name = m[1]
			files[name] = ""
			continue
		}
		files[name] += line
	}
	for n, c := range files {
		if !strings.HasSuffix(c, "\n") {
			files[n] = c + "\n"
		}
	}
	return files
}

var archiveHeader = regexp.MustCompile(`^-- (\S+) --$`)

// lintExample writes an example into a temporary folder, lints it and
// returns the text report.
func lintExample(t *testing.T, example string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range exampleFiles(example) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	c := &cli.Command{Stdout: &stdout, Stderr: &stderr, WorkDir: dir,
		Getenv: func(string) string { return "" }, IsTerminal: func(io.Writer) bool { return false }}
	if code := c.Main([]string{"--fail-on", "never", "."}); code != cli.ExitOK {
		t.Fatalf("linting the example failed with exit %d: %s", code, stderr.String())
	}
	return stdout.String()
}

// TestExamples checks each rule's examples: the bad one must give a
// finding of the rule and the good one must not.
func TestExamples(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			if r.Bad == "" || r.Good == "" {
				t.Fatal("rule lacks a bad or a good example")
			}
			tag := "(" + r.ID + ")"
			if out := lintExample(t, r.Bad); !strings.Contains(out, tag) {
				t.Errorf("bad example gives no %s finding:\n%s", r.ID, out)
			}
			if out := lintExample(t, r.Good); strings.Contains(out, tag) {
				t.Errorf("good example gives a %s finding:\n%s", r.ID, out)
			}
		})
	}
}

// TestMetadata checks what every rule declaration must hold.
func TestMetadata(t *testing.T) {
	id := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, r := range rules.All() {
		switch {
		case !id.MatchString(r.ID):
			t.Errorf("rule ID %q is not kebab-case", r.ID)
		case seen[r.ID]:
			t.Errorf("rule %s is declared twice", r.ID)
		case r.Severity < lint.Notice || r.Severity > lint.Error:
			t.Errorf("rule %s has default severity %s", r.ID, r.Severity)
		case r.Summary == "" || strings.HasSuffix(r.Summary, ".") || strings.ToLower(r.Summary[:1]) != r.Summary[:1]:
			t.Errorf("rule %s summary %q should be one lower-case line without a final period", r.ID, r.Summary)
		case strings.TrimSpace(r.Explanation) == "":
			t.Errorf("rule %s has no explanation", r.ID)
		}
		seen[r.ID] = true
	}
}

// TestDocs keeps docs/rules and README's rule table in step with the rule
// declarations; run with -update to rewrite them.
func TestDocs(t *testing.T) {
	dir := filepath.Join("..", "docs", "rules")
	want := map[string]string{"README.md": index()}
	for _, r := range rules.All() {
		want[r.ID+".md"] = page(t, r)
	}

	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		for _, f := range old {
			if _, keep := want[filepath.Base(f)]; !keep {
				os.Remove(f)
			}
		}
	}
	for name, content := range want {
		checkFile(t, filepath.Join(dir, name), content)
	}
	if !*update {
		got, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		if len(got) != len(want) {
			t.Errorf("docs/rules has %d pages, want %d (run with -update)", len(got), len(want))
		}
	}

	readme := filepath.Join("..", "README.md")
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?s)<!-- rules:begin -->\n.*<!-- rules:end -->`)
	if !re.Match(b) {
		t.Fatal("README.md lacks the <!-- rules:begin --> / <!-- rules:end --> markers")
	}
	table := "<!-- rules:begin -->\n" + ruleTable("docs/rules/") + "<!-- rules:end -->"
	checkFile(t, readme, re.ReplaceAllLiteralString(string(b), table))
}

func checkFile(t *testing.T, path, want string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("%s is out of date with the rule declarations; run go test ./rules -run TestDocs -update", path)
	}
}

func index() string {
	return "# Rules\n\nEvery rule of sendlint, with its default severity. Change a severity or\n" +
		"turn a rule off under `rules:` in `sendlint.yaml`.\n\n" + ruleTable("")
}

func ruleTable(prefix string) string {
	var b strings.Builder
	b.WriteString("| rule | default | fires when |\n|---|---|---|\n")
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "| [`%s`](%s%s.md) | %s | %s |\n", r.ID, prefix, r.ID, r.Severity, strings.ReplaceAll(r.Summary, "<", "\\<"))
	}
	return b.String()
}

// page renders a rule's documentation page, with the report sendlint
// gives on the bad example.
func page(t *testing.T, r *lint.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", r.ID)
	fmt.Fprintf(&b, "**Default severity:** %s · **Finds:** %s\n\n", r.Severity, strings.ReplaceAll(r.Summary, "<", "\\<"))
	fmt.Fprintf(&b, "## Why\n\n%s\n\n", markdownParagraphs(r.Explanation))
	fmt.Fprintf(&b, "## Example\n\nThis gives a finding:\n\n%s\n", exampleBlock(r.Bad))
	fmt.Fprintf(&b, "sendlint reports:\n\n```text\n%s```\n\n", lintExample(t, r.Bad))
	fmt.Fprintf(&b, "This does not:\n\n%s\n", exampleBlock(r.Good))
	fmt.Fprintf(&b, "## Configuration\n\nChange the severity, or turn the rule off, in `sendlint.yaml`:\n\n")
	fmt.Fprintf(&b, "```yaml\nrules:\n  %s: warning   # error | warning | notice | off\n```\n\n", r.ID)
	fmt.Fprintf(&b, "Silence one finding with a reason, on its line or the line above:\n\n")
	fmt.Fprintf(&b, "```\n; sendlint:ignore %s <why this is fine>\n```\n", r.ID)
	return b.String()
}

// markdownParagraphs keeps the explanation's paragraphs, turns its
// indented lines into code blocks, and escapes "<" in prose so that a
// placeholder such as <domain> is not taken for an HTML tag.
func markdownParagraphs(text string) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "  ") {
			lines[i] = "  " + l
			continue
		}
		lines[i] = strings.ReplaceAll(l, "<", "\\<")
	}
	return strings.Join(lines, "\n")
}

func exampleBlock(example string) string {
	files := exampleFiles(example)
	if len(files) == 1 {
		for name, content := range files {
			return fmt.Sprintf("```%s\n%s```\n", fence(name), content)
		}
	}
	var b strings.Builder
	for _, name := range sortedKeys(files) {
		fmt.Fprintf(&b, "`%s`:\n\n```%s\n%s```\n\n", name, fence(name), files[name])
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func fence(name string) string {
	switch {
	case strings.HasSuffix(name, ".yaml"), strings.HasSuffix(name, ".yml"):
		return "yaml"
	case strings.HasSuffix(name, ".tf"):
		return "hcl"
	case strings.HasSuffix(name, ".env"), strings.HasPrefix(filepath.Base(name), ".env"):
		return "sh"
	}
	return "dns"
}

func sortedKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}
