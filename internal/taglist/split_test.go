package taglist

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/internal/casefile"
)

// formatItem writes an item as "[RAWSTART RAWEND) [START END) TEXT", TEXT
// being the trimmed bytes, quoted.
func formatItem(text string, it Item) string {
	return fmt.Sprintf("[%d %d) [%d %d) %q", it.RawStart, it.RawEnd, it.Start, it.End, text[it.Start:it.End])
}

// formatSpec writes a spec as its item, then "no =" or "= EQ" with the
// name and value: "name [START END) TEXT value [START END) TEXT".
func formatSpec(text string, s Spec) string {
	out := fmt.Sprintf("[%d %d) [%d %d)", s.RawStart, s.RawEnd, s.Start, s.End)
	if s.Eq < 0 {
		return out + " no ="
	}
	return out + fmt.Sprintf(" = %d name [%d %d) %q value [%d %d) %q", s.Eq,
		s.NameStart, s.NameEnd, text[s.NameStart:s.NameEnd], s.ValueStart, s.ValueEnd, text[s.ValueStart:s.ValueEnd])
}

// TestSplit runs the cases of testdata/split.txt. A case's head names the
// operation and the white space: "split-wsp" or "split-fws" for Split,
// "comma-wsp" or "colon-fws" for Cut at that separator; each line after
// it is one spec or item as formatSpec or formatItem writes it.
func TestSplit(t *testing.T) {
	spaces := map[string]func(byte) bool{"wsp": IsWSP, "fws": IsFWS}
	seps := map[string]byte{"comma": ',', "colon": ':'}
	for _, c := range casefile.Read(t, "testdata/split.txt") {
		t.Run(fmt.Sprintf("line%d", c.Line), func(t *testing.T) {
			op, sp, _ := strings.Cut(c.Head, "-")
			space := spaces[sp]
			sep, isCut := seps[op]
			if space == nil || !isCut && op != "split" {
				t.Fatalf("unknown operation %q", c.Head)
			}

			var got []string
			if isCut {
				for _, it := range Cut(c.Text, 0, len(c.Text), sep, space) {
					got = append(got, formatItem(c.Text, it))
				}
			} else {
				for _, s := range Split(c.Text, space) {
					got = append(got, formatSpec(c.Text, s))
				}
			}

			if !slices.Equal(got, c.Want) {
				t.Errorf("%s %q:\n got\n%s\n want\n%s", c.Head, c.Text, strings.Join(got, "\n"), strings.Join(c.Want, "\n"))
			}
		})
	}
}

// TestCutRange checks that Cut keeps to its range and gives offsets into
// the whole text, as the parsers need when they cut a tag's value.
func TestCutRange(t *testing.T) {
	const text = "rua=mailto:a@example.com, mailto:b@example.net;p=none"
	got := Cut(text, 4, 46, ',', IsWSP)
	want := []Item{{4, 24, 4, 24}, {25, 46, 26, 46}}
	if len(got) != len(want) {
		t.Fatalf("Cut(%q, 4, 46) = %v, want %v", text, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Cut(%q, 4, 46) item %d = %v, want %v", text, i, got[i], want[i])
		}
	}
}
