// Package dmarc parses DMARC policy records (RFC 9989, which obsoletes
// RFC 7489) and says what a receiver makes of them.
//
// [Parse] reads the text of one TXT record (its character-strings joined,
// RFC 9989 §4.5) into a [Record] and reports every problem as an [Error]
// with the byte offsets of the text it is about, so that a linter can point
// at the tag:
//
//	rec, errs := dmarc.Parse("v=DMARC1; p=quarantine; rua=mailto:d@example.com")
//	for _, e := range errs {
//		fmt.Println(e.Start, e.End, e.Level, e.Msg)
//	}
//	p, sp, np, ok := rec.Policies()
//
// The package follows RFC 9989 and says where RFC 7489 differs:
//
//   - Tags: RFC 9989 adds np (from RFC 9091), psd and t, and removes pct,
//     rf and ri. Removed tags are unknown tags to an RFC 9989 receiver and
//     are ignored; Parse accepts them, checks them as RFC 7489 defined
//     them, and reports them with [KindRemoved].
//   - The p tag: RFC 7489 §6.3 required it, right after v. RFC 9989 §4.7
//     makes it recommended and lets it appear anywhere; a record without a
//     valid p acts as p=none when rua names a valid URI and is not applied
//     at all otherwise (§4.10.1, as in RFC 7489 §6.6.3).
//   - Report URIs: the "!size" suffix of RFC 7489 §6.2 is obsolete syntax
//     in RFC 9989 §4.8; reporters ignore it.
//   - Policy discovery and the organizational domain: RFC 9989 §4.10
//     replaces the public suffix list with a walk up the DNS tree. This
//     package does no DNS; the lint package walks the declared records.
//
// Reading the result: Ignored says receivers discard the whole record, and
// Policies what they apply. An error of Level Fatal or Invalid breaks the
// grammar of RFC 9989 §4.8; Warning and Note errors leave the record valid
// but say what does not work as it seems (a report URI receivers skip, an
// unknown or removed tag).
//
// Tag names and the values of p, sp, np, adkim, aspf, fo, psd and t are
// compared without regard to case, as RFC 5234 §2.3 reads the ABNF
// literals of RFC 9989 §4.8; the version value "DMARC1" is case-sensitive.
// A repeated tag makes the tag-list invalid (RFC 6376 §3.2, whose tag-value
// syntax DMARC records follow), so Parse marks such a record ignored.
package dmarc
