package lint

// Directive is an inline suppression, `sendlint:ignore RULE[,RULE] reason`,
// read from a comment. It applies to findings on its own line and on the
// line after it.
type Directive struct {
	// Rules are the rule IDs it names.
	Rules []string
	// Reason is the free text after the rule list; it must not be empty.
	Reason string
	// Range is where the directive is written.
	Range Range

	used bool
}

// AddDirective records an inline suppression read from a source file.
func (s *State) AddDirective(d Directive) {
	s.directives[d.Range.File] = append(s.directives[d.Range.File], &d)
}

// DirectiveRule is the ID of the rule under which the runner reports
// directives that lack a reason, name an unknown rule or suppress nothing.
const DirectiveRule = "ignore-directive"
