package zonefile_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestFindingCap(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 120; i++ {
		fmt.Fprintf(&b, "h%d A 192.0.2.%d\n", i, 300*(i%2)+i%200)
	}
	st := load(t, b.String(), exampleCom)

	got := findings(st)
	if len(got) != 51 {
		t.Fatalf("got %d findings, want 50 and a summary", len(got))
	}
	if want := `zones/test.zone 1:6-1:17 zone-syntax: bad IPv4 address "192.0.2.301" in A record`; got[0] != want {
		t.Errorf("first finding %q, want %q", got[0], want)
	}
	if want := "zones/test.zone 101:8 zone-syntax: 10 more errors not shown; fix the ones above and run again"; got[50] != want {
		t.Errorf("last finding %q, want %q", got[50], want)
	}
	for _, f := range st.Problems {
		if f.Domain != "example.com" {
			t.Errorf("finding %q has domain %q, want example.com", f.Message, f.Domain)
		}
	}
	if n := len(records(st)); n != 60 {
		t.Errorf("got %d records, want the 60 good ones", n)
	}
}

// TestRecovery checks that a problem costs only its own record, and that
// after a parenthesis that is never closed reading goes on at the next
// line, once per file.
func TestRecovery(t *testing.T) {
	src := "a A 192.0.2.1\n" +
		"b TXT ( \"unclosed\"\n" +
		"c A 192.0.2.3\n" +
		"d TXT \"unterminated\n" +
		"e A 192.0.2.5\n" +
		"g A 192.0.2.7\n" +
		"h TXT ( \"second unclosed\"\n" +
		"i A 192.0.2.9\n"
	st := load(t, src, exampleCom)

	diff(t, "findings", findings(st), []string{
		`zones/test.zone 2:7-2:8 zone-syntax: unbalanced parenthesis opened at line 2; expected ")" before the end of the file`,
		`zones/test.zone 4:7-4:8 zone-syntax: unterminated quoted string; expected a closing '"' on the same line`,
		`zones/test.zone 7:7-7:8 zone-syntax: unbalanced parenthesis opened at line 7; expected ")" before the end of the file`,
	})
	var names []string
	for _, r := range records(st) {
		names = append(names, strings.Fields(r)[1])
	}
	diff(t, "names", names, []string{
		"a.example.com", "c.example.com", "e.example.com", "g.example.com",
	})
}

func TestLongData(t *testing.T) {
	long := strings.Repeat("x", 1<<20)
	st := load(t, "big TXT \""+long+"\" \"end\"\nnext A 192.0.2.1\n", exampleCom)
	diff(t, "findings", findings(st), []string{
		"zones/test.zone 1:5-1:8 zone-syntax: TXT record data is 1048581 bytes long; a DNS record holds at most 65535",
	})
	if st.Node("next.example.com") == nil {
		t.Error("the record after the long one was not loaded")
	}

	// A string over 255 bytes is kept whole: rules report it.
	st = load(t, "k TXT \""+long[:300]+"\"\n", exampleCom)
	diff(t, "findings", findings(st), nil)
	if r := st.Records("k.example.com", lint.TypeTXT); len(r) != 1 || len(r[0].Text[0].Value) != 300 {
		t.Errorf("want one TXT record with a 300-byte string, got %v", r)
	}
}

func TestTooManyWords(t *testing.T) {
	src := "t TXT (" + strings.Repeat(" a", 80000) + " )\nnext A 192.0.2.1\n"
	st := load(t, src, exampleCom)
	diff(t, "findings", findings(st), []string{
		"zones/test.zone 1:140005 zone-syntax: entry has more than 70000 words; is a parenthesis left open?",
	})
	if st.Node("next.example.com") == nil {
		t.Error("the record after the long one was not loaded")
	}
}

// TestTextPositions checks the positions kept for the bytes of
// character-strings, through lint.Record.PosAt.
func TestTextPositions(t *testing.T) {
	src := "t TXT \"a\\\"b\" plain \"c\\099d\"\n" +
		"u TXT \"line\\\nnext\"\n"
	st := load(t, src, exampleCom)
	diff(t, "findings", findings(st), nil)

	r := st.Records("t.example.com", lint.TypeTXT)[0]
	if got := r.Joined(); got != `a"bplainccd` {
		t.Errorf("Joined() = %q", got)
	}
	var cols []int
	for i := range len(r.Joined()) {
		cols = append(cols, r.PosAt(i).Column)
	}
	// a=8 \"=9 b=11 plain=14.. c=21 \099=22 d=26
	if want := []int{8, 9, 11, 14, 15, 16, 17, 18, 21, 22, 26}; !slices.Equal(cols, want) {
		t.Errorf("columns %v, want %v", cols, want)
	}
	if r.Text[1].Cols != nil || r.Text[0].Cols == nil {
		t.Errorf("Cols should be set only where escapes shift columns")
	}

	u := st.Records("u.example.com", lint.TypeTXT)[0]
	if got := u.Text[0].Value; got != "line\nnext" || u.Text[0].Cols != nil {
		t.Errorf("escaped newline: value %q, cols %v", got, u.Text[0].Cols)
	}
	if got := span(u.Range); got != "2:1-3:6" {
		t.Errorf("range of a string spanning lines = %s, want 2:1-3:6", got)
	}
}
