package rules

import (
	"strings"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "spf-include-loop",
	Severity: lint.Error,
	Summary:  "include or redirect recursion: a record that leads back to itself",
	Explanation: `An include or redirect that leads, directly or through other records,
back to a record already being evaluated makes receivers recurse: each
turn costs a DNS lookup, until the 11th stops them with permerror (RFC
7208 §4.6.4). SPF then fails for all mail from every domain on the loop.

It usually comes from two records that include each other, or from a
subdomain's record that includes its parent's while the parent includes
the subdomain. Decide which record lists the senders, and let only the
other one include it.`,
	Bad: `@     IN TXT "v=spf1 include:_spf.example.com -all"
_spf  IN TXT "v=spf1 ip4:192.0.2.0/24 include:example.com ~all"`,
	Good: `@     IN TXT "v=spf1 include:_spf.example.com -all"
_spf  IN TXT "v=spf1 ip4:192.0.2.0/24 ~all"`,
	Check: checkSPFIncludeLoop,
})

func checkSPFIncludeLoop(pass *lint.Pass) {
	for _, t := range spfTrees(pass.State) {
		t.a.Walk(func(path []*spf.Cost, c *spf.Cost) {
			if c.Child == nil || c.Child.Status != spf.NodeLoop {
				return
			}
			site := t.site(pass.State, path)
			site.report(pass, "%s closes a loop, %s; receivers follow it until the 10-lookup limit and "+
				"return permerror, so SPF fails for all mail from %s; remove the include or redirect that leads back",
				site.subject(c), loopText(t, path), site.decl.Name)
		})
	}
}

// loopText writes the cycle that the last term of path closes, from the
// domain it leads back to: "a.example.com → b.example.com → a.example.com".
func loopText(t *spfTree, path []*spf.Cost) string {
	domains := []string{t.a.Root.Domain}
	for _, c := range path[:len(path)-1] {
		domains = append(domains, c.Child.Domain)
	}
	target := strings.ToLower(path[len(path)-1].Child.Domain)
	for i, d := range domains {
		if strings.ToLower(d) == target {
			domains = domains[i:]
			break
		}
	}
	return strings.Join(append(domains, path[len(path)-1].Child.Domain), " → ")
}
