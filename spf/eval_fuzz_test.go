package spf

import (
	"context"
	"fmt"
	"net/netip"
	"strings"
	"testing"

	"github.com/miekg/dns"

	"github.com/sendlint/sendlint/internal/dnstest"
)

// fuzzZone builds the zone the evaluator fuzz targets run against: the
// lines of records become the TXT records of d0.example to d7.example (a
// line may hold several records separated by "|"), and every one of those
// names gets an address, ten MX hosts and a PTR entry, so that records
// can reach every limit of RFC 7208 §4.6.4.
func fuzzZone(records string) zoneResolver {
	r := newZoneResolver(dnstest.NewZone())
	z := r.z
	for i, line := range strings.SplitN(records, "\n", 8) {
		name := fmt.Sprintf("d%d.example", i)
		for _, text := range strings.Split(line, "|") {
			z.AddTXT(name, text)
		}
	}
	for i := range 8 {
		name := fmt.Sprintf("d%d.example", i)
		z.AddAddr(name, fmt.Sprintf("192.0.2.%d", i))
		z.AddAddr(name, fmt.Sprintf("2001:db8::%d", i))
		for j := range 10 {
			host := fmt.Sprintf("m%d.%s", j, name)
			z.Add(name, dnstest.Record{Type: dns.TypeMX, Pref: uint16(j), Target: host})
			z.AddAddr(host, fmt.Sprintf("198.51.100.%d", i*10+j))
		}
	}
	for i := range 12 {
		z.Add("1.2.0.192.in-addr.arpa", dnstest.Record{Type: dns.TypePTR, Target: fmt.Sprintf("d%d.example", i%8)})
	}
	z.SetTimeout("slow.example")
	r.unknown["unknown.example"] = true
	return r
}

var fuzzSeeds = []string{
	"v=spf1 include:d1.example -all\nv=spf1 include:d0.example",
	"v=spf1 mx mx:d1.example mx:d2.example mx:d3.example a a:d4.example ptr ptr:d5.example exists:d6.example a:d7.example mx:d7.example -all",
	"v=spf1 a:x1.example a:x2.example a:x3.example ?all",
	"v=spf1 redirect=d1.example\nv=spf1 redirect=d2.example\nv=spf1 redirect=d0.example",
	"v=spf1 exists:%{ir}.%{l1r+-}.%{d2} ptr:%{p} -all exp=d1.example\n%{c} %{p} %{t} %{r} %{S}",
	"v=spf1 include:slow.example ~all\nv=spf1 include:unknown.example",
	"v=spf1 a/24//64 mx/0 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all|v=spf1 +all",
	"v=spf1 include:%{d}.d1.example redirect=%{o}\nv=spf1 exists:%{i}.%{v}.%{h}",
}

// FuzzCheckHost evaluates random records served by a fake resolver: the
// evaluation must not panic, must end with one of the seven results, must
// stay within the limits of RFC 7208 §4.6.4, and must make no more queries
// than MaxQueries (and MaxPrefetch ahead of need), whatever the records
// say. Prefetching must not change the result or the trace.
func FuzzCheckHost(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, []byte{192, 0, 2, 1}, "user@d0.example")
	}
	f.Add("v=spf1 ptr -all", []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, "")

	f.Fuzz(func(t *testing.T, records string, ip []byte, sender string) {
		addr, ok := netip.AddrFromSlice(ip)
		if !ok {
			addr = netip.MustParseAddr("192.0.2.1")
		}
		req := Request{IP: addr, Sender: sender, HELO: "d0.example"}
		if !strings.Contains(sender, "@") {
			req.Sender = "user@d0.example"
		}

		var traces []string
		var results []Result
		for _, prefetch := range []int{0, 4} {
			r := fuzzZone(records)
			c := &Checker{Resolver: r, Prefetch: prefetch, Now: fixedNow}
			ev := c.Check(context.Background(), req)
			checkLimits(t, ev, r.n.Load(), prefetch)
			traces, results = append(traces, traceText(ev)), append(results, ev.Result)
		}
		if traces[0] != traces[1] || results[0] != results[1] {
			t.Fatalf("prefetching changed the evaluation:\n%s\n--- with prefetch\n%s", traces[0], traces[1])
		}
	})
}

func checkLimits(t *testing.T, ev *Evaluation, calls int64, prefetch int) {
	t.Helper()
	bound := int64(MaxQueries)
	if prefetch > 0 {
		bound += MaxPrefetch
	}
	switch {
	case ev.Result < None || ev.Result > PermError:
		t.Fatalf("result %d is none of the seven", ev.Result)
	case ev.Lookups > MaxLookups+1, ev.VoidLookups > MaxVoidLookups+1:
		t.Fatalf("%d lookups and %d void lookups went past the limits", ev.Lookups, ev.VoidLookups)
	case ev.Queries > MaxQueries, calls > bound:
		t.Fatalf("%d queries (%d resolver calls) went past the bound", ev.Queries, calls)
	case len(ev.Trace) == 0:
		t.Fatal("empty trace")
	case (ev.Result == PermError || ev.Result == TempError) && ev.Problem == "":
		t.Fatalf("%s without a problem", ev.Result)
	}
}

// FuzzAnalyze expands random records: no panic, a bounded number of
// queries, and the same result whatever the concurrency.
func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, records string) {
		var dumps []string
		for _, conc := range []int{1, 8} {
			r := fuzzZone(records)
			a := Analyze(context.Background(), r, "d0.example", conc)
			if n := r.n.Load(); n > maxAnalysisRecords+maxAnalysisChecks {
				t.Fatalf("%d queries", n)
			}
			dumps = append(dumps, dumpNode(a.Root, 0))
		}
		if dumps[0] != dumps[1] {
			t.Fatalf("concurrency changed the analysis:\n%s\n--- concurrent\n%s", dumps[0], dumps[1])
		}
	})
}

// dumpNode writes a node and its terms, one per line.
func dumpNode(n *Node, depth int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%s status=%d %q %s\n", strings.Repeat("  ", depth), n.Domain, n.Status, n.Record, n.Problem)
	for _, c := range n.Costs {
		fmt.Fprintf(&b, "%s- %s cost=%d target=%q macro=%v void=%v %q unknown=%q mx=%d\n",
			strings.Repeat("  ", depth), c.Term, c.Lookups, c.Target, c.Macro, c.Void, c.VoidWhy, c.Unknown, c.MXHosts)
		if c.Child != nil {
			b.WriteString(dumpNode(c.Child, depth+1))
		}
	}
	return b.String()
}
