package spf

import (
	"net/netip"
	"strconv"
	"strings"
)

// MacroString is a macro-string (RFC 7208 §7.1): literal text and macro
// expansions, as found in domain-specs, modifier values and explanation
// strings.
type MacroString struct {
	// Span covers the macro-string in the parsed text.
	Span  Span
	Parts []MacroPart
}

// MacroPart is a run of literal text, an escape ("%%", "%_" or "%-") or
// one macro expansion "%{...}".
type MacroPart struct {
	Span Span
	// Literal is the text of a literal part, which holds no "%"; it is
	// empty for escapes and expansions.
	Literal string
	// Letter is the macro letter of an expansion in lower case (one of
	// "slodiphcrtv"), or the second byte of an escape: '%' for "%%"
	// (a percent sign), '_' for "%_" (a space) and '-' for "%-" (the
	// URL-encoded space "%20"), §7.1. It is zero for a literal part.
	Letter byte
	// Escape is set when the letter was written in upper case: the value
	// is then URL-escaped (§7.3).
	Escape bool
	// Digits keeps only the right-most Digits parts of the value; zero
	// keeps all of them.
	Digits int
	// Reverse reverses the parts of the value before Digits applies.
	Reverse bool
	// Delimiters are the characters the value is split on; empty means
	// ".".
	Delimiters string
}

// IsMacro reports whether p is a macro expansion, whose value depends on
// the SMTP transaction, rather than literal text or an escape.
func (p MacroPart) IsMacro() bool {
	return p.Letter >= 'a' && p.Letter <= 'z'
}

// escapes maps the second byte of an escape to what it stands for.
var escapes = map[byte]string{'%': "%", '_': " ", '-': "%20"}

// maxDigits bounds the DIGIT transformer. A value never has that many
// parts, so a larger number keeps all of them, as it would unbounded.
const maxDigits = 1 << 20

// delimiters are the characters a macro may split its value on (§7.1).
const delimiters = ".-+,/_="

// macroContext says where a macro-string is written, which decides the
// letters allowed and whether it must end like a domain name.
type macroContext int

const (
	// inDomain is a domain-spec (§7.1): it ends in a macro or a top label.
	inDomain macroContext = iota
	// inModifier is the value of an unknown modifier (§6, §12).
	inModifier
	// inExplain is an explanation string (§6.2): spaces are literal, and
	// the c, r and t macros are allowed.
	inExplain
)

// IsEmpty reports whether m has no parts; a nil m is empty.
func (m *MacroString) IsEmpty() bool {
	return m == nil || len(m.Parts) == 0
}

// HasMacros reports whether m has a macro expansion, so that its value
// depends on the SMTP transaction.
func (m *MacroString) HasMacros() bool {
	if m == nil {
		return false
	}
	for _, p := range m.Parts {
		if p.IsMacro() {
			return true
		}
	}
	return false
}

// Literal returns the text m stands for when it has no macro expansions,
// with escapes decoded, and false otherwise.
func (m *MacroString) Literal() (string, bool) {
	if m.HasMacros() {
		return "", false
	}
	if m == nil {
		return "", true
	}
	var b strings.Builder
	for _, p := range m.Parts {
		if p.Letter != 0 {
			b.WriteString(escapes[p.Letter])
			continue
		}
		b.WriteString(p.Literal)
	}
	return b.String(), true
}

// String returns m as written in a record.
func (m *MacroString) String() string {
	if m == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range m.Parts {
		b.WriteString(p.String())
	}
	return b.String()
}

// String returns the part as written in a record.
func (p MacroPart) String() string {
	switch {
	case p.Letter == 0:
		return p.Literal
	case !p.IsMacro():
		return "%" + string(p.Letter)
	}

	var b strings.Builder
	b.WriteString("%{")
	if p.Escape {
		b.WriteByte(p.Letter - 'a' + 'A')
	} else {
		b.WriteByte(p.Letter)
	}
	if p.Digits > 0 {
		b.WriteString(strconv.Itoa(p.Digits))
	}
	if p.Reverse {
		b.WriteByte('r')
	}
	b.WriteString(p.Delimiters)
	b.WriteByte('}')
	return b.String()
}

// ParseExplanation parses the text of the TXT record that an exp= modifier
// names, an explain-string (RFC 7208 §6.2, §7.1). Unlike a record it may
// contain the c, r and t macros and literal spaces. Errors carry offsets
// into text; with errors the returned string holds the parts that parsed.
func ParseExplanation(text string) (*MacroString, []*Error) {
	return parseMacroString(text, Span{0, len(text)}, inExplain)
}

// ParseDomainSpec parses text as a domain-spec (RFC 7208 §7.1), as it
// follows "include:" or "redirect=". Errors carry offsets into text.
func ParseDomainSpec(text string) (*MacroString, []*Error) {
	return parseMacroString(text, Span{0, len(text)}, inDomain)
}

// macroScanner reads one macro-string of text.
type macroScanner struct {
	text string
	ctx  macroContext
	ms   *MacroString
	errs []*Error
	// lit is where the pending literal run starts, or -1.
	lit int
	// tail is where the text after the last macro-expand starts: the
	// part a domain-spec's top label must be in (§7.1 domain-end).
	tail int
}

// parseMacroString parses text[sp.Start:sp.End] in context ctx.
func parseMacroString(text string, sp Span, ctx macroContext) (*MacroString, []*Error) {
	s := &macroScanner{text: text, ctx: ctx, ms: &MacroString{Span: sp}, lit: -1, tail: sp.Start}
	for i := sp.Start; i < sp.End; {
		i = s.step(i, sp.End)
	}
	s.flush(sp.End)

	if ctx == inDomain && len(s.errs) == 0 {
		if e := checkDomainEnd(text, sp, s.tail); e != nil {
			s.errs = append(s.errs, e)
		}
	}
	return s.ms, s.errs
}

// step consumes the token at i and returns where the next one starts.
func (s *macroScanner) step(i, end int) int {
	c := s.text[i]
	switch {
	case c == '%':
		s.flush(i)
		return s.percent(i, end)
	case c == ' ' && s.ctx == inExplain:
	case c < 0x21 || c > 0x7e:
		s.flush(i)
		s.errs = append(s.errs, charError(s.text, i))
		return i + 1
	}
	if s.lit < 0 {
		s.lit = i
	}
	return i + 1
}

// flush ends the pending literal run at end.
func (s *macroScanner) flush(end int) {
	if s.lit < 0 {
		return
	}
	s.add(MacroPart{Span: Span{s.lit, end}, Literal: s.text[s.lit:end]})
	s.lit = -1
}

func (s *macroScanner) add(p MacroPart) {
	s.ms.Parts = append(s.ms.Parts, p)
}

// percent reads an escape or an expansion starting at the "%" at i. Both
// are a macro-expand in the ABNF, so a domain-spec may end with one.
func (s *macroScanner) percent(i, end int) int {
	if i+1 >= end {
		s.errs = append(s.errs, errorf(i, i+1, `"%%" at the end; write "%%%%" for a literal percent sign`))
		return end
	}

	c := s.text[i+1]
	switch {
	case c == '{':
		return s.expand(i, end)
	case escapes[c] != "":
		s.add(MacroPart{Span: Span{i, i + 2}, Letter: c})
		s.tail = i + 2
	default:
		s.errs = append(s.errs, errorf(i, i+2,
			`%q is not a macro; write "%%%%" for a literal percent sign or "%%{d}" and the like for a macro`,
			s.text[i:i+2]))
	}
	return i + 2
}

// expand reads "%{" letter transformers delimiters "}" at i (§7.1).
func (s *macroScanner) expand(i, end int) int {
	close := strings.IndexByte(s.text[i:end], '}')
	if close < 0 {
		s.errs = append(s.errs, errorf(i, end, `macro %q has no closing "}"`, s.text[i:end]))
		return end
	}
	close += i
	body := s.text[i+2 : close]

	p, msg := parseMacroBody(body, s.ctx)
	if msg != "" {
		s.errs = append(s.errs, errorf(i, close+1, "macro %q: %s", s.text[i:close+1], msg))
		return close + 1
	}
	p.Span = Span{i, close + 1}
	s.add(p)
	s.tail = close + 1
	return close + 1
}

// parseMacroBody parses what stands between "%{" and "}" and returns the
// part, or a message saying what is wrong.
func parseMacroBody(body string, ctx macroContext) (MacroPart, string) {
	if body == "" {
		return MacroPart{}, "expected a macro letter after \"%{\""
	}
	var p MacroPart
	letter := body[0]
	lower := letter | 0x20
	isLetter := letter >= 'A' && letter <= 'Z' || letter >= 'a' && letter <= 'z'
	if !isLetter || strings.IndexByte("slodiphcrtv", lower) < 0 {
		return p, "unknown macro letter " + strconv.Quote(body[:1]) + "; expected one of " + allowedLetters(ctx)
	}
	if ctx != inExplain && strings.IndexByte("crt", lower) >= 0 {
		return p, "the " + strconv.Quote(string(lower)) +
			" macro is allowed only in an explanation string (the TXT record exp= names), not here"
	}
	p.Letter, p.Escape = lower, letter != lower

	// Transformers: digits, then an optional "r", then delimiters.
	i := 1
	for i < len(body) && body[i] >= '0' && body[i] <= '9' {
		p.Digits = min(p.Digits*10+int(body[i]-'0'), maxDigits)
		i++
	}
	if i > 1 && p.Digits == 0 {
		return p, "the number of parts to keep must be 1 or more, or left out for all"
	}
	if i < len(body) && (body[i] == 'r' || body[i] == 'R') {
		p.Reverse = true
		i++
	}
	delims := i
	for ; i < len(body); i++ {
		if strings.IndexByte(delimiters, body[i]) < 0 {
			return p, "unexpected " + strconv.Quote(body[i:i+1]) +
				`; expected digits, "r" or delimiters from ".-+,/_=" before "}"`
		}
	}
	p.Delimiters = body[delims:]
	return p, ""
}

func allowedLetters(ctx macroContext) string {
	if ctx == inExplain {
		return "s l o d i p h c r t v"
	}
	return "s l o d i p h v"
}

// charError reports a byte that may not appear in a record: control
// characters and anything outside 7-bit ASCII (RFC 7208 §3.1, §4.6.1).
func charError(text string, i int) *Error {
	c := text[i]
	switch {
	case c == ' ':
		return errorf(i, i+1, `a space cannot appear here; write "%%_" for a space in a macro string`)
	case c >= 0x80:
		return errorf(i, i+1, "non-ASCII byte 0x%02x; SPF records must be 7-bit ASCII", c)
	}
	return errorf(i, i+1, "control character %q; terms are separated by spaces only", string(c))
}

// checkDomainEnd checks the §7.1 rule that a domain-spec ends in a macro
// expansion or in "." and a top label, optionally followed by ".". tail
// is where the text after the last expansion starts.
func checkDomainEnd(text string, sp Span, tail int) *Error {
	if tail == sp.End && tail > sp.Start {
		return nil
	}

	domain := text[sp.Start:sp.End]
	rest := strings.TrimSuffix(text[tail:sp.End], ".")
	dot := strings.LastIndexByte(rest, '.')
	if dot < 0 {
		return errorf(sp.Start, sp.End,
			"domain %q has no top-level label; write a full name such as \"spf.example.com\"", domain)
	}
	top := rest[dot+1:]
	if msg := topLabelProblem(top); msg != "" {
		if a, err := netip.ParseAddr(strings.TrimSuffix(domain, ".")); err == nil {
			return errorf(sp.Start, sp.End,
				"%q is an IP address, not a domain; authorise it with \"ip%d:%s\"", domain, ipVersion(a), a)
		}
		return errorf(sp.Start, sp.End, "domain %q ends in %q, %s", domain, top, msg)
	}
	return nil
}

// topLabelProblem says why s is not a toplabel (RFC 7208 §7.1): letters
// and digits with inner hyphens, and not all digits.
func topLabelProblem(s string) string {
	if s == "" {
		return "an empty label; a domain ends in a top-level label such as \"com\""
	}
	letter := false
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		switch {
		case c >= 'a' && c <= 'z':
			letter = true
		case s[i] >= '0' && s[i] <= '9':
		case s[i] == '-' && i > 0 && i < len(s)-1:
			letter = true
		default:
			return "which is not a valid top-level label: it may hold only letters, digits and inner hyphens"
		}
	}
	if !letter {
		return "and a top-level label cannot be all digits"
	}
	return ""
}

func ipVersion(a netip.Addr) int {
	if a.Is4() {
		return 4
	}
	return 6
}
