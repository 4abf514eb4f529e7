package uri

import (
	"strings"
	"testing"
)

// FuzzCheck checks that Check never panics and that what it returns agrees
// with itself: a phrase for every problem and none without, and the parts
// a valid URI must have.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"mailto:dmarc@example.com",
		"mailto:dmarc%2Breports@Example.com?subject=x",
		"mailto:a@example.com%2Cb@example.net",
		"https://reports.example.com/v1",
		"dmarc@example.com",
		"http://[::1",
		"mailto:a b\u200b@example.com%",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, raw string, list bool) {
		r := testRules["plain"]
		if list {
			r = testRules["list"]
		}

		parts, prob := Check(raw, r)
		if (prob.Kind == Valid) != (prob.Phrase == "") {
			t.Fatalf("Check(%q): kind %d with phrase %q", raw, prob.Kind, prob.Phrase)
		}
		if parts.Scheme != "" && !strings.HasPrefix(strings.ToLower(raw), parts.Scheme+":") {
			t.Fatalf("Check(%q): scheme %q is not the URI's", raw, parts.Scheme)
		}
		if prob.Kind != Valid {
			return
		}

		switch parts.Scheme {
		case "mailto":
			if !ValidHostname(parts.Domain) || !strings.HasSuffix(strings.ToLower(parts.Address), "@"+parts.Domain) {
				t.Fatalf("Check(%q): valid with address %q and domain %q", raw, parts.Address, parts.Domain)
			}
			if r.OneAddress && strings.Contains(parts.Address, ",") {
				t.Fatalf("Check(%q): valid with several addresses", raw)
			}
		case "http", "https":
			if !ValidHostname(parts.Domain) {
				t.Fatalf("Check(%q): valid with host %q", raw, parts.Domain)
			}
		case "":
			t.Fatalf("Check(%q): valid without a scheme", raw)
		}
	})
}
