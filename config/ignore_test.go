package config

import "testing"

func TestMatcher(t *testing.T) {
	tests := []struct {
		globs []string
		path  string
		isDir bool
		want  bool
	}{
		{[]string{"legacy/**"}, "legacy/a.zone", false, true},
		{[]string{"legacy/**"}, "legacy/x/y/a.zone", false, true},
		{[]string{"legacy/**"}, "zones/legacy/a.zone", false, false},
		{[]string{"legacy"}, "zones/legacy", true, true},
		{[]string{"*.db"}, "a/b/c.db", false, true},
		{[]string{"/*.db"}, "a/c.db", false, false},
		{[]string{"/*.db"}, "c.db", false, true},
		{[]string{"build/"}, "build", true, true},
		{[]string{"build/"}, "build", false, false},
		{[]string{"**/test/*.zone"}, "a/b/test/x.zone", false, true},
		{[]string{"**/test/*.zone"}, "test/x.zone", false, true},
		{[]string{"*.zone", "!keep.zone"}, "keep.zone", false, false},
		{[]string{"*.zone", "!keep.zone"}, "drop.zone", false, true},
		{[]string{"a?.zone"}, "ab.zone", false, true},
		{[]string{"*.zone"}, "../outside.zone", false, false},
		{nil, "anything", false, false},
	}
	for _, tt := range tests {
		m, err := NewMatcher(tt.globs)
		if err != nil {
			t.Fatalf("NewMatcher(%q): %v", tt.globs, err)
		}
		if got := m.Match(tt.path, tt.isDir); got != tt.want {
			t.Errorf("%q.Match(%q, dir=%v) = %v, want %v", tt.globs, tt.path, tt.isDir, got, tt.want)
		}
	}
}
