package spf

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/miekg/dns"

	"github.com/sendlint/sendlint/internal/dnstest"
)

// zoneResolver answers from a dnstest zone in memory, as the evaluator's
// tests need: a name the zone leaves unanswered is a timeout.
type zoneResolver struct {
	z *dnstest.Zone
	// unknown and servfail hold names the resolver has no data for, and
	// names whose lookups fail with SERVFAIL.
	unknown, servfail map[string]bool
	// n counts the lookups made.
	n *atomic.Int64
}

var errTimeout = errors.New("i/o timeout")

func newZoneResolver(z *dnstest.Zone) zoneResolver {
	return zoneResolver{z: z, unknown: map[string]bool{}, servfail: map[string]bool{}, n: new(atomic.Int64)}
}

func (r zoneResolver) Lookup(ctx context.Context, name string, t RRType) (*Answer, error) {
	r.n.Add(1)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	switch key := strings.ToLower(name); {
	case r.unknown[key]:
		return nil, fmt.Errorf("%q is outside the test zone: %w", name, ErrUnknown)
	case r.servfail[key]:
		return nil, errors.New("the server answered SERVFAIL")
	}
	rep := r.z.Resolve(name, uint16(t))
	switch {
	case rep.Drop:
		return nil, errTimeout
	case rep.RCode == dns.RcodeNameError:
		return &Answer{NXDomain: true, Source: "zone"}, nil
	case rep.RCode != dns.RcodeSuccess:
		return nil, fmt.Errorf("the server answered %s", dns.RcodeToString[rep.RCode])
	}

	recs := slices.Clone(rep.Records)
	if t == TypeMX {
		slices.SortStableFunc(recs, func(a, b dnstest.Owned) int { return int(a.Pref) - int(b.Pref) })
	}
	ans := &Answer{Source: "zone"}
	for _, o := range recs {
		switch t {
		case TypeTXT:
			ans.TXT = append(ans.TXT, strings.Join(o.Strings, ""))
		case TypeA, TypeAAAA:
			ans.Addrs = append(ans.Addrs, o.Addr)
		default:
			ans.Hosts = append(ans.Hosts, strings.ToLower(o.Target))
		}
	}
	return ans, nil
}

// zoneOf builds a resolver from lines "name TYPE data", where data is a
// quoted TXT string (several for several strings), an address, "pref host"
// for MX, a host for PTR and CNAME; or "name TIMEOUT", "name SERVFAIL" and
// "name UNKNOWN" alone.
func zoneOf(lines ...string) zoneResolver {
	r := newZoneResolver(dnstest.NewZone())
	z := r.z
	for _, line := range lines {
		name, rest, _ := strings.Cut(line, " ")
		typ, data, _ := strings.Cut(rest, " ")
		switch typ {
		case "TIMEOUT":
			z.SetTimeout(name)
		case "UNKNOWN":
			r.unknown[strings.ToLower(name)] = true
		case "SERVFAIL":
			r.servfail[strings.ToLower(name)] = true
		case "TXT":
			z.AddTXT(name, quotedStrings(data)...)
		case "A", "AAAA":
			z.AddAddr(name, data)
		case "MX":
			var pref uint16
			var host string
			fmt.Sscan(data, &pref, &host)
			z.Add(name, dnstest.Record{Type: dns.TypeMX, Pref: pref, Target: host})
		case "PTR", "CNAME":
			z.Add(name, dnstest.Record{Type: dns.StringToType[typ], Target: data})
		default:
			panic("zoneOf: bad line " + line)
		}
	}
	return r
}

// quotedStrings splits `"a" "b"` into its strings; text without quotes is
// one string.
func quotedStrings(s string) []string {
	if !strings.HasPrefix(s, `"`) {
		return []string{s}
	}
	var out []string
	for s != "" {
		s = strings.TrimLeft(s, " ")
		end := strings.Index(s[1:], `"`) + 1
		out = append(out, s[1:end])
		s = s[end+1:]
	}
	return out
}
