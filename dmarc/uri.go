package dmarc

import (
	"strings"

	"github.com/sendlint/sendlint/internal/taglist"
	"github.com/sendlint/sendlint/internal/uri"
)

// reportURIs is what RFC 9989 §4.8 adds to RFC 3986 for report URIs:
// commas separate them and "!" starts the obsolete size suffix, so both
// must be percent-encoded inside a URI, and a mailto: URI names one
// address.
var reportURIs = uri.Rules{Reserved: "!,", OneAddress: true, Schemes: `"mailto:"`}

// uriList reads rua or ruf (RFC 9989 §4.7, dmarc-urilist): URIs separated
// by commas, each with an optional obsolete size suffix.
func (p *parser) uriList(t Tag) {
	var uris []URI
	for _, it := range taglist.Cut(p.text, t.ValueStart, t.ValueEnd, ',', taglist.IsWSP) {
		if it.Start == it.End {
			// Point at the comma that makes the empty entry.
			comma := it.RawStart - 1
			if it.RawStart == t.ValueStart {
				comma = it.RawEnd
			}
			p.errorf(comma, comma+1, Invalid, KindSyntax,
				"%s list has an empty entry; receivers ignore it", t.Name)
			continue
		}
		uris = append(uris, p.uri(t.Name, it.Start, it.End))
	}

	if t.Key == "rua" {
		p.rec.RUA = uris
	} else {
		p.rec.RUF = uris
	}
}

// uri reads one report URI at [start, end) (RFC 9989 §4.8 dmarc-uri and
// obs-dmarc-uri).
func (p *parser) uri(tag string, start, end int) URI {
	u := URI{Start: start, End: end}
	raw := p.text[start:end]
	if bang := strings.LastIndexByte(raw, '!'); bang >= 0 {
		size := raw[bang+1:]
		if !validSize(size) {
			p.errorf(start+bang, end, Invalid, KindSyntax,
				"%s URI %q holds \"!\" not followed by a size such as \"!10m\"; write it as %%21 inside a URI; receivers ignore this URI", tag, raw)
			u.Raw = raw
			return u
		}
		p.errorf(start+bang, end, Note, KindRemoved,
			"size limit %q is obsolete in RFC 9989: reporters ignore it; remove it", raw[bang:])
		u.Size = size
		raw = raw[:bang]
	}
	u.Raw = raw

	parts, prob := uri.Check(raw, reportURIs)
	u.Scheme, u.Address, u.Domain = parts.Scheme, parts.Address, parts.Domain
	switch {
	case prob.Kind != uri.Valid:
		p.errorf(start, start+len(raw), Invalid, KindSyntax, "%s URI %q %s; receivers ignore it", tag, raw, prob.Phrase)
		if prob.Kind == uri.BareAddress {
			p.fix(start, start+len(raw), "mailto:"+raw)
		}
	case u.Scheme != "mailto":
		u.Valid = true
		p.errorf(start, start+len(raw), Warning, KindSyntax,
			"%s URI %q is not a mailto: URI; receivers need support only mailto: and ignore schemes they do not support, so reports may never come", tag, raw)
	default:
		u.Valid = true
	}
	return u
}

// validSize reports whether s is the size of an obs-dmarc-report-size
// without its "!": digits and an optional unit k, m, g or t.
func validSize(s string) bool {
	if s == "" {
		return false
	}
	if c := s[len(s)-1] | 0x20; c == 'k' || c == 'm' || c == 'g' || c == 't' {
		s = s[:len(s)-1]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !taglist.IsDigit(s[i]) {
			return false
		}
	}
	return true
}
