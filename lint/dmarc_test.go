package lint

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/dmarc"
)

// mailState builds a State from zone origins and records written one per
// line as "NAME TYPE DATA": TXT data is the rest of the line, MX data is
// "PREF TARGET", CNAME and NS data a target. Each record's Range is the
// line number in file "z".
func mailState(t *testing.T, zones []string, records string) *State {
	t.Helper()
	st := NewState()
	for _, z := range zones {
		st.AddZone(z, Range{File: "z", Start: Pos{Line: 1}})
	}
	for i, line := range strings.Split(strings.TrimSpace(records), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		f := strings.SplitN(line, " ", 3)
		if len(f) < 3 {
			t.Fatalf("record %q: want NAME TYPE DATA", line)
		}
		r := &Record{Name: CanonicalName(f[0]), Range: Range{File: "z", Start: Pos{Line: i + 1, Column: 1}}}
		switch f[1] {
		case "TXT":
			r.Type = TypeTXT
			r.Text = []TextString{{Value: f[2], Pos: Pos{Line: i + 1, Column: 10}}}
		case "MX":
			r.Type = TypeMX
			pref, target, _ := strings.Cut(f[2], " ")
			n, _ := strconv.Atoi(pref)
			r.Pref, r.Target = uint16(n), CanonicalName(target)
		case "CNAME":
			r.Type, r.Target = TypeCNAME, CanonicalName(f[2])
		case "NS":
			r.Type, r.Target = TypeNS, CanonicalName(f[2])
		case "A":
			r.Type = TypeA
		default:
			t.Fatalf("record %q: unknown type", line)
		}
		st.Add(r)
	}
	return st
}

func TestWalkTargets(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"example.com", []string{"example.com", "com"}},
		{"a.mail.example.com", []string{"a.mail.example.com", "mail.example.com", "example.com", "com"}},
		// RFC 9989 §4.10: eight queries for a long name, skipping to the
		// last seven labels after the first.
		{"a.b.c.d.e.f.g.h.i.j.mail.example.com", []string{
			"a.b.c.d.e.f.g.h.i.j.mail.example.com", "g.h.i.j.mail.example.com",
			"h.i.j.mail.example.com", "i.j.mail.example.com", "j.mail.example.com",
			"mail.example.com", "example.com", "com",
		}},
		// Eight labels: the parent has seven already.
		{"a.b.c.d.e.f.g.h", []string{"a.b.c.d.e.f.g.h", "b.c.d.e.f.g.h", "c.d.e.f.g.h", "d.e.f.g.h", "e.f.g.h", "f.g.h", "g.h", "h"}},
		{"com", []string{"com"}},
		{".", nil},
	}
	for _, tt := range tests {
		if got := walkTargets(tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("walkTargets(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDMARC(t *testing.T) {
	zones := []string{"example.com", "example.org", "mail.example.net", "bank.example"}
	st := mailState(t, zones, `
_dmarc.example.com TXT v=DMARC1; p=reject; sp=quarantine; np=none; adkim=s; rua=mailto:d@example.com
www.example.com A 192.0.2.1
_dmarc.dept.example.com TXT v=DMARC1; p=none; psd=n
_dmarc.b.example.com TXT v=DMARC1; p=quarantine
x.b.example.com A 192.0.2.2
_dmarc.testing.example.com TXT v=DMARC1; p=reject; t=y
_dmarc.twice.example.com TXT v=DMARC1; p=reject
_dmarc.twice.example.com TXT v=DMARC1; p=none
_dmarc.badp.example.com TXT v=DMARC1; p=nonsense
_dmarc.badprua.example.com TXT v=DMARC1; p=nonsense; rua=mailto:d@example.com
_dmarc.other.example.com TXT some-verification=abc
_dmarc.vendor.example.com CNAME example.com.dmarc.vendor.invalid
_dmarc.alias.example.com CNAME _dmarc.example.org
_dmarc.example.org TXT v=DMARC1; p=quarantine
_dmarc.mail.example.net TXT v=DMARC1; p=reject
_dmarc.bank.example TXT v=DMARC1; p=reject; sp=quarantine; psd=y
_dmarc.giant.bank.example TXT v=DMARC1; p=none
`)

	tests := []struct {
		from       string
		status     DMARCStatus
		domain     string
		tag        string
		requested  dmarc.Policy
		applied    dmarc.Policy
		org        string
		orgKnown   bool
		reasonPart string
	}{
		// The domain's own record, and its sp and np for subdomains that
		// exist and that do not (RFC 9989 §4.10.1).
		{"example.com", DMARCFound, "example.com", "p", "reject", "reject", "example.com", true, ""},
		{"EXAMPLE.COM.", DMARCFound, "example.com", "p", "reject", "reject", "example.com", true, ""},
		{"www.example.com", DMARCFound, "example.com", "sp", "quarantine", "quarantine", "example.com", true, ""},
		{"nope.example.com", DMARCFound, "example.com", "np", "none", "none", "example.com", true, ""},
		// psd=n makes dept.example.com an organizational domain.
		{"a.dept.example.com", DMARCFound, "dept.example.com", "np", "none", "none", "dept.example.com", true, ""},
		// A record between the From domain and the organizational domain
		// is not the policy record (§4.10.1, §4.10.2 rule 3).
		{"x.b.example.com", DMARCFound, "example.com", "sp", "quarantine", "quarantine", "example.com", true, ""},
		{"b.example.com", DMARCFound, "b.example.com", "p", "quarantine", "quarantine", "example.com", true, ""},
		// t=y applies one level below.
		{"testing.example.com", DMARCFound, "testing.example.com", "p", "reject", "quarantine", "example.com", true, ""},
		// Two records count as none; the walk goes on to example.com.
		{"twice.example.com", DMARCFound, "example.com", "sp", "quarantine", "quarantine", "example.com", true, ""},
		// An invalid p without rua: not applied; with rua: p=none.
		{"badp.example.com", DMARCNone, "badp.example.com", "", "", "", "example.com", true, "no valid p"},
		{"badprua.example.com", DMARCFound, "badprua.example.com", "", "none", "none", "example.com", true, ""},
		// A TXT record that is not DMARC is discarded.
		{"other.example.com", DMARCFound, "example.com", "sp", "quarantine", "quarantine", "example.com", true, ""},
		// CNAMEs are followed inside the declared zones only.
		{"vendor.example.com", DMARCUnknown, "", "", "", "", "example.com", false, "outside the declared zones"},
		{"alias.example.com", DMARCFound, "alias.example.com", "p", "quarantine", "quarantine", "example.com", true, ""},
		// No record anywhere up to the public suffix.
		{"example.org", DMARCFound, "example.org", "p", "quarantine", "quarantine", "example.org", true, ""},
		{"mail.example.org", DMARCFound, "example.org", "np", "quarantine", "quarantine", "example.org", true, ""},
		// Outside the declared zones.
		{"example.net", DMARCUnknown, "", "", "", "", "example.net", false, "outside the declared zones"},
		// A declared subzone whose parent is not declared: its own record
		// decides the policy, the organizational domain stays unknown.
		{"mail.example.net", DMARCFound, "mail.example.net", "p", "reject", "reject", "example.net", false, ""},
		{"x.mail.example.net", DMARCUnknown, "", "", "", "", "example.net", false, "example.net is outside"},
		// RFC 9989 Appendix B.4.3: a public suffix domain with psd=y.
		{"giant.bank.example", DMARCFound, "giant.bank.example", "p", "none", "none", "giant.bank.example", true, ""},
		{"mail.giant.bank.example", DMARCFound, "giant.bank.example", "np", "none", "none", "giant.bank.example", true, ""},
		{"mail.mega.bank.example", DMARCFound, "bank.example", "np", "quarantine", "quarantine", "mega.bank.example", true, ""},
	}
	for _, tt := range tests {
		p := st.DMARC(tt.from)
		if p.Status != tt.status || p.Domain != tt.domain || p.Tag != tt.tag || p.Requested != tt.requested ||
			p.Applied != tt.applied || p.OrgDomain != tt.org || p.OrgKnown != tt.orgKnown || !strings.Contains(p.Reason, tt.reasonPart) {
			t.Errorf("DMARC(%q) = %s %q tag=%q %q/%q org=%q/%v reason=%q\nwant %s %q tag=%q %q/%q org=%q/%v reason~%q",
				tt.from, p.Status, p.Domain, p.Tag, p.Requested, p.Applied, p.OrgDomain, p.OrgKnown, p.Reason,
				tt.status, tt.domain, tt.tag, tt.requested, tt.applied, tt.org, tt.orgKnown, tt.reasonPart)
		}
	}

	if p := st.DMARC("example.com"); p.ADKIM != dmarc.Strict || p.ASPF != dmarc.Relaxed || p.Record == nil || p.Record.Range.Start.Line != 1 {
		t.Errorf("DMARC(example.com): adkim %v aspf %v record %v", p.ADKIM, p.ASPF, p.Record)
	}
}

func TestDMARCNone(t *testing.T) {
	st := mailState(t, []string{"example.com"}, `
www.example.com A 192.0.2.1
_dmarc.twice.example.com TXT v=DMARC1; p=reject
_dmarc.twice.example.com TXT v=DMARC1; p=none
`)
	tests := []struct{ from, reason string }{
		{"example.com", "no DMARC record at _dmarc.example.com or above it"},
		{"www.example.com", "no DMARC record at _dmarc.www.example.com or above it"},
		{"twice.example.com", "_dmarc.twice.example.com has several DMARC records"},
	}
	for _, tt := range tests {
		p := st.DMARC(tt.from)
		if p.Status != DMARCNone || !strings.Contains(p.Reason, tt.reason) {
			t.Errorf("DMARC(%q) = %s %q, want none %q", tt.from, p.Status, p.Reason, tt.reason)
		}
	}
}

func TestAligned(t *testing.T) {
	st := mailState(t, []string{"example.com", "example.org"}, `
_dmarc.example.com TXT v=DMARC1; p=reject
_dmarc.dept.example.com TXT v=DMARC1; p=none; psd=n
_dmarc.example.org TXT v=DMARC1; p=reject
`)
	tests := []struct {
		a, b   string
		strict bool
		want   bool
	}{
		{"example.com", "EXAMPLE.com.", true, true},
		{"mail.example.com", "example.com", true, false},
		{"mail.example.com", "example.com", false, true},
		{"a.b.example.com", "c.example.com", false, true},
		{"example.com", "example.org", false, false},
		{"x.dept.example.com", "example.com", false, false},
		{"x.dept.example.com", "dept.example.com", false, true},
	}
	for _, tt := range tests {
		if got := st.Aligned(tt.a, tt.b, tt.strict); got != tt.want {
			t.Errorf("Aligned(%q, %q, %v) = %v, want %v", tt.a, tt.b, tt.strict, got, tt.want)
		}
	}

	if org, known := st.OrganizationalDomain("a.b.example.org"); org != "example.org" || !known {
		t.Errorf("OrganizationalDomain(a.b.example.org) = %q, %v", org, known)
	}
	if org, known := st.OrganizationalDomain("www.example.net"); org != "example.net" || known {
		t.Errorf("OrganizationalDomain(www.example.net) = %q, %v; want the PSL answer, unknown", org, known)
	}
}
