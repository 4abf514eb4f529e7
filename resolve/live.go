package resolve

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/miekg/dns"

	"github.com/sendlint/sendlint/internal/dnsname"
	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

// DefaultTimeout is the time one query exchange may take when Live has no
// Timeout.
const DefaultTimeout = 2 * time.Second

// ednsSize is the UDP payload size announced with EDNS0 (RFC 6891), the
// size DNS flag day 2020 recommends to avoid fragmentation.
const ednsSize = 1232

// Live looks names up in live DNS: it asks one recursive resolver over
// UDP with EDNS0, asks again over TCP when the answer is truncated,
// follows CNAMEs, and caches answers and failures for its lifetime (one
// sendlint run), so that a name that never answers costs one timeout.
//
// Answers are taken only for the name asked and the CNAMEs from it;
// records for other names are ignored. A Lookup sends at most 2 × 9
// exchanges (a CNAME chain of 8 links, each possibly over UDP then TCP),
// each bounded by Timeout, and an answer is at most 64 KiB, so a hostile
// or slow server costs bounded time and memory.
type Live struct {
	// Server is the address of the resolver to ask, host:port.
	Server string
	// Timeout bounds each exchange; 0 means DefaultTimeout.
	Timeout time.Duration

	mu    sync.Mutex
	cache map[liveKey]*liveEntry
	sent  atomic.Int64
}

type liveKey struct {
	name string
	t    spf.RRType
}

type liveEntry struct {
	done chan struct{}
	ans  *spf.Answer
	err  error
}

// NewLive returns a Live resolver that asks server, with a timeout per
// exchange (0 for DefaultTimeout).
func NewLive(server string, timeout time.Duration) *Live {
	return &Live{Server: server, Timeout: timeout}
}

// Exchanges returns the number of queries sent so far.
func (l *Live) Exchanges() int64 {
	return l.sent.Load()
}

// Lookup answers a query from the cache or from the server. The network
// exchange goes on when ctx ends, bounded by Timeout, so that an answer
// another caller waits for is not lost; Lookup itself returns at once.
func (l *Live) Lookup(ctx context.Context, name string, t spf.RRType) (*spf.Answer, error) {
	k := liveKey{lint.CanonicalName(name), t}
	l.mu.Lock()
	if l.cache == nil {
		l.cache = make(map[liveKey]*liveEntry)
	}
	e := l.cache[k]
	if e == nil {
		e = &liveEntry{done: make(chan struct{})}
		l.cache[k] = e
		go func() {
			e.ans, e.err = l.resolve(context.WithoutCancel(ctx), name, t)
			close(e.done)
		}()
	}
	l.mu.Unlock()

	select {
	case <-e.done:
		return e.ans, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// resolve asks for name and type t, following CNAMEs the answers do not
// resolve themselves (RFC 1034 §3.6.2).
func (l *Live) resolve(ctx context.Context, name string, t spf.RRType) (*spf.Answer, error) {
	cur := dnsname.Fqdn(name)
	seen := map[string]bool{}
	for range maxCNAME + 1 {
		seen[strings.ToLower(cur)] = true
		msg, err := l.exchange(ctx, cur, t)
		if err != nil {
			return nil, err
		}
		if msg.Rcode != dns.RcodeSuccess && msg.Rcode != dns.RcodeNameError {
			return nil, fmt.Errorf("%s answered %s for %q %s", l.Server, dns.RcodeToString[msg.Rcode], name, t)
		}

		ans, next, err := collect(msg, cur, t)
		switch {
		case err != nil:
			return nil, fmt.Errorf("%q %s: %w", name, t, err)
		case next == "":
			ans.NXDomain = msg.Rcode == dns.RcodeNameError && ans.Empty()
			return ans, nil
		case msg.Rcode == dns.RcodeNameError:
			return &spf.Answer{NXDomain: true, Source: "dns"}, nil
		case seen[strings.ToLower(next)]:
			return nil, fmt.Errorf("the CNAME chain of %q loops", name)
		}
		cur = next
	}
	return nil, fmt.Errorf("the CNAME chain of %q is longer than %d links", name, maxCNAME)
}

// exchange sends one query over UDP, and over TCP when the answer comes
// back truncated, and checks that the answer is for that question.
func (l *Live) exchange(ctx context.Context, qname string, t spf.RRType) (*dns.Msg, error) {
	m := new(dns.Msg)
	m.SetQuestion(qname, uint16(t))
	m.RecursionDesired = true
	m.SetEdns0(ednsSize, false)

	timeout := cmp.Or(l.Timeout, DefaultTimeout)
	l.sent.Add(1)
	udp := &dns.Client{Net: "udp", Timeout: timeout, UDPSize: ednsSize}
	resp, _, err := udp.ExchangeContext(ctx, m, l.Server)
	if err == nil && resp.Truncated {
		l.sent.Add(1)
		resp, _, err = (&dns.Client{Net: "tcp", Timeout: timeout}).ExchangeContext(ctx, m, l.Server)
	}
	if err != nil {
		var nerr net.Error
		if errors.As(err, &nerr) && nerr.Timeout() {
			return nil, fmt.Errorf("no answer from %s for %q %s within %s", l.Server, dnsname.Plain(qname), t, timeout)
		}
		return nil, fmt.Errorf("asking %s for %q %s: %w", l.Server, dnsname.Plain(qname), t, err)
	}

	if q := resp.Question; len(q) != 1 || !strings.EqualFold(q[0].Name, qname) || q[0].Qtype != uint16(t) {
		return nil, fmt.Errorf("%s answered another question than %q %s", l.Server, dnsname.Plain(qname), t)
	}
	return resp, nil
}

// collect reads the records of type t for owner from an answer section,
// following the CNAMEs in it. When the chain ends in a name the section
// has nothing for, that name is returned to be asked next.
func collect(msg *dns.Msg, owner string, t spf.RRType) (*spf.Answer, string, error) {
	seen := map[string]bool{}
	followed := false
	for {
		seen[strings.ToLower(owner)] = true
		ans, cname, any := pick(msg.Answer, owner, t)
		switch {
		case len(ans.TXT)+len(ans.Addrs)+len(ans.Hosts) > 0 || cname == "" && (any || !followed):
			return ans, "", nil
		case cname == "":
			return nil, owner, nil // the chain goes on beyond this answer
		case seen[strings.ToLower(cname)]:
			return nil, "", errors.New("the CNAME chain loops")
		}
		owner, followed = cname, true
	}
}

// pick returns the records of type t owned by owner, the target of a
// CNAME owned by owner, and whether any record at all is owned by owner.
func pick(rrs []dns.RR, owner string, t spf.RRType) (*spf.Answer, string, bool) {
	ans := &spf.Answer{Source: "dns"}
	var mx []*dns.MX
	cname, any := "", false
	for _, rr := range rrs {
		h := rr.Header()
		if !strings.EqualFold(h.Name, owner) || h.Class != dns.ClassINET {
			continue
		}
		any = true
		switch rr := rr.(type) {
		case *dns.CNAME:
			cname = rr.Target
		case *dns.TXT:
			if t == spf.TypeTXT {
				ans.TXT = append(ans.TXT, joinTXT(rr.Txt))
			}
		case *dns.A:
			if a, ok := netip.AddrFromSlice(rr.A); ok && t == spf.TypeA {
				ans.Addrs = append(ans.Addrs, a.Unmap())
			}
		case *dns.AAAA:
			if a, ok := netip.AddrFromSlice(rr.AAAA); ok && t == spf.TypeAAAA {
				ans.Addrs = append(ans.Addrs, a)
			}
		case *dns.MX:
			if t == spf.TypeMX {
				mx = append(mx, rr)
			}
		case *dns.PTR:
			if t == spf.TypePTR {
				ans.Hosts = append(ans.Hosts, strings.ToLower(dnsname.Plain(rr.Ptr)))
			}
		}
	}
	slices.SortStableFunc(mx, func(a, b *dns.MX) int { return cmp.Compare(a.Preference, b.Preference) })
	for _, rr := range mx {
		ans.Hosts = append(ans.Hosts, strings.ToLower(dnsname.Plain(rr.Mx)))
	}
	return ans, cname, any
}

// joinTXT joins the character-strings of a TXT record, as miekg/dns gives
// them in presentation format, into their bytes (RFC 7208 §3.3).
func joinTXT(strs []string) string {
	var b strings.Builder
	for _, s := range strs {
		b.WriteString(dnsname.Unescape(s))
	}
	return b.String()
}

// SystemServer returns the first name server of a resolv.conf file
// (/etc/resolv.conf on Unix systems), as host:port.
func SystemServer(resolvConf string) (string, error) {
	cfg, err := dns.ClientConfigFromFile(resolvConf)
	if err != nil {
		return "", fmt.Errorf("reading the system resolver: %w", err)
	}
	if len(cfg.Servers) == 0 {
		return "", fmt.Errorf("%s names no nameserver", resolvConf)
	}
	return net.JoinHostPort(cfg.Servers[0], cfg.Port), nil
}
