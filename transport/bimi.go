package transport

import (
	"net/url"
	"path"
	"strings"
)

// BIMI is a parsed BIMI assertion record, published at
// <selector>._bimi.<domain> (draft-brand-indicators-for-message-identification
// §4): where the brand indicator (an SVG logo) is, and where the evidence
// of the right to use it (a mark certificate) is.
type BIMI struct {
	// Text is the record as parsed; Fields every field after the version.
	Text   string
	Fields []Field
	// Invalid is set when receivers ignore the record.
	Invalid bool
	// Location is the l= URI of the indicator, Evidence the a= URI of
	// the evidence document; "" when empty or absent.
	Location, Evidence string
	// Declined is set when both l= and a= are empty: an explicit refusal
	// to show an indicator (§4.2.1).
	Declined bool
}

// IsBIMI reports whether text starts with the BIMI version tag, which is
// how receivers pick the assertion record among the TXT records at a
// _bimi name (§6.4 step 4).
func IsBIMI(text string) bool {
	rest, ok := strings.CutPrefix(text, "v")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " \t")
	rest, ok = strings.CutPrefix(rest, "=")
	if !ok {
		return false
	}
	rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " \t"), "BIMI1")
	rest = strings.TrimLeft(rest, " \t")
	return ok && (rest == "" || rest[0] == ';')
}

// LooksLikeBIMI reports whether text seems meant as a BIMI record.
func LooksLikeBIMI(text string) bool {
	return strings.Contains(strings.ToLower(text), "bimi")
}

// ParseBIMI reads a BIMI assertion record: "v=BIMI1" first, then l= (the
// indicator's https URI, or empty) and an optional a= (the evidence
// document's https URI, or empty), separated by semicolons. Receivers fix
// nothing, so case and spelling must be exact.
func ParseBIMI(text string) (*BIMI, []*Error) {
	const what = "BIMI"
	s := &scanner{text: text}
	rec := &BIMI{Text: text}
	s.split(what, true)
	if len(s.fields) == 0 || s.fields[0].Start != 0 || s.fields[0].Name != "v" || s.fields[0].Value != "BIMI1" {
		s.bimiVersion()
		rec.Invalid = true
		return rec, s.sorted()
	}
	fields := s.fields[1:]
	rec.Fields = fields

	for _, f := range fields {
		switch f.Name {
		case "v":
			s.errorf(f.Start, f.End, Fatal, "the version appears twice, so receivers ignore the BIMI record")
		case "l":
			rec.Location = s.bimiURI(f, "the indicator", true)
		case "a":
			rec.Evidence = s.bimiURI(f, "the evidence document", false)
		case "avp":
			if f.Value != "brand" && f.Value != "personal" {
				s.errorf(f.ValueStart, f.ValueEnd, Warning, "avp value %q is not brand or personal; receivers ignore it", f.Value)
			}
		default:
			s.errorf(f.Start, f.Start+len(f.Name), Note, "unknown field %q is ignored by receivers", f.Name)
		}
	}
	if fieldNamed(fields, "l") == nil {
		s.errorf(0, len(text), Fatal, "no l= field, which BIMI requires, so receivers ignore the record; add l=https://.../logo.svg, or l= to decline")
	}
	rec.Declined = !s.fatal && rec.Location == "" && rec.Evidence == ""
	rec.Invalid = s.fatal
	return rec, s.sorted()
}

// bimiVersion reports a record that does not start with v=BIMI1.
func (s *scanner) bimiVersion() {
	if len(s.fields) == 0 {
		if len(s.errs) == 0 {
			s.errorf(0, len(s.text), Fatal, "empty record; receivers ignore it")
		}
		return
	}
	f := s.fields[0]
	switch {
	case f.Name != "v" || f.Start != 0 && strings.TrimLeft(s.text[:f.Start], " \t;") != "":
		s.errorf(f.Start, f.End, Fatal, "the record must start with v=BIMI1; receivers ignore it")
	case f.Start != 0:
		s.errorf(0, f.Start, Fatal, "the record must start with v=BIMI1, with nothing before it; receivers ignore it")
	default:
		s.errorf(f.ValueStart, f.ValueEnd, Fatal, "version %q is not \"BIMI1\" exactly; receivers fix nothing and ignore the record", f.Value)
	}
}

// bimiURI checks l= or a=: empty, or one https URI with a host. For l=, a
// file name ending in an image type other than SVG is an error too (§4.3).
func (s *scanner) bimiURI(f Field, what string, indicator bool) string {
	if f.Value == "" {
		return ""
	}
	if strings.Contains(f.Value, ",") {
		s.errorf(f.ValueStart, f.ValueEnd, Fatal,
			"%s= lists several URIs; BIMI allows one, so receivers ignore the record", f.Name)
		return ""
	}
	u := URI{Raw: f.Value}
	if msg := checkURI(&u); msg != "" {
		s.errorf(f.ValueStart, f.ValueEnd, Fatal, "URI %q for %s %s; receivers ignore the record", f.Value, what, msg)
		return ""
	}
	if u.Scheme != "https" {
		s.errorf(f.ValueStart, f.ValueEnd, Fatal,
			"%s is fetched over HTTPS only, but %s= is a %s: URI; receivers ignore the record", what, f.Name, u.Scheme)
		return ""
	}
	if indicator {
		if pu, err := url.Parse(f.Value); err == nil {
			switch ext := strings.ToLower(path.Ext(pu.Path)); ext {
			case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".bmp":
				s.errorf(f.ValueStart, f.ValueEnd, Fatal,
					"the indicator is a %s file, but BIMI shows only SVG (SVG Tiny PS); receivers ignore the record", ext)
				return ""
			}
		}
	}
	return f.Value
}
