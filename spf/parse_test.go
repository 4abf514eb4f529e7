package spf

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// parseCase is one case of testdata/parse.txt.
type parseCase struct {
	line   int
	text   string
	terms  []string
	errors []string
}

// readParseCases reads the cases of a file in the format described at the
// top of testdata/parse.txt.
func readParseCases(t *testing.T, path string) []*parseCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	var cases []*parseCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, `"`):
			text, err := strconv.Unquote(line)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, n, err)
			}
			cases = append(cases, &parseCase{line: n, text: text})
		case len(cases) == 0:
			t.Fatalf("%s:%d: expectation before the first record", path, n)
		case strings.HasPrefix(line, "term "):
			c := cases[len(cases)-1]
			c.terms = append(c.terms, strings.TrimPrefix(line, "term "))
		case strings.HasPrefix(line, "error "):
			c := cases[len(cases)-1]
			c.errors = append(c.errors, strings.TrimPrefix(line, "error "))
		case strings.HasPrefix(line, "fix "):
			c := cases[len(cases)-1]
			c.errors = append(c.errors, line)
		default:
			t.Fatalf("%s:%d: unknown line %q", path, n, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestParse(t *testing.T) {
	for _, c := range readParseCases(t, "testdata/parse.txt") {
		t.Run(fmt.Sprintf("line%d", c.line), func(t *testing.T) {
			rec, errs := Parse(c.text)

			var gotErrs, gotTerms []string
			for _, e := range errs {
				gotErrs = append(gotErrs, fmt.Sprintf("%d %d %s", e.Start, e.End, e.Msg))
				if e.Fix != nil {
					gotErrs = append(gotErrs, fmt.Sprintf("fix %d %d %q", e.Fix.Span.Start, e.Fix.Span.End, e.Fix.Text))
				}
			}
			if rec != nil {
				for _, tm := range rec.Terms {
					gotTerms = append(gotTerms, fmt.Sprintf("%d %d %s", tm.Span.Start, tm.Span.End, tm))
				}
			}
			if !slices.Equal(gotErrs, c.errors) {
				t.Errorf("Parse(%q) errors:\n got %q\nwant %q", c.text, gotErrs, c.errors)
			}
			if !slices.Equal(gotTerms, c.terms) {
				t.Errorf("Parse(%q) terms:\n got %q\nwant %q", c.text, gotTerms, c.terms)
			}
			checkInvariants(t, c.text, rec, errs)
		})
	}
}

// checkInvariants checks what holds for any text: offsets lie within it
// and in order, error spans are empty only for an empty text, and a
// record without errors prints as a record that parses to the same
// terms.
func checkInvariants(t *testing.T, text string, rec *Record, errs []*Error) {
	t.Helper()
	for _, e := range errs {
		if e.Start < 0 || e.End > len(text) || e.Start > e.End || e.Start == e.End && text != "" {
			t.Fatalf("Parse(%q): error span [%d,%d) out of range: %s", text, e.Start, e.End, e.Msg)
		}
		if f := e.Fix; f != nil && (f.Span.Start < 0 || f.Span.End > len(text) || f.Span.Start > f.Span.End) {
			t.Fatalf("Parse(%q): fix span [%d,%d) out of range: %s", text, f.Span.Start, f.Span.End, e.Msg)
		}
	}
	if rec == nil {
		if len(errs) != 1 {
			t.Fatalf("Parse(%q): nil record with %d errors", text, len(errs))
		}
		return
	}
	last := rec.Version.End
	for _, tm := range rec.Terms {
		if tm.Span.Start < last || tm.Span.End > len(text) || tm.Span.Start >= tm.Span.End {
			t.Fatalf("Parse(%q): term %q span [%d,%d) out of order or range", text, tm, tm.Span.Start, tm.Span.End)
		}
		last = tm.Span.End
	}
	if len(errs) > 0 {
		return
	}

	again, errs2 := Parse(rec.String())
	if len(errs2) > 0 {
		t.Fatalf("Parse(%q).String() = %q does not parse: %v", text, rec.String(), errs2[0])
	}
	if a, b := dump(rec), dump(again); a != b {
		t.Fatalf("Parse(%q) and Parse of its String() differ:\n%s\n%s", text, a, b)
	}
}

// dump prints every field of a record but the spans, to compare records
// parsed from different texts.
func dump(r *Record) string {
	var b strings.Builder
	for _, t := range r.Terms {
		fmt.Fprintf(&b, "%v %q %q %v %d/%v %d/%v",
			t.Kind, t.Qualifier, t.Name, t.Addr, t.Prefix4, t.HasPrefix4, t.Prefix6, t.HasPrefix6)
		if t.Domain != nil {
			for _, p := range t.Domain.Parts {
				fmt.Fprintf(&b, " [%q %q %v %d %v %q]", p.Literal, p.Letter, p.Escape, p.Digits, p.Reverse, p.Delimiters)
			}
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "redirect=%v exp=%v mechanisms=%d", r.Redirect != nil, r.Exp != nil, len(r.Mechanisms))
	return b.String()
}
