package spf

import (
	"fmt"
	"strings"
)

// version is the version section every SPF record starts with (RFC 7208
// §4.5); it matches in any case.
const version = "v=spf1"

// IsSPF reports whether text is an SPF record: it starts with "v=spf1", in
// any case, followed by a space or the end of the text (RFC 7208 §4.5).
// A text that fails this test is not an SPF record at all, so receivers
// ignore it rather than return permerror; see [NearMiss] for the ones that
// look like a failed attempt.
func IsSPF(text string) bool {
	if len(text) < len(version) || !strings.EqualFold(text[:len(version)], version) {
		return false
	}
	return len(text) == len(version) || text[len(version)] == ' '
}

// Parse parses text, the character-strings of one TXT record joined
// without separators (RFC 7208 §3.3), as an SPF record (§4.5, §12).
//
// When text is not an SPF record ([IsSPF] is false) Parse returns a nil
// Record and one error. Otherwise it returns the Record and every syntax
// error found; receivers return permerror for a record with any of them
// (§4.6). A term with an error is left out of the Record, so that a
// partial Record still describes what the valid terms say; a second
// redirect or exp is kept in Terms only. Offsets in errors and spans
// index text.
func Parse(text string) (*Record, []*Error) {
	if !IsSPF(text) {
		return nil, []*Error{errorf(0, min(len(text), len(version)),
			"not an SPF record: it must start with %q and a space", version)}
	}

	p := &parser{text: text, rec: &Record{Version: Span{0, len(version)}}}
	for i := len(version); i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		end := strings.IndexByte(text[i:], ' ')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		p.term(i, end)
		i = end
	}
	return p.rec, p.errs
}

// parser holds the state of one Parse call.
type parser struct {
	text string
	rec  *Record
	errs []*Error
}

func (p *parser) errorf(start, end int, format string, args ...any) {
	p.errs = append(p.errs, errorf(start, end, format, args...))
}

// fixf reports an error at [start, end) with the edit that corrects it:
// replacing [from, to) with text.
func (p *parser) fixf(from, to int, text string, start, end int, format string, args ...any) {
	e := errorf(start, end, format, args...)
	e.Fix = &Edit{Span: Span{from, to}, Text: text}
	p.errs = append(p.errs, e)
}

// term parses the term text[start:end] and adds it to the record when it
// has no error.
func (p *parser) term(start, end int) {
	if p.badChars(start, end) {
		return
	}

	n := len(p.errs)
	var t *Term
	if isModifier(p.text[start:end]) {
		t = p.modifier(start, end)
	} else {
		t = p.directive(start, end)
	}
	if t == nil || len(p.errs) > n {
		return
	}

	t.Span = Span{start, end}
	p.add(t)
}

// add appends t to the record, reporting a second redirect or exp (RFC
// 7208 §6: they may appear at most once).
func (p *parser) add(t *Term) {
	r := p.rec
	switch {
	case t.Kind.IsMechanism():
		r.Mechanisms = append(r.Mechanisms, t)
	case t.Kind == KindRedirect && r.Redirect != nil, t.Kind == KindExp && r.Exp != nil:
		p.errorf(t.Span.Start, t.Span.End,
			"second %q modifier; a record may have only one (RFC 7208 §6)", t.Name)
	case t.Kind == KindRedirect:
		r.Redirect = t
	case t.Kind == KindExp:
		r.Exp = t
	}
	r.Terms = append(r.Terms, t)
}

// badChars reports the first run of bytes in the term that may not
// appear in a record: control characters and non-ASCII (RFC 7208 §3.1,
// §4.6.1). It returns whether there was one.
func (p *parser) badChars(start, end int) bool {
	i := start
	for i < end && isVisible(p.text[i]) {
		i++
	}
	if i == end {
		return false
	}

	j := i + 1
	for j < end && !isVisible(p.text[j]) {
		j++
	}
	run := p.text[i:j]
	if strings.IndexFunc(run, func(r rune) bool { return r < 0x80 }) >= 0 {
		p.errs = append(p.errs, charError(p.text, i))
		return true
	}
	p.errorf(i, j, "non-ASCII text %q; SPF records must be 7-bit ASCII", run)
	return true
}

// isVisible reports whether c is a printable ASCII byte other than space.
func isVisible(c byte) bool {
	return c >= 0x21 && c <= 0x7e
}

// isModifier reports whether term is a modifier: a "=" comes before any
// ":" or "/" (RFC 7208 §4.6.1).
func isModifier(term string) bool {
	i := strings.IndexAny(term, "=:/")
	return i >= 0 && term[i] == '='
}

// modifier parses a "name=value" term (RFC 7208 §6, §12).
func (p *parser) modifier(start, end int) *Term {
	eq := start + strings.IndexByte(p.text[start:end], '=')
	name := p.text[start:eq]
	if msg := modifierNameProblem(name); msg != "" {
		if name != "" && strings.IndexByte("+-~?", name[0]) >= 0 && modifierNameProblem(name[1:]) == "" {
			p.fixf(start, start+1, "", start, eq, "%s", msg)
			return nil
		}
		p.errorf(start, max(eq, start+1), "%s", msg)
		return nil
	}

	t := &Term{Kind: KindModifier, Name: strings.ToLower(name)}
	switch t.Name {
	case "redirect":
		t.Kind = KindRedirect
	case "exp":
		t.Kind = KindExp
	}

	value := Span{eq + 1, end}
	if t.Kind == KindModifier {
		t.Domain = p.macro(value, inModifier)
		return t
	}
	if value.Start == value.End {
		p.errorf(start, end, "%s= needs a domain, as in \"%s=_spf.example.com\"", t.Name, t.Name)
		return nil
	}
	t.Domain = p.macro(value, inDomain)
	return t
}

// modifierNameProblem says why name is not a modifier name, ALPHA *(
// ALPHA / DIGIT / "-" / "_" / "." ) (RFC 7208 §12), or returns "".
func modifierNameProblem(name string) string {
	if name == "" {
		return `"=" with no modifier name before it`
	}
	if strings.IndexByte("+-~?", name[0]) >= 0 {
		return fmt.Sprintf("modifier %q cannot have a qualifier; remove %q", name[1:], name[:1])
	}
	if c := name[0] | 0x20; c < 'a' || c > 'z' {
		return fmt.Sprintf("modifier name %q must start with a letter", name)
	}
	for i := 1; i < len(name); i++ {
		c := name[i]
		if !isAlnum(c) && c != '-' && c != '_' && c != '.' {
			return fmt.Sprintf(`modifier name %q may hold only letters, digits, "-", "_" and "."`, name)
		}
	}
	return ""
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isDigit(c byte) bool {
	return c >= '0' && c <= '9'
}

// macro parses a macro-string at sp and collects its errors.
func (p *parser) macro(sp Span, ctx macroContext) *MacroString {
	ms, errs := parseMacroString(p.text, sp, ctx)
	p.errs = append(p.errs, errs...)

	return ms
}
