package rules

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/resolve"
	"github.com/sendlint/sendlint/spf"
	"github.com/sendlint/sendlint/zonefile"
)

// fakeDNS stands for live DNS beyond the declared zones in the SPF lookup
// rule tests: TXT records by name (several joined by "|"), NXDOMAIN for
// other names, and a SERVFAIL error for the names in fail.
type fakeDNS struct {
	txt  map[string]string
	fail map[string]bool
}

func (f fakeDNS) Lookup(_ context.Context, name string, t spf.RRType) (*spf.Answer, error) {
	name = lint.CanonicalName(name)
	if f.fail[name] {
		return nil, errors.New("the server answered SERVFAIL")
	}
	v, ok := f.txt[name]
	if !ok {
		return &spf.Answer{NXDomain: true}, nil
	}
	if t != spf.TypeTXT {
		return &spf.Answer{}, nil
	}
	return &spf.Answer{TXT: strings.Split(v, "|")}, nil
}

// lintZoneWith is lintZone with a resolver stack over the declared zone
// and next, as the command line sets up with --online.
func lintZoneWith(t *testing.T, zone string, next spf.Resolver, ids ...string) []lint.Finding {
	t.Helper()
	st := lint.NewState()
	zonefile.LoadBytes(st, "example.com.zone", []byte(zone), zonefile.Options{Origin: "example.com"})
	for _, p := range st.Problems {
		t.Fatalf("test zone does not load: %s: %s", p.Range, p.Message)
	}
	st.SetResolver(resolve.New(st, next))
	var rs []*lint.Rule
	for _, id := range ids {
		rs = append(rs, ByID(id))
	}
	fs, err := lint.Run(st, rs, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// hosts declares an A record for each of the names given.
func hosts(names ...string) string {
	var b strings.Builder
	for i, n := range names {
		fmt.Fprintf(&b, "%s IN A 192.0.2.%d\n", n, i+1)
	}
	return b.String()
}

func TestSPFLookupLimit(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []findingWant
	}{
		{
			name: "declared terms and snapshot includes",
			zone: `@ IN TXT "v=spf1 include:_spf.google.com include:_spf.example.com mx a:h1.example.com a:h2.example.com a:h3.example.com ptr -all"
@ IN MX 10 h1
_spf IN TXT "v=spf1 a:h1.example.com a:h2.example.com ~all"
` + hosts("h1", "h2", "h3"),
			want: []findingWant{{1, 1, lint.Error, "SPF for example.com needs 12 DNS lookups " +
				"(include:_spf.google.com 4, include:_spf.example.com 3, mx 1, a:h1.example.com 1, a:h2.example.com 1, " +
				"a:h3.example.com 1, ptr 1); receivers stop at 10 and return permerror, so SPF fails for all mail from " +
				"example.com; remove includes you no longer use or replace a, mx and includes with the ip4 and ip6 " +
				"ranges they stand for"}},
		},
		{
			name: "exactly 10 is within the limit",
			zone: `@ IN TXT "v=spf1 include:_spf.google.com a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com a:h5.example.com a:h6.example.com -all"
` + hosts("h1", "h2", "h3", "h4", "h5", "h6"),
		},
		{
			name: "terms after all and a redirect beside all cost nothing",
			zone: `@ IN TXT "v=spf1 include:_spf.google.com a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com a:h5.example.com a:h6.example.com ~all a:h7.example.com redirect=_spf.google.com"
` + hosts("h1", "h2", "h3", "h4", "h5", "h6", "h7"),
		},
		{
			name: "an unknown include makes the count a lower bound",
			zone: `@ IN TXT "v=spf1 include:_spf.unknown.example include:_spf.google.com a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com a:h5.example.com a:h6.example.com -all"
` + hosts("h1", "h2", "h3", "h4", "h5", "h6"),
			want: []findingWant{{1, 1, lint.Error,
				"needs at least 11 DNS lookups (include:_spf.unknown.example 1+, include:_spf.google.com 4,"}},
		},
		{
			name: "a redirect counts with its target",
			zone: `@ IN TXT "v=spf1 a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com a:h5.example.com a:h6.example.com a:h7.example.com redirect=_spf.google.com"
` + hosts("h1", "h2", "h3", "h4", "h5", "h6", "h7"),
			want: []findingWant{{1, 1, lint.Error, "needs 11 DNS lookups (a:h1.example.com 1,"}},
		},
		{
			name: "an mx with more than 10 hosts is a permerror by itself",
			zone: `@ IN TXT "v=spf1 mx:pool.example.com -all"
` + mxHosts("pool", 11),
			want: []findingWant{{1, 18, lint.Error,
				`"mx:pool.example.com" names pool.example.com, which has 11 MX hosts; receivers look up at most 10`}},
		},
		{
			name: "a loop is spf-include-loop's",
			zone: `@ IN TXT "v=spf1 redirect=example.com"`,
		},
		{
			name: "records that do not parse are spf-syntax's",
			zone: `@ IN TXT "v=spf1 a a a a a a a a a a a ip4:1.2.3 -all"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFindings(t, lintZone(t, tt.zone+"\n", "spf-lookup-limit"), tt.want)
		})
	}
}

func mxHosts(name string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s IN MX %d m%d\nm%d IN A 192.0.2.%d\n", name, i+20, i, i, i+1)
	}
	return b.String()
}

// TestSPFLookupLimitOnline checks that the rule follows includes through
// the resolver the command line set, and points a finding about a
// provider's record at the include that leads there.
func TestSPFLookupLimitOnline(t *testing.T) {
	dns := fakeDNS{txt: map[string]string{
		"spf.provider.example":  "v=spf1 include:a.provider.example include:b.provider.example redirect=c.provider.example",
		"a.provider.example":    "v=spf1 a:x1.provider.example a:x2.provider.example a:x3.provider.example ~all",
		"b.provider.example":    "v=spf1 ip4:198.51.100.0/24 ~all",
		"c.provider.example":    "v=spf1 mx:pool.provider.example ~all",
		"pool.provider.example": "v=spf1 -all",
	}}
	zone := `@ IN TXT "v=spf1 include:spf.provider.example mx a:h1.example.com a:h2.example.com -all"
@ IN MX 10 h1
` + hosts("h1", "h2")
	fs := lintZoneWith(t, zone, dns, "spf-lookup-limit")
	checkFindings(t, fs, []findingWant{{1, 1, lint.Error,
		"SPF for example.com needs 11 DNS lookups (include:spf.provider.example 8, mx 1, a:h1.example.com 1, a:h2.example.com 1)"}})
}
