// Package resolve answers the DNS queries of SPF evaluation (package spf)
// from layered sources, as DESIGN.md §1 describes:
//
//  1. the declared records of a lint.State, authoritative for every
//     declared zone, so that a name inside one that is not declared does
//     not exist; CNAMEs are followed, into the next layer when they leave
//     the declared zones;
//  2. offline (the default), an embedded, dated snapshot of third-party
//     SPF records (see SnapshotDate); any other name is unknown, and the
//     evaluation says so instead of guessing;
//  3. online, live DNS through miekg/dns (Live): one server, a timeout per
//     query, EDNS0, TCP when a UDP answer is truncated, and a cache.
//
// A typical use:
//
//	r := resolve.Offline(st)
//	ev := (&spf.Checker{Resolver: r}).Check(ctx, spf.Request{...})
package resolve
