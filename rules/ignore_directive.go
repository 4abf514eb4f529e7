package rules

import "github.com/sendlint/sendlint/lint"

// ignoreDirective findings are made by the runner, which is the only part
// that knows which directives suppressed something.
var _ = register(&lint.Rule{
	ID:       lint.DirectiveRule,
	Severity: lint.Warning,
	Summary:  "a sendlint:ignore directive lacks a reason, names an unknown rule, or suppresses nothing",
	Explanation: `An inline suppression hides a finding on its own line or on the line after
it. It must name the rules it hides and say why, so that a reviewer can
judge the exception later:

  ; sendlint:ignore spf-ptr legacy relay, removed in Q3     (zone files)
  # sendlint:ignore spf-ptr legacy relay, removed in Q3     (Terraform, .env)

A directive without a reason is not applied. One that names a rule that
does not exist, or that no longer suppresses anything, is reported so that
stale exceptions do not pile up.`,
	Bad: `; sendlint:ignore spf-ptr
@  IN  TXT "v=spf1 ptr -all"`,
	Good: `; sendlint:ignore spf-ptr the relay has no fixed address until the move
@  IN  TXT "v=spf1 ptr -all"`,
})
