package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/dmarc"
	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

var _ = register(&lint.Rule{
	ID:       "domain-unprotected",
	Severity: lint.Notice,
	Summary:  "a declared domain that sends and receives no mail publishes neither v=spf1 -all nor a DMARC p=reject",
	Explanation: `A domain that sends no mail is still a domain spammers can put in the From
of theirs. Without records that say so, receivers have nothing to reject
that mail with. Two records close the gap: an SPF record "v=spf1 -all",
which says no server may send as the domain, and a DMARC record with
p=reject, which tells receivers to refuse mail from it that does not
authenticate. A null MX ("0 ."), RFC 7505, adds that the domain receives
no mail either, so bounces and replies to forged mail go nowhere.

sendlint reports each declared zone apex that no sender uses as From,
envelope or DKIM domain, that has no MX record (a null MX does not count
as one), in whose zone no SPF record authorises a sender and no DKIM key
is published (a revoked one, p= empty, does not count), and that has
neither "v=spf1 -all" nor a DMARC policy of reject. It says nothing when
the DMARC policy depends on records outside the declared zones, or when
the zone file did not load cleanly.`,
	Bad: `@  IN  A  192.0.2.1`,
	Good: `@       IN  A    192.0.2.1
@       IN  MX   0 .
@       IN  TXT  "v=spf1 -all"
_dmarc  IN  TXT  "v=DMARC1; p=reject"`,
	Check: checkDomainUnprotected,
})

func checkDomainUnprotected(pass *lint.Pass) {
	st := pass.State
	for _, z := range st.Zones() {
		apex := z.Origin
		if apex == "." || !checkedName(st, apex) || len(z.Decls) == 0 || usedBySender(st, apex) {
			continue
		}
		if loadFailed(st, z) || hasRealMX(st, apex) || zoneSendsMail(st, z) {
			continue
		}
		pol := st.DMARC(apex)
		if pol.Status == lint.DMARCUnknown {
			continue
		}
		spfAll := spfRejectsAll(st, apex)
		dmarcReject := pol.Status == lint.DMARCFound && pol.Applied == dmarc.Reject
		if spfAll || dmarcReject {
			continue
		}
		pass.Report(lint.Finding{
			Domain: apex,
			Range:  z.Decls[0],
			Message: fmt.Sprintf("%s sends and receives no mail but publishes neither \"v=spf1 -all\" nor a DMARC "+
				"p=reject, so receivers have nothing to refuse mail forged in its name with; add "+
				"@ TXT \"v=spf1 -all\", _dmarc TXT \"v=DMARC1; p=reject\" and a null MX, @ MX 0 .", apex),
		})
	}
}

// loadFailed reports whether a file declaring zone z had a zone-syntax
// problem, so that records the rule looks for may be missing.
func loadFailed(st *lint.State, z *lint.Zone) bool {
	for _, p := range st.Problems {
		for _, d := range z.Decls {
			if p.Rule == "zone-syntax" && p.Range.File == d.File {
				return true
			}
		}
	}
	return false
}

// zoneSendsMail reports whether zone z shows signs of sending mail
// anywhere in it: an SPF record that authorises a sender, or that does not
// parse and so may have meant to, a DKIM key record that is not revoked,
// or a CNAME under _domainkey that hands a key to a provider.
func zoneSendsMail(st *lint.State, z *lint.Zone) bool {
	for _, s := range spfTXTs(st) {
		if st.ZoneOf(s.Name) != z {
			continue
		}
		if s.Parsed == nil || len(s.Errs) > 0 || spfAuthorises(s) {
			return true
		}
	}
	for _, k := range dkimTXTs(st) {
		if st.ZoneOf(k.Name) == z && !k.Parsed.Revoked {
			return true
		}
	}
	for _, name := range st.Names() {
		if strings.Contains(name, "._domainkey.") && st.ZoneOf(name) == z && len(st.Records(name, lint.TypeCNAME)) > 0 {
			return true
		}
	}
	return false
}

// usedBySender reports whether a declared sender uses apex, or a name
// below it, as From, envelope or DKIM signing domain.
func usedBySender(st *lint.State, apex string) bool {
	for _, s := range st.Senders {
		names := senderDomains(s)
		names = append(names, lint.CanonicalName(s.ReturnPath), lint.CanonicalName(s.DKIMDomain))
		for _, n := range names {
			if n != "." && lint.IsSubdomain(n, apex) {
				return true
			}
		}
	}
	return false
}

// hasRealMX reports whether name has an MX record other than a null MX,
// or whether sendlint cannot tell.
func hasRealMX(st *lint.State, name string) bool {
	recs, status := st.MX(name)
	if status == lint.Unknown {
		return true
	}
	for _, r := range recs {
		if r.Type == lint.TypeMX && r.Target != "." {
			return true
		}
	}
	return false
}

// spfRejectsAll reports whether name has one SPF record that authorises
// nothing and ends in -all.
func spfRejectsAll(st *lint.State, name string) bool {
	var found []*spfTXT
	for _, s := range spfTXTs(st) {
		if s.Name == name {
			found = append(found, s)
		}
	}
	if len(found) != 1 || found[0].Parsed == nil || len(found[0].Errs) > 0 || spfAuthorises(found[0]) {
		return false
	}
	all := found[0].Parsed.All()
	return all != nil && all.Qualifier == spf.QualifierFail
}
