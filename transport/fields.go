package transport

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
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
	start := 0
	for i := 0; i <= len(s.text); i++ {
		if i < len(s.text) && s.text[i] != ';' {
			continue
		}
		fs, fe := trimWSP(s.text, start, i)
		switch {
		case fs < fe:
			s.field(what, fs, fe, spaceAroundEq)
		case i < len(s.text):
			s.errorf(start, i+1, Fatal, "empty field between semicolons; the %s grammar does not allow it, so the record is invalid", what)
		}
		start = i + 1
	}
}

// field reads one name=value field at [start, end).
func (s *scanner) field(what string, start, end int, spaceAroundEq bool) {
	seg := s.text[start:end]
	eq := strings.IndexByte(seg, '=')
	if eq < 0 {
		s.errorf(start, end, Fatal, "%q is not a name=value field, so the %s record is invalid", seg, what)
		return
	}
	ns, ne := start, start+eq
	vs, ve := start+eq+1, end
	if spaceAroundEq {
		ns, ne = trimWSP(s.text, ns, ne)
		vs, ve = trimWSP(s.text, vs, ve)
	} else if ne > ns && isWSP(s.text[ne-1]) || vs < ve && isWSP(s.text[vs]) {
		s.errorf(start, end, Fatal, "white space around \"=\" in %q; the %s grammar allows none, so the record is invalid", seg, what)
		return
	}
	f := Field{Name: s.text[ns:ne], Value: s.text[vs:ve], Start: start, End: end, ValueStart: vs, ValueEnd: ve}
	if f.Name == "" {
		s.errorf(start, start+eq+1, Fatal, "missing field name before \"=\", so the %s record is invalid", what)
		return
	}
	for _, g := range s.fields {
		if g.Name == f.Name {
			s.errorf(start, end, Fatal, "field %q is repeated, so the %s record is invalid", f.Name, what)
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
		s.errorf(f.Start+i, f.Start+i+charLen(f.Name, i), Fatal,
			"field name %q holds %s, so the %s record is invalid", f.Name, describeChar(f.Name, i), what)
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
			s.errorf(f.ValueStart+i, f.ValueStart+i+charLen(f.Value, i), Fatal,
				"value of %q holds %s, so the %s record is invalid", f.Name, describeChar(f.Value, i), what)
			return
		}
	}
	s.errorf(f.Start, f.Start+len(f.Name), Note, "unknown field %q is ignored", f.Name)
}

func badExtName(name string) int {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if isAlpha(c) || isDigit(c) || i > 0 && (c == '_' || c == '-' || c == '.') {
			continue
		}
		return i
	}
	return -1
}

func isWSP(c byte) bool { return c == ' ' || c == '\t' }

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func trimWSP(s string, start, end int) (int, int) {
	for start < end && isWSP(s[start]) {
		start++
	}
	for end > start && isWSP(s[end-1]) {
		end--
	}
	return start, end
}

func charLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// describeChar names the character at s[i] for a message.
func describeChar(s string, i int) string {
	c := s[i]
	if c < utf8.RuneSelf {
		switch {
		case c == ' ':
			return "a space"
		case c < 0x20 || c == 0x7f:
			return fmt.Sprintf("the control character 0x%02X", c)
		}
		return fmt.Sprintf("%q", string(c))
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && n <= 1:
		return fmt.Sprintf("the byte 0x%02X, which is not UTF-8", c)
	case r == '\u00a0':
		return "a no-break space (U+00A0)"
	}
	return fmt.Sprintf("the non-ASCII character %q (U+%04X)", r, r)
}

// versionField checks, after split, that the first field is the version
// alone, as in "v=STSv1", and returns the fields after it. A value such as
// "STSv1 id=1" means a semicolon is missing.
func (s *scanner) versionField(what, value string) []Field {
	if len(s.fields) == 0 || s.fields[0].Start != 0 {
		return nil
	}
	if v := s.fields[0]; v.Name != "v" || v.Value != value {
		s.errorf(v.ValueStart, v.ValueEnd, Fatal, "the version reads %q: a \";\" is missing after %q, so the %s record is invalid", v.Value, value, what)
	}
	return s.fields[1:]
}

// version checks that the text starts with prefix ("v=STSv1"), exactly,
// followed by a delimiter or the end. It reports what is wrong and returns
// false otherwise.
func (s *scanner) version(what, prefix string) bool {
	t := s.text
	switch {
	case strings.HasPrefix(t, prefix) && (len(t) == len(prefix) || t[len(prefix)] == ';' || isWSP(t[len(prefix)])):
		return true
	case len(t) >= len(prefix) && strings.EqualFold(t[:len(prefix)], prefix):
		s.errorf(0, len(prefix), Fatal, "the record must start with %q exactly, in this case; readers discard it", prefix)
	default:
		end := strings.IndexByte(t, ';')
		if end < 0 {
			end = len(t)
		}
		s.errorf(0, end, Fatal, "the record must start with %q; readers discard it as no %s record", prefix, what)
	}
	return false
}
