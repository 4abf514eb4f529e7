package dkim

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sendlint/sendlint/internal/taglist"
)

// Parse reads one DKIM key record: the character-strings of one TXT record
// joined without separators (RFC 6376 §3.6.2.2). It returns the record with
// the values verifiers use and every problem found, in the order of the
// text. Parse never fails: a text verifiers cannot use comes back with
// Ignored set and a Fatal error saying why.
func Parse(text string) (*Record, []*Error) {
	p := &parser{
		text: text,
		rec:  &Record{Text: text, KeyType: "rsa"},
		seen: make(map[string]bool),
	}
	p.tagList()
	p.finish()

	slices.SortStableFunc(p.errs, func(a, b *Error) int { return cmp.Compare(a.Start, b.Start) })
	return p.rec, p.errs
}

type parser struct {
	text string
	rec  *Record
	errs []*Error
	seen map[string]bool
}

func (p *parser) errorf(start, end int, level Level, format string, args ...any) {
	p.errs = append(p.errs, &Error{Start: start, End: end, Level: level, Msg: fmt.Sprintf(format, args...)})
	if level == Fatal {
		p.rec.Ignored = true
	}
}

// tagList cuts the text at every semicolon and reads each tag-spec
// (RFC 6376 §3.2).
func (p *parser) tagList() {
	for _, s := range taglist.Split(p.text, taglist.IsFWS) {
		switch {
		case s.Start < s.End:
			p.tag(s)
		case s.RawEnd < len(p.text):
			p.errorf(s.RawStart, s.RawEnd+1, Warning,
				"empty tag between semicolons; RFC 6376 §3.2 does not allow it, and strict verifiers reject the key record")
		case s.RawStart == 0:
			p.errorf(0, len(p.text), Fatal, "empty record: verifiers find no key, so signatures with this selector fail")
		}
	}
}

// tag reads one tag-spec: name, "=", value.
func (p *parser) tag(s taglist.Spec) {
	if s.Eq < 0 {
		p.errorf(s.Start, s.End, Fatal, "%q is not a tag=value pair; verifiers reject the key record", p.text[s.Start:s.End])
		return
	}
	t := Tag{
		Name:       p.text[s.NameStart:s.NameEnd],
		Value:      p.text[s.ValueStart:s.ValueEnd],
		Start:      s.Start,
		End:        s.End,
		ValueStart: s.ValueStart,
		ValueEnd:   s.ValueEnd,
	}
	if !p.validTag(s, t) {
		return
	}

	if p.seen[t.Name] {
		p.errorf(s.Start, s.End, Fatal, "tag %q is repeated, which makes the key record invalid (RFC 6376 §3.2); verifiers reject it", t.Name)
		p.rec.Tags = append(p.rec.Tags, t)
		return
	}
	p.seen[t.Name] = true
	p.rec.Tags = append(p.rec.Tags, t)
	p.value(t)
}

// validTag reports a tag name that is not a letter followed by letters,
// digits and "_", and a value that holds a byte other than printable
// ASCII and white space (RFC 6376 §3.2 tag-name and tag-value).
func (p *parser) validTag(s taglist.Spec, t Tag) bool {
	ns := s.NameStart
	switch {
	case t.Name == "":
		p.errorf(s.Start, s.Eq+1, Fatal, "missing tag name before \"=\"; verifiers reject the key record")
		return false
	case !taglist.IsAlpha(t.Name[0]):
		p.errorf(ns, ns+taglist.CharLen(t.Name, 0), Fatal,
			"tag name %q starts with %s, but tag names start with a letter; verifiers reject the key record", t.Name, taglist.DescribeChar(t.Name, 0))
		return false
	}
	for i := 1; i < len(t.Name); i++ {
		if c := t.Name[i]; !taglist.IsAlpha(c) && !taglist.IsDigit(c) && c != '_' {
			p.errorf(ns+i, ns+i+taglist.CharLen(t.Name, i), Fatal,
				"tag name %q holds %s; verifiers reject the key record", t.Name, taglist.DescribeChar(t.Name, i))
			return false
		}
	}
	for i := 0; i < len(t.Value); i++ {
		if c := t.Value[i]; (c < 0x21 || c > 0x7e) && !taglist.IsFWS(c) {
			p.errorf(t.ValueStart+i, t.ValueStart+i+taglist.CharLen(t.Value, i), Fatal,
				"value of %q holds %s; verifiers reject the key record", t.Name, taglist.DescribeChar(t.Value, i))
			return false
		}
	}
	return true
}

// value reads the value of a tag (RFC 6376 §3.6.1).
func (p *parser) value(t Tag) {
	switch t.Name {
	case "v":
		p.version(t)
	case "h":
		p.hashes(t)
	case "k":
		p.keyType(t)
	case "n", "p":
		// Notes are free text; the key is decoded once k= is known.
	case "s":
		p.services(t)
	case "t":
		p.flags(t)
	case "g":
		p.errorf(t.Start, t.End, Note,
			"g= (key granularity) was removed by RFC 6376; verifiers ignore it, so remove it")
	default:
		p.unknown(t)
	}
}

// version checks v=: when present it must be first and "DKIM1".
func (p *parser) version(t Tag) {
	switch {
	case len(p.rec.Tags) > 1:
		p.errorf(t.Start, t.End, Fatal, "v=DKIM1 must be the first tag when present; verifiers reject the key record")
	case t.Value != "DKIM1":
		p.errorf(t.ValueStart, t.ValueEnd, Fatal,
			"version %q is not \"DKIM1\"; verifiers discard records with any other version", t.Value)
	}
}

// list splits a colon-separated value, trimming whitespace around each
// item, and reports an empty item. It returns nil after an error.
func (p *parser) list(t Tag) []string {
	var items []string
	for _, it := range taglist.Cut(p.text, t.ValueStart, t.ValueEnd, ':', taglist.IsFWS) {
		if it.Start == it.End {
			p.errorf(t.ValueStart, t.ValueEnd, Fatal,
				"%s= value %q has an empty item; verifiers reject the key record", t.Name, t.Value)
			return nil
		}
		items = append(items, p.text[it.Start:it.End])
	}
	return items
}

// hashes reads h=, the hash algorithms the key may be used with.
func (p *parser) hashes(t Tag) {
	algs := p.list(t)
	if algs == nil {
		return
	}
	var unknown []string
	sha1, sha256 := false, false
	for _, a := range algs {
		switch strings.ToLower(a) {
		case "sha256":
			sha256 = true
		case "sha1":
			sha1 = true
		default:
			unknown = append(unknown, a)
		}
		p.rec.Hashes = append(p.rec.Hashes, strings.ToLower(a))
	}

	switch {
	case sha256:
		if len(unknown) > 0 {
			p.errorf(t.ValueStart, t.ValueEnd, Note, "h= names unknown hash algorithms %q; verifiers ignore them", unknown)
		}
	case sha1:
		p.errorf(t.ValueStart, t.ValueEnd, Fatal,
			"h= allows only sha1, which verifiers must not accept (RFC 8301 §3.1), so no signature with this key verifies; write h=sha256 or remove h=")
	default:
		p.errorf(t.ValueStart, t.ValueEnd, Fatal,
			"h= names no hash algorithm verifiers know (%q); write h=sha256 or remove h=", unknown)
	}
}

// keyType reads k=: "rsa" or "ed25519" (RFC 8463 §4.1).
func (p *parser) keyType(t Tag) {
	switch k := strings.ToLower(t.Value); k {
	case "rsa", "ed25519":
		p.rec.KeyType = k
	case "":
		p.errorf(t.Start, t.End, Fatal, "k= has no value; verifiers reject the key record")
	default:
		p.rec.KeyType = k
		p.errorf(t.ValueStart, t.ValueEnd, Fatal,
			"unknown key type %q: verifiers know \"rsa\" and \"ed25519\", so they cannot use this key", t.Value)
	}
}

// services reads s=: the key serves email when it names "*" or "email".
func (p *parser) services(t Tag) {
	types := p.list(t)
	if types == nil {
		return
	}
	p.rec.Services = types
	if !slices.Contains(types, "*") && !slices.Contains(types, "email") {
		p.errorf(t.ValueStart, t.ValueEnd, Fatal,
			"s= value %q does not include \"email\" or \"*\", so verifiers do not use this key for mail", t.Value)
	}
}

// flags reads t=: y (testing) and s (strict identity), others ignored.
func (p *parser) flags(t Tag) {
	flags := p.list(t)
	if flags == nil {
		return
	}
	p.rec.Flags = flags
	for _, f := range flags {
		switch f {
		case "y":
			p.rec.Testing = true
		case "s":
			p.rec.Strict = true
		default:
			p.errorf(t.ValueStart, t.ValueEnd, Note, "unknown flag %q in t=; verifiers ignore it", f)
		}
	}
}

// knownTags are the tags of RFC 6376 §3.6.1, for suggestions.
var knownTags = []string{"v", "h", "k", "n", "p", "s", "t"}

// unknown reports a tag RFC 6376 does not define; verifiers ignore it.
func (p *parser) unknown(t Tag) {
	if low := strings.ToLower(t.Name); low != t.Name && slices.Contains(knownTags, low) {
		p.errorf(t.Start, t.Start+len(t.Name), Warning,
			"tag names are case-sensitive (RFC 6376 §3.2): verifiers do not read %q as %q and ignore it", t.Name, low)
		return
	}
	p.errorf(t.Start, t.Start+len(t.Name), Note, "unknown tag %q is ignored by verifiers", t.Name)
}
