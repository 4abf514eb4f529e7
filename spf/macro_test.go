package spf

import (
	"fmt"
	"net/netip"
	"slices"
	"testing"
)

func TestParseExplanation(t *testing.T) {
	for _, c := range readParseCases(t, "testdata/explain.txt") {
		t.Run(fmt.Sprintf("line%d", c.line), func(t *testing.T) {
			ms, errs := ParseExplanation(c.text)

			var gotErrs, gotParts []string
			for _, e := range errs {
				gotErrs = append(gotErrs, fmt.Sprintf("%d %d %s", e.Start, e.End, e.Msg))
			}
			for _, p := range ms.Parts {
				gotParts = append(gotParts, fmt.Sprintf("%d %d %s", p.Span.Start, p.Span.End, p))
			}
			if !slices.Equal(gotErrs, c.errors) {
				t.Errorf("ParseExplanation(%q) errors:\n got %q\nwant %q", c.text, gotErrs, c.errors)
			}
			if !slices.Equal(gotParts, c.terms) {
				t.Errorf("ParseExplanation(%q) parts:\n got %q\nwant %q", c.text, gotParts, c.terms)
			}
		})
	}
}

func TestParseDomainSpec(t *testing.T) {
	tests := []struct {
		text    string
		literal string
		macros  bool
		err     string
	}{
		{text: "_spf.example.com", literal: "_spf.example.com"},
		{text: "%{d}", macros: true},
		{text: "example.com%%", literal: "example.com%"},
		{text: "%{ir}.%{v}._spf.%{d2}", macros: true},
		{text: "%{t}.example.com", err: `macro "%{t}": the "t" macro is allowed only in an explanation string (the TXT record exp= names), not here`},
		{text: "example com", err: `a space cannot appear here; write "%_" for a space in a macro string`},
	}
	for _, tt := range tests {
		ms, errs := ParseDomainSpec(tt.text)
		if tt.err != "" {
			if len(errs) != 1 || errs[0].Msg != tt.err {
				t.Errorf("ParseDomainSpec(%q) errors = %v, want %q", tt.text, errs, tt.err)
			}
			continue
		}
		if len(errs) > 0 {
			t.Errorf("ParseDomainSpec(%q): %v", tt.text, errs[0])
			continue
		}
		lit, ok := ms.Literal()
		if ms.HasMacros() != tt.macros || ok == tt.macros || lit != tt.literal {
			t.Errorf("ParseDomainSpec(%q): HasMacros %v, Literal %q %v; want %v, %q",
				tt.text, ms.HasMacros(), lit, ok, tt.macros, tt.literal)
		}
		if ms.String() != tt.text {
			t.Errorf("ParseDomainSpec(%q).String() = %q", tt.text, ms.String())
		}
	}
}

func TestTermHelpers(t *testing.T) {
	rec, errs := Parse("v=spf1 ip4:192.0.2.77/24 ip6:2001:db8::1 a mx:example.com/24//64 ptr exists:%{d}.x.example" +
		" include:a.example redirect=b.example exp=c.example all foo=bar")
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}

	var lookups []string
	for _, tm := range rec.Terms {
		if tm.Lookup() {
			lookups = append(lookups, tm.Name)
		}
	}
	if want := []string{"a", "mx", "ptr", "exists", "include", "redirect"}; !slices.Equal(lookups, want) {
		t.Errorf("terms that cost a lookup: %q, want %q", lookups, want)
	}

	nets := []netip.Prefix{rec.Terms[0].Network(), rec.Terms[1].Network()}
	want := []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24"), netip.MustParsePrefix("2001:db8::1/128")}
	if !slices.Equal(nets, want) {
		t.Errorf("Network() = %v, want %v", nets, want)
	}
	if a := rec.Terms[2]; a.Prefix4 != 32 || a.Prefix6 != 128 || a.HasPrefix4 || a.Domain != nil {
		t.Errorf("bare a: prefixes %d/%v %d/%v, domain %v", a.Prefix4, a.HasPrefix4, a.Prefix6, a.HasPrefix6, a.Domain)
	}
	if rec.Redirect == nil || rec.Exp == nil || rec.All() == nil || len(rec.Mechanisms) != 8 {
		t.Errorf("redirect %v, exp %v, all %v, %d mechanisms", rec.Redirect, rec.Exp, rec.All(), len(rec.Mechanisms))
	}
	if q := rec.All().Qualifier; q != QualifierPass || q.String() != "pass" {
		t.Errorf("all qualifier = %v", q)
	}
}
