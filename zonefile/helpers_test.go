package zonefile_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/zonefile"
)

// load reads src as the file "zones/test.zone" with origin example.com
// unless opt says otherwise.
func load(t *testing.T, src string, opt zonefile.Options) *lint.State {
	t.Helper()
	st := lint.NewState()
	zonefile.LoadBytes(st, "zones/test.zone", []byte(src), opt)
	return st
}

var exampleCom = zonefile.Options{Origin: "example.com"}

// records lists the records of st, one line each, in source order:
//
//	L:C-L:C NAME TYPE TTL DATA @L:C
//
// where the last position is DataPos and DATA depends on the type.
func records(st *lint.State) []string { return recordLines(st, false) }

// recordLines lists records as records does, with each one's file first
// when withFile is set.
func recordLines(st *lint.State, withFile bool) []string {
	var all []*lint.Record
	for _, name := range st.Names() {
		all = append(all, st.Node(name).Records...)
	}
	slices.SortStableFunc(all, func(a, b *lint.Record) int {
		return strings.Compare(posKey(a.Range), posKey(b.Range))
	})

	var out []string
	for _, r := range all {
		file := ""
		if withFile {
			file = r.Range.File + " "
		}
		out = append(out, fmt.Sprintf("%s%s %s %s %d%s @%s",
			file, span(r.Range), r.Name, r.Type, r.TTL, data(r), pos(r.DataPos)))
	}
	return out
}

func posKey(rg lint.Range) string {
	return fmt.Sprintf("%s:%08d:%08d", rg.File, rg.Start.Line, rg.Start.Column)
}

func data(r *lint.Record) string {
	switch r.Type {
	case lint.TypeA, lint.TypeAAAA:
		return " " + r.Addr.String()
	case lint.TypeNS, lint.TypeCNAME:
		return " " + r.Target
	case lint.TypeMX:
		return fmt.Sprintf(" %d %s", r.Pref, r.Target)
	case lint.TypeTXT, lint.TypeSPF:
		var b strings.Builder
		for _, s := range r.Text {
			fmt.Fprintf(&b, " %q@%s", s.Value, pos(s.Pos))
		}
		return b.String()
	}
	return ""
}

func pos(p lint.Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// span formats a range as L:C-L:C, or L:C when it has no end.
func span(rg lint.Range) string {
	if !rg.End.IsValid() {
		return pos(rg.Start)
	}
	return pos(rg.Start) + "-" + pos(rg.End)
}

// findings lists st's load problems, one line each:
//
//	FILE L:C-L:C RULE [SEVERITY]: MESSAGE
//
// with the severity only when the finding sets one.
func findings(st *lint.State) []string {
	var out []string
	for _, f := range st.Problems {
		sev := ""
		if f.Severity != lint.SeverityDefault {
			sev = " " + f.Severity.String()
		}
		out = append(out, fmt.Sprintf("%s %s %s%s: %s", f.Range.File, span(f.Range), f.Rule, sev, f.Message))
	}
	return out
}

// diff fails t when got and want differ, showing both.
func diff(t *testing.T, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	t.Errorf("%s differ\ngot:\n\t%s\nwant:\n\t%s", what,
		strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
}
