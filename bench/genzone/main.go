// Command genzone writes a synthetic BIND zone file of a given number of
// records for the zone loader benchmark (bench/zone.sh). The mix imitates a
// large mail-sending estate: per host an A record, often an AAAA, MX and
// SPF TXT records, DKIM keys split over several character-strings in
// parentheses, DMARC records, verification tokens and CNAMEs to providers.
// The output depends only on the flags, so runs are comparable.
package main

import (
	"bufio"
	"encoding/base64"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
)

func main() {
	n := flag.Int("n", 1000000, "number of records to write")
	origin := flag.String("origin", "example.com", "zone origin, without the trailing dot")
	seed := flag.Uint64("seed", 1, "random seed")
	txt := flag.Bool("txt", false, "write mostly TXT records: a DKIM key, SPF and a token per host")
	flag.Parse()

	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	g := &gen{w: w, rng: rand.New(rand.NewPCG(*seed, *seed)), origin: *origin, txt: *txt}
	g.header()
	for g.count < *n {
		g.host(*n)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(os.Stderr, "genzone: %v\n", err)
		os.Exit(1)
	}
}

type gen struct {
	w      *bufio.Writer
	rng    *rand.Rand
	origin string
	count  int
	hosts  int
	txt    bool
}

// line writes one record line and counts it.
func (g *gen) line(format string, args ...any) {
	fmt.Fprintf(g.w, format, args...)
	g.w.WriteByte('\n')
	g.count++
}

func (g *gen) header() {
	fmt.Fprintf(g.w, "$ORIGIN %s.\n$TTL 3600\n", g.origin)
	g.line("@\tIN\tSOA\tns1.%s. hostmaster.%s. ( 2024060101 7200 3600 1209600 300 )", g.origin, g.origin)
	g.line("@\tIN\tNS\tns1.%s.", g.origin)
	g.line("@\tIN\tNS\tns2.%s.", g.origin)
	g.line("@\tIN\tMX\t10 mx1.%s.", g.origin)
	g.line("@\tIN\tTXT\t\"v=spf1 ip4:192.0.2.0/24 include:_spf.google.com include:sendgrid.net -all\"")
	g.line("_dmarc\tIN\tTXT\t\"v=DMARC1; p=reject; rua=mailto:dmarc@%s; adkim=s\"", g.origin)
	for i, h := range []string{"ns1", "ns2", "mx0", "mx1", "mx2", "mx3"} {
		g.line("%s\tIN\tA\t192.0.2.%d", h, i+1)
	}
}

// host writes the records of one host, stopping at limit records.
func (g *gen) host(limit int) {
	g.hosts++
	h := fmt.Sprintf("h%d", g.hosts)
	r := g.rng.IntN(100)
	emit := func(format string, args ...any) {
		if g.count < limit {
			g.line(format, args...)
		}
	}
	if g.txt {
		r = 0 // every host gets the TXT-heavy share below
	}

	emit("%s\t\tIN\tA\t198.51.%d.%d", h, g.hosts/256%256, g.hosts%256)
	if r < 40 {
		emit("\t\tIN\tAAAA\t2001:db8:%x::%x", g.hosts/65536, g.hosts%65536)
	}
	if r < 15 {
		emit("\t300\tIN\tMX\t%d mx%d.%s.", 10*(1+r%3), r%4, g.origin)
		emit("\t\tIN\tTXT\t\"v=spf1 a mx ip4:203.0.113.%d include:spf.protection.outlook.com ~all\"", r)
	}
	if g.txt {
		g.dkim(h, emit)
		emit("%s\tIN\tTXT\t\"google-site-verification=%s\"", h, g.token(32))
		return
	}
	switch {
	case r < 5:
		g.dkim(h, emit)
	case r < 10:
		emit("_dmarc.%s\tIN\tTXT\t\"v=DMARC1; p=quarantine; pct=100; rua=mailto:d@%s\"", h, g.origin)
	case r < 20:
		emit("s1._domainkey.%s\tIN\tCNAME\ts1.domainkey.u%d.wl.sendgrid.net.", h, g.hosts)
	case r < 30:
		emit("www.%s\tIN\tCNAME\t%s", h, h)
	case r < 35:
		emit("%s\tIN\tTXT\t\"google-site-verification=%s\"", h, g.token(32))
	}
}

// dkim writes a 2048-bit-sized DKIM key split over several strings in
// parentheses, as zone editors usually lay it out.
func (g *gen) dkim(h string, emit func(string, ...any)) {
	key := g.token(294)
	emit("sel%d._domainkey.%s\tIN\tTXT\t( \"v=DKIM1; k=rsa; \"\n\t\"p=%s\"\n\t\"%s\"\n\t\"%s\" )",
		g.hosts%3, h, key[:120], key[120:240], key[240:])
}

func (g *gen) token(n int) string {
	b := make([]byte, n*3/4+3)
	for i := range b {
		b[i] = byte(g.rng.Uint32())
	}
	return base64.StdEncoding.EncodeToString(b)[:n]
}
