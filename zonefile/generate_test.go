package zonefile_test

import "testing"

func TestGenerate(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		records  []string
		findings []string
	}{{
		name: "iterator in owner and data",
		src:  "$GENERATE 1-3 host$ A 192.0.2.$\n",
		records: []string{
			"1:15-1:32 host1.example.com A 0 192.0.2.1 @1:23",
			"1:15-1:32 host2.example.com A 0 192.0.2.2 @1:23",
			"1:15-1:32 host3.example.com A 0 192.0.2.3 @1:23",
		},
	}, {
		name: "step, TTL, class and modifiers",
		src:  "$GENERATE 0-20/10 h${5,3,d} 300 IN CNAME x${0,2,x}.${-0,0,X}.${8,1,o}\n",
		records: []string{
			"1:19-1:70 h005.example.com CNAME 300 x00.0.10.example.com @1:42",
			"1:19-1:70 h015.example.com CNAME 300 x0a.a.22.example.com @1:42",
			"1:19-1:70 h025.example.com CNAME 300 x14.14.34.example.com @1:42",
		},
	}, {
		name: "nibbles for reverse zones",
		src:  "$GENERATE 17-18 ${0,3,n} PTR host$.example.com.\n$GENERATE 255-255 ${0,0,N}.x A 192.0.2.1\n",
		records: []string{
			"1:17-1:48 1.1.example.com TYPE12 0 @1:30",
			"1:17-1:48 2.1.example.com TYPE12 0 @1:30",
			"2:19-2:41 f.f.x.example.com A 0 192.0.2.1 @2:32",
		},
	}, {
		name: "literal dollar signs",
		src:  "$GENERATE 1-1 a$$b$ TXT \"p\\$x$\"\n",
		records: []string{
			`1:15-1:32 a$b1.example.com TXT 0 "p$x1"@1:25 @1:25`,
		},
	}, {
		name: "data of several fields and a quoted string",
		src: "$GENERATE 1-2 m$ MX \"1$ mail$\"\n" +
			"$GENERATE 1-1 t$ TXT \"\\\"v=spf1 ip4:192.0.2.$ -all\\\"\"\n",
		records: []string{
			"1:15-1:31 m1.example.com MX 0 11 mail1.example.com @1:21",
			"1:15-1:31 m2.example.com MX 0 12 mail2.example.com @1:21",
			`2:15-2:53 t1.example.com TXT 0 "v=spf1 ip4:192.0.2.1 -all"@2:23 @2:22`,
		},
	}, {
		name: "range over the cap",
		src:  "$GENERATE 0-70000 h$ A 192.0.2.1\n",
		findings: []string{
			`1:11-1:18 zone-syntax: $GENERATE range "0-70000" makes 70001 records; sendlint reads the first 65536 only`,
		},
	}, {
		name: "a generated record that does not parse stops the expansion",
		src:  "$GENERATE 250-260 h$ A 192.0.2.$\n",
		records: []string{
			"1:19-1:33 h250.example.com A 0 192.0.2.250 @1:24",
			"1:19-1:33 h251.example.com A 0 192.0.2.251 @1:24",
			"1:19-1:33 h252.example.com A 0 192.0.2.252 @1:24",
			"1:19-1:33 h253.example.com A 0 192.0.2.253 @1:24",
			"1:19-1:33 h254.example.com A 0 192.0.2.254 @1:24",
			"1:19-1:33 h255.example.com A 0 192.0.2.255 @1:24",
		},
		findings: []string{
			`1:24-1:33 zone-syntax: bad IPv4 address "192.0.2.256" in A record`,
		},
	}, {
		name: "bad range",
		src:  "$GENERATE 5-1 h$ A 192.0.2.1\n$GENERATE 1-5/0 h$ A 192.0.2.1\n$GENERATE x h$ A 192.0.2.1\n",
		findings: []string{
			`1:11-1:14 zone-syntax: bad $GENERATE range "5-1"; expected START-STOP or START-STOP/STEP with START <= STOP, both from 0 to 2147483647`,
			`2:11-2:16 zone-syntax: bad $GENERATE range "1-5/0"; expected START-STOP or START-STOP/STEP with START <= STOP, both from 0 to 2147483647`,
			`3:11-3:12 zone-syntax: bad $GENERATE range "x"; expected START-STOP or START-STOP/STEP with START <= STOP, both from 0 to 2147483647`,
		},
	}, {
		name: "bad modifier, negative value, too few fields",
		src:  "$GENERATE 1-2 h${1,2,q} A 192.0.2.1\n$GENERATE 1-2 h${-2} A 192.0.2.1\n$GENERATE 1-2 h$ A\n",
		findings: []string{
			`1:15-1:24 zone-syntax: bad $GENERATE modifier in "${1,2,q}"; expected ${offset[,width[,base]]} with base d, o, x, X, n or N`,
			`2:15-2:21 zone-syntax: $GENERATE offset -2 makes the value -1 negative`,
			`3:1-3:10 zone-syntax: $GENERATE needs a range, an owner template, a type and a data template, as in "$GENERATE 1-9 host$ A 192.0.2.$"`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := load(t, tt.src, exampleCom)
			var got []string
			for _, f := range findings(st) {
				got = append(got, f[len("zones/test.zone "):])
			}
			diff(t, "findings", got, tt.findings)
			if tt.records != nil || len(got) == 0 {
				diff(t, "records", records(st), tt.records)
			}
		})
	}
}
