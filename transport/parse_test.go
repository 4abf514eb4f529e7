package transport

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/internal/casefile"
)

// parseCase is one case of testdata/parse.txt.
type parseCase struct {
	line  int
	kind  string
	text  string
	errs  []string
	facts map[string]string
}

// readCases reads the case file (see internal/casefile). A case's head is
// its kind, mta-sts, tls-rpt or bimi; its text is followed by lines:
//
//	LEVEL START END MESSAGE   an error, MESSAGE a substring of its text
//	fact KEY=VALUE ...        values from the parse
func readCases(t testing.TB, path string) []parseCase {
	t.Helper()
	var cases []parseCase
	for _, fc := range casefile.Read(t, path) {
		c := parseCase{line: fc.Line, kind: fc.Head, text: fc.Text, facts: map[string]string{}}
		for _, line := range fc.Want {
			if rest, ok := strings.CutPrefix(line, "fact "); ok {
				for _, kv := range strings.Fields(rest) {
					k, v, _ := strings.Cut(kv, "=")
					c.facts[k] = v
				}
				continue
			}
			c.errs = append(c.errs, line)
		}
		cases = append(cases, c)
	}
	return cases
}

// parse runs the parser of kind and returns its errors and facts.
func parse(kind, text string) ([]*Error, map[string]string) {
	switch kind {
	case "mta-sts":
		r, errs := ParseMTASTS(text)
		return errs, map[string]string{"invalid": strconv.FormatBool(r.Invalid), "id": r.ID, "fields": strconv.Itoa(len(r.Fields))}
	case "tls-rpt":
		r, errs := ParseTLSRPT(text)
		var rua []string
		for _, u := range r.RUA {
			rua = append(rua, u.Scheme+":"+u.Domain)
		}
		return errs, map[string]string{"invalid": strconv.FormatBool(r.Invalid), "rua": strings.Join(rua, ",")}
	case "bimi":
		r, errs := ParseBIMI(text)
		return errs, map[string]string{"invalid": strconv.FormatBool(r.Invalid), "l": r.Location, "a": r.Evidence, "declined": strconv.FormatBool(r.Declined)}
	}
	return nil, nil
}

func TestParse(t *testing.T) {
	for _, c := range readCases(t, "testdata/parse.txt") {
		t.Run(fmt.Sprintf("line%d", c.line), func(t *testing.T) {
			errs, facts := parse(c.kind, c.text)
			if facts == nil {
				t.Fatalf("unknown kind %q", c.kind)
			}
			if len(errs) != len(c.errs) {
				t.Errorf("%s %q: got %d errors, want %d:", c.kind, c.text, len(errs), len(c.errs))
				for _, e := range errs {
					t.Errorf("  %s %d %d %s", e.Level, e.Start, e.End, e.Msg)
				}
				return
			}
			for i, e := range errs {
				parts := strings.SplitN(c.errs[i], " ", 4)
				got := fmt.Sprintf("%s %d %d", e.Level, e.Start, e.End)
				if len(parts) < 4 || got != strings.Join(parts[:3], " ") || !strings.Contains(e.Msg, parts[3]) {
					t.Errorf("%s %q error %d:\n got  %s %s\n want %s", c.kind, c.text, i, got, e.Msg, c.errs[i])
				}
			}
			for k, v := range c.facts {
				if facts[k] != v {
					t.Errorf("%s %q: %s = %q, want %q", c.kind, c.text, k, facts[k], v)
				}
			}
		})
	}
}
