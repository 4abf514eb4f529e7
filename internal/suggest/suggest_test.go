package suggest

import "testing"

func TestClosest(t *testing.T) {
	candidates := []string{"include", "exists", "redirect", "all"}
	tests := []struct {
		in, want string
	}{
		{"incude", "include"},
		{"inlcude", "include"},
		{"exist", "exists"},
		{"redirct", "redirect"},
		{"al", ""},     // too short to be sure
		{"banana", ""}, // nothing near
		{"include", "include"},
	}
	for _, tt := range tests {
		if got := Closest(tt.in, candidates); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"spf-ptr", "spf-pt", 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDamerauDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"ps", "sp", 1},
		{"rejcet", "reject", 1},
		{"kitten", "sitting", 3},
		// Optimal string alignment edits no substring twice, so "ca"
		// to "abc" takes three edits, not two.
		{"ca", "abc", 3},
	}
	for _, tt := range tests {
		if got := DamerauDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("DamerauDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if d := Distance(tt.a, tt.b); d < tt.want {
			t.Errorf("Distance(%q, %q) = %d, less than DamerauDistance %d", tt.a, tt.b, d, tt.want)
		}
	}
}
