package taglist

import "testing"

func TestDescribeChar(t *testing.T) {
	tests := []struct {
		s    string
		i    int
		want string
	}{
		{"a b", 1, "a space"},
		{"a\tb", 1, "a tab"},
		{"\x00", 0, "the control character 0x00"},
		{"\x7f", 0, "the control character 0x7F"},
		{`"`, 0, `"\""`},
		{"x\xffy", 1, "the byte 0xFF, which is not UTF-8"},
		{"\u00a0", 0, "a no-break space (U+00A0)"},
		{"v\u200b", 1, "a zero-width space (U+200B)"},
		{"\ufeffv=1", 0, "a byte order mark (U+FEFF)"},
		{"\u201cx\u201d", 4, "a curly quote (U+201D)"},
		{"a\u2014b", 1, "a dash (U+2014)"},
		{"é", 0, "the non-ASCII character 'é' (U+00E9)"},
	}
	for _, tt := range tests {
		if got := DescribeChar(tt.s, tt.i); got != tt.want {
			t.Errorf("DescribeChar(%q, %d) = %q, want %q", tt.s, tt.i, got, tt.want)
		}
	}
}

func TestCharLen(t *testing.T) {
	tests := []struct {
		s    string
		i    int
		want int
	}{
		{"a", 0, 1},
		{"xé", 1, 2},
		{"\u200b", 0, 3},
		{"😀", 0, 4},
		// A byte that starts no valid sequence, and one cut short, are
		// each one byte long.
		{"\xff", 0, 1},
		{"\xe2\x80", 0, 1},
	}
	for _, tt := range tests {
		if got := CharLen(tt.s, tt.i); got != tt.want {
			t.Errorf("CharLen(%q, %d) = %d, want %d", tt.s, tt.i, got, tt.want)
		}
	}
}
