package resolve

import (
	"context"
	"errors"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
	"github.com/sendlint/sendlint/zonefile"
)

const stackZone = `$ORIGIN example.com.
@            IN TXT   "v=spf1 mx -all"
@            IN MX    20 backup
@            IN MX    10 mail
mail         IN A     192.0.2.1
mail         IN AAAA  2001:db8::1
backup       IN A     192.0.2.2
em1234       IN CNAME sendgrid.net.
alias        IN CNAME mail
loop1        IN CNAME loop2
loop2        IN CNAME loop1
away         IN CNAME _spf.unknown-provider.example.
*.wild       IN TXT   "v=spf1 ip4:198.51.100.0/24 -all"
sub          IN NS    ns.elsewhere.example.
`

func stackState(t *testing.T) *lint.State {
	t.Helper()
	st := lint.NewState()
	zonefile.LoadBytes(st, "example.com.zone", []byte(stackZone), zonefile.Options{})
	for _, p := range st.Problems {
		t.Fatalf("%s: %s", p.Range, p.Message)
	}
	return st
}

func TestOfflineStack(t *testing.T) {
	r := Offline(stackState(t))
	tests := []struct {
		name   string
		t      spf.RRType
		want   string // answer summary, or "unknown" / "error: ..."
		source string
	}{
		{"example.com", spf.TypeTXT, "txt v=spf1 mx -all", "example.com.zone:2:1"},
		{"EXAMPLE.com.", spf.TypeMX, "hosts mail.example.com backup.example.com", "example.com.zone:4:1"},
		{"mail.example.com", spf.TypeAAAA, "addrs 2001:db8::1", ""},
		{"alias.example.com", spf.TypeA, "addrs 192.0.2.1", ""},
		{"nope.example.com", spf.TypeTXT, "nxdomain", "declared zone example.com (example.com.zone:1:1)"},
		{"mail.example.com", spf.TypeTXT, "empty", ""},
		{"x.wild.example.com", spf.TypeTXT, "txt v=spf1 ip4:198.51.100.0/24 -all", ""},
		{"em1234.example.com", spf.TypeTXT, "txt v=spf1 ip4:167.89.0.0/17", "snapshot of " + SnapshotDate()},
		{"away.example.com", spf.TypeTXT, "unknown", ""},
		{"x.sub.example.com", spf.TypeTXT, "unknown", ""},
		{"example.org", spf.TypeTXT, "unknown", ""},
		{"loop1.example.com", spf.TypeTXT, "error: the declared CNAME chain from \"loop1.example.com\" loops back", ""},
		{"1.2.0.192.in-addr.arpa", spf.TypePTR, "unknown", ""},
	}
	for _, tt := range tests {
		ans, err := r.Lookup(context.Background(), tt.name, tt.t)
		got := summary(ans, err)
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s %s: got %q, want %q", tt.name, tt.t, got, tt.want)
		}
		if tt.source != "" && (ans == nil || ans.Source != tt.source) {
			t.Errorf("%s %s: source %v, want %q", tt.name, tt.t, ans, tt.source)
		}
	}
}

func summary(ans *spf.Answer, err error) string {
	switch {
	case errors.Is(err, spf.ErrUnknown):
		return "unknown"
	case err != nil:
		return "error: " + err.Error()
	case ans.NXDomain:
		return "nxdomain"
	case len(ans.TXT) > 0:
		return "txt " + strings.Join(ans.TXT, " | ")
	case len(ans.Addrs) > 0:
		var s []string
		for _, a := range ans.Addrs {
			s = append(s, a.String())
		}
		return "addrs " + strings.Join(s, " ")
	case len(ans.Hosts) > 0:
		return "hosts " + strings.Join(ans.Hosts, " ")
	}
	return "empty"
}

// TestDeclaredReverseZone checks that a declared reverse zone answers
// NXDOMAIN for undeclared names but leaves PTR data unknown, since zone
// files are not read for PTR targets.
func TestDeclaredReverseZone(t *testing.T) {
	st := lint.NewState()
	zonefile.LoadBytes(st, "db.192.0.2", []byte("$ORIGIN 2.0.192.in-addr.arpa.\n1 IN PTR mail.example.com.\n"), zonefile.Options{})
	r := Offline(st)
	if ans, err := r.Lookup(context.Background(), "9.2.0.192.in-addr.arpa", spf.TypePTR); err != nil || !ans.NXDomain {
		t.Errorf("undeclared reverse name: %v %v", ans, err)
	}
	if _, err := r.Lookup(context.Background(), "1.2.0.192.in-addr.arpa", spf.TypePTR); !errors.Is(err, spf.ErrUnknown) {
		t.Errorf("declared PTR: %v, want unknown", err)
	}
}

// TestDeclaredUnknownValue checks that a record whose value is known only
// after apply (a Terraform computed value) is unknown, not empty.
func TestDeclaredUnknownValue(t *testing.T) {
	st := lint.NewState()
	st.AddZone("example.com", lint.Range{File: "main.tf"})
	st.Add(&lint.Record{Name: "example.com", Type: lint.TypeTXT, Unknown: true, Range: lint.Range{File: "main.tf"}})
	_, err := Offline(st).Lookup(context.Background(), "example.com", spf.TypeTXT)
	if !errors.Is(err, spf.ErrUnknown) || err.Error() != "not known before apply: the TXT record at main.tf is computed then" {
		t.Errorf("got %v", err)
	}
}

// TestOfflineCheckHost evaluates through the offline stack: declared
// records, a CNAME into the snapshot, and an unknown provider.
func TestOfflineCheckHost(t *testing.T) {
	st := stackState(t)
	c := &spf.Checker{Resolver: Offline(st)}
	tests := []struct {
		ip, sender string
		want       spf.Result
		unknown    string
	}{
		{"192.0.2.2", "a@example.com", spf.Pass, ""},
		{"203.0.113.9", "a@example.com", spf.Fail, ""},
		{"167.89.1.10", "bounce@em1234.example.com", spf.Pass, ""},
		{"203.0.113.9", "bounce@away.example.com", spf.TempError, "away.example.com"},
	}
	for _, tt := range tests {
		ev := c.Check(context.Background(), spf.Request{IP: netip.MustParseAddr(tt.ip), Sender: tt.sender})
		if ev.Result != tt.want || ev.Unknown != tt.unknown {
			t.Errorf("%s %s: %s unknown=%q (%s), want %s unknown=%q", tt.ip, tt.sender, ev.Result, ev.Unknown, ev.Problem, tt.want, tt.unknown)
		}
	}
	if !slices.ContainsFunc(SnapshotNames(), func(n string) bool { return n == "sendgrid.net" }) {
		t.Error("sendgrid.net is not in the snapshot")
	}
}
