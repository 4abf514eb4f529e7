package zonefile_test

import (
	"fmt"
	"testing"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/zonefile"
)

func TestOriginFromFileName(t *testing.T) {
	tests := map[string]string{
		"db.example.com":              "example.com",
		"zones/db.Example.COM":        "example.com",
		"example.com.zone":            "example.com",
		"example.co.uk.db":            "example.co.uk",
		"dir/example.com.zone.txt":    "example.com",
		"_mta-sts.example.com.zone":   "_mta-sts.example.com",
		"example.com":                 "",
		"db.local":                    "",
		"db.127":                      "",
		"db.192.168.1":                "",
		"zone":                        "",
		".zone":                       "",
		"example..com.zone":           "",
		"exa mple.com.zone":           "",
		"db.":                         "",
		"internal.db":                 "",
		"1.168.192.in-addr.arpa.zone": "1.168.192.in-addr.arpa",
	}
	for name, want := range tests {
		if got := zonefile.OriginFromFileName(name); got != want {
			t.Errorf("OriginFromFileName(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestOrigin checks where the origin comes from, in the order of
// DESIGN.md §3, and what a file without one gives.
func TestOrigin(t *testing.T) {
	tests := []struct {
		name     string
		display  string
		opt      zonefile.Options
		src      string
		zones    []string
		records  []string
		findings []string
	}{{
		name:    "$ORIGIN first wins over configuration and file name",
		display: "db.example.net",
		opt:     zonefile.Options{Origin: "example.org"},
		src:     "$ORIGIN example.com.\n@ SOA ns1 host 1 2 3 4 5\nwww A 192.0.2.1\n",
		zones:   []string{"example.com 2:1-2:25"},
		records: []string{"example.com SOA", "www.example.com A"},
	}, {
		name:    "absolute SOA owner",
		display: "db.example.net",
		opt:     zonefile.Options{Origin: "example.org"},
		src:     "www A 192.0.2.1\nexample.com. SOA ns1 host 1 2 3 4 5\n",
		zones:   []string{"example.com 2:1-2:36"},
		records: []string{"www.example.com A", "example.com SOA"},
	}, {
		name:    "$ORIGIN after a relative name does not count",
		display: "db.example.net",
		src:     "www A 192.0.2.1\n$ORIGIN example.com.\nmail A 192.0.2.2\n",
		zones:   []string{"example.net 1:1"},
		records: []string{"www.example.net A"},
		findings: []string{`3:1-3:5 zone-syntax warning: record owner "mail.example.com" is out of zone ` +
			`"example.net", so name servers ignore the record`},
	}, {
		name:    "configured origin",
		display: "db.example.net",
		opt:     zonefile.Options{Origin: "Example.ORG."},
		src:     "@ SOA ns1 host 1 2 3 4 5\nwww A 192.0.2.1\n",
		zones:   []string{"example.org 1:1-1:25"},
		records: []string{"example.org SOA", "www.example.org A"},
	}, {
		name:    "file name",
		display: "zones/db.example.net",
		src:     "@ SOA ns1 host 1 2 3 4 5\nwww A 192.0.2.1\n",
		zones:   []string{"example.net 1:1-1:25"},
		records: []string{"example.net SOA", "www.example.net A"},
	}, {
		name:    "unknown",
		display: "zones/internal",
		src: "; no origin anywhere\nhost.example.com. A 192.0.2.1\n\n" +
			"www  A 192.0.2.2\nmail A 192.0.2.3\n",
		records: []string{"host.example.com A"},
		findings: []string{"4:1-4:4 zone-origin-unknown: relative name \"www\" cannot be completed: " +
			"the zone's origin is unknown; add `$ORIGIN example.com.` or map the file under " +
			"`zones:` in sendlint.yaml"},
	}, {
		name:    "unknown, in the data of a record",
		display: "zones/internal",
		src:     "host.example.com. MX 10 mail\n",
		findings: []string{"1:25-1:29 zone-origin-unknown: relative name \"mail\" cannot be completed: " +
			"the zone's origin is unknown; add `$ORIGIN example.com.` or map the file under " +
			"`zones:` in sendlint.yaml"},
	}, {
		name:    "absolute names only, without SOA, declare no zone",
		display: "zones/internal",
		src:     "host.example.com. A 192.0.2.1\n",
		records: []string{"host.example.com A"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := lint.NewState()
			zonefile.LoadBytes(st, tt.display, []byte(tt.src), tt.opt)

			var zones []string
			for _, z := range st.Zones() {
				for _, d := range z.Decls {
					if d.File != tt.display {
						t.Errorf("zone %s declared in %q, want %q", z.Origin, d.File, tt.display)
					}
					zones = append(zones, z.Origin+" "+span(d))
				}
			}
			diff(t, "zones", zones, tt.zones)

			var recs []string
			for _, line := range records(st) {
				var rg, name, typ string
				fmt.Sscan(line, &rg, &name, &typ)
				recs = append(recs, name+" "+typ)
			}
			diff(t, "records", recs, tt.records)

			var got []string
			for _, f := range findings(st) {
				got = append(got, f[len(tt.display)+1:])
			}
			diff(t, "findings", got, tt.findings)
		})
	}
}
