package lint

import (
	"fmt"
	"strings"
	"testing"
)

// edKey is an Ed25519 public key in the bare form of RFC 8463 §4.2.
const edKey = "9Z3Blh3hZIjwpM1zwInl1TR3vuWueLoedj7a2yLVQGc="

func TestDKIMKeys(t *testing.T) {
	st := mailState(t, []string{"example.com"}, `
s1._domainkey.example.com TXT v=DKIM1; k=ed25519; p=`+edKey+`
s2._domainkey.example.com CNAME s2.domainkey.u1.wl.vendor.invalid
s3._domainkey.example.com CNAME s1._domainkey.example.com
old._domainkey.example.com TXT v=DKIM1; p=
two._domainkey.example.com TXT v=DKIM1; k=ed25519; p=`+edKey+`
two._domainkey.example.com TXT v=DKIM1; k=rsa; p=AAAA
a.b._domainkey.example.com TXT v=DKIM1; k=ed25519; p=`+edKey+`
_domainkey.example.com TXT o=-
s1._domainkey.sub.example.com TXT v=DKIM1; k=ed25519; p=`+edKey+`
`)
	// describe renders a key as "SELECTOR:STATUS:LINE:USABLE:CNAMES".
	describe := func(keys []DKIMKey) string {
		var out []string
		for _, k := range keys {
			line := 0
			if k.Record != nil {
				line = k.Record.Range.Start.Line
			}
			out = append(out, fmt.Sprintf("%s:%s:%d:%v:%d", k.Selector, k.Status, line, k.Usable(), len(k.CNAMEs)))
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		domain    string
		selectors []string
		want      string
	}{
		{"example.com", nil, "a.b:NOERROR:7:true:0 old:NOERROR:4:false:0 s1:NOERROR:1:true:0 s2:unknown:0:false:1 s3:NOERROR:1:true:1 two:NOERROR:5:true:0 two:NOERROR:6:false:0"},
		{"EXAMPLE.COM.", []string{"s1", "S3"}, "s1:NOERROR:1:true:0 S3:NOERROR:1:true:1"},
		{"example.com", []string{"missing"}, "missing:NXDOMAIN:0:false:0"},
		{"sub.example.com", nil, "s1:NOERROR:9:true:0"},
		{"example.net", []string{"s1"}, "s1:unknown:0:false:0"},
		{"example.net", nil, ""},
	}
	for _, tt := range tests {
		if got := describe(st.DKIMKeys(tt.domain, tt.selectors)); got != tt.want {
			t.Errorf("DKIMKeys(%q, %q) =\n  %s\nwant\n  %s", tt.domain, tt.selectors, got, tt.want)
		}
	}

	s2 := st.DKIMKeys("example.com", []string{"s2"})[0]
	if !strings.Contains(s2.Problem, "points to s2.domainkey.u1.wl.vendor.invalid, outside the declared zones") {
		t.Errorf("s2 problem = %q", s2.Problem)
	}
}

func TestMX(t *testing.T) {
	st := mailState(t, []string{"example.com"}, `
example.com MX 10 mx1.example.com
example.com MX 20 mx2.example.com
parked.example.com MX 0 .
both.example.com MX 0 .
both.example.com MX 10 mx1.example.com
alias.example.com CNAME parked.example.com
away.example.com CNAME mail.example.net
`)
	tests := []struct {
		name   string
		n      int
		status Status
		null   bool
	}{
		{"example.com", 2, NoError, false},
		{"parked.example.com", 1, NoError, true},
		{"both.example.com", 2, NoError, true},
		{"alias.example.com", 1, NoError, true},
		{"away.example.com", 0, Unknown, false},
		{"nope.example.com", 0, NXDomain, false},
		{"example.net", 0, Unknown, false},
	}
	for _, tt := range tests {
		recs, status := st.MX(tt.name)
		null, rec := st.NullMX(tt.name)
		if len(recs) != tt.n || status != tt.status || null != tt.null || (rec != nil) != tt.null {
			t.Errorf("%s: MX = %d records, %s; NullMX = %v; want %d, %s, %v", tt.name, len(recs), status, null, tt.n, tt.status, tt.null)
		}
	}
}
