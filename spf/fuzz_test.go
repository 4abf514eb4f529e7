package spf

import (
	"net/netip"
	"strings"
	"testing"
	"time"
)

// FuzzParse checks that Parse never panics, keeps every offset within the
// text, and that the String() of a valid record parses to the same
// record.
func FuzzParse(f *testing.F) {
	for _, c := range readParseCases(&testing.T{}, "testdata/parse.txt") {
		f.Add(c.text)
	}
	f.Add("v=spf1 mx:%{l1r+-}.%{D}%-/24//64 exp=%{ir}.x.example foo=%%bar")

	f.Fuzz(func(t *testing.T, text string) {
		rec, errs := Parse(text)
		checkInvariants(t, text, rec, errs)

		if IsSPF(text) != (rec != nil) {
			t.Fatalf("IsSPF(%q) = %v, but Parse gave record %v", text, IsSPF(text), rec)
		}
		if e := NearMiss(text); e != nil && (IsSPF(text) || e.Start < 0 || e.End > len(text) || e.Start >= e.End) {
			t.Fatalf("NearMiss(%q) = [%d,%d) %s", text, e.Start, e.End, e.Msg)
		}
	})
}

// FuzzExpand checks that expanding any explanation string that parses
// never panics nor fails when the environment is complete, that the
// domain form is a suffix of the plain one within the length limit, and
// that a string without macros expands to its literal text.
func FuzzExpand(f *testing.F) {
	f.Add("%{ir}.%{v}._spf.%{d2}", "strong-bad@email.example.com", "email.example.com", []byte{192, 0, 2, 3})
	f.Add("%{S}%{L}%{o}%{H}%{c}%{r}%{t}%{p}", "jo+x@example.com", "example.com",
		[]byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xcb, 0x01})
	f.Add("%{l1r-}.%{d99r+,/_=}%%%_%-", "@example.net", "", []byte{})
	f.Add(strings.Repeat("%{d}.", 60), "a@b", strings.Repeat("x.", 40)+"example", []byte{10, 0, 0, 1})

	f.Fuzz(func(t *testing.T, text, sender, domain string, ip []byte) {
		ms, errs := ParseExplanation(text)
		for _, e := range errs {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				t.Fatalf("ParseExplanation(%q): error span [%d,%d) out of range", text, e.Start, e.End)
			}
		}
		if len(errs) > 0 {
			return
		}

		addr, ok := netip.AddrFromSlice(ip)
		if !ok {
			addr = netip.MustParseAddr("192.0.2.1")
		}
		env := &Env{Sender: sender, Domain: domain, IP: addr, HELO: domain, Time: time.Unix(1700000000, 0)}
		s, err := ms.Expand(env)
		if err != nil {
			t.Fatalf("Expand(%q): %v", text, err)
		}
		checkExpansion(t, ms, env, s)
	})
}

func checkExpansion(t *testing.T, ms *MacroString, env *Env, s string) {
	t.Helper()
	d, err := ms.ExpandDomain(env)
	if err != nil {
		t.Fatalf("ExpandDomain(%q): %v", ms, err)
	}
	if !strings.HasSuffix(s, d) {
		t.Fatalf("ExpandDomain(%q) = %q is not a suffix of Expand = %q", ms, d, s)
	}
	if trimmed := strings.TrimSuffix(d, "."); len(trimmed) > MaxDomainLength && strings.Contains(trimmed, ".") {
		t.Fatalf("ExpandDomain(%q) = %d bytes with labels left to remove", ms, len(d))
	}
	if lit, ok := ms.Literal(); ok && lit != s {
		t.Fatalf("Expand(%q) = %q, want its literal %q", ms, s, lit)
	}

	again, errs := ParseExplanation(ms.String())
	if len(errs) > 0 {
		t.Fatalf("String() %q of a valid explanation does not parse: %v", ms, errs[0])
	}
	if s2, _ := again.Expand(env); s2 != s {
		t.Fatalf("String() %q expands to %q, the original to %q", ms, s2, s)
	}
}
