package dnstest

import (
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/miekg/dns"

	"github.com/sendlint/sendlint/internal/dnsname"
)

// Serve starts a DNS server for h on 127.0.0.1, over UDP and TCP on the
// same port, stops it when the test ends, and returns its address.
func Serve(tb testing.TB, h dns.Handler) string {
	tb.Helper()
	for range 20 {
		pc, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		addr := pc.LocalAddr().String()
		l, err := net.Listen("tcp", addr)
		if err != nil {
			pc.Close() // the TCP port is taken; try another
			continue
		}
		start(tb, &dns.Server{PacketConn: pc, Handler: h})
		start(tb, &dns.Server{Listener: l, Handler: h})
		return addr
	}
	tb.Fatal("no free port for a test DNS server on 127.0.0.1")
	return ""
}

// start runs srv until the test ends.
func start(tb testing.TB, srv *dns.Server) {
	started := make(chan struct{})
	srv.NotifyStartedFunc = func() { close(started) }
	go srv.ActivateAndServe()
	select {
	case <-started:
	case <-time.After(5 * time.Second):
		tb.Fatal("the test DNS server did not start")
	}
	tb.Cleanup(func() { srv.Shutdown() })
}

// ServeDNS answers a query from the zone.
func (z *Zone) ServeDNS(w dns.ResponseWriter, req *dns.Msg) {
	if len(req.Question) != 1 {
		reply := new(dns.Msg).SetRcode(req, dns.RcodeFormatError)
		w.WriteMsg(reply)
		return
	}
	q := req.Question[0]
	_, tcp := w.RemoteAddr().(*net.TCPAddr)
	z.record(Query{Name: dnsname.Plain(q.Name), Type: q.Qtype, TCP: tcp})

	rep := z.Resolve(dnsname.Plain(q.Name), q.Qtype)
	if rep.Drop {
		return
	}
	if z.Delay > 0 {
		time.Sleep(z.Delay)
	}
	msg := new(dns.Msg).SetReply(req)
	msg.RecursionAvailable = true
	msg.Rcode = rep.RCode
	if z.Truncate && !tcp {
		msg.Truncated = true
		w.WriteMsg(msg)
		return
	}
	for _, o := range append(rep.CNAMEs, rep.Records...) {
		rr, err := o.RR()
		if err != nil {
			msg = new(dns.Msg).SetRcode(req, dns.RcodeServerFailure)
			break
		}
		msg.Answer = append(msg.Answer, rr)
	}
	WriteReply(w, req, msg)
}

// WriteReply sends msg, cut to the size the client announced when it goes
// over UDP (512 bytes without EDNS0, RFC 6891 §6.2.3), with the TC bit set
// when records had to be left out.
func WriteReply(w dns.ResponseWriter, req, msg *dns.Msg) {
	if _, tcp := w.RemoteAddr().(*net.TCPAddr); !tcp {
		size := dns.MinMsgSize
		if opt := req.IsEdns0(); opt != nil {
			size = max(int(opt.UDPSize()), dns.MinMsgSize)
		}
		msg.Truncate(size)
	}
	w.WriteMsg(msg)
}

// RR returns the record as a miekg/dns resource record with a TTL of 300.
func (o Owned) RR() (dns.RR, error) {
	hdr := dns.RR_Header{Name: dnsname.Fqdn(o.Owner), Rrtype: o.Type, Class: dns.ClassINET, Ttl: 300}
	switch o.Type {
	case dns.TypeA:
		return &dns.A{Hdr: hdr, A: o.Addr.AsSlice()}, nil
	case dns.TypeAAAA:
		return &dns.AAAA{Hdr: hdr, AAAA: o.Addr.AsSlice()}, nil
	case dns.TypeMX:
		return &dns.MX{Hdr: hdr, Preference: o.Pref, Mx: dnsname.Fqdn(o.Target)}, nil
	case dns.TypePTR:
		return &dns.PTR{Hdr: hdr, Ptr: dnsname.Fqdn(o.Target)}, nil
	case dns.TypeCNAME:
		return &dns.CNAME{Hdr: hdr, Target: dnsname.Fqdn(o.Target)}, nil
	case dns.TypeTXT, dns.TypeSPF:
		strs := make([]string, len(o.Strings))
		for i, s := range o.Strings {
			strs[i] = dnsname.EscapeTXT(s)
		}
		if o.Type == dns.TypeSPF {
			return &dns.SPF{Hdr: hdr, Txt: strs}, nil
		}
		return &dns.TXT{Hdr: hdr, Txt: strs}, nil
	}
	return nil, fmt.Errorf("dnstest: cannot serve records of type %d", o.Type)
}
