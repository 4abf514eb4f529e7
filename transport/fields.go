package transport

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/sendlint/sendlint/internal/taglist"
)

// Field is one name=value pair as written. Offsets are into the text.
type Field struct {
	Name, Value          string
	Start, End           int
	ValueStart, ValueEnd int
}

// scanner holds what the three parsers share: the text, the fields found
// and the errors.
type scanner struct {
	text   string
	fields []Field
	errs   []*Error
	// fatal is set once a Fatal error is reported.
	fatal bool
}

func (s *scanner) errorf(start, end int, level Level, format string, args ...any) {
	s.errs = append(s.errs, &Error{Start: start, End: end, Level: level, Msg: fmt.Sprintf(format, args...)})
	if level == Fatal {
		s.fatal = true
	}
}

// sorted returns the errors in the order of the text.
func (s *scanner) sorted() []*Error {
	slices.SortStableFunc(s.errs, func(a, b *Error) int { return cmp.Compare(a.Start, b.Start) })
	return s.errs
}

// split cuts the text into fields at semicolons with optional spaces or
// tabs around them (the field delimiters of RFC 8461 §3.1, RFC 8460 §3 and
// BIMI). spaceAroundEq says whether "=" may have white space around it, as
// in BIMI but not in MTA-STS or TLS-RPT. what names the record in messages.
func (s *scanner) split(what string, spaceAroundEq bool) {
	for _, sp := range taglist.Split(s.text, taglist.IsWSP) {
		switch {
		case sp.Start < sp.End:
			s.field(what, sp, spaceAroundEq)
		case sp.RawEnd < len(s.text):
			s.errorf(sp.RawStart, sp.RawEnd+1, Fatal, "empty field between semicolons; the %s grammar does not allow it, so the record is invalid", what)
		}
	}
}

// field reads one name=value field.
func (s *scanner) field(what string, sp taglist.Spec, spaceAroundEq bool) {
	seg := s.text[sp.Start:sp.End]
	if sp.Eq < 0 {
		s.errorf(sp.Start, sp.End, Fatal, "%q is not a name=value field, so the %s record is invalid", seg, what)
		return
	}
	// White space next to "=" leaves the name ending before it or the
	// value starting after it.
	if !spaceAroundEq && (sp.NameEnd < sp.Eq || sp.ValueStart > sp.Eq+1) {
		s.errorf(sp.Start, sp.End, Fatal, "white space around \"=\" in %q; the %s grammar allows none, so the record is invalid", seg, what)
		return
	}
	f := Field{
		Name:       s.text[sp.NameStart:sp.NameEnd],
		Value:      s.text[sp.ValueStart:sp.ValueEnd],
		Start:      sp.Start,
		End:        sp.End,
		ValueStart: sp.ValueStart,
		ValueEnd:   sp.ValueEnd,
	}
	if f.Name == "" {
		s.errorf(sp.Start, sp.Eq+1, Fatal, "missing field name before \"=\", so the %s record is invalid", what)
		return
	}
	for _, g := range s.fields {
		if g.Name == f.Name {
			s.errorf(sp.Start, sp.End, Fatal, "field %q is repeated, so the %s record is invalid", f.Name, what)
			return
		}
	}
	s.fields = append(s.fields, f)
}

// field returns the first field with the given name, or nil.
func fieldNamed(fields []Field, name string) *Field {
	for i := range fields {
		if fields[i].Name == name {
			return &fields[i]
		}
	}
	return nil
}

// checkExtension checks a field the record's grammar knows only as an
// extension (RFC 8461 §3.1 sts-extension, RFC 8460 §3 tlsrpt-extension):
// a name of letters, digits, "_", "-" and "." of at most 32 bytes, and a
// value of printable ASCII other than "=", ";" and space.
func (s *scanner) checkExtension(what string, f Field) {
	if i := badExtName(f.Name); i >= 0 {
		s.errorf(f.Start+i, f.Start+i+taglist.CharLen(f.Name, i), Fatal,
			"field name %q holds %s, so the %s record is invalid", f.Name, taglist.DescribeChar(f.Name, i), what)
		return
	}
	if len(f.Name) > 32 {
		s.errorf(f.Start, f.Start+len(f.Name), Fatal, "field name %q is longer than 32 bytes, so the %s record is invalid", f.Name, what)
		return
	}
	if f.Value == "" {
		s.errorf(f.Start, f.End, Fatal, "field %q has no value, so the %s record is invalid", f.Name, what)
		return
	}
	for i := 0; i < len(f.Value); i++ {
		if c := f.Value[i]; c < 0x21 || c > 0x7e || c == '=' {
			s.errorf(f.ValueStart+i, f.ValueStart+i+taglist.CharLen(f.Value, i), Fatal,
				"value of %q holds %s, so the %s record is invalid", f.Name, taglist.DescribeChar(f.Value, i), what)
			return
		}
	}
	s.errorf(f.Start, f.Start+len(f.Name), Note, "unknown field %q is ignored", f.Name)
}

func badExtName(name string) int {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if taglist.IsAlpha(c) || taglist.IsDigit(c) || i > 0 && (c == '_' || c == '-' || c == '.') {
			continue
		}
		return i
	}
	return -1
}
