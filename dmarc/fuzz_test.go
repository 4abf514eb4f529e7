package dmarc

import (
	"strings"
	"testing"
)

// FuzzDMARC checks that Parse never panics, that every offset it returns
// lies inside the text, and that its verdicts agree with each other.
func FuzzDMARC(f *testing.F) {
	for _, c := range readCases(f, "testdata/parse.txt") {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rec, errs := Parse(text)

		inside := func(what string, start, end int) {
			if start < 0 || start > end || end > len(text) {
				t.Fatalf("Parse(%q): %s [%d, %d) outside the text", text, what, start, end)
			}
		}
		fatal := false
		for _, e := range errs {
			inside("error "+e.Msg, e.Start, e.End)
			if e.Msg == "" || e.Level < Fatal || e.Level > Note || e.Kind < KindSyntax || e.Kind > KindRemoved {
				t.Fatalf("Parse(%q): malformed error %+v", text, e)
			}
			if e.Fix != nil {
				inside("fix of "+e.Msg, e.Fix.Start, e.Fix.End)
			}
			fatal = fatal || e.Level == Fatal
		}
		for _, tg := range rec.Tags {
			inside("tag", tg.Start, tg.End)
			inside("value", tg.ValueStart, tg.ValueEnd)
			if text[tg.ValueStart:tg.ValueEnd] != tg.Value || tg.Key != strings.ToLower(tg.Name) {
				t.Fatalf("Parse(%q): tag %+v does not match the text", text, tg)
			}
		}
		for _, u := range append(rec.RUA, rec.RUF...) {
			inside("uri", u.Start, u.End)
		}

		if fatal != rec.Ignored {
			t.Fatalf("Parse(%q): Ignored = %v, but a fatal error was reported: %v", text, rec.Ignored, fatal)
		}
		if !rec.Ignored && !IsRecord(text) {
			t.Fatalf("Parse(%q) kept a record IsRecord rejects", text)
		}
		if _, _, _, ok := rec.Policies(); ok && rec.Ignored {
			t.Fatalf("Parse(%q): an ignored record has policies", text)
		}
	})
}
