// Package zonefile reads BIND zone files (RFC 1035 §5 master files) into a
// lint.State: the zone each file declares, the records mail checks read
// with the position each was declared at, the problems met, and the
// sendlint:ignore directives written in comments.
//
// The reader is sendlint's own, so that every record and every problem
// points at its line and byte column. It follows BIND where RFC 1035 is
// silent: TTLs with units (1h30m), TTL and class in either order, $TTL
// (RFC 2308 §4), $GENERATE, and the generic form of RFC 3597 for any type.
// Problems never stop loading and are not Go errors: each one is a
// zone-syntax or zone-origin-unknown finding in State.Problems, and
// reading goes on with the next record.
//
// TXT, SPF, MX, CNAME, A, AAAA and NS records keep their data; records of
// other types are checked (with miekg/dns for the types it knows) and kept
// as markers that only make their name exist.
//
// A typical use:
//
//	st := lint.NewState()
//	root, err := os.OpenRoot(".")
//	...
//	zonefile.Load(st, "zones/example.com.zone", "zones/example.com.zone",
//		zonefile.Options{Root: root})
package zonefile
