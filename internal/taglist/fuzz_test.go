package taglist

import (
	"strings"
	"testing"
)

// FuzzSplit checks that Split and Cut cover the text exactly, one piece
// after another, that every offset they return lies inside the text, and
// that trimmed pieces neither start nor end with white space.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.net",
		" v = DKIM1 ;\r\n p=MIIB\r\n\tIjAN;",
		";;=;a=b=c; x ;",
		"\u00a0v=1;\tk\u200b=\xff",
		"",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, fws bool) {
		space := IsWSP
		if fws {
			space = IsFWS
		}

		specs := Split(text, space)
		items := make([]Item, len(specs))
		for i, s := range specs {
			items[i] = s.Item
			checkSpec(t, text, s, space)
		}
		checkCover(t, text, 0, len(text), ';', items, space)

		for _, s := range specs {
			if s.Eq >= 0 {
				checkCover(t, text, s.ValueStart, s.ValueEnd, ',', Cut(text, s.ValueStart, s.ValueEnd, ',', space), space)
			}
		}
		for i := 0; i < len(text); i += CharLen(text, i) {
			if n := CharLen(text, i); n < 1 || i+n > len(text) || DescribeChar(text, i) == "" {
				t.Fatalf("character at %d of %q: length %d or no name", i, text, n)
			}
		}
	})
}

// checkCover fails unless items are the pieces of text[start:end] between
// the separators, each trimmed of white space and nothing more.
func checkCover(t *testing.T, text string, start, end int, sep byte, items []Item, space func(byte) bool) {
	t.Helper()
	if want := strings.Count(text[start:end], string(rune(sep))) + 1; len(items) != want {
		t.Fatalf("%q [%d, %d) cut at %q: %d pieces, want %d", text, start, end, sep, len(items), want)
	}
	at := start
	for i, it := range items {
		if it.RawStart != at || it.RawEnd < it.RawStart || it.RawEnd > end {
			t.Fatalf("%q piece %d %+v does not follow offset %d", text, i, it, at)
		}
		if strings.IndexByte(text[it.RawStart:it.RawEnd], sep) >= 0 || it.RawEnd < end && text[it.RawEnd] != sep {
			t.Fatalf("%q piece %d %+v does not end at a separator", text, i, it)
		}
		if s, e := trimmed(text, it.RawStart, it.RawEnd, space); it.Start != s || it.End != e {
			t.Fatalf("%q piece %d %+v is not trimmed right", text, i, it)
		}
		at = it.RawEnd + 1
	}
	if last := items[len(items)-1]; last.RawEnd != end {
		t.Fatalf("%q: the last piece %+v stops before %d", text, last, end)
	}
}

// checkSpec fails unless the name and value of s are the trimmed bytes on
// either side of its first "=".
func checkSpec(t *testing.T, text string, s Spec, space func(byte) bool) {
	t.Helper()
	seg := text[s.Start:s.End]
	eq := strings.IndexByte(seg, '=')
	if eq < 0 {
		if s.Eq != -1 || s.NameStart|s.NameEnd|s.ValueStart|s.ValueEnd != 0 {
			t.Fatalf("%q: spec %+v has no \"=\" but offsets", text, s)
		}
		return
	}

	ns, ne := trimmed(text, s.Start, s.Start+eq, space)
	vs, ve := trimmed(text, s.Start+eq+1, s.End, space)
	if s.Eq != s.Start+eq || s.NameStart != ns || s.NameEnd != ne || s.ValueStart != vs || s.ValueEnd != ve {
		t.Fatalf("%q: spec %+v does not split at its first \"=\"", text, s)
	}
}

// trimmed returns [start, end) of text without white space at either end,
// found with the strings package rather than Trim. White space is ASCII,
// so a non-ASCII rune never is.
func trimmed(text string, start, end int, space func(byte) bool) (int, int) {
	isSpace := func(r rune) bool { return r < 0x80 && space(byte(r)) }
	s := text[start:end]
	left := strings.TrimLeftFunc(s, isSpace)
	if left == "" {
		return end, end
	}
	return end - len(left), end - len(left) + len(strings.TrimRightFunc(left, isSpace))
}
