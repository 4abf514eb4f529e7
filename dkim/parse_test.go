package dkim

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// parseCase is one case of testdata/parse.txt: a record, the errors Parse
// must report in order, and facts about the record it must return.
type parseCase struct {
	line  int
	text  string
	errs  []wantError
	facts map[string]string
}

type wantError struct {
	level      string
	start, end string
	msg        string
}

// readKeys reads testdata/keys.txt: lines "key NAME BASE64".
func readKeys(t testing.TB) map[string]string {
	t.Helper()
	data, err := os.ReadFile("testdata/keys.txt")
	if err != nil {
		t.Fatal(err)
	}
	keys := make(map[string]string)
	for line := range strings.Lines(string(data)) {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "key" {
			keys[f[1]] = f[2]
		}
	}
	return keys
}

// readCases reads the case file. A case starts with "> " and the record
// text (Go-quoted when it starts with a double quote), in which ${NAME}
// stands for a key of testdata/keys.txt, followed by lines:
//
//	LEVEL START END MESSAGE   an error; END "$" is the end of the text
//	fact KEY=VALUE ...        values from summary
func readCases(t testing.TB, path string) []parseCase {
	t.Helper()
	keys := readKeys(t)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	var cases []parseCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "> "):
			text := line[2:]
			if strings.HasPrefix(text, `"`) {
				if text, err = strconv.Unquote(text); err != nil {
					t.Fatalf("%s:%d: %v", path, n, err)
				}
			}
			text = os.Expand(text, func(k string) string { return keys[k] })
			cases = append(cases, parseCase{line: n, text: text, facts: map[string]string{}})
			continue
		}
		if len(cases) == 0 {
			t.Fatalf("%s:%d: expectation before the first case", path, n)
		}
		c := &cases[len(cases)-1]
		if strings.HasPrefix(line, "fact ") {
			for _, kv := range strings.Fields(line)[1:] {
				k, v, _ := strings.Cut(kv, "=")
				c.facts[k] = v
			}
			continue
		}
		parts := strings.SplitN(line, " ", 4)
		if len(parts) < 4 {
			t.Fatalf("%s:%d: want LEVEL START END MESSAGE", path, n)
		}
		c.errs = append(c.errs, wantError{parts[0], parts[1], parts[2], parts[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// summary returns the record's values as KEY=VALUE pairs.
func summary(r *Record) map[string]string {
	return map[string]string{
		"ignored":  strconv.FormatBool(r.Ignored),
		"k":        r.KeyType,
		"h":        strings.Join(r.Hashes, ":"),
		"s":        strings.Join(r.Services, ":"),
		"t":        strings.Join(r.Flags, ":"),
		"testing":  strconv.FormatBool(r.Testing),
		"strict":   strconv.FormatBool(r.Strict),
		"revoked":  strconv.FormatBool(r.Revoked),
		"bits":     strconv.Itoa(r.Bits),
		"pkcs1":    strconv.FormatBool(r.PKCS1),
		"key":      strconv.FormatBool(r.Key != nil),
		"key_type": keyName(r.Key),
	}
}

func offset(s string, text string) int {
	if s == "$" {
		return len(text)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func TestParse(t *testing.T) {
	for _, c := range readCases(t, "testdata/parse.txt") {
		t.Run(fmt.Sprintf("line%d", c.line), func(t *testing.T) {
			rec, errs := Parse(c.text)

			if len(errs) != len(c.errs) {
				t.Errorf("Parse(%.60q): got %d errors, want %d:", c.text, len(errs), len(c.errs))
				for _, e := range errs {
					t.Errorf("  %s %d %d %s", e.Level, e.Start, e.End, e.Msg)
				}
				return
			}
			for i, e := range errs {
				w := c.errs[i]
				if e.Level.String() != w.level || e.Start != offset(w.start, c.text) || e.End != offset(w.end, c.text) || !strings.Contains(e.Msg, w.msg) {
					t.Errorf("Parse(%.60q) error %d:\n got  %s %d %d %s\n want %s %s %s %s",
						c.text, i, e.Level, e.Start, e.End, e.Msg, w.level, w.start, w.end, w.msg)
				}
			}
			sum := summary(rec)
			for k, v := range c.facts {
				if sum[k] != v {
					t.Errorf("Parse(%.60q): %s = %q, want %q", c.text, k, sum[k], v)
				}
			}
		})
	}
}
