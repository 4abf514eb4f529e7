package transport

import (
	"strings"
	"testing"
)

// checkErrors fails when an error lies outside the text or is malformed,
// or when invalid does not match the presence of a fatal error.
func checkErrors(t *testing.T, kind, text string, errs []*Error, invalid bool) {
	t.Helper()
	fatal := false
	for _, e := range errs {
		if e.Start < 0 || e.Start > e.End || e.End > len(text) || e.Msg == "" || e.Level < Fatal || e.Level > Note {
			t.Fatalf("%s %q: bad error %+v", kind, text, e)
		}
		fatal = fatal || e.Level == Fatal
	}
	if fatal != invalid {
		t.Fatalf("%s %q: Invalid = %v, fatal error reported: %v", kind, text, invalid, fatal)
	}
}

func checkFields(t *testing.T, kind, text string, fields []Field) {
	t.Helper()
	for _, f := range fields {
		if f.Start < 0 || f.Start > f.ValueStart || f.ValueStart > f.ValueEnd || f.ValueEnd > f.End || f.End > len(text) ||
			text[f.ValueStart:f.ValueEnd] != f.Value {
			t.Fatalf("%s %q: bad field %+v", kind, text, f)
		}
	}
}

// FuzzMTASTS checks that ParseMTASTS never panics and keeps its offsets
// inside the text.
func FuzzMTASTS(f *testing.F) {
	seed(f, "mta-sts")
	f.Fuzz(func(t *testing.T, text string) {
		r, errs := ParseMTASTS(text)
		checkErrors(t, "mta-sts", text, errs, r.Invalid)
		checkFields(t, "mta-sts", text, r.Fields)
		if !r.Invalid && (r.ID == "" || !strings.HasPrefix(text, "v=STSv1")) {
			t.Fatalf("mta-sts %q: valid without id or version prefix", text)
		}
	})
}

// FuzzTLSRPT checks that ParseTLSRPT never panics and keeps its offsets
// inside the text.
func FuzzTLSRPT(f *testing.F) {
	seed(f, "tls-rpt")
	f.Fuzz(func(t *testing.T, text string) {
		r, errs := ParseTLSRPT(text)
		checkErrors(t, "tls-rpt", text, errs, r.Invalid)
		checkFields(t, "tls-rpt", text, r.Fields)
		for _, u := range r.RUA {
			if u.Start < 0 || u.Start > u.End || u.End > len(text) || text[u.Start:u.End] != u.Raw {
				t.Fatalf("tls-rpt %q: bad URI %+v", text, u)
			}
		}
		if !r.Invalid && len(r.RUA) == 0 {
			t.Fatalf("tls-rpt %q: valid without rua", text)
		}
	})
}

// FuzzBIMI checks that ParseBIMI never panics and keeps its offsets
// inside the text.
func FuzzBIMI(f *testing.F) {
	seed(f, "bimi")
	f.Fuzz(func(t *testing.T, text string) {
		r, errs := ParseBIMI(text)
		checkErrors(t, "bimi", text, errs, r.Invalid)
		checkFields(t, "bimi", text, r.Fields)
		if !r.Invalid && !IsBIMI(text) {
			t.Fatalf("bimi %q: valid but IsBIMI is false", text)
		}
	})
}

func seed(f *testing.F, kind string) {
	for _, c := range readCases(f, "testdata/parse.txt") {
		if c.kind == kind {
			f.Add(c.text)
		}
	}
}
