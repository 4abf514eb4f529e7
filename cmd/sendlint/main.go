// Command sendlint lints email sending configuration: DNS zone files,
// Terraform DNS and applications' mail settings, for what would make mail
// fail SPF, DKIM or DMARC in production. See `sendlint help`.
package main

import (
	"os"

	"github.com/sendlint/sendlint/cli"
)

func main() {
	c := &cli.Command{Stdout: os.Stdout, Stderr: os.Stderr}
	os.Exit(c.Main(os.Args[1:]))
}
