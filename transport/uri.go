package transport

import (
	"slices"
	"strings"

	"github.com/sendlint/sendlint/internal/taglist"
	"github.com/sendlint/sendlint/internal/uri"
)

// URI is one report URI of a list.
type URI struct {
	// Raw is the URI as written; Scheme its scheme in lower case; Domain
	// the mail domain of a mailto: URI or the host of another.
	Raw, Scheme, Domain string
	Start, End          int
	// Valid reports whether the URI is syntactically valid (RFC 3986).
	Valid bool
}

// reportURIs is how the records of this package check URIs: RFC 3986 as
// it stands, since a list's commas are cut off before and BIMI refuses
// them. A mailto: URI whose address holds an encoded comma passes, with
// the domain of its last address.
var reportURIs = uri.Rules{Schemes: `"mailto:" or "https:"`}

// uriList reads a comma-separated list of URIs, with optional white space
// around the commas, and reports URIs that do not parse or whose scheme
// is not among schemes.
func (s *scanner) uriList(what string, f Field, schemes []string) []URI {
	var out []URI
	for _, it := range taglist.Cut(s.text, f.ValueStart, f.ValueEnd, ',', taglist.IsWSP) {
		us, ue := it.Start, it.End
		if us == ue {
			s.errorf(f.ValueStart, f.ValueEnd, Fatal, "%s lists an empty URI, so the %s record is invalid", f.Name, what)
			return nil
		}
		u := URI{Raw: s.text[us:ue], Start: us, End: ue}
		if msg := checkURI(&u); msg != "" {
			s.errorf(us, ue, Fatal, "%s URI %q %s, so the %s record is invalid", f.Name, u.Raw, msg, what)
			out = append(out, u)
			continue
		}
		u.Valid = true
		if !slices.Contains(schemes, u.Scheme) {
			s.errorf(us, ue, Warning, "%s URI %q: senders send reports only to %s URIs and skip this one", f.Name, u.Raw, strings.Join(schemes, ": and ")+":")
		}
		out = append(out, u)
	}
	return out
}

// checkURI checks u.Raw against RFC 3986 and, for mailto:, RFC 6068, and
// fills in u.Scheme and u.Domain. It returns what is wrong, or "". Every
// problem with the address of a mailto: URI reads the same.
func checkURI(u *URI) string {
	parts, prob := uri.Check(u.Raw, reportURIs)
	u.Scheme, u.Domain = parts.Scheme, parts.Domain
	if prob.Kind.Mailto() {
		return "is not mailto:local-part@domain"
	}
	return prob.Phrase
}
