package dnsname

import (
	"strings"
	"testing"

	"github.com/miekg/dns"
)

func TestFqdnPlain(t *testing.T) {
	tests := []struct{ plain, fqdn string }{
		{"example.com", "example.com."},
		{"example.com.", "example.com."},
		{"", "."},
		{".", "."},
		{"macro%percent  space%20url-space.example.com", `macro%percent\ \ space%20url-space.example.com.`},
		{`a"b;c(d)e@f'g\h$i.example`, `a\"b\;c\(d\)e\@f\'g\\h\$i.example.`},
		{"tab\tnul\x00hi\xff.example", `tab\009nul\000hi\255.example.`},
		{"foo:bar/baz.example.com", "foo:bar/baz.example.com."},
	}
	for _, tt := range tests {
		if got := Fqdn(tt.plain); got != tt.fqdn {
			t.Errorf("Fqdn(%q) = %q, want %q", tt.plain, got, tt.fqdn)
		}
		if _, ok := dns.IsDomainName(tt.fqdn); !ok {
			t.Errorf("miekg/dns does not take %q as a domain name", tt.fqdn)
		}
		want := strings.TrimSuffix(tt.plain, ".")
		if want == "" {
			want = "."
		}
		if got := Plain(tt.fqdn); got != want {
			t.Errorf("Plain(%q) = %q, want %q", tt.fqdn, got, want)
		}
	}
}

// FuzzEscape checks that names and TXT strings survive the round trip
// through presentation format, and through miekg/dns packing and
// unpacking, byte for byte.
func FuzzEscape(f *testing.F) {
	f.Add("macro%percent  space.example.com", `quote " backslash \ byte`+"\x80")
	f.Add("a\\b.c", "\x00\x01\\123")
	f.Fuzz(func(t *testing.T, name, txt string) {
		if got := Unescape(EscapeTXT(txt)); got != txt {
			t.Fatalf("TXT %q came back as %q", txt, got)
		}
		if len(txt) <= 255 {
			rr := &dns.TXT{Hdr: dns.RR_Header{Name: "x.", Rrtype: dns.TypeTXT, Class: dns.ClassINET}, Txt: []string{EscapeTXT(txt)}}
			buf := make([]byte, 2048)
			n, err := dns.PackRR(rr, buf, 0, nil, false)
			if err != nil {
				t.Fatalf("packing %q: %v", txt, err)
			}
			back, _, err := dns.UnpackRR(buf[:n], 0)
			if err != nil || Unescape(back.(*dns.TXT).Txt[0]) != txt {
				t.Fatalf("TXT %q did not survive miekg/dns: %v %v", txt, back, err)
			}
		}
		if labelsOK(name) {
			if got := Plain(Fqdn(name)); got != strings.TrimSuffix(name, ".") {
				t.Fatalf("name %q came back as %q", name, got)
			}
		}
		_ = Unescape(name) // any input: no panic
	})
}

// labelsOK reports whether name is one a query can carry: non-empty
// labels of at most 63 bytes, none the root alone.
func labelsOK(name string) bool {
	name = strings.TrimSuffix(name, ".")
	if name == "" || len(name) > 253 {
		return false
	}
	for l := range strings.SplitSeq(name, ".") {
		if l == "" || len(l) > 63 {
			return false
		}
	}
	return true
}
