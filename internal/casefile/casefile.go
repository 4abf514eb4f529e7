// Package casefile reads the case files of the parser tests. A case file
// holds cases, each a line "HEAD> TEXT" followed by the lines that say
// what parsing TEXT must give. HEAD is one word naming what to do with the
// text, or nothing; TEXT is Go-quoted when it starts with a double quote,
// so that it can hold any byte. Blank lines and lines starting with "#"
// are skipped.
package casefile

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Case is one case of a case file.
type Case struct {
	// Line is the line number of the case's "HEAD> TEXT" line.
	Line int
	// Head is the word before "> ", "" for none; Text the text after it,
	// unquoted.
	Head, Text string
	// Want holds the lines after the case, in order.
	Want []string
}

// Read reads the case file at path, failing t on a file it cannot read,
// a quoted text that does not unquote, or an expectation before the first
// case. A line is a case when it holds "> " with no space before it; any
// other line is an expectation of the case above.
func Read(t testing.TB, path string) []Case {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	var cases []Case
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if head, text, ok := strings.Cut(line, "> "); ok && !strings.Contains(head, " ") {
			if strings.HasPrefix(text, `"`) {
				if text, err = strconv.Unquote(text); err != nil {
					t.Fatalf("%s:%d: %v", path, n, err)
				}
			}
			cases = append(cases, Case{Line: n, Head: head, Text: text})
			continue
		}
		if len(cases) == 0 {
			t.Fatalf("%s:%d: expectation before the first case", path, n)
		}
		c := &cases[len(cases)-1]
		c.Want = append(c.Want, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return cases
}
