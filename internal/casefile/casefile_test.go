package casefile

import (
	"slices"
	"testing"
)

func TestRead(t *testing.T) {
	want := []Case{
		{Line: 3, Text: "v=DMARC1; p=none", Want: []string{"first expectation", "second expectation"}},
		{Line: 7, Head: "kind", Text: "\tquoted\x00", Want: []string{"a line with > inside"}},
		{Line: 10, Text: ""},
	}
	got := Read(t, "testdata/cases.txt")
	if len(got) != len(want) {
		t.Fatalf("Read: %d cases, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Line != w.Line || g.Head != w.Head || g.Text != w.Text || !slices.Equal(g.Want, w.Want) {
			t.Errorf("case %d = %+v, want %+v", i, g, w)
		}
	}
}
