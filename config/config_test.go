package config

import (
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
)

var testRules = []string{"spf-ptr", "spf-multiple", "dmarc-missing"}

func TestParseValid(t *testing.T) {
	src := `domains: [Example.com.]
zones:
  zones/internal.db: example.com
senders:
  - name: transactional
    provider: sendgrid
    from: [noreply@example.com, example.com]
    return-path: em1234.example.com
    dkim-selectors: [s1, s2]
    smtp: {host: SMTP.sendgrid.net, username: apikey}
  - name: billing relay
    ips: [203.0.113.10, 2001:db8::/64]
    from: [billing@example.com]
aliases:
  App@example.com: [no-reply@example.com]
rules:
  spf-ptr: off
  dmarc-missing: warning
ignore: [legacy/**]
`
	c, err := Parse([]byte(src), "sendlint.yaml", "/repo", testRules)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"example.com"}; !reflect.DeepEqual(c.Domains, want) {
		t.Errorf("Domains = %q, want %q", c.Domains, want)
	}
	if got := c.Zones[filepath.Join("/repo", "zones", "internal.db")]; got != "example.com" {
		t.Errorf("Zones = %v", c.Zones)
	}
	if len(c.Senders) != 2 {
		t.Fatalf("got %d senders, want 2", len(c.Senders))
	}
	s := c.Senders[0]
	if s.Provider != "sendgrid" || s.ReturnPath != "em1234.example.com" || s.SMTPHost != "smtp.sendgrid.net" ||
		s.SMTPUser != "apikey" || s.DKIMDomain != "" || s.Range.Start.Line != 5 || s.Range.File != "sendlint.yaml" {
		t.Errorf("sender 0 = %+v", s)
	}
	wantIPs := []netip.Prefix{netip.MustParsePrefix("203.0.113.10/32"), netip.MustParsePrefix("2001:db8::/64")}
	if got := c.Senders[1].IPs; !reflect.DeepEqual(got, wantIPs) {
		t.Errorf("sender 1 IPs = %v, want %v", got, wantIPs)
	}
	if got := c.Aliases["app@example.com"]; len(got) != 1 {
		t.Errorf("Aliases = %v", c.Aliases)
	}
	if c.Severity["spf-ptr"] != lint.Off || c.Severity["dmarc-missing"] != lint.Warning {
		t.Errorf("Severity = %v", c.Severity)
	}
	if !c.Ignore.Match("legacy/old.zone", false) || c.Ignore.Match("zones/a.zone", false) {
		t.Error("ignore globs do not match as expected")
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n"} {
		c, err := Parse([]byte(src), "sendlint.yaml", "/repo", testRules)
		if err != nil {
			t.Errorf("Parse(%q): %v", src, err)
			continue
		}
		if len(c.Senders) != 0 || c.Ignore.Match("x", false) {
			t.Errorf("Parse(%q) = %+v, want defaults", src, c)
		}
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"yaml syntax", "domains: [a\nzones: {", 1, "invalid YAML"},
		{"unknown top key", "domain: [example.com]\n", 1, `unknown key "domain"`},
		{"unknown sender key", "senders:\n  - name: x\n    provider: sendgrid\n    from: [a@example.com]\n    retrun-path: b.example.com\n", 5, `senders.0: unknown key "retrun-path"`},
		{"bad provider", "senders:\n  - name: x\n    provider: sendgird\n    from: [a@example.com]\n", 3, `senders.0.provider: unknown value "sendgird"; did you mean "sendgrid"?`},
		{"no provider nor ips", "senders:\n  - name: x\n    from: [a@example.com]\n", 2, "a sender needs a provider"},
		{"bad from", "senders:\n  - name: x\n    provider: sendgrid\n    from: [not an address]\n", 4, "want an email address"},
		{"missing from", "senders:\n  - name: x\n    provider: sendgrid\n", 2, "from is required"},
		{"bad severity", "rules:\n  spf-ptr: loud\n", 2, `rules.spf-ptr: unknown value "loud"; want one of error, warning, notice, off`},
		{"unknown rule", "rules:\n  spf-pt: off\n", 2, `unknown rule "spf-pt"; did you mean "spf-ptr"?`},
		{"bad ip", "senders:\n  - name: x\n    ips: [300.1.1.1]\n    from: [a@example.com]\n", 3, `"300.1.1.1" is not an IP address`},
		{"host bits", "senders:\n  - name: x\n    ips: [192.0.2.1/24]\n    from: [a@example.com]\n", 3, `write "192.0.2.0/24"`},
		{"duplicate key", "domains: [a.com]\ndomains: [b.com]\n", 2, "appears twice"},
		{"not a mapping", "- a\n- b\n", 1, "must be a mapping of keys"},
		{"wrong type", "domains: example.com\n", 1, "domains: want array, got string"},
		{"bad domain", "domains: [\"exa mple.com\"]\n", 1, "domains.0"},
		{"bad glob", "ignore: [\"a/[\"]\n", 1, "bad pattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src), "sendlint.yaml", "/repo", testRules)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("got error %v (%T), want *Error", err, err)
			}
			if ce.Line != tt.line || !strings.Contains(ce.Msg, tt.msg) || ce.File != "sendlint.yaml" {
				t.Errorf("got %s:%d: %s\nwant line %d containing %q", ce.File, ce.Line, ce.Msg, tt.line, tt.msg)
			}
		})
	}
}

func TestFind(t *testing.T) {
	repo := t.TempDir()
	sub := filepath.Join(repo, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}

	got, err := Find(sub)
	if err != nil || got != "" {
		t.Errorf("Find with no config = %q, %v; want none", got, err)
	}

	hidden := filepath.Join(repo, ".sendlint.yaml")
	if err := os.WriteFile(hidden, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(sub); got != hidden {
		t.Errorf("Find = %q, want %q", got, hidden)
	}

	nearer := filepath.Join(repo, "a", "sendlint.yaml")
	if err := os.WriteFile(nearer, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(sub); got != nearer {
		t.Errorf("Find = %q, want the nearer %q", got, nearer)
	}

	// A config above the repository root is not used.
	outer := t.TempDir()
	inner := filepath.Join(outer, "repo")
	if err := os.MkdirAll(filepath.Join(inner, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outer, "sendlint.yaml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(inner); got != "" {
		t.Errorf("Find crossed the repository root: %q", got)
	}
}

func TestLoadUnreadable(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "missing.yaml"), "missing.yaml", nil)
	var ce *Error
	if !errors.As(err, &ce) || !strings.Contains(ce.Error(), "missing.yaml: cannot read") {
		t.Errorf("got %v", err)
	}
}
