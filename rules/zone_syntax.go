package rules

import "github.com/sendlint/sendlint/lint"

// zoneSyntax findings are made by the zone file loader, which reports
// every parse error at its position and goes on with the next record.
var _ = register(&lint.Rule{
	ID:       "zone-syntax",
	Severity: lint.Error,
	Summary:  "a zone file does not parse",
	Explanation: `A zone file that does not parse is refused by the name server when it
loads the zone: BIND's named-checkzone fails and the whole zone, not just
the bad line, stays at its old version or goes out of service. sendlint
reports every parse error at its line and column and goes on with the
rest of the file and with the other files, so one typo does not hide the
other findings.

The loader also reports an $INCLUDE that it refuses to follow: one that
leaves the repository, follows a symbolic link out of it, or includes
itself.`,
	Bad: `www  IN  A  192.0.2.300
@    IN  MX mail.example.com.`,
	Good: `www  IN  A  192.0.2.30
@    IN  MX 10 mail.example.com.`,
})
