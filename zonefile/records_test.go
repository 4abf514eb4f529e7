package zonefile_test

import "testing"

func TestRecords(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{{
		name: "types mail checks read",
		src: "www 300 IN A 192.0.2.1\n" +
			"www IN 300 AAAA 2001:DB8::1\n" +
			"@ MX 10 mail\n" +
			"@ MX 0 .\n" +
			"ftp CNAME www.example.net.\n" +
			"sub NS ns1.sub\n" +
			"@ TXT \"v=spf1 -all\"\n" +
			"@ SPF \"v=spf1 -all\"\n",
		want: []string{
			"1:1-1:23 www.example.com A 300 192.0.2.1 @1:14",
			"2:1-2:28 www.example.com AAAA 300 2001:db8::1 @2:17",
			"3:1-3:13 example.com MX 300 10 mail.example.com @3:6",
			"4:1-4:9 example.com MX 300 0 . @4:6",
			"5:1-5:27 ftp.example.com CNAME 300 www.example.net @5:11",
			"6:1-6:15 sub.example.com NS 300 ns1.sub.example.com @6:8",
			`7:1-7:20 example.com TXT 300 "v=spf1 -all"@7:8 @7:7`,
			`8:1-8:20 example.com SPF 300 "v=spf1 -all"@8:8 @8:7`,
		},
	}, {
		name: "blank owner inherits, starting at its first token",
		src: "mail IN A 192.0.2.25\n" +
			"\tIN AAAA 2001:db8::25\n" +
			"  ; a comment line keeps the owner\n" +
			"\n" +
			"    TXT \"v=spf1 a -all\"\n",
		want: []string{
			"1:1-1:21 mail.example.com A 0 192.0.2.25 @1:11",
			"2:2-2:22 mail.example.com AAAA 0 2001:db8::25 @2:10",
			`5:5-5:24 mail.example.com TXT 0 "v=spf1 a -all"@5:10 @5:9`,
		},
	}, {
		name: "TTL with units and $TTL",
		src: "$TTL 1h30m\n" +
			"a A 192.0.2.1\n" +
			"b 1W2d IN A 192.0.2.2\n" +
			"c A 192.0.2.3\n",
		want: []string{
			"2:1-2:14 a.example.com A 5400 192.0.2.1 @2:5",
			"3:1-3:22 b.example.com A 777600 192.0.2.2 @3:13",
			"4:1-4:14 c.example.com A 5400 192.0.2.3 @4:5",
		},
	}, {
		name: "without $TTL a record takes the last TTL stated",
		src: "a 60 A 192.0.2.1\n" +
			"b A 192.0.2.2\n",
		want: []string{
			"1:1-1:17 a.example.com A 60 192.0.2.1 @1:8",
			"2:1-2:14 b.example.com A 60 192.0.2.2 @2:5",
		},
	}, {
		name: "DKIM split over strings in parentheses",
		src: "sel._domainkey IN TXT ( \"v=DKIM1; k=rsa; \"\n" +
			"\t\"p=MIIBIjAN\" ; first half\n" +
			"  \"BgkqhkiG\" )\n",
		want: []string{
			`1:1-3:13 sel._domainkey.example.com TXT 0 "v=DKIM1; k=rsa; "@1:26 "p=MIIBIjAN"@2:3 "BgkqhkiG"@3:4 @1:25`,
		},
	}, {
		name: "escapes in strings and names",
		src: "q TXT \"say \\\"hi\\\"\" semi\\;colon \"\\065\\\\\"\n" +
			"Dot\\.Name A 192.0.2.1\n" +
			"sp\\032ace A 192.0.2.2\n" +
			"*.WILD A 192.0.2.3\n",
		want: []string{
			`1:1-1:40 q.example.com TXT 0 "say \"hi\""@1:8 "semi;colon"@1:20 "A\\"@1:33 @1:7`,
			`2:1-2:22 dot\.name.example.com A 0 192.0.2.1 @2:13`,
			`3:1-3:22 sp\032ace.example.com A 0 192.0.2.2 @3:13`,
			`4:1-4:19 *.wild.example.com A 0 192.0.2.3 @4:10`,
		},
	}, {
		name: "absolute names, @ and $ORIGIN",
		src: "Mail.Example.COM. A 192.0.2.1\n" +
			"$ORIGIN eu\n" +
			"@ MX 10 mail.example.com.\n" +
			"www CNAME @\n" +
			"$ORIGIN sub.eu.example.com.\n" +
			"x A 192.0.2.9\n",
		want: []string{
			"1:1-1:30 mail.example.com A 0 192.0.2.1 @1:21",
			"3:1-3:26 eu.example.com MX 0 10 mail.example.com @3:6",
			"4:1-4:12 www.eu.example.com CNAME 0 eu.example.com @4:11",
			"6:1-6:14 x.sub.eu.example.com A 0 192.0.2.9 @6:5",
		},
	}, {
		name: "other types are markers",
		src: "_sip._tcp SRV 10 5 5060 sip\n" +
			"@ CAA 0 issue \"ca.example.net\"\n" +
			"@ TYPE257 \\# 7 00056973737565\n" +
			"x TYPE65280 \\# 2 abcd\n" +
			"h HINFO \"PC\" \"Linux\"\n" +
			"@ HTTPS 1 . alpn=\"h2,h3\" ipv4hint=192.0.2.1\n",
		want: []string{
			"1:1-1:28 _sip._tcp.example.com TYPE33 0 @1:15",
			"2:1-2:31 example.com TYPE257 0 @2:7",
			"3:1-3:30 example.com TYPE257 0 @3:11",
			"4:1-4:22 x.example.com TYPE65280 0 @4:13",
			"5:1-5:21 h.example.com TYPE13 0 @5:9",
			"6:1-6:44 example.com TYPE65 0 @6:9",
		},
	}, {
		name: "generic form of the types mail checks read",
		src: "a TYPE1 \\# 4 C0000201\n" +
			"t TXT \\# 9 06763D 73706631 0161\n" +
			"m MX \\# 8 000A 046D61696C 00\n" +
			"c CNAME \\# 1 00\n",
		want: []string{
			"1:1-1:22 a.example.com A 0 192.0.2.1 @1:9",
			`2:1-2:32 t.example.com TXT 0 "v=spf1"@2:7 "a"@2:7 @2:7`,
			"3:1-3:29 m.example.com MX 0 10 mail @3:6",
			"4:1-4:16 c.example.com CNAME 0 . @4:9",
		},
	}, {
		name: "SOA and class in lower case",
		src: "@ 3600 in SOA ns1 hostmaster.example.com. (\n" +
			"  2024010101 ; serial\n" +
			"  2h 1h 2w 300 )\n" +
			"@ NS ns1\n",
		want: []string{
			"1:1-3:15 example.com SOA 3600 @1:15",
			"4:1-4:9 example.com NS 3600 ns1.example.com @4:6",
		},
	}, {
		name: "CRLF line ends and a byte order mark",
		src:  "\xef\xbb\xbfwww A 192.0.2.1\r\n\tTXT \"x\"\r\n",
		want: []string{
			"1:4-1:19 www.example.com A 0 192.0.2.1 @1:10",
			`2:2-2:9 www.example.com TXT 0 "x"@2:7 @2:6`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := load(t, tt.src, exampleCom)
			diff(t, "findings", findings(st), nil)
			diff(t, "records", records(st), tt.want)
		})
	}
}
