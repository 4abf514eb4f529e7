package zonefile_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
)

// TestIgnoreDirectives runs the loaded state through lint.Run with a test
// rule, so that the directives read from comments show in what they
// suppress and in the runner's own findings about them.
func TestIgnoreDirectives(t *testing.T) {
	src := "; sendlint:ignore spf-ptr legacy relay\n" +
		"@ TXT \"v=spf1 ptr -all\"\n" +
		"a TXT \"v=spf1 ptr -all\" ; sendlint:ignore spf-ptr, spf-all for a\n" +
		"\n" +
		"b TXT \"v=spf1 ptr -all\" ;sendlint:ignore spf-ptr\n" +
		"; sendlint:ignore spf-ptr nothing to hide here\n" +
		"c A 192.0.2.1\n" +
		";; sendlint:ignore bogus-rule why\n" +
		"; not sendlint:ignore spf-ptr as it does not start the comment\n" +
		"; sendlint:ignored spf-ptr other word\n" +
		"d ( TXT ; sendlint:ignore spf-ptr inside parentheses\n" +
		"  \"v=spf1 ptr -all\" )\n"
	st := load(t, src, exampleCom)

	ptr := &lint.Rule{ID: "spf-ptr", Severity: lint.Warning, Check: func(p *lint.Pass) {
		for _, name := range p.State.Names() {
			for _, r := range p.State.Records(name, lint.TypeTXT) {
				if i := strings.Index(r.Joined(), "ptr"); i >= 0 {
					p.Reportf(r.RangeAt(i, i+3), name, "ptr")
				}
			}
		}
	}}
	rules := []*lint.Rule{ptr,
		{ID: "spf-all", Severity: lint.Warning},
		{ID: lint.DirectiveRule, Severity: lint.Warning}}
	fs, err := lint.Run(st, rules, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}

	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s %s: %s", span(f.Range), f.Rule, f.Message))
	}
	diff(t, "findings", got, []string{
		"5:15-5:18 spf-ptr: ptr",
		"5:25-5:49 ignore-directive: sendlint:ignore spf-ptr has no reason, so it is not applied; add why after the rule list",
		"6:1-6:47 ignore-directive: sendlint:ignore spf-ptr suppresses nothing on this line or the next; remove it",
		`8:1-8:34 ignore-directive: sendlint:ignore names unknown rule "bogus-rule"; ` + "`sendlint rules` lists the IDs",
	})
}
