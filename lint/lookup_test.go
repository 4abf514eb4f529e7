package lint

import "testing"

// testState declares example.com with a few records, a delegation and a
// wildcard.
func testState() *State {
	st := NewState()
	st.AddZone("example.com.", Range{File: "z", Start: Pos{Line: 1}})
	add := func(name string, t Type, target string) {
		st.Add(&Record{Name: name, Type: t, Target: target, Range: Range{File: "z", Start: Pos{Line: 2}}})
	}
	add("example.com", TypeNS, "ns1.example.com")
	add("example.com", TypeTXT, "")
	add("a.b.example.com", TypeA, "")
	add("www.example.com", TypeCNAME, "example.com")
	add("sub.example.com", TypeNS, "ns.elsewhere.net")
	add("*.wild.example.com", TypeTXT, "")
	add("wild.example.com", TypeMX, ".")
	return st
}

func TestLookup(t *testing.T) {
	st := testState()
	tests := []struct {
		name     string
		typ      Type
		status   Status
		n        int
		wildcard bool
	}{
		{"example.com", TypeTXT, NoError, 1, false},
		{"example.com", TypeMX, NoError, 0, false},        // NODATA
		{"b.example.com", TypeA, NoError, 0, false},       // empty non-terminal
		{"a.b.example.com", TypeA, NoError, 1, false},     // leaf
		{"nope.example.com", TypeA, NXDomain, 0, false},   // authoritative absence
		{"www.example.com", TypeTXT, NoError, 1, false},   // the CNAME comes back
		{"www.example.com", TypeCNAME, NoError, 1, false}, // asked for
		{"x.sub.example.com", TypeTXT, Unknown, 0, false}, // below a delegation
		{"sub.example.com", TypeTXT, Unknown, 0, false},   // at the delegation
		{"x.wild.example.com", TypeTXT, NoError, 1, true}, // wildcard match
		{"y.x.wild.example.com", TypeTXT, NoError, 1, true},
		{"x.wild.example.com", TypeA, NoError, 0, true},  // wildcard NODATA
		{"wild.example.com", TypeTXT, NoError, 0, false}, // existing name: no wildcard
		{"example.org", TypeTXT, Unknown, 0, false},      // outside every zone
		{"com", TypeTXT, Unknown, 0, false},
	}
	for _, tt := range tests {
		a := st.Lookup(tt.name, tt.typ)
		if a.Status != tt.status || len(a.Records) != tt.n || a.Wildcard != tt.wildcard {
			t.Errorf("Lookup(%s, %s) = %s, %d records, wildcard %v; want %s, %d, %v",
				tt.name, tt.typ, a.Status, len(a.Records), a.Wildcard, tt.status, tt.n, tt.wildcard)
		}
	}
}

func TestZoneOfDeepest(t *testing.T) {
	st := testState()
	st.AddZone("sub.example.com", Range{})
	if z := st.ZoneOf("x.sub.example.com"); z == nil || z.Origin != "sub.example.com" {
		t.Fatalf("ZoneOf = %v, want sub.example.com", z)
	}
	// The child zone is declared, so names in it are answered by it.
	if a := st.Lookup("x.sub.example.com", TypeTXT); a.Status != NXDomain {
		t.Errorf("Lookup in a declared child zone = %s, want NXDOMAIN", a.Status)
	}
}

func TestNames(t *testing.T) {
	st := testState()
	got := st.Names()
	want := []string{"*.wild.example.com", "a.b.example.com", "example.com", "sub.example.com", "wild.example.com", "www.example.com"}
	if len(got) != len(want) {
		t.Fatalf("Names = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Names[%d] = %q, want %q", i, got[i], want[i])
		}
	}
	if d := st.CheckedDomains(); len(d) != 1 || d[0] != "example.com" {
		t.Errorf("CheckedDomains = %q", d)
	}
}

func TestNameHelpers(t *testing.T) {
	canon := map[string]string{"Example.COM.": "example.com", ".": ".", "": ".", "a.b": "a.b"}
	for in, want := range canon {
		if got := CanonicalName(in); got != want {
			t.Errorf("CanonicalName(%q) = %q, want %q", in, got, want)
		}
	}
	parents := map[string]string{"a.b.c": "b.c", "c": ".", `a\.b.c`: "c"}
	for in, want := range parents {
		if got, ok := Parent(in); !ok || got != want {
			t.Errorf("Parent(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := Parent("."); ok {
		t.Error(`Parent(".") has a parent`)
	}
	sub := []struct {
		child, parent string
		want          bool
	}{
		{"a.example.com", "example.com", true},
		{"example.com", "example.com", true},
		{"badexample.com", "example.com", false},
		{`a\.example.com`, "example.com", false}, // one label "a.example" under com
		{`x.a\.example.com`, `a\.example.com`, true},
		{"anything", ".", true},
	}
	for _, tt := range sub {
		if got := IsSubdomain(tt.child, tt.parent); got != tt.want {
			t.Errorf("IsSubdomain(%q, %q) = %v", tt.child, tt.parent, got)
		}
	}
}
