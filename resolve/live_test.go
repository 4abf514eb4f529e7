package resolve

import (
	"context"
	"fmt"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/miekg/dns"

	"github.com/sendlint/sendlint/internal/dnstest"
	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
	"github.com/sendlint/sendlint/zonefile"
)

// The live tests ask a DNS server that each test starts on 127.0.0.1;
// nothing else is ever asked.

const testTimeout = 150 * time.Millisecond

func liveZone() *dnstest.Zone {
	z := dnstest.NewZone()
	z.AddTXT("example.net", "v=spf1 ", "mx -all")
	z.AddTXT("example.net", "google-site-verification=abc")
	z.Add("example.net", dnstest.Record{Type: dns.TypeMX, Pref: 20, Target: "backup.example.net"})
	z.Add("example.net", dnstest.Record{Type: dns.TypeMX, Pref: 10, Target: "Mail.Example.Net"})
	z.AddAddr("mail.example.net", "192.0.2.1")
	z.AddAddr("mail.example.net", "2001:db8::1")
	z.Add("alias.example.net", dnstest.Record{Type: dns.TypeCNAME, Target: "mail.example.net"})
	z.Add("1.2.0.192.in-addr.arpa", dnstest.Record{Type: dns.TypePTR, Target: "mail.example.net"})
	z.AddTXT("odd.example.net", "quote \" backslash \\ byte \x80 end")
	z.AddAddr("macro%percent  space%20url-space.example.net", "192.0.2.7")
	z.SetTimeout("silent.example.net")
	z.Add("loop1.example.net", dnstest.Record{Type: dns.TypeCNAME, Target: "loop2.example.net"})
	z.Add("loop2.example.net", dnstest.Record{Type: dns.TypeCNAME, Target: "loop1.example.net"})
	return z
}

func TestLiveAnswers(t *testing.T) {
	z := liveZone()
	l := NewLive(dnstest.Serve(t, z), testTimeout)
	tests := []struct {
		name string
		t    spf.RRType
		want string
	}{
		{"example.net", spf.TypeTXT, "txt v=spf1 mx -all | google-site-verification=abc"},
		{"EXAMPLE.NET.", spf.TypeMX, "hosts mail.example.net backup.example.net"},
		{"alias.example.net", spf.TypeA, "addrs 192.0.2.1"},
		{"mail.example.net", spf.TypeAAAA, "addrs 2001:db8::1"},
		{"1.2.0.192.in-addr.arpa", spf.TypePTR, "hosts mail.example.net"},
		{"mail.example.net", spf.TypeTXT, "empty"},
		{"nowhere.example.net", spf.TypeA, "nxdomain"},
		{"odd.example.net", spf.TypeTXT, "txt quote \" backslash \\ byte \x80 end"},
		{"macro%percent  space%20url-space.example.net", spf.TypeA, "addrs 192.0.2.7"},
		{"loop1.example.net", spf.TypeTXT, "error: 127.0.0.1"},
	}
	for _, tt := range tests {
		ans, err := l.Lookup(context.Background(), tt.name, tt.t)
		if got := summary(ans, err); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s %s: got %q, want %q", tt.name, tt.t, got, tt.want)
		}
	}

	// Every query carried EDNS0 and asked for recursion: the handler
	// below checks what the zone handler cannot see.
	for _, q := range z.Queries() {
		if q.TCP {
			t.Errorf("query %s went over TCP without truncation", q.Name)
		}
	}
}

// TestLiveEDNS0 checks the query's form: one question, recursion desired,
// EDNS0 with a 1232-byte payload.
func TestLiveEDNS0(t *testing.T) {
	got := make(chan *dns.Msg, 1)
	addr := dnstest.Serve(t, dns.HandlerFunc(func(w dns.ResponseWriter, req *dns.Msg) {
		got <- req.Copy()
		w.WriteMsg(new(dns.Msg).SetReply(req))
	}))
	if _, err := NewLive(addr, testTimeout).Lookup(context.Background(), "example.net", spf.TypeTXT); err != nil {
		t.Fatal(err)
	}
	req := <-got
	opt := req.IsEdns0()
	if len(req.Question) != 1 || !req.RecursionDesired || opt == nil || opt.UDPSize() != ednsSize {
		t.Errorf("query %v", req)
	}
}

// TestLiveTimeout checks that a name the server never answers fails with
// a clear error after one exchange, that the failure is cached, and that
// the evaluation turns it into temperror.
func TestLiveTimeout(t *testing.T) {
	z := liveZone()
	z.AddTXT("example.org", "v=spf1 include:silent.example.net -all")
	l := NewLive(dnstest.Serve(t, z), testTimeout)

	_, err := l.Lookup(context.Background(), "silent.example.net", spf.TypeTXT)
	if err == nil || !strings.Contains(err.Error(), "no answer from 127.0.0.1") {
		t.Fatalf("got %v", err)
	}
	sent := l.Exchanges()
	if sent != 1 {
		t.Errorf("%d exchanges for one unanswered query", sent)
	}
	if _, err2 := l.Lookup(context.Background(), "silent.example.net", spf.TypeTXT); err2 == nil || l.Exchanges() != sent {
		t.Errorf("the failure was not cached: %v, %d exchanges", err2, l.Exchanges())
	}

	ev := (&spf.Checker{Resolver: l}).Check(context.Background(),
		spf.Request{IP: netip.MustParseAddr("192.0.2.1"), Sender: "a@example.org"})
	if ev.Result != spf.TempError || !strings.Contains(ev.Problem, "no answer") {
		t.Errorf("check_host: %s %q", ev.Result, ev.Problem)
	}
}

// TestLiveTruncated checks that a truncated UDP answer is asked again over
// TCP.
func TestLiveTruncated(t *testing.T) {
	z := liveZone()
	z.Truncate = true
	l := NewLive(dnstest.Serve(t, z), testTimeout)
	ans, err := l.Lookup(context.Background(), "example.net", spf.TypeTXT)
	if err != nil || len(ans.TXT) != 2 {
		t.Fatalf("got %v %v", ans, err)
	}
	qs := z.Queries()
	if len(qs) != 2 || qs[0].TCP || !qs[1].TCP || l.Exchanges() != 2 {
		t.Errorf("queries %v, %d exchanges; want UDP then TCP", qs, l.Exchanges())
	}
}

// TestLiveHugeAnswer serves 1,000 TXT records at one name: too big for
// UDP, so the answer comes over TCP, whole; evaluation gives permerror
// (several SPF records) in bounded time.
func TestLiveHugeAnswer(t *testing.T) {
	z := dnstest.NewZone()
	for i := range 1000 {
		z.AddTXT("big.example.net", fmt.Sprintf("v=spf1 ip4:10.%d.%d.0/24 -all", i/256, i%256))
	}
	l := NewLive(dnstest.Serve(t, z), time.Second)
	ans, err := l.Lookup(context.Background(), "big.example.net", spf.TypeTXT)
	if err != nil || len(ans.TXT) != 1000 {
		t.Fatalf("got %d records, %v", len(ans.TXT), err)
	}
	ev := (&spf.Checker{Resolver: l}).Check(context.Background(),
		spf.Request{IP: netip.MustParseAddr("192.0.2.1"), Sender: "a@big.example.net"})
	if ev.Result != spf.PermError || !strings.Contains(ev.Problem, "1000 SPF records") {
		t.Errorf("check_host: %s %q", ev.Result, ev.Problem)
	}
}

// TestLiveHostileAnswers checks answers that hold records for other
// names, for another question, or a CNAME loop within one message.
func TestLiveHostileAnswers(t *testing.T) {
	addr := dnstest.Serve(t, dns.HandlerFunc(func(w dns.ResponseWriter, req *dns.Msg) {
		q := req.Question[0]
		msg := new(dns.Msg).SetReply(req)
		rr := func(s string) dns.RR {
			r, err := dns.NewRR(s)
			if err != nil {
				panic(err)
			}
			return r
		}
		switch dnsPlain(q.Name) {
		case "poisoned.example.net":
			msg.Answer = append(msg.Answer,
				rr(`victim.example.com. 300 IN TXT "v=spf1 +all"`),
				rr(`poisoned.example.net. 300 IN TXT "v=spf1 -all"`))
		case "other.example.net":
			msg.Answer = append(msg.Answer, rr(`elsewhere.example.com. 300 IN TXT "v=spf1 +all"`))
		case "question.example.net":
			msg.Question[0].Name = "victim.example.com."
			msg.Answer = append(msg.Answer, rr(`victim.example.com. 300 IN TXT "v=spf1 +all"`))
		case "cloop.example.net":
			msg.Answer = append(msg.Answer,
				rr(`cloop.example.net. 300 IN CNAME cloop2.example.net.`),
				rr(`cloop2.example.net. 300 IN CNAME cloop.example.net.`))
		case "hop.example.net":
			msg.Answer = append(msg.Answer, rr(`hop.example.net. 300 IN CNAME hop2.example.net.`))
		case "hop2.example.net":
			msg.Answer = append(msg.Answer, rr(`hop2.example.net. 300 IN CNAME hop.example.net.`))
		}
		w.WriteMsg(msg)
	}))
	l := NewLive(addr, testTimeout)
	tests := []struct{ name, want string }{
		{"poisoned.example.net", "txt v=spf1 -all"},
		{"other.example.net", "empty"},
		{"question.example.net", "error: 127.0.0.1"},
		{"cloop.example.net", "error: \"cloop.example.net\" TXT: the CNAME chain loops"},
		{"hop.example.net", "error: the CNAME chain of \"hop.example.net\" loops"},
	}
	for _, tt := range tests {
		ans, err := l.Lookup(context.Background(), tt.name, spf.TypeTXT)
		if got := summary(ans, err); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func dnsPlain(name string) string {
	return strings.ToLower(strings.TrimSuffix(name, "."))
}

// TestLiveSlowServer checks that a server slower than the timeout costs
// one exchange and a timeout error per query, and that a caller whose
// context has ended gets control back without waiting for the network.
func TestLiveSlowServer(t *testing.T) {
	z := liveZone()
	z.Delay = 3 * testTimeout
	l := NewLive(dnstest.Serve(t, z), testTimeout)

	_, err := l.Lookup(context.Background(), "example.net", spf.TypeTXT)
	if err == nil || !strings.Contains(err.Error(), "no answer") || l.Exchanges() != 1 {
		t.Errorf("slow server: %v, %d exchanges", err, l.Exchanges())
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.Lookup(ctx, "mail.example.net", spf.TypeA); err != context.Canceled {
		t.Errorf("cancelled lookup: %v", err)
	}
}

// TestOnlineStack checks that declared records win and that a declared
// CNAME leaving the declared zones is followed in live DNS.
func TestOnlineStack(t *testing.T) {
	st := lint.NewState()
	zonefile.LoadBytes(st, "example.com.zone", []byte(
		"$ORIGIN example.com.\n@ IN TXT \"v=spf1 include:example.net -all\"\nbounce IN CNAME example.net.\n"),
		zonefile.Options{})
	z := liveZone()
	z.AddTXT("example.com", "v=spf1 +all") // never asked: the zone is declared
	r := Online(st, NewLive(dnstest.Serve(t, z), testTimeout))

	c := &spf.Checker{Resolver: r}
	ev := c.Check(context.Background(), spf.Request{IP: netip.MustParseAddr("192.0.2.1"), Sender: "a@example.com"})
	if ev.Result != spf.Pass {
		t.Errorf("example.com: %s %s", ev.Result, ev.Problem)
	}
	ev = c.Check(context.Background(), spf.Request{IP: netip.MustParseAddr("203.0.113.1"), Sender: "a@bounce.example.com"})
	if ev.Result != spf.Fail {
		t.Errorf("bounce.example.com: %s %s", ev.Result, ev.Problem)
	}
	for _, q := range z.Queries() {
		if q.Name == "example.com" {
			t.Error("live DNS was asked about a declared name")
		}
	}
}

func TestSystemServer(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/resolv.conf"
	write := func(s string) {
		if err := writeFile(path, s); err != nil {
			t.Fatal(err)
		}
	}
	write("# test\nnameserver 192.0.2.53\nnameserver 192.0.2.54\n")
	if s, err := SystemServer(path); err != nil || s != "192.0.2.53:53" {
		t.Errorf("got %q %v", s, err)
	}
	write("search example.com\n")
	if _, err := SystemServer(path); err == nil {
		t.Error("no nameserver: no error")
	}
	if _, err := SystemServer(dir + "/missing"); err == nil {
		t.Error("missing file: no error")
	}
}

func writeFile(path, s string) error {
	return os.WriteFile(path, []byte(s), 0o644)
}
