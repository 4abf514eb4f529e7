package dkim

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/internal/casefile"
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

// readCases reads the case file, whose cases have no head (see
// internal/casefile). In a case's text ${NAME} stands for a key of
// testdata/keys.txt; the text is followed by lines:
//
//	LEVEL START END MESSAGE   an error; END "$" is the end of the text
//	fact KEY=VALUE ...        values from summary
func readCases(t testing.TB, path string) []parseCase {
	t.Helper()
	keys := readKeys(t)
	var cases []parseCase
	for _, fc := range casefile.Read(t, path) {
		if fc.Head != "" {
			t.Fatalf("%s:%d: a case starts with \"> \"", path, fc.Line)
		}
		text := os.Expand(fc.Text, func(k string) string { return keys[k] })
		c := parseCase{line: fc.Line, text: text, facts: map[string]string{}}
		for _, line := range fc.Want {
			if strings.HasPrefix(line, "fact ") {
				for _, kv := range strings.Fields(line)[1:] {
					k, v, _ := strings.Cut(kv, "=")
					c.facts[k] = v
				}
				continue
			}
			parts := strings.SplitN(line, " ", 4)
			if len(parts) < 4 {
				t.Fatalf("%s: case at line %d: want LEVEL START END MESSAGE", path, c.line)
			}
			c.errs = append(c.errs, wantError{parts[0], parts[1], parts[2], parts[3]})
		}
		cases = append(cases, c)
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
