package lint

import "testing"

func TestRecordPositions(t *testing.T) {
	// "v=spf1 " on line 3 from column 10, then "-all" on line 4 from
	// column 5, then a string with an escape: a\"b where the quote is
	// two source bytes.
	r := &Record{
		Range: Range{File: "z"},
		Text: []TextString{
			{Value: "v=spf1 ", Pos: Pos{Line: 3, Column: 10}},
			{Value: "-all", Pos: Pos{Line: 4, Column: 5}},
			{Value: `a"b`, Pos: Pos{Line: 5, Column: 2}, Cols: []int32{2, 3, 5}},
		},
	}
	if got := r.Joined(); got != `v=spf1 -alla"b` {
		t.Fatalf("Joined = %q", got)
	}
	tests := []struct {
		off  int
		want Pos
	}{
		{0, Pos{3, 10}},
		{6, Pos{3, 16}},
		{7, Pos{4, 5}},
		{10, Pos{4, 8}},
		{11, Pos{5, 2}},
		{12, Pos{5, 3}},
		{13, Pos{5, 5}},
		{99, Pos{5, 6}},
	}
	for _, tt := range tests {
		if got := r.PosAt(tt.off); got != tt.want {
			t.Errorf("PosAt(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}

	rg := r.RangeAt(7, 11)
	if rg.Start != (Pos{4, 5}) || rg.End != (Pos{4, 9}) || rg.File != "z" {
		t.Errorf("RangeAt(7, 11) = %+v", rg)
	}
	// A range across strings on two lines has no end.
	if rg := r.RangeAt(0, 11); rg.End.IsValid() {
		t.Errorf("RangeAt across lines has end %v", rg.End)
	}
}
