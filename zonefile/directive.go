package zonefile

import (
	"strings"

	"github.com/sendlint/sendlint/lint"
)

// directive reads a control entry (RFC 1035 §5.1, and $TTL of RFC 2308
// §4 and $GENERATE of BIND). Directive names are read in any case, as
// BIND does.
func (f *zfile) directive(t *token, args []token) {
	switch strings.ToUpper(t.s) {
	case "$ORIGIN":
		f.setOrigin(t, args)
	case "$TTL":
		f.setTTL(t, args)
	case "$INCLUDE":
		f.include(t, args)
	case "$GENERATE":
		f.generate(t, args)
	default:
		f.errorf(t, "unknown directive %q; expected $ORIGIN, $TTL, $INCLUDE or $GENERATE", t.s)
	}
}

// oneArg checks that a directive has exactly one argument, described by
// want.
func (f *zfile) oneArg(t *token, args []token, want string) bool {
	switch {
	case len(args) == 0:
		f.errorf(t, "%s needs %s", t.s, want)
		return false
	case len(args) > 1:
		f.errorf(&args[1], "unexpected %q after %s %q", args[1].s, t.s, args[0].s)
		return false
	}
	return true
}

// setOrigin reads $ORIGIN; a relative name is completed with the current
// origin.
func (f *zfile) setOrigin(t *token, args []token) {
	if !f.oneArg(t, args, "a domain name") {
		return
	}
	if n, ok := f.name(&args[0]); ok {
		f.origin = n
	}
}

// setTTL reads $TTL (RFC 2308 §4), the TTL of the records that state none.
func (f *zfile) setTTL(t *token, args []token) {
	if !f.oneArg(t, args, "a TTL") {
		return
	}
	v, ok := parseTTL(args[0].s)
	if !ok || args[0].quoted {
		f.errorf(&args[0], "bad $TTL %q; expected seconds or a duration such as 1h30m", args[0].s)
		return
	}
	f.l.defTTL, f.l.defSet = v, true
}

// comment turns a `sendlint:ignore RULE[,RULE] reason` comment into a
// directive. The comment may follow a record or stand on a line of its
// own; rg covers it from the ';'.
func (f *zfile) comment(text string, rg lint.Range) {
	text = strings.TrimLeft(text, "; \t")
	rest, ok := strings.CutPrefix(text, "sendlint:ignore")
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return
	}
	rules, reason := parseIgnore(strings.Clone(rest))
	f.l.st.AddDirective(lint.Directive{Rules: rules, Reason: reason, Range: rg})
}

// parseIgnore splits what follows sendlint:ignore into the rule list, whose
// items are separated by commas (a blank may follow a comma), and the
// reason, the rest of the text.
func parseIgnore(s string) ([]string, string) {
	var rules []string
	s = strings.TrimLeft(s, " \t")
	for s != "" {
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			end = len(s)
		}
		field := s[:end]
		s = strings.TrimLeft(s[end:], " \t")
		for _, r := range strings.Split(field, ",") {
			if r != "" {
				rules = append(rules, r)
			}
		}
		if !strings.HasSuffix(field, ",") {
			break
		}
	}
	return rules, s
}
