package zonefile_test

import (
	"strings"
	"testing"
)

// TestSyntaxFindings checks each kind of problem the loader reports: its
// rule, position and message.
func TestSyntaxFindings(t *testing.T) {
	const f = "zones/test.zone "
	long := strings.Repeat("a", 64)
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"bad IPv4", "www A 192.0.2.300\n", []string{
			f + `1:7-1:18 zone-syntax: bad IPv4 address "192.0.2.300" in A record`}},
		{"IPv6 in A", "www A 2001:db8::1\n", []string{
			f + `1:7-1:18 zone-syntax: bad IPv4 address "2001:db8::1" in A record; an IPv6 address belongs in an AAAA record`}},
		{"leading zero in IPv4", "www A 192.0.2.01\n", []string{
			f + `1:7-1:17 zone-syntax: bad IPv4 address "192.0.2.01" in A record`}},
		{"bad IPv6", "www AAAA 2001:db8::g\n", []string{
			f + `1:10-1:21 zone-syntax: bad IPv6 address "2001:db8::g" in AAAA record`}},
		{"IPv4 in AAAA", "www AAAA 192.0.2.1\n", []string{
			f + `1:10-1:19 zone-syntax: bad IPv6 address "192.0.2.1" in AAAA record; an IPv4 address belongs in an A record`}},
		{"MX preference", "@ MX 70000 mail\n", []string{
			f + `1:6-1:11 zone-syntax: bad MX preference "70000"; expected a number from 0 to 65535`}},
		{"MX without host", "@ MX 10\n", []string{
			f + `1:6-1:8 zone-syntax: MX record needs a preference and a mail exchange host name; found 1 field`}},
		{"A without data", "www IN A ; nothing\n", []string{
			f + `1:8-1:9 zone-syntax: A record has no data; it needs one IPv4 address`}},
		{"extra data", "www A 192.0.2.1 192.0.2.2\n", []string{
			f + `1:17-1:26 zone-syntax: unexpected "192.0.2.2" after the A record's data; it needs one IPv4 address`}},
		{"label too long", long + " A 192.0.2.1\n", []string{
			f + `1:1-1:65 zone-syntax: label "` + long + `" in name "` + long + `" is 64 bytes long; a DNS label holds at most 63`}},
		{"name too long", strings.Repeat("abcdefghi.", 24) + "abcdefghi A 192.0.2.1\n", []string{
			f + `1:1-1:250 zone-syntax: name "` + strings.Repeat("abcdefghi.", 24) +
				`abcdefghi" is 263 bytes long in wire format; a DNS name holds at most 255`}},
		{"empty label", "a..b A 192.0.2.1\n", []string{
			f + `1:1-1:5 zone-syntax: empty label in name "a..b"; labels are separated by single dots`}},
		{"bad escape in name", "a\\300 A 192.0.2.1\n", []string{
			f + `1:1-1:6 zone-syntax: bad escape "\\300" in name "a\\300"; \DDD must be 000 to 255`}},
		{"short escape in name", "a\\30 A 192.0.2.1\n", []string{
			f + `1:1-1:5 zone-syntax: bad escape "\\30" in name "a\\30"; expected \DDD with three digits`}},
		{"bad escape in string", "t TXT \"ab\\999c\"\n", []string{
			f + `1:10-1:14 zone-syntax: bad escape "\\999" in character-string; \DDD must be 000 to 255`}},
		{"unknown type", "www IN FOO bar\n", []string{
			f + `1:8-1:11 zone-syntax: unknown record type "FOO"; expected a type such as A, MX or TXT, or TYPEnnn (RFC 3597)`}},
		{"no type", "www 300 IN\n", []string{
			f + `1:9-1:11 zone-syntax: record has no type; expected [TTL] [class] TYPE DATA, as in "www 3600 IN A 192.0.2.1"`}},
		{"quoted type", "www \"A\" 192.0.2.1\n", []string{
			f + `1:5-1:8 zone-syntax: expected a record type, found the quoted string "A"`}},
		{"bad TTL", "www 1x A 192.0.2.1\n", []string{
			f + `1:5-1:7 zone-syntax: bad TTL "1x"; expected seconds or a duration such as 1h30m, at most 4294967295 seconds`}},
		{"TTL over 32 bits", "www 4294967296 A 192.0.2.1\n", []string{
			f + `1:5-1:15 zone-syntax: bad TTL "4294967296"; expected seconds or a duration such as 1h30m, at most 4294967295 seconds`}},
		{"two TTLs", "www 60 IN 70 A 192.0.2.1\n", []string{
			f + `1:11-1:13 zone-syntax: second TTL "70" in one record; a record has at most one TTL`}},
		{"two classes", "www IN 60 in A 192.0.2.1\n", []string{
			f + `1:11-1:13 zone-syntax: second class "in" in one record; a record has at most one class`}},
		{"other class", "www CH A 192.0.2.1\n", []string{
			f + `1:5-1:7 zone-syntax: record class "CH" does not match the zone's class IN`}},
		{"meta type", "www ANY 192.0.2.1\n", []string{
			f + `1:5-1:8 zone-syntax: type ANY is a query or meta type; it cannot appear in a zone file`}},
		{"type checked by miekg/dns", "_sip._tcp SRV 10 5 port sip\n", []string{
			f + `1:20-1:24 zone-syntax: SRV record does not parse: bad SRV Port "port"`}},
		{"quote inside an SVCB key", "@ HTTPS 1 . al\"pn\"=h2\n", []string{
			f + `1:13-1:15 zone-syntax: HTTPS record does not parse: bad SVCB key "al"`}},
		{"marker type without data", "@ CAA\n", []string{
			f + `1:3-1:6 zone-syntax: CAA record has no data`}},
		{"unknown type without generic data", "x TYPE65280 abcd\n", []string{
			f + `1:3-1:12 zone-syntax: data of type TYPE65280 must be written in the generic form of RFC 3597, \# LENGTH HEX, as its presentation format is not known`}},
		{"generic length", "x TYPE65280 \\# 3 abcd\n", []string{
			f + `1:18-1:22 zone-syntax: RFC 3597 data is 2 bytes long, but its length field says 3`}},
		{"generic hex", "x TYPE65280 \\# 2 abzz\n", []string{
			f + `1:18-1:22 zone-syntax: bad hex in RFC 3597 data: encoding/hex: invalid byte: U+007A 'z'`}},
		{"generic A of the wrong size", "x A \\# 3 c00002\n", []string{
			f + `1:5-1:7 zone-syntax: A record data is 3 bytes long; its address has 4`}},
		{"quoted host name", "@ MX 10 \"mail\"\n", []string{
			f + `1:9-1:15 zone-syntax: expected a domain name, found the quoted string "mail"`}},
		{"records of a bad owner", "ok A 192.0.2.1\na..b A 192.0.2.2\n\tAAAA ::1\n", []string{
			f + `2:1-2:5 zone-syntax: empty label in name "a..b"; labels are separated by single dots`}},
		{"owner missing", " A 192.0.2.1\n", []string{
			f + `1:2-1:3 zone-syntax: record has no owner name: its line starts with a blank, which repeats the previous record's owner, and there is none`}},
		{"unknown directive", "$INCLUDES x\n", []string{
			f + `1:1-1:10 zone-syntax: unknown directive "$INCLUDES"; expected $ORIGIN, $TTL, $INCLUDE or $GENERATE`}},
		{"$ORIGIN without name", "$ORIGIN\n", []string{
			f + `1:1-1:8 zone-syntax: $ORIGIN needs a domain name`}},
		{"$ORIGIN with two names", "$ORIGIN a. b.\n", []string{
			f + `1:12-1:14 zone-syntax: unexpected "b." after $ORIGIN "a."`}},
		{"bad $TTL", "$TTL forever\n", []string{
			f + `1:6-1:13 zone-syntax: bad $TTL "forever"; expected seconds or a duration such as 1h30m`}},
		{"unclosed parenthesis", "@ SOA ns1 host ( 1 2 3 4 5\nwww A 192.0.2.1\n", []string{
			f + `1:16-1:17 zone-syntax: unbalanced parenthesis opened at line 1; expected ")" before the end of the file`}},
		{"stray parenthesis", "www A 192.0.2.1 )\n", []string{
			f + `1:17-1:18 zone-syntax: unbalanced parenthesis: ")" without a matching "("`}},
		{"unterminated string", "t TXT \"v=spf1 -all\nnext A 192.0.2.1\n", []string{
			f + `1:7-1:8 zone-syntax: unterminated quoted string; expected a closing '"' on the same line`}},
		{"unterminated string at the end", "t TXT \"v=spf1", []string{
			f + `1:7-1:8 zone-syntax: unterminated quoted string; expected a closing '"' before the end of the file`}},
		{"out of zone", "www.example.org. A 192.0.2.1\n", []string{
			f + `1:1-1:17 zone-syntax warning: record owner "www.example.org" is out of zone "example.com", so name servers ignore the record`}},
		{"second SOA", "@ SOA ns1 host 1 2 3 4 5\n@ SOA ns1 host 1 2 3 4 5\n", []string{
			f + `2:1-2:2 zone-syntax: second SOA record for zone "example.com"; a zone has exactly one`}},
		{"SOA below the apex", "@ SOA ns1 host 1 2 3 4 5\nsub SOA ns1 host 1 2 3 4 5\n", []string{
			f + `2:1-2:4 zone-syntax: SOA record at "sub.example.com" inside zone "example.com"; a zone file holds one zone, so put the child zone in a file of its own`}},
		{"SOA serial", "@ SOA ns1 host 1x 2 3 4 5\n", []string{
			f + `1:16-1:18 zone-syntax: bad SOA serial "1x"; expected a number from 0 to 4294967295`}},
		{"SOA timer", "@ SOA ns1 host 1 2 3 4 5y\n", []string{
			f + `1:24-1:26 zone-syntax: bad SOA minimum "5y"; expected seconds or a duration such as 1h`}},
		{"SOA fields", "@ SOA ns1 host 1\n", []string{
			f + `1:16-1:17 zone-syntax: SOA record needs 7 fields: primary name server, contact mailbox, serial, refresh, retry, expire and minimum TTL; found 3 fields`}},
		{"binary", "www A 192.0.2.1\nx\x00y\n", []string{
			f + `2:2-2:3 zone-syntax: file holds a NUL byte, so it is binary data and not a zone file; nothing in it was loaded`}},
		{"not UTF-8", "; caf\xe9\nwww A 192.0.2.1\n", []string{
			f + `1:6-1:7 zone-syntax: file is not UTF-8 text: byte 0xe9 here is not valid UTF-8; save the file as UTF-8 (nothing in it was loaded)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := load(t, tt.src, exampleCom)
			diff(t, "findings", findings(st), tt.want)
		})
	}
}
