package lint

import "fmt"

// Rule is one check. Its metadata drives `sendlint rules`, `sendlint
// explain`, the SARIF rule list and the pages under docs/rules.
type Rule struct {
	// ID is stable: users and tests depend on it (DESIGN.md §8).
	ID string
	// Severity is the default weight of the rule's findings.
	Severity Severity
	// Summary is one lower-case line: what the rule finds.
	Summary string
	// Explanation is one or more paragraphs of plain text: why it matters
	// and what receivers do.
	Explanation string
	// Bad and Good are short examples, usually zone-file lines.
	Bad, Good string
	// Check reports the rule's findings for a State. It is nil for rules
	// whose findings come from loaders (State.Problems) or from the runner.
	Check func(*Pass)
}

// Pass is what a rule's Check sees: the state and a way to report.
type Pass struct {
	State *State
	Rule  *Rule

	report func(Finding)
}

// Report records a finding. Rule is set from the pass; a zero Severity
// means the rule's default.
func (p *Pass) Report(f Finding) {
	f.Rule = p.Rule.ID
	p.report(f)
}

// Reportf records a finding at rg about domain with a formatted message.
func (p *Pass) Reportf(rg Range, domain, format string, args ...any) {
	p.Report(Finding{Range: rg, Domain: domain, Message: fmt.Sprintf(format, args...)})
}
