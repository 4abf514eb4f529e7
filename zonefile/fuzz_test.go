package zonefile_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/zonefile"
)

// FuzzLoad feeds random zone text through LoadBytes: it must not panic,
// every finding and every record must point inside the text, names must
// be canonical, and loading twice must give the same result.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "ok", "*"))
	for _, name := range seeds {
		if b, err := os.ReadFile(name); err == nil && !strings.HasSuffix(name, ".golden") {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"@ SOA ns1 host ( 1 2 3 4 5 )\nwww A 192.0.2.1\n\tAAAA 2001:db8::1\n",
		"t TXT \"a\\\"b\" \"c\\065\" ( \"d\"\n \"e\" ) ; sendlint:ignore spf-ptr why\n",
		"$GENERATE 1-3 h${0,3,n} IN TXT \"\\\"v=spf1 ip4:192.0.2.$ -all\\\"\"\n",
		"$ORIGIN sub\n$TTL 1h30m\nx 1w IN MX 10 .\n$INCLUDE x.inc other\n",
		"x TYPE65280 \\# 3 abcdef\ny TXT \\# 4 03616263\nz CAA 0 issue \"ca\"\n",
		"a ( b\n\"unterminated\nc ) )\n",
		"\xef\xbb\xbfwww A 192.0.2.1\r\n",
	} {
		f.Add([]byte(s))
	}

	f.Fuzz(func(t *testing.T, src []byte) {
		const display = "fuzz.zone"
		st := lint.NewState()
		zonefile.LoadBytes(st, display, src, zonefile.Options{Origin: "example.com"})

		lines := strings.Split(string(src), "\n")
		for _, p := range st.Problems {
			if p.Rule != "zone-syntax" && p.Rule != "zone-origin-unknown" {
				t.Errorf("finding with rule %q", p.Rule)
			}
			checkRange(t, "finding "+p.Message, p.Range, display, lines)
			if p.Message == "" || strings.HasSuffix(p.Message, ".") && !strings.HasSuffix(p.Message, "..") {
				t.Errorf("message %q is empty or ends with a period", p.Message)
			}
		}
		for _, name := range st.Names() {
			if name != lint.CanonicalName(name) {
				t.Errorf("name %q is not canonical", name)
			}
			for _, r := range st.Node(name).Records {
				checkRecord(t, r, display, lines)
			}
		}

		again := lint.NewState()
		zonefile.LoadBytes(again, display, src, zonefile.Options{Origin: "example.com"})
		if !slices.Equal(findings(st), findings(again)) || !slices.Equal(records(st), records(again)) {
			t.Errorf("loading twice gives different results")
		}
	})
}

func checkRecord(t *testing.T, r *lint.Record, display string, lines []string) {
	t.Helper()
	what := "record " + r.Name + " " + r.Type.String()
	checkRange(t, what, r.Range, display, lines)
	if !r.Range.End.IsValid() {
		t.Errorf("%s has no end", what)
	}
	checkPos(t, what+" data", r.DataPos, lines)
	for _, s := range r.Text {
		checkPos(t, what+" string", s.Pos, lines)
		for _, c := range s.Cols {
			checkPos(t, what+" string byte", lint.Pos{Line: s.Pos.Line, Column: int(c)}, lines)
		}
	}
}

// checkRange checks that rg is in the file and its start and end inside
// its lines, the end not before the start.
func checkRange(t *testing.T, what string, rg lint.Range, display string, lines []string) {
	t.Helper()
	if rg.File != display {
		t.Errorf("%s: file %q, want %q", what, rg.File, display)
	}
	checkPos(t, what, rg.Start, lines)
	if rg.End.IsValid() {
		checkPos(t, what+" end", rg.End, lines)
		if rg.End.Before(rg.Start) {
			t.Errorf("%s: end %v before start %v", what, rg.End, rg.Start)
		}
	}
}

// checkPos checks that p is a line of the text and a column of that line
// or just past its end.
func checkPos(t *testing.T, what string, p lint.Pos, lines []string) {
	t.Helper()
	if p.Line < 1 || p.Line > len(lines) || p.Column < 1 || p.Column > len(lines[p.Line-1])+1 {
		t.Errorf("%s: position %d:%d outside the text", what, p.Line, p.Column)
	}
}
