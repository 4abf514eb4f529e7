package resolve

import (
	"context"
	"fmt"
	"net/netip"
	"testing"
	"time"

	"github.com/miekg/dns"

	"github.com/sendlint/sendlint/internal/dnstest"
	"github.com/sendlint/sendlint/spf"
)

// benchLatency is what the test server waits before every answer.
const benchLatency = 40 * time.Millisecond

// benchTree serves an include tree shaped like a real one: the root
// includes four providers and names its MX and a relay; each provider
// includes two netblock records. 13 records on 3 levels, and 14 lookups.
// Its depth, the longest chain of queries that wait for one another, is
// 3: root TXT, provider TXT, netblock TXT (the MX and A lookups of the
// root's terms go along with the second level).
func benchTree() (*dnstest.Zone, int) {
	z := dnstest.NewZone()
	z.Delay = benchLatency
	z.AddTXT("bench.example", "v=spf1 include:p0.example include:p1.example include:p2.example include:p3.example mx a:relay.bench.example -all")
	z.Add("bench.example", dnstest.Record{Type: dns.TypeMX, Pref: 10, Target: "mx.bench.example"})
	z.AddAddr("relay.bench.example", "192.0.2.10")
	z.AddAddr("mx.bench.example", "192.0.2.25")
	for p := range 4 {
		z.AddTXT(fmt.Sprintf("p%d.example", p), fmt.Sprintf("v=spf1 include:nb1.p%d.example include:nb2.p%d.example ~all", p, p))
		for n := 1; n <= 2; n++ {
			z.AddTXT(fmt.Sprintf("nb%d.p%d.example", n, p), fmt.Sprintf("v=spf1 ip4:198.51.%d.0/24 ip6:2001:db8:%d::/48 ~all", p*2+n, p))
		}
	}
	return z, 3
}

// BenchmarkAnalyzeLive counts a whole include tree through live DNS, with
// a test server on 127.0.0.1 that adds benchLatency to every answer. The
// metric depth-rtts is wall time ÷ (depth × latency): 1 means the tree
// cost no more round trips than its depth. Concurrency 1 shows the
// sequential cost for comparison. Each iteration starts with an empty
// cache.
//
//	go test ./resolve -run '^$' -bench Live -benchtime 20x
func BenchmarkAnalyzeLive(b *testing.B) {
	z, depth := benchTree()
	addr := dnstest.Serve(b, z)
	for _, conc := range []int{1, 16} {
		b.Run(fmt.Sprintf("concurrency=%d", conc), func(b *testing.B) {
			var wall time.Duration
			for b.Loop() {
				live := NewLive(addr, 2*time.Second)
				start := time.Now()
				a := spf.Analyze(context.Background(), live, "bench.example", conc)
				wall += time.Since(start)
				if n, exact := a.Lookups(); n != 14 || !exact {
					b.Fatalf("got %d lookups (exact %v)", n, exact)
				}
			}
			b.ReportMetric(float64(wall)/float64(b.N)/float64(time.Duration(depth)*benchLatency), "depth-rtts")
		})
	}
}

// BenchmarkCheckHostLive evaluates check_host() for a client the tree does
// not list, so that every term is evaluated, with prefetching off and on.
// Prefetching fetches the include records ahead, level by level, while the
// evaluation itself stays sequential; the mx and a lookups still wait
// their turn. The metric is the same as BenchmarkAnalyzeLive's.
func BenchmarkCheckHostLive(b *testing.B) {
	z, depth := benchTree()
	addr := dnstest.Serve(b, z)
	req := spf.Request{IP: netip.MustParseAddr("203.0.113.9"), Sender: "user@bench.example"}
	for _, prefetch := range []int{0, 8} {
		b.Run(fmt.Sprintf("prefetch=%d", prefetch), func(b *testing.B) {
			var wall time.Duration
			for b.Loop() {
				c := &spf.Checker{Resolver: NewLive(addr, 2*time.Second), Prefetch: prefetch}
				start := time.Now()
				ev := c.Check(context.Background(), req)
				wall += time.Since(start)
				if ev.Result != spf.PermError || ev.Lookups != 11 {
					b.Fatalf("got %s after %d lookups: %s", ev.Result, ev.Lookups, ev.Problem)
				}
			}
			b.ReportMetric(float64(wall)/float64(b.N)/float64(time.Duration(depth)*benchLatency), "depth-rtts")
		})
	}
}
