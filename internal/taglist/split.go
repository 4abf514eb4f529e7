// Package taglist reads the tag-list syntax of RFC 6376 §3.2, which DKIM
// key records use and DMARC (RFC 9989 §4.8), MTA-STS (RFC 8461 §3.1),
// TLS-RPT (RFC 8460 §3) and BIMI records borrow: tag=value pairs
// separated by ";", with optional white space around each part.
//
// The package only cuts the text and reports byte offsets into it, and
// names characters for messages. What an empty tag, a repeated tag, an
// unknown tag or a bad value means differs from one record type to the
// next, so that is left to each record's parser.
package taglist

import "strings"

// Item is one piece of a list cut at a separator. Offsets are bytes into
// the text that was cut.
type Item struct {
	// RawStart and RawEnd cover the bytes between two separators, or
	// between a separator and an end of the list.
	RawStart, RawEnd int
	// Start and End cover the same without the white space at either
	// end; Start == End for an empty item.
	Start, End int
}

// Spec is one tag-spec of a tag-list (RFC 6376 §3.2 tag-spec): an Item
// of the list cut at ";", with its name and value found.
type Spec struct {
	Item
	// Eq is the offset of the first "=" in [Start, End), or -1 when there
	// is none; the name and value offsets are then 0.
	Eq int
	// NameStart and NameEnd cover the tag name, the bytes before "="
	// without the white space around them; ValueStart and ValueEnd cover
	// the tag value after "=" in the same way.
	NameStart, NameEnd   int
	ValueStart, ValueEnd int
}

// Split cuts text, a whole tag-list, at every ";" into tag-specs, in
// order. A text with n semicolons has n+1 specs, some perhaps empty: the
// last one is empty when the list ends with ";" (RFC 6376 §3.2 allows
// that), and all of them when the text is empty or only white space.
// space says which bytes are white space: IsWSP for the *WSP of DMARC,
// MTA-STS, TLS-RPT and BIMI, IsFWS for the folding white space of DKIM.
func Split(text string, space func(byte) bool) []Spec {
	specs := make([]Spec, 0, count(text, 0, len(text), ';')+1)
	for raw, more := 0, true; more; {
		var it Item
		it, more = item(text, raw, len(text), ';', space)
		specs = append(specs, spec(text, it, space))
		raw = it.RawEnd + 1
	}
	return specs
}

// spec finds the name and value of one tag-spec.
func spec(text string, it Item, space func(byte) bool) Spec {
	s := Spec{Item: it, Eq: -1}
	eq := strings.IndexByte(text[it.Start:it.End], '=')
	if eq < 0 {
		return s
	}

	s.Eq = it.Start + eq
	s.NameStart, s.NameEnd = Trim(text, it.Start, s.Eq, space)
	s.ValueStart, s.ValueEnd = Trim(text, s.Eq+1, it.End, space)
	return s
}

// Cut cuts text[start:end] at every sep into items, in order, each
// trimmed of the bytes space reports: the tag-list itself at ";", or a
// list inside a value, such as the comma-separated URIs of DMARC's rua or
// the colon-separated hash algorithms of DKIM's h=. A range with n
// separators has n+1 items, some perhaps empty; an empty range has one.
func Cut(text string, start, end int, sep byte, space func(byte) bool) []Item {
	items := make([]Item, 0, count(text, start, end, sep)+1)
	for raw, more := start, true; more; {
		var it Item
		it, more = item(text, raw, end, sep, space)
		items = append(items, it)
		raw = it.RawEnd + 1
	}
	return items
}

// item returns the item of a list that starts at raw and ends at the next
// sep before end, or at end, and whether a sep ends it.
func item(text string, raw, end int, sep byte, space func(byte) bool) (Item, bool) {
	rawEnd, more := end, false
	if i := strings.IndexByte(text[raw:end], sep); i >= 0 {
		rawEnd, more = raw+i, true
	}

	s, e := Trim(text, raw, rawEnd, space)
	return Item{RawStart: raw, RawEnd: rawEnd, Start: s, End: e}, more
}

// count returns how many times sep occurs in text[start:end].
func count(text string, start, end int, sep byte) int {
	n := 0
	for i := start; i < end; i++ {
		if text[i] == sep {
			n++
		}
	}
	return n
}

// Trim returns [start, end) without the bytes space reports at either
// end.
func Trim(s string, start, end int, space func(byte) bool) (int, int) {
	for start < end && space(s[start]) {
		start++
	}
	for end > start && space(s[end-1]) {
		end--
	}
	return start, end
}
