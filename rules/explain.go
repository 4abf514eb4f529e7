package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/internal/suggest"
	"github.com/sendlint/sendlint/lint"
)

// DocsURL is where the generated page of each rule is published.
const DocsURL = "https://github.com/sendlint/sendlint/blob/main/docs/rules/"

// Explain returns the text `sendlint explain` prints for r: its ID and
// default severity, summary, explanation, the bad and good examples, and
// the link to its page.
func Explain(r *lint.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (default severity: %s)\n", r.ID, r.Severity)
	fmt.Fprintf(&b, "%s\n\n", r.Summary)
	fmt.Fprintf(&b, "%s\n", strings.TrimSpace(r.Explanation))
	if r.Bad != "" {
		fmt.Fprintf(&b, "\nBad:\n%s\n", indent(r.Bad, "    "))
	}
	if r.Good != "" {
		fmt.Fprintf(&b, "\nGood:\n%s\n", indent(r.Good, "    "))
	}
	fmt.Fprintf(&b, "\nSee %s%s.md\n", DocsURL, r.ID)
	return b.String()
}

// Suggest returns the rule ID closest to id when id looks like a typo of
// it, or "".
func Suggest(id string) string {
	var ids []string
	for _, r := range All() {
		ids = append(ids, r.ID)
	}
	return suggest.Closest(id, ids)
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
