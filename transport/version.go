package transport

import (
	"strings"

	"github.com/sendlint/sendlint/internal/taglist"
)

// versioned reads a record that starts with prefix ("v=STSv1") and allows
// no white space around "=" (RFC 8461 §3.1, RFC 8460 §3): it checks the
// version, cuts the fields and returns those after the version. ok is
// false when readers discard the record for how it starts.
func (s *scanner) versioned(what, prefix string) (fields []Field, ok bool) {
	if !s.version(what, prefix) {
		return nil, false
	}

	s.split(what, false)
	fields = s.versionField(what, prefix[len("v="):])
	if !s.fatal {
		s.versionDelimiter(prefix)
	}
	return fields, true
}

// versionDelimiter warns when the version is followed by white space
// before its semicolon: the grammar allows it, but readers that pick the
// record by its prefix "v=...;" (RFC 8461 §3.1, RFC 8460 §3) discard it.
func (s *scanner) versionDelimiter(prefix string) {
	if len(s.text) > len(prefix) && taglist.IsWSP(s.text[len(prefix)]) {
		s.errorf(len(prefix), len(prefix)+1, Warning,
			"space after %q: senders pick the record by its prefix %q and may discard this one; remove the space", prefix, prefix+";")
	}
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
	case strings.HasPrefix(t, prefix) && (len(t) == len(prefix) || t[len(prefix)] == ';' || taglist.IsWSP(t[len(prefix)])):
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
