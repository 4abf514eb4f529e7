package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/sendlint/sendlint/rules"
)

// rules lists every rule: ID, default severity and summary.
func (c *Command) rules(args []string) int {
	if len(args) > 0 {
		return c.errorf("rules takes no arguments")
	}
	tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tSUMMARY")
	for _, r := range rules.All() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Summary)
	}
	if err := tw.Flush(); err != nil {
		return c.errorf("%v", err)
	}
	return ExitOK
}

// explain prints one rule's explanation and examples.
func (c *Command) explain(args []string) int {
	if len(args) != 1 {
		return c.errorf("explain takes one rule ID; `sendlint rules` lists them")
	}
	r := rules.ByID(args[0])
	if r == nil {
		msg := fmt.Sprintf("unknown rule %q", args[0])
		if near := rules.Suggest(args[0]); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", near)
		}
		return c.errorf("%s; `sendlint rules` lists them", msg)
	}
	fmt.Fprint(c.Stdout, rules.Explain(r))
	return ExitOK
}
