package uri

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/internal/casefile"
)

// testRules are the rules the cases of testdata/check.txt name: "list"
// as a record that keeps "!" and "," for its own syntax and wants one
// address per mailto: URI, "plain" as RFC 3986 alone.
var testRules = map[string]Rules{
	"list":  {Reserved: "!,", OneAddress: true, Schemes: `"mailto:"`},
	"plain": {Schemes: `"mailto:" or "https:"`},
}

var kindNames = map[Kind]string{
	Valid:            "valid",
	BareAddress:      "bare-address",
	NoScheme:         "no-scheme",
	BadChar:          "bad-char",
	BadPercent:       "bad-percent",
	NotURI:           "not-uri",
	BadHost:          "bad-host",
	NoAddress:        "no-address",
	SeveralAddresses: "several-addresses",
	NotAddrSpec:      "not-addr-spec",
	BadDomain:        "bad-domain",
}

// TestCheck runs the cases of testdata/check.txt. A case's head names the
// rules of testRules; the two lines after it are the problem, "KIND
// PHRASE" or "valid", and "parts SCHEME ADDRESS DOMAIN" with "-" for "".
func TestCheck(t *testing.T) {
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	for _, c := range casefile.Read(t, "testdata/check.txt") {
		t.Run(fmt.Sprintf("line%d", c.Line), func(t *testing.T) {
			r, ok := testRules[c.Head]
			if !ok {
				t.Fatalf("unknown rules %q", c.Head)
			}

			parts, prob := Check(c.Text, r)
			got := []string{
				strings.TrimSuffix(kindNames[prob.Kind]+" "+prob.Phrase, " "),
				"parts " + dash(parts.Scheme) + " " + dash(parts.Address) + " " + dash(parts.Domain),
			}
			if !slices.Equal(got, c.Want) {
				t.Errorf("Check(%q, %s):\n got\n%s\n want\n%s", c.Text, c.Head, strings.Join(got, "\n"), strings.Join(c.Want, "\n"))
			}
		})
	}
}

func TestValidHostname(t *testing.T) {
	long := strings.Repeat("a", 63)
	tests := []struct {
		name string
		want bool
	}{
		{"example.com", true},
		{"a-b.example", true},
		{"xn--bcher-kva.example", true},
		{long + ".example", true},
		{long + "a.example", false},
		{strings.Repeat(long+".", 4)[:254], false},
		{"localhost", false},
		{"example..com", false},
		{"-a.example", false},
		{"a-.example", false},
		{"a_b.example", false},
		{"example.com.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ValidHostname(tt.name); got != tt.want {
			t.Errorf("ValidHostname(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestValidScheme(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"mailto", true},
		{"HTTPS", true},
		{"coap+tcp", true},
		{"a.b-c9", true},
		{"", false},
		{"9p", false},
		{"+x", false},
		{"ma_ilto", false},
	}
	for _, tt := range tests {
		if got := ValidScheme(tt.s); got != tt.want {
			t.Errorf("ValidScheme(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
