package rules

import "github.com/sendlint/sendlint/lint"

// zoneOriginUnknown findings are made by the zone file loader.
var _ = register(&lint.Rule{
	ID:       "zone-origin-unknown",
	Severity: lint.Error,
	Summary:  "a zone file's origin cannot be determined",
	Explanation: `Relative names in a zone file ("www", "@", "_dmarc") are completed with the
zone's origin. sendlint takes the origin from, in this order: an $ORIGIN
directive, an absolute SOA owner name, the zones: map of sendlint.yaml, and
the file name (db.example.com, example.com.zone, example.com.db). When
none of them gives one, the records of the file cannot be placed and are
not checked.

Fix it by adding "$ORIGIN example.com." at the top of the file, or by
mapping the file to its origin in sendlint.yaml.`,
	Bad: `-- zones/internal.db --
@  IN  TXT "v=spf1 mx -all"`,
	Good: `-- zones/internal.db --
$ORIGIN example.com.
@  IN  TXT "v=spf1 mx -all"`,
})
