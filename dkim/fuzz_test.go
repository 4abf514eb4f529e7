package dkim

import "testing"

// FuzzDKIM checks that Parse never panics, that every offset it returns
// lies inside the text, and that its verdicts agree with each other.
func FuzzDKIM(f *testing.F) {
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
			if e.Msg == "" || e.Level < Fatal || e.Level > Note {
				t.Fatalf("Parse(%q): malformed error %+v", text, e)
			}
			fatal = fatal || e.Level == Fatal
		}
		for _, tg := range rec.Tags {
			inside("tag", tg.Start, tg.End)
			inside("value", tg.ValueStart, tg.ValueEnd)
			if text[tg.ValueStart:tg.ValueEnd] != tg.Value {
				t.Fatalf("Parse(%q): tag %+v does not match the text", text, tg)
			}
		}

		if fatal != rec.Ignored {
			t.Fatalf("Parse(%q): Ignored = %v, but fatal error reported: %v", text, rec.Ignored, fatal)
		}
		if rec.Revoked && rec.Key != nil {
			t.Fatalf("Parse(%q): a revoked record has a key", text)
		}
		if (rec.Bits > 0) != (rec.Key != nil && rec.KeyType == "rsa") {
			t.Fatalf("Parse(%q): Bits = %d with key %T", text, rec.Bits, rec.Key)
		}
	})
}
