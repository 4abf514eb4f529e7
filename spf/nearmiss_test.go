package spf

import (
	"fmt"
	"slices"
	"testing"
)

func TestNearMiss(t *testing.T) {
	for _, c := range readParseCases(t, "testdata/nearmiss.txt") {
		t.Run(fmt.Sprintf("line%d", c.line), func(t *testing.T) {
			var got []string
			if e := NearMiss(c.text); e != nil {
				got = append(got, fmt.Sprintf("%d %d %s", e.Start, e.End, e.Msg))
				if e.Fix != nil {
					got = append(got, fmt.Sprintf("fix %d %d %q", e.Fix.Span.Start, e.Fix.Span.End, e.Fix.Text))
				}
			}
			if !slices.Equal(got, c.errors) {
				t.Errorf("NearMiss(%q):\n got %q\nwant %q", c.text, got, c.errors)
			}
		})
	}
}
