package spf

import (
	"context"
	"strings"
	"testing"
)

// TestAnalyze checks worst-case counts, exactness and what each term
// costs, on trees written as zone lines (see zoneOf).
func TestAnalyze(t *testing.T) {
	tests := []struct {
		name  string
		zone  []string
		total int
		exact bool
		dump  string // a substring of dumpNode's output
	}{
		{
			name:  "include and redirect costs add up",
			zone:  []string{`d.example TXT "v=spf1 include:i.example mx redirect=r.example"`, `i.example TXT "v=spf1 a a ~all"`, `r.example TXT "v=spf1 exists:%{i}.r.example -all"`},
			total: 6, exact: true,
			dump: "- include:i.example cost=3",
		},
		{
			name:  "macros in a, mx and exists cost exactly 1",
			zone:  []string{`d.example TXT "v=spf1 a:%{d}.x.example exists:%{i}.y.example mx:%{o} -all"`},
			total: 3, exact: true,
		},
		{
			name:  "macros in include make a lower bound",
			zone:  []string{`d.example TXT "v=spf1 include:%{o}.x.example -all"`},
			total: 1, exact: false,
			dump: "macro=true",
		},
		{
			name:  "unknown and failed targets make a lower bound",
			zone:  []string{`d.example TXT "v=spf1 include:u.example include:f.example -all"`, "u.example UNKNOWN", "f.example SERVFAIL"},
			total: 2, exact: false,
			dump: "f.example status=5",
		},
		{
			name:  "terms after all and a redirect beside all are not reached",
			zone:  []string{`d.example TXT "v=spf1 a ?all mx redirect=x.example"`},
			total: 1, exact: true,
		},
		{
			name:  "a loop is marked and not followed",
			zone:  []string{`d.example TXT "v=spf1 include:e.example -all"`, `e.example TXT "v=spf1 include:D.EXAMPLE. ~all"`},
			total: 2, exact: true,
			dump: "D.EXAMPLE status=6",
		},
		{
			name:  "void terms and MX host counts",
			zone:  []string{`d.example TXT "v=spf1 a:gone.example mx:d.example a:v6.example -all"`, "d.example MX 10 m.example", "v6.example AAAA 2001:db8::1"},
			total: 3, exact: true,
			dump: `- a:gone.example cost=1 target="gone.example" macro=false void=true "NXDOMAIN"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Analyze(context.Background(), zoneOf(tt.zone...), "d.example", 4)
			n, exact := a.Lookups()
			dump := dumpNode(a.Root, 0)
			if n != tt.total || exact != tt.exact || !strings.Contains(dump, tt.dump) {
				t.Errorf("got %d (exact %v), want %d (exact %v) and %q in\n%s", n, exact, tt.total, tt.exact, tt.dump, dump)
			}
		})
	}
}

// TestAnalyzeBounded checks that a tree that fans out without end stops at
// the analysis limits and says so.
func TestAnalyzeBounded(t *testing.T) {
	var zone []string
	for i := range 10 {
		var b strings.Builder
		b.WriteString("v=spf1")
		for j := range 8 {
			b.WriteString(" include:n" + string(rune('0'+(i+1)%10)) + string(rune('a'+j)) + ".example")
		}
		for j := range 8 {
			zone = append(zone, "n"+string(rune('0'+i))+string(rune('a'+j))+`.example TXT "`+b.String()+` -all"`)
		}
	}
	zone = append(zone, `d.example TXT "v=spf1 include:n0a.example -all"`)
	r := zoneOf(zone...)
	a := Analyze(context.Background(), r, "d.example", 4)
	n, exact := a.Lookups()
	if exact || n < maxAnalysisRecords || r.n.Load() > maxAnalysisRecords+maxAnalysisChecks {
		t.Errorf("got %d lookups (exact %v) with %d queries", n, exact, r.n.Load())
	}
	if !strings.Contains(dumpNode(a.Root, 0), "is beyond the 100 records sendlint follows") {
		t.Error("no node says it was not followed")
	}
}
