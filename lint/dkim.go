package lint

import (
	"slices"
	"strings"

	"github.com/sendlint/sendlint/dkim"
)

// DKIMKey is a DKIM key record found, or sought, at
// <selector>._domainkey.<domain> (RFC 6376 §3.6.2.1).
type DKIMKey struct {
	// Domain is the signing domain (d=) and Selector the selector (s=);
	// Name is the name verifiers query.
	Domain, Selector, Name string
	// Status is NoError when Record holds a key record; NXDomain or
	// NoError with a nil Record when the declared zones hold none there;
	// Unknown when the name or a CNAME target is outside them.
	Status Status
	// Problem says, for Unknown, why the answer is unknown, in words that
	// fit in a finding.
	Problem string
	// Record is the TXT record verifiers read, at the end of any CNAME
	// chain; Parsed and Errors are its parse.
	Record *Record
	Parsed *dkim.Record
	Errors []*dkim.Error
	// CNAMEs are the CNAME records followed from Name, in order; a
	// provider's selector is often a CNAME to a key it hosts.
	CNAMEs []*Record
}

// Usable reports whether verifiers can check signatures with the key: a
// record was found, parses, and is not revoked.
func (k DKIMKey) Usable() bool {
	return k.Parsed != nil && !k.Parsed.Ignored && !k.Parsed.Revoked
}

// DKIMKeys returns the DKIM key records for signing domain domain and the
// given selectors, or for every selector declared under
// _domainkey.<domain> when selectors is nil. A selector yields one DKIMKey
// per TXT record at its name (verifiers may pick any of several), or one
// without a Record when there is none or the answer is unknown. CNAMEs are
// followed inside the declared zones; a CNAME whose target lies outside
// them, such as a provider's key host, makes that key Unknown offline.
func (s *State) DKIMKeys(domain string, selectors []string) []DKIMKey {
	domain = CanonicalName(domain)
	if selectors == nil {
		selectors = s.dkimSelectors(domain)
	}

	var keys []DKIMKey
	for _, sel := range selectors {
		name := CanonicalName(sel) + "._domainkey." + domain
		f := s.follow(name, TypeTXT)
		base := DKIMKey{Domain: domain, Selector: sel, Name: name, Status: f.status, Problem: f.unknown, CNAMEs: f.chain}
		if len(f.records) == 0 {
			keys = append(keys, base)
			continue
		}
		for _, r := range f.records {
			k := base
			k.Record = r
			k.Parsed, k.Errors = dkim.Parse(r.Joined())
			keys = append(keys, k)
		}
	}
	return keys
}

// dkimSelectors returns the selectors declared under _domainkey.<domain>,
// sorted: the labels before "._domainkey." of every name with records.
func (s *State) dkimSelectors(domain string) []string {
	index := s.Memo(dkimIndexKey{}, func() any {
		idx := make(map[string][]string)
		for _, name := range s.Names() {
			sel, dom, ok := strings.Cut(name, "._domainkey.")
			if !ok || sel == "" || strings.HasPrefix(name, "_domainkey.") {
				continue
			}
			idx[dom] = append(idx[dom], sel)
		}
		for _, sels := range idx {
			slices.Sort(sels)
		}
		return idx
	}).(map[string][]string)
	return index[domain]
}

type dkimIndexKey struct{}
