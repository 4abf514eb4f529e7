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
  sendlint check-host [flags] IP SENDER [PATH ...]
                                RFC 7208 check_host() against the declared state
  sendlint rules                list every rule: ID, default severity, summary
  sendlint explain RULE         a rule's explanation, with a bad and a good example
  sendlint version              print the version

Examples:
  sendlint                            lint the repository in this directory
  sendlint zones/example.com.zone     lint one zone file
  sendlint --format json . > out.json machine-readable findings
  sendlint --fail-on warning          exit 1 on warnings too
  sendlint explain spf-lookup-limit   why a rule fires and how to fix it
  sendlint --online                   follow SPF includes in live DNS
  sendlint check-host 192.0.2.10 bounce@example.com
                                      would SPF pass for this client?

A directory named like a command (check-host, rules, explain, version, help)
is linted when written as a path: sendlint ./rules

Offline by default: SPF includes are followed through the declared zones
(authoritative for every name inside them) and sendlint's dated snapshot
of well-known providers' SPF records, and nothing else; other names are
unknown, and findings say what could not be verified. No network is used
unless --online is given.

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
