package spf

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// suiteScenario is one YAML document of an OpenSPF test suite.
type suiteScenario struct {
	Description string
	Tests       map[string]suiteTest
	ZoneData    map[string][]any `yaml:"zonedata"`
}

type suiteTest struct {
	Helo     string
	MailFrom string `yaml:"mailfrom"`
	Result   any
}

// notSyntax lists the tests that may end in permerror for a reason other
// than the syntax of the record at the checked domain. Their records must
// parse without errors. Every other test that may end in permerror must
// have a record that does not parse.
var notSyntax = map[string]string{
	"multitxt1":          "more than one v=spf1 record at the name (§4.5)",
	"multitxt2":          "more than one v=spf1 record at the name (§4.5)",
	"multispf1":          "more than one v=spf1 record at the name (§4.5)",
	"multispf2":          "more than one v=spf1 record at the name (§4.5)",
	"include-permerror":  "the included record has the syntax error (include-syntax-error)",
	"include-none":       "the include target has no record (§5.2)",
	"redirect-none":      "the redirect target has no record (§6.1)",
	"include-loop":       "include recursion exceeds the lookup limit (§4.6.4)",
	"redirect-loop":      "redirect recursion exceeds the lookup limit (§4.6.4)",
	"mx-limit":           "more than 10 MX names (§4.6.4)",
	"mech-over-limit":    "more than 10 DNS-querying terms (§4.6.4)",
	"include-over-limit": "more than 10 DNS-querying terms through include (§4.6.4)",
	"void-over-limit":    "more than 2 void lookups (§4.6.4)",
	// RFC 7208 leaves these undefined and the suite accepts fail too; the
	// parser takes them as valid syntax, as the ABNF does.
	"invalid-domain-empty-label":    "empty label in a domain-spec: valid ABNF",
	"invalid-domain-long":           "label over 63 bytes in a domain-spec: valid ABNF",
	"invalid-domain-long-via-macro": "label over 63 bytes after expansion: valid ABNF",
}

func TestConformanceSuites(t *testing.T) {
	for _, file := range []string{"rfc7208-tests.yml", "rfc4408-tests.yml"} {
		t.Run(file, func(t *testing.T) {
			scenarios := readSuite(t, "testdata/conformance/"+file)
			valid, syntaxTests := 0, 0
			for _, sc := range scenarios {
				v, n := checkScenario(t, sc)
				valid += v
				syntaxTests += n
			}
			t.Logf("%d scenarios: %d syntax permerror tests give parse errors, %d other records parse",
				len(scenarios), syntaxTests, valid)
			if syntaxTests < 50 {
				t.Errorf("only %d syntax permerror tests found; the suite did not load as expected", syntaxTests)
			}
		})
	}
}

func readSuite(t *testing.T, path string) []suiteScenario {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	var out []suiteScenario
	dec := yaml.NewDecoder(f)
	for {
		var sc suiteScenario
		err := dec.Decode(&sc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, sc)
	}
	return out
}

// checkScenario checks one scenario and returns how many of its records
// parsed without errors and how many of its tests are syntax permerrors.
func checkScenario(t *testing.T, sc suiteScenario) (int, int) {
	t.Helper()
	records := scenarioRecords(sc)

	// The owners whose record a syntax permerror test checks.
	badOwners := map[string]string{}
	syntaxTests := 0
	for name, test := range sc.Tests {
		if !mayPermerror(test.Result) || notSyntax[name] != "" {
			continue
		}
		owner := checkedDomain(test)
		badOwners[owner] = name
		syntaxTests++
		if !anyFails(records[owner]) {
			t.Errorf("%s (%s): expected permerror, but no record at %q has a parse error: %q",
				name, sc.Description, owner, records[owner])
		}
	}

	valid := 0
	for owner, texts := range records {
		if badOwners[owner] != "" {
			continue
		}
		for _, text := range texts {
			if _, errs := Parse(text); len(errs) > 0 {
				t.Errorf("%s: record %q at %q is valid in the suite but gives %q",
					sc.Description, text, owner, errs[0].Msg)
				continue
			}
			valid++
		}
	}
	return valid, syntaxTests
}

// scenarioRecords returns the texts of the SPF and TXT records of a
// scenario that are SPF records, by lower-case owner name.
func scenarioRecords(sc suiteScenario) map[string][]string {
	out := map[string][]string{}
	for owner, rrs := range sc.ZoneData {
		for _, rr := range rrs {
			m, ok := rr.(map[string]any)
			if !ok {
				continue
			}
			for typ, v := range m {
				if typ != "SPF" && typ != "TXT" {
					continue
				}
				if text, ok := joinStrings(v); ok && IsSPF(text) {
					out[strings.ToLower(owner)] = append(out[strings.ToLower(owner)], text)
				}
			}
		}
	}
	return out
}

// joinStrings returns a record's text: a string, or a list of strings
// joined without separators (RFC 7208 §3.3).
func joinStrings(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case []any:
		var b strings.Builder
		for _, s := range v {
			str, ok := s.(string)
			if !ok {
				return "", false
			}
			b.WriteString(str)
		}
		return b.String(), true
	}
	return "", false
}

func mayPermerror(result any) bool {
	switch r := result.(type) {
	case string:
		return r == "permerror"
	case []any:
		for _, x := range r {
			if x == "permerror" {
				return true
			}
		}
	}
	return false
}

// checkedDomain is the domain whose record check_host() starts with: that
// of MAIL FROM, or the HELO name when MAIL FROM is empty (RFC 7208 §2.3,
// §2.4).
func checkedDomain(test suiteTest) string {
	if test.MailFrom == "" {
		return strings.ToLower(test.Helo)
	}
	return strings.ToLower(test.MailFrom[strings.LastIndexByte(test.MailFrom, '@')+1:])
}

func anyFails(texts []string) bool {
	for _, text := range texts {
		if _, errs := Parse(text); len(errs) > 0 {
			return true
		}
	}
	return false
}
