// Package lint holds sendlint's model of declared state and the runner that
// applies rules to it.
//
// Sources (zone files, Terraform, application mail settings, sendlint.yaml)
// are read by other packages into a [State]: DNS records merged per owner
// name, each with the position it was declared at, and senders, one per mail
// stream. Rules are [Rule] values; [Run] applies them to a State and returns
// sorted [Finding] values that the report package formats.
//
// A typical driver:
//
//	st := lint.NewState()
//	// ... loaders add zones, records, senders and load problems ...
//	findings := lint.Run(st, rules.All(), lint.Options{})
package lint
