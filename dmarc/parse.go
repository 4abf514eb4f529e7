package dmarc

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sendlint/sendlint/internal/taglist"
)

// Parse reads one DMARC record: the character-strings of one TXT record
// joined without separators (RFC 9989 §4.5). It returns the record with
// the values receivers use and every problem found, in the order of the
// text. Parse never fails: a text that is not a DMARC record at all comes
// back with Ignored set and a Fatal error saying why.
func Parse(text string) (*Record, []*Error) {
	p := &parser{
		text: text,
		rec: &Record{
			Text:  text,
			ADKIM: Relaxed,
			ASPF:  Relaxed,
			PSD:   PSDUnknown,
			PCT:   -1,
		},
		seen: make(map[string]int),
	}
	p.segs = taglist.Split(text, taglist.IsWSP)
	p.version()
	p.tagList()
	p.finish()

	slices.SortStableFunc(p.errs, func(a, b *Error) int { return cmp.Compare(a.Start, b.Start) })
	return p.rec, p.errs
}

type parser struct {
	text string
	rec  *Record
	errs []*Error
	// segs are the texts between semicolons (RFC 9989 §4.8 dmarc-sep).
	segs []taglist.Spec
	// seen maps a tag key to the index in rec.Tags of its first use.
	seen map[string]int
}

// fix attaches a correction to the error reported last.
func (p *parser) fix(start, end int, text string) {
	p.errs[len(p.errs)-1].Fix = &Fix{Start: start, End: end, Text: text}
}

func (p *parser) errorf(start, end int, level Level, kind Kind, format string, args ...any) {
	p.errs = append(p.errs, &Error{
		Start: start,
		End:   end,
		Level: level,
		Kind:  kind,
		Msg:   fmt.Sprintf(format, args...),
	})
	if level == Fatal {
		p.rec.Ignored = true
	}
}

// version checks that the record starts with "v=DMARC1" (RFC 9989 §4.7
// "v"), which receivers require before anything else.
func (p *parser) version() {
	first := p.segs[0]
	switch {
	case p.text == "":
		p.errorf(0, 0, Fatal, KindSyntax, "empty record; receivers ignore it and apply no policy")
		return
	case strings.TrimLeft(p.text, " \t") == "":
		p.errorf(0, len(p.text), Fatal, KindSyntax, "record holds only whitespace; receivers ignore it and apply no policy")
		return
	case first.Start > 0:
		p.errorf(0, first.Start, Fatal, KindSyntax,
			"record starts with whitespace; receivers look for \"v=DMARC1\" at the very start and ignore this record")
	case p.text[0] == '"' || p.text[0] == '\'':
		p.errorf(0, 1, Fatal, KindSyntax,
			"record starts with a quote, which is part of the TXT data (a value quoted twice in Terraform or a DNS console?); receivers look for \"v=DMARC1\" at the very start and ignore this record")
		if n := len(p.text); n > 1 && p.text[n-1] == p.text[0] {
			p.fix(0, n, p.text[1:n-1])
		}
		return
	case p.text[0] >= 0x80 || p.text[0] < 0x20:
		p.errorf(0, taglist.CharLen(p.text, 0), Fatal, KindSyntax,
			"record starts with %s; receivers look for \"v=DMARC1\" at the very start and ignore this record", taglist.DescribeChar(p.text, 0))
		return
	}

	t, ok := p.pair(first, false)
	if !ok || t.Key != "v" {
		p.missingVersion(first)
		return
	}
	p.addTag(t)
	switch {
	case t.Value == "DMARC1":
		return
	case t.Value == "":
		p.errorf(t.Start, t.End, Fatal, KindSyntax,
			"\"v\" has no value; it must be \"DMARC1\", so receivers ignore this record and apply no policy")
	case strings.EqualFold(t.Value, "DMARC1"):
		p.errorf(t.ValueStart, t.ValueEnd, Fatal, KindSyntax,
			"version %q must be \"DMARC1\" in upper case; receivers ignore this record and apply no policy", t.Value)
		p.fix(t.ValueStart, t.ValueEnd, "DMARC1")
	case hasPrefixFold(t.Value, "DMARC1") && taglist.IsWSP(t.Value[len("DMARC1")]):
		p.errorf(t.ValueStart, t.ValueEnd, Fatal, KindSyntax,
			"missing \";\" after \"v=DMARC1\": the version reads %q, so receivers ignore this record and apply no policy", t.Value)
		p.fix(t.ValueStart+len("DMARC1"), t.ValueStart+len("DMARC1"), ";")
	default:
		p.errorf(t.ValueStart, t.ValueEnd, Fatal, KindSyntax,
			"unknown version %q: only \"DMARC1\" exists, so receivers ignore this record and apply no policy", t.Value)
	}
}

// missingVersion reports a first segment that is not the version tag.
func (p *parser) missingVersion(first taglist.Spec) {
	msg := "record does not start with \"v=DMARC1\"; receivers ignore it and apply no policy"
	for _, s := range p.segs[1:] {
		if t, ok := p.pair(s, false); ok && t.Key == "v" {
			msg = "\"v=DMARC1\" must be the first tag; receivers ignore this record and apply no policy"
			break
		}
	}
	start, end := first.Start, first.End
	if start == end {
		// An empty first tag: point at the semicolon after it.
		end++
	}
	p.errorf(start, end, Fatal, KindSyntax, "%s", msg)

	// Go on with the first tag as with any other, so that its value is
	// checked too; a segment that is not a pair at all is said above.
	if _, ok := p.pair(first, false); ok {
		p.tag(first, false)
	}
}

// tagList reads the tags after the version.
func (p *parser) tagList() {
	last := len(p.segs) - 1
	for i, s := range p.segs[1:] {
		p.tag(s, i+1 == last)
	}
}

// tag reads one segment: a tag, an empty segment or a malformed pair.
func (p *parser) tag(s taglist.Spec, last bool) {
	if s.Start == s.End {
		if !last {
			p.errorf(s.RawStart, s.RawEnd+1, Note, KindSyntax,
				"empty tag between semicolons; receivers skip it, but RFC 9989 §4.8 does not allow it")
		}
		return
	}
	t, ok := p.pair(s, true)
	if !ok {
		return
	}
	if first, dup := p.seen[t.Key]; dup {
		prev := p.rec.Tags[first]
		p.errorf(t.Start, t.End, Fatal, KindSyntax,
			"tag %q is repeated (first as %q); a repeated tag makes the record invalid (RFC 6376 §3.2), so receivers may ignore it and apply no policy",
			t.Name, prev.Name+"="+prev.Value)
		p.rec.Tags = append(p.rec.Tags, t)
		return
	}
	p.addTag(t)
	if !p.checkValueBytes(t) {
		return
	}
	p.value(t)
}

func (p *parser) addTag(t Tag) {
	p.seen[t.Key] = len(p.rec.Tags)
	p.rec.Tags = append(p.rec.Tags, t)
	if t.Name != t.Key {
		p.errorf(t.Start, t.Start+len(t.Name), Note, KindSyntax,
			"tag name %q is not lower case; RFC 9989 accepts it, but receivers that compare tag names exactly, as RFC 6376 §3.2 tag-lists do, ignore the tag",
			t.Name)
	}
}

// pair splits a segment into name and value (RFC 9989 §4.8 dmarc-tag).
// When report is set, it reports a segment that is not a valid name=value
// pair.
func (p *parser) pair(s taglist.Spec, report bool) (Tag, bool) {
	errorf := p.errorf
	if !report {
		errorf = func(int, int, Level, Kind, string, ...any) {}
	}
	seg := p.text[s.Start:s.End]
	if s.Eq < 0 {
		errorf(s.Start, s.End, Invalid, KindSyntax,
			"%q is not a tag=value pair; receivers ignore it", seg)
		return Tag{}, false
	}

	t := Tag{
		Name:       p.text[s.NameStart:s.NameEnd],
		Value:      p.text[s.ValueStart:s.ValueEnd],
		Start:      s.Start,
		End:        s.End,
		ValueStart: s.ValueStart,
		ValueEnd:   s.ValueEnd,
	}
	t.Key = strings.ToLower(t.Name)

	if t.Name == "" {
		errorf(s.Start, s.Eq+1, Invalid, KindSyntax,
			"missing tag name before \"=\"; receivers ignore %q", seg)
		return Tag{}, false
	}
	if i := indexNotAlpha(t.Name); i >= 0 {
		ns := s.NameStart
		errorf(ns+i, ns+i+taglist.CharLen(t.Name, i), Invalid, KindSyntax,
			"tag name %q holds %s, but tag names are letters only; receivers ignore the tag", t.Name, taglist.DescribeChar(t.Name, i))
		return Tag{}, false
	}
	return t, true
}

// checkValueBytes reports a value that is empty or holds a byte that
// RFC 9989 §4.8 dmarc-value does not allow: anything but printable ASCII.
func (p *parser) checkValueBytes(t Tag) bool {
	if isPolicyKey(t.Key) && !validPolicy(t.Value) {
		// finish reports it with what receivers do instead.
		return false
	}
	if t.Value == "" {
		p.errorf(t.Start, t.End, Invalid, KindSyntax,
			"tag %q has no value; receivers ignore it", t.Name)
		return false
	}
	for i := 0; i < len(t.Value); i++ {
		if c := t.Value[i]; c < 0x20 || c > 0x7e {
			p.errorf(t.ValueStart+i, t.ValueStart+i+taglist.CharLen(t.Value, i), Invalid, KindSyntax,
				"value of %q holds %s, which DMARC values cannot hold; receivers ignore the tag", t.Name, taglist.DescribeChar(t.Value, i))
			return false
		}
	}
	return true
}
