package dnstest

import (
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"slices"
	"strings"

	"github.com/miekg/dns"
	"go.yaml.in/yaml/v3"
)

// Scenario is one YAML document of an OpenSPF test suite: tests sharing a
// zone.
type Scenario struct {
	Description string
	Tests       []*SuiteTest
	Zone        *Zone
}

// SuiteTest is one check_host() call of a scenario and the results it
// may give.
type SuiteTest struct {
	Name, Description, Spec string
	HELO, Host, MailFrom    string
	// Results holds the acceptable results; the first is preferred.
	Results []string
	// Explanation is the expected explanation: "" when the test checks
	// none, "DEFAULT" when the implementation's default is expected.
	Explanation string
}

// suiteDoc is how a scenario is written in YAML.
type suiteDoc struct {
	Description string
	Tests       map[string]struct {
		Description string
		Spec        any
		Helo        string
		Host        string
		MailFrom    string `yaml:"mailfrom"`
		Result      any
		Explanation string
	}
	ZoneData map[string][]any `yaml:"zonedata"`
}

// LoadSuite reads an OpenSPF test suite. Tests come sorted by name.
//
// Its zone data follows the conventions of the suite's drivers: an SPF
// (type 99) record is also served as TXT at a name that has no TXT entry
// ("TXT: NONE" is one and adds no record); TIMEOUT leaves queries for the
// name's other types unanswered; an MX host "" is the root.
func LoadSuite(path string) ([]*Scenario, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	var out []*Scenario
	dec := yaml.NewDecoder(f)
	for {
		var doc suiteDoc
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		sc, err := doc.scenario()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, doc.Description, err)
		}
		out = append(out, sc)
	}
}

func (doc *suiteDoc) scenario() (*Scenario, error) {
	sc := &Scenario{Description: doc.Description, Zone: NewZone()}
	for name, data := range doc.ZoneData {
		if err := addSuiteName(sc.Zone, name, data); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	for name, t := range doc.Tests {
		sc.Tests = append(sc.Tests, &SuiteTest{
			Name: name, Description: t.Description, Spec: fmt.Sprint(t.Spec),
			HELO: t.Helo, Host: t.Host, MailFrom: t.MailFrom,
			Results: results(t.Result), Explanation: t.Explanation,
		})
	}
	slices.SortFunc(sc.Tests, func(a, b *SuiteTest) int { return strings.Compare(a.Name, b.Name) })
	return sc, nil
}

func results(v any) []string {
	if list, ok := v.([]any); ok {
		var out []string
		for _, x := range list {
			out = append(out, fmt.Sprint(x))
		}
		return out
	}
	return []string{fmt.Sprint(v)}
}

// addSuiteName adds the records of one zonedata entry.
func addSuiteName(z *Zone, name string, entries []any) error {
	n := z.name(name)
	var spf [][]string
	hasTXT := false
	for _, e := range entries {
		if s, ok := e.(string); ok && s == "TIMEOUT" {
			n.Timeout = true
			continue
		}
		m, ok := e.(map[string]any)
		if !ok {
			return fmt.Errorf("unexpected entry %v", e)
		}
		for typ, v := range m {
			if typ == "TXT" {
				hasTXT = true
			}
			if typ == "SPF" {
				spf = append(spf, suiteStrings(v))
			}
			if err := addSuiteRecord(n, typ, v); err != nil {
				return err
			}
		}
	}
	if !hasTXT {
		for _, strs := range spf {
			n.Records = append(n.Records, Record{Type: dns.TypeTXT, Strings: strs})
		}
	}
	return nil
}

func addSuiteRecord(n *Name, typ string, v any) error {
	r := Record{}
	switch typ {
	case "A", "AAAA":
		a, err := netip.ParseAddr(fmt.Sprint(v))
		if err != nil {
			return err
		}
		r.Type, r.Addr = dns.TypeA, a
		if typ == "AAAA" {
			r.Type = dns.TypeAAAA
		}
	case "MX":
		pair, ok := v.([]any)
		if !ok || len(pair) != 2 {
			return fmt.Errorf("MX %v is not [preference, host]", v)
		}
		pref, _ := pair[0].(int)
		r.Type, r.Pref, r.Target = dns.TypeMX, uint16(pref), cmpRoot(fmt.Sprint(pair[1]))
	case "PTR", "CNAME":
		r.Type, r.Target = dns.StringToType[typ], strings.TrimSuffix(fmt.Sprint(v), ".")
	case "TXT", "SPF":
		if s, ok := v.(string); ok && s == "NONE" {
			return nil
		}
		r.Type, r.Strings = dns.StringToType[typ], suiteStrings(v)
	default:
		return fmt.Errorf("unknown record type %q", typ)
	}
	n.Records = append(n.Records, r)
	return nil
}

// suiteStrings returns the character-strings of a TXT or SPF value: one
// string, or a list of them.
func suiteStrings(v any) []string {
	list, ok := v.([]any)
	if !ok {
		return []string{fmt.Sprint(v)}
	}
	out := []string{}
	for _, s := range list {
		out = append(out, fmt.Sprint(s))
	}
	return out
}

func cmpRoot(host string) string {
	host = strings.TrimSuffix(host, ".")
	if host == "" {
		return "."
	}
	return host
}
