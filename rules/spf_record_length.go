package rules

import (
	"fmt"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "spf-record-length",
	Severity: lint.Warning,
	Summary:  "the TXT answer with the SPF record would exceed 512 bytes, or a string of it is over 255 bytes",
	Explanation: `A receiver gets the SPF record with a TXT query for the domain, and the
answer holds every TXT record at that name, not only the SPF one:
verification tokens of other services count too. RFC 7208 §3.4 asks that
the answer fit in 512 bytes, the most a DNS response over UDP carries
without EDNS0. A larger answer comes back truncated; the resolver must
retry over TCP, and a receiver whose resolver cannot gets temperror, so
its SPF check is deferred or skipped.

sendlint computes the answer's size as a name server would send it: the
12-byte header, the question (the name in wire form and 4 bytes), and per
TXT record a 2-byte compressed name pointer, 10 bytes of type, class, TTL
and length, and each character-string with its length byte.

A single character-string holds at most 255 bytes (RFC 1035 §3.3). A
longer SPF record must be written as several strings, which receivers
join without adding spaces (RFC 7208 §3.3): "v=spf1 ... " "include:...".
A string over 255 bytes cannot be served at all; the fix shows the record
split.

Shorten the record (fewer, wider ip4/ip6 ranges; a provider's include in
place of its addresses), or move verification TXT records to names of
their own where the service allows it.`,
	Bad: `@  IN  TXT  "v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 ip4:192.0.2.3 ip4:192.0.2.4 ip4:192.0.2.5 ip4:192.0.2.6 ip4:192.0.2.7 ip4:192.0.2.8 ip4:192.0.2.9 ip4:192.0.2.10 ip4:192.0.2.11 ip4:192.0.2.12 ip4:192.0.2.13 ip4:192.0.2.14 ip4:192.0.2.15 ip4:192.0.2.16 ip4:192.0.2.17 ip4:192.0.2.18 ip4:192.0.2.19 ip4:192.0.2.20 -all"`,
	Good: `@  IN  TXT  ( "v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 ip4:192.0.2.3 ip4:192.0.2.4 ip4:192.0.2.5 ip4:192.0.2.6 ip4:192.0.2.7 ip4:192.0.2.8 ip4:192.0.2.9 ip4:192.0.2.10 "
              "ip4:192.0.2.11 ip4:192.0.2.12 ip4:192.0.2.13 ip4:192.0.2.14 ip4:192.0.2.15 ip4:192.0.2.16 ip4:192.0.2.17 ip4:192.0.2.18 ip4:192.0.2.19 ip4:192.0.2.20 -all" )`,
	Check: checkSPFRecordLength,
})

// maxUDPAnswer is the largest DNS response over UDP without EDNS0 (RFC
// 1035 §2.3.4), which RFC 7208 §3.4 asks SPF answers to fit in.
const maxUDPAnswer = 512

func checkSPFRecordLength(pass *lint.Pass) {
	seen := map[string]bool{}
	for _, s := range spfTXTs(pass.State) {
		reportLongStrings(pass, s)
		if seen[s.Name] {
			continue
		}
		seen[s.Name] = true
		reportAnswerSize(pass, s)
	}
}

// reportLongStrings reports each string of the SPF record over 255 bytes.
func reportLongStrings(pass *lint.Pass, s *spfTXT) {
	off := 0
	for _, str := range s.Rec.Text {
		n := len(str.Value)
		if n > maxString {
			pass.Report(lint.Finding{
				Domain: s.Name,
				Range:  s.rangeOf(spf.Span{Start: off, End: off + n}),
				Message: fmt.Sprintf("a string of the SPF record of %s is %d bytes; DNS cannot carry a string over %d, "+
					"so the record cannot be served and %s has no SPF; split it into strings of at most %d bytes, "+
					"which receivers join without spaces", s.Name, n, maxString, s.Name, maxString),
				Fix: txtFix(s.Rec, "Split the record into strings of at most 255 bytes", s.Text),
			})
		}
		off += n
	}
}

// reportAnswerSize reports the name of s when the answer to a TXT query
// for it would not fit in 512 bytes.
func reportAnswerSize(pass *lint.Pass, s *spfTXT) {
	txts := pass.State.Records(s.Name, lint.TypeTXT)
	size := 12 + wireNameLength(s.Name) + 4
	for _, r := range txts {
		size += 2 + 10 + rdataLength(r)
	}
	if size <= maxUDPAnswer {
		return
	}

	f := lint.Finding{
		Domain: s.Name,
		Range:  s.Rec.Range,
		Message: fmt.Sprintf("a TXT query for %s gets a %d-byte answer (%d TXT records), over the %d bytes of a "+
			"DNS response over UDP; it arrives truncated, and receivers that cannot retry over TCP get temperror "+
			"for SPF; shorten the SPF record or move other TXT records off %s",
			s.Name, size, len(txts), maxUDPAnswer, s.Name),
	}
	for _, r := range txts {
		if r != s.Rec {
			f.Related = append(f.Related, lint.Related{
				Range:   r.Range,
				Message: fmt.Sprintf("another TXT record at %s, %d bytes of the answer", s.Name, 12+rdataLength(r)),
			})
		}
	}
	pass.Report(f)
}

// rdataLength returns the RDATA length of a TXT record as served, its
// strings split at 255 bytes where they are longer; a record whose value
// is not known counts as empty.
func rdataLength(r *lint.Record) int {
	n := 0
	for _, s := range r.Text {
		n += len(s.Value) + max(1, (len(s.Value)+maxString-1)/maxString)
	}
	return n
}

// wireNameLength returns the length of a canonical name in DNS wire form
// (RFC 1035 §3.1): a length byte per label, its bytes with \X and \DDD
// escapes decoded, and the root's zero byte.
func wireNameLength(name string) int {
	if name == "." {
		return 1
	}
	n := 2 // the first label's length byte and the root
	for i := 0; i < len(name); i++ {
		switch {
		case name[i] == '.':
			n++
		case name[i] == '\\' && i+3 < len(name) && isDigits(name[i+1:i+4]):
			n++
			i += 3
		case name[i] == '\\' && i+1 < len(name):
			n++
			i++
		default:
			n++
		}
	}
	return n
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
