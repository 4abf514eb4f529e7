package cli

import (
	"flag"
	"fmt"
	"io"
)

const usageHeader = `sendlint checks email sending configuration (DNS zones, Terraform, mail
settings) for what would make mail fail SPF, DKIM or DMARC in production.

Usage:
  sendlint [flags] [PATH ...]   lint the sources under PATHs (default: .)
  sendlint rules                list every rule: ID, default severity, summary
  sendlint explain RULE         a rule's explanation, with a bad and a good example
  sendlint version              print the version

Examples:
  sendlint                            lint the repository in this directory
  sendlint zones/example.com.zone     lint one zone file
  sendlint --format json . > out.json machine-readable findings
  sendlint --fail-on warning          exit 1 on warnings too
  sendlint explain spf-lookup-limit   why a rule fires and how to fix it

A directory named like a command (rules, explain, version, help) is linted
when written as a path: sendlint ./rules

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 the command could not do its job.

Flags:
`

// usage prints the lint usage and flag list to w.
func (c *Command) usage(w io.Writer) {
	fmt.Fprint(w, usageHeader)
	fs, _ := c.lintFlags()
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// flagUsage installs usage as fs's -h output.
func (c *Command) flagUsage(fs *flag.FlagSet) {
	fs.Usage = func() { c.usage(c.Stderr) }
}
