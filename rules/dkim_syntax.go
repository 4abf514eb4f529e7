package rules

import (
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/dkim"
	"github.com/sendlint/sendlint/lint"
)

var _ = register(&lint.Rule{
	ID:       "dkim-syntax",
	Severity: lint.Error,
	Summary:  "a DKIM key record's tags do not parse, or p= is not a valid key",
	Explanation: `A DKIM key record is a TXT record at the selector's name under
_domainkey (s1._domainkey.example.com for selector s1) made of tag=value
pairs (RFC 6376 §3.6.1): v=DKIM1 first when present, k= the key type
(rsa, or ed25519 per RFC 8463), h= the hashes allowed, s= the services,
t= flags, and p= the public key in base64. A verifier that
cannot read the record, or cannot decode the key, ignores it and fails
every signature made with that selector (RFC 6376 §6.1.2): DKIM fails,
and DMARC can only pass through SPF.

sendlint decodes p= and checks that it holds a key of the declared type:
an RSA SubjectPublicKeyInfo (or the bare PKCS#1 form some providers
publish, which some verifiers refuse) or the bare 32-byte Ed25519 key.
It reports base64 damaged by copying (stray quotes, spaces inside words,
base64url characters), repeated tags, tag names in the wrong case, a
version other than DKIM1, h= that allows only sha1 (RFC 8301), s= that
leaves out email, and several key records at one selector.

It also reports DKIM key records that verifiers never find: published
at a name without a selector and "_domainkey", or whose name repeats the zone
origin because a zone file left out a final dot. A revoked key (empty
p=) is deliberate and not reported.`,
	Bad:   `s1._domainkey  IN  TXT  "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC-broken"`,
	Good:  `s1._domainkey  IN  TXT  "v=DKIM1; k=ed25519; p=9Z3Blh3hZIjwpM1zwInl1TR3vuWueLoedj7a2yLVQGc="`,
	Check: checkDKIMSyntax,
})

func checkDKIMSyntax(pass *lint.Pass) {
	count := make(map[string]int)
	first := make(map[string]*dkimTXT)
	for _, k := range dkimTXTs(pass.State) {
		count[k.Name]++
	}
	for _, k := range dkimTXTs(pass.State) {
		for _, e := range k.Errs {
			pass.Report(lint.Finding{
				Severity: severityOfDKIM(e.Level),
				Domain:   k.Domain,
				Range:    k.rangeOf(e.Start, e.End),
				Message:  fmt.Sprintf("DKIM key %s: %s", k.Name, e.Msg),
			})
		}
		if f, ok := first[k.Name]; ok {
			pass.Report(lint.Finding{
				Severity: lint.Warning,
				Domain:   k.Domain,
				Range:    k.Rec.Range,
				Message: fmt.Sprintf("%s has %d TXT records; verifiers may use any one of them, so signatures fail "+
					"whenever one does not hold the signing key; keep one", k.Name, count[k.Name]),
				Related: []lint.Related{{Range: f.Rec.Range, Message: "the first TXT record at " + k.Name}},
			})
		} else {
			first[k.Name] = k
		}
	}
	reportMisplacedDKIM(pass)
}

// reportMisplacedDKIM reports key records at names verifiers never query.
func reportMisplacedDKIM(pass *lint.Pass) {
	st := pass.State
	for _, name := range st.Names() {
		if !checkedName(st, name) {
			continue
		}
		for _, r := range st.Records(name, lint.TypeTXT) {
			if r.Unknown {
				continue
			}
			if msg := misplacedKey(st, name, r.Joined()); msg != "" {
				pass.Report(lint.Finding{Domain: name, Range: r.Range, Message: msg})
			}
		}
	}
}

// misplacedKey says why a DKIM key record at name is never found, or
// returns "" when it is where verifiers look or is no key record.
func misplacedKey(st *lint.State, name, text string) string {
	sel, _, under := strings.Cut(name, "._domainkey.")
	if fixed, ok := doubledOrigin(st, name); ok && (under || dkim.LooksLike(text)) {
		return fmt.Sprintf("DKIM key record at %s is never found: the name repeats the zone origin, as when a "+
			"zone file leaves out the final dot of %s.; verifiers look it up at %s", name, fixed, fixed)
	}
	switch {
	case under && sel != "" && !strings.HasPrefix(name, "_domainkey."):
		return ""
	case !dkim.LooksLike(text):
		return ""
	case strings.HasPrefix(name, "_domainkey."):
		return fmt.Sprintf("DKIM key record at %s has no selector: verifiers look up <selector>._domainkey.%s, "+
			"with the selector the signer puts in s=, so this key is never found", name, strings.TrimPrefix(name, "_domainkey."))
	}
	if s, d, ok := strings.Cut(name, ".domainkey."); ok {
		return fmt.Sprintf("DKIM key record at %s is never found: the label is \"_domainkey\", with an underscore; "+
			"verifiers look it up at %s._domainkey.%s", name, s, d)
	}
	return fmt.Sprintf("DKIM key record at %s is never found: verifiers look up keys at "+
		"<selector>._domainkey.<domain>, such as s1._domainkey.%s; move it there", name, name)
}
