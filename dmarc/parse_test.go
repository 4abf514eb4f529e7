package dmarc

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/internal/casefile"
)

// parseCase is one case of testdata/parse.txt: a record, the errors Parse
// must report in order, and facts about the record it must return.
type parseCase struct {
	line   int
	text   string
	errs   []wantError
	facts  map[string]string
	policy string
}

type wantError struct {
	level, kind string
	start, end  int
	msg         string
	// fix is the correction the error must carry, "" for any.
	fix string
}

// readCases reads the case file, whose cases have no head (see
// internal/casefile). A case's text is followed by lines:
//
//	LEVEL KIND START END MESSAGE   an error; MESSAGE is a substring
//	fix START END TEXT             the Fix of the error above
//	policies P SP NP               what Policies returns, "-" for !ok
//	fact KEY=VALUE ...             values from summary
func readCases(t testing.TB, path string) []parseCase {
	t.Helper()
	var cases []parseCase
	for _, fc := range casefile.Read(t, path) {
		if fc.Head != "" {
			t.Fatalf("%s:%d: a case starts with \"> \"", path, fc.Line)
		}
		c := parseCase{line: fc.Line, text: fc.Text, facts: map[string]string{}}
		for _, line := range fc.Want {
			c.expect(t, path, line)
		}
		cases = append(cases, c)
	}
	return cases
}

// expect adds one expectation line to the case.
func (c *parseCase) expect(t testing.TB, path, line string) {
	fields := strings.Fields(line)
	switch fields[0] {
	case "policies":
		c.policy = strings.Join(fields[1:], " ")
	case "fix":
		if len(c.errs) == 0 {
			t.Fatalf("%s: case at line %d: fix before any error", path, c.line)
		}
		c.errs[len(c.errs)-1].fix = strings.TrimPrefix(line, "fix ")
	case "fact":
		for _, kv := range fields[1:] {
			k, v, _ := strings.Cut(kv, "=")
			c.facts[k] = v
		}
	default:
		parts := strings.SplitN(line, " ", 5)
		if len(parts) < 5 {
			t.Fatalf("%s: case at line %d: want LEVEL KIND START END MESSAGE", path, c.line)
		}
		s, err1 := strconv.Atoi(parts[2])
		e, err2 := strconv.Atoi(parts[3])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: case at line %d: bad offsets", path, c.line)
		}
		c.errs = append(c.errs, wantError{level: parts[0], kind: parts[1], start: s, end: e, msg: parts[4]})
	}
}

func kindName(k Kind) string {
	switch k {
	case KindSyntax:
		return "syntax"
	case KindUnknown:
		return "unknown"
	case KindRemoved:
		return "removed"
	}
	return "?"
}

// summary returns the record's values as KEY=VALUE pairs.
func summary(r *Record) map[string]string {
	uris := func(us []URI) string {
		var out []string
		for _, u := range us {
			s := u.Scheme + ":" + u.Domain
			if u.Address != "" {
				s = u.Address
			}
			if !u.Valid {
				s = "!" + u.Raw
			}
			out = append(out, s)
		}
		return strings.Join(out, ",")
	}
	return map[string]string{
		"ignored": strconv.FormatBool(r.Ignored),
		"p":       string(r.P),
		"sp":      string(r.SP),
		"np":      string(r.NP),
		"adkim":   string(r.ADKIM),
		"aspf":    string(r.ASPF),
		"psd":     string(r.PSD),
		"t":       strconv.FormatBool(r.Testing),
		"pct":     strconv.Itoa(r.PCT),
		"fo":      strings.Join(r.FO, ":"),
		"rua":     uris(r.RUA),
		"ruf":     uris(r.RUF),
		"tags":    strconv.Itoa(len(r.Tags)),
	}
}

func describeFix(f *Fix) string {
	if f == nil {
		return "none"
	}
	return fmt.Sprintf("%d %d %s", f.Start, f.End, f.Text)
}

func TestParse(t *testing.T) {
	for _, c := range readCases(t, "testdata/parse.txt") {
		t.Run(fmt.Sprintf("line%d", c.line), func(t *testing.T) {
			rec, errs := Parse(c.text)

			if len(errs) != len(c.errs) {
				t.Errorf("Parse(%q): got %d errors, want %d:", c.text, len(errs), len(c.errs))
				for _, e := range errs {
					t.Errorf("  %s %s %d %d %s", e.Level, kindName(e.Kind), e.Start, e.End, e.Msg)
				}
				return
			}
			for i, e := range errs {
				w := c.errs[i]
				if e.Level.String() != w.level || kindName(e.Kind) != w.kind || e.Start != w.start || e.End != w.end || !strings.Contains(e.Msg, w.msg) {
					t.Errorf("Parse(%q) error %d:\n got  %s %s %d %d %s\n want %s %s %d %d %s",
						c.text, i, e.Level, kindName(e.Kind), e.Start, e.End, e.Msg, w.level, w.kind, w.start, w.end, w.msg)
				}
				if w.fix == "" {
					continue
				}
				if got := describeFix(e.Fix); got != w.fix {
					t.Errorf("Parse(%q) error %d: fix %s, want %s", c.text, i, got, w.fix)
				}
			}

			if c.policy != "" {
				p, sp, np, ok := rec.Policies()
				got := fmt.Sprintf("%s %s %s", p, sp, np)
				if !ok {
					got = "-"
				}
				if got != c.policy {
					t.Errorf("Parse(%q).Policies() = %s, want %s", c.text, got, c.policy)
				}
			}
			sum := summary(rec)
			for k, v := range c.facts {
				if sum[k] != v {
					t.Errorf("Parse(%q): %s = %q, want %q", c.text, k, sum[k], v)
				}
			}
		})
	}
}
