package zonefile

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sendlint/sendlint/lint"
)

// maxGenerate caps the records one $GENERATE makes; a larger range is
// reported and only its first maxGenerate values are used.
const maxGenerate = 65536

// generate reads BIND's `$GENERATE range lhs [ttl] [class] type rhs`. For
// each value of the range (START-STOP or START-STOP/STEP), "$" in lhs and
// rhs is replaced by the value, "${offset,width,base}" by the value plus
// offset in base d, o, x, X, n or N (nibbles, for reverse zones) padded to
// width, and "$$" or "\$" stands for a literal "$". The rhs, once
// expanded, is read as the record's data, so it may hold several fields.
// Generated records point at the $GENERATE line; the first one that does
// not parse is reported and stops the expansion.
func (f *zfile) generate(t *token, args []token) {
	if len(args) < 4 {
		f.errorf(t, "$GENERATE needs a range, an owner template, a type and a data template, "+
			"as in \"$GENERATE 1-9 host$ A 192.0.2.$\"")
		return
	}
	lhsTok, rhsTok := &args[1], &args[len(args)-1]
	mid := args[2 : len(args)-1]
	start, stop, step, ok := parseRange(args[0].s)
	if !ok || args[0].quoted {
		f.errorf(&args[0], "bad $GENERATE range %q; expected START-STOP or START-STOP/STEP "+
			"with START <= STOP, both from 0 to 2147483647", args[0].s)
		return
	}
	lhs, ok := f.template(lhsTok)
	if !ok {
		return
	}
	rhs, ok := f.template(rhsTok)
	if !ok {
		return
	}

	if n := (stop-start)/step + 1; n > maxGenerate {
		f.errorf(&args[0], "$GENERATE range %q makes %d records; sendlint reads the first %d only",
			args[0].s, n, maxGenerate)
		stop = start + (maxGenerate-1)*step
	}
	var toks []token
	for v := start; v <= stop; v += step {
		owner, msg := lhs.expand(v)
		if msg != "" {
			f.errorf(lhsTok, "%s", msg)
			return
		}
		data, msg := rhs.expand(v)
		if msg != "" {
			f.errorf(rhsTok, "%s", msg)
			return
		}
		toks = append(toks[:0], at(token{s: owner}, lhsTok))
		toks = append(toks, mid...)
		if toks, ok = f.generatedData(toks, data, rhsTok); !ok {
			return
		}
		if !f.record(&entry{toks: toks}) {
			return
		}
	}
}

// generatedData splits the expanded data into fields and appends them to
// toks, each pointing at the data template.
func (f *zfile) generatedData(toks []token, data string, rhs *token) ([]token, bool) {
	lx := newLexer(data, f.display)
	var problem string
	lx.report = func(_ lint.Range, msg string) {
		if problem == "" {
			problem = msg
		}
	}
	for e := lx.next(); e != nil; e = lx.next() {
		for _, t := range e.toks {
			toks = append(toks, at(t, rhs))
		}
	}
	if problem != "" {
		f.errorf(rhs, "$GENERATE data %q does not parse: %s", data, problem)
		return toks, false
	}
	return toks, true
}

// at returns t moved to the position of the template token p.
func at(t token, p *token) token {
	t.line, t.col, t.endLine, t.endCol = p.line, p.col, p.endLine, p.endCol
	return t
}

// parseRange reads a $GENERATE range: START-STOP or START-STOP/STEP.
func parseRange(s string) (start, stop, step int64, ok bool) {
	step = 1
	if r, st, found := strings.Cut(s, "/"); found {
		v, ok := parseUint(st, math.MaxInt32)
		if !ok || v == 0 {
			return 0, 0, 0, false
		}
		s, step = r, int64(v)
	}
	a, b, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, 0, false
	}
	x, ok1 := parseUint(a, math.MaxInt32)
	y, ok2 := parseUint(b, math.MaxInt32)
	if !ok1 || !ok2 || x > y {
		return 0, 0, 0, false
	}
	return int64(x), int64(y), step, true
}

// template is a parsed $GENERATE owner or data template.
type template []tmplPart

// tmplPart is literal text, or the iterator with its modifiers.
type tmplPart struct {
	lit    string
	subst  bool
	offset int64
	width  int
	base   byte
}

// template parses the text of t as a $GENERATE template. Escapes are
// kept for the name or data reader, except that an escaped quote in a
// quoted template is a plain quote, as BIND's reader leaves it.
func (f *zfile) template(t *token) (template, bool) {
	s := t.s
	if t.quoted {
		s = strings.ReplaceAll(s, `\"`, `"`)
	}
	var tm template
	lit := 0 // start of the pending literal
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '$':
			tm = append(tm, tmplPart{lit: s[lit:i] + "$"})
			i++
			lit = i + 1
		case s[i] == '$':
			p := tmplPart{subst: true, base: 'd'}
			end := i
			if i+1 < len(s) && s[i+1] == '{' {
				rb := strings.IndexByte(s[i:], '}')
				if rb < 0 || !parseModifier(s[i+2:i+rb], &p) {
					f.errorf(t, "bad $GENERATE modifier in %q; expected ${offset[,width[,base]]} "+
						"with base d, o, x, X, n or N", s[i:])
					return nil, false
				}
				end = i + rb
			}
			tm = append(tm, tmplPart{lit: s[lit:i]}, p)
			i = end
			lit = end + 1
		}
	}
	if lit < len(s) {
		tm = append(tm, tmplPart{lit: s[lit:]})
	}
	return tm, true
}

// parseModifier reads "offset[,width[,base]]".
func parseModifier(s string, p *tmplPart) bool {
	fields := strings.Split(s, ",")
	if len(fields) > 3 {
		return false
	}
	off, err := strconv.ParseInt(fields[0], 10, 32)
	if err != nil {
		return false
	}
	p.offset = off
	if len(fields) > 1 {
		w, ok := parseUint(fields[1], maxName)
		if !ok {
			return false
		}
		p.width = int(w)
	}
	if len(fields) > 2 {
		if len(fields[2]) != 1 || !strings.Contains("doxXnN", fields[2]) {
			return false
		}
		p.base = fields[2][0]
	}
	return true
}

// expand returns the template's text for value v.
func (tm template) expand(v int64) (string, string) {
	var b strings.Builder
	for _, p := range tm {
		if !p.subst {
			b.WriteString(p.lit)
			continue
		}
		n := v + p.offset
		if n < 0 {
			return "", fmt.Sprintf("$GENERATE offset %d makes the value %d negative", p.offset, n)
		}
		b.WriteString(p.format(n))
	}
	return b.String(), ""
}

// format writes n in the part's base, padded with zeros to its width. In
// nibble mode (n, N) the hex digits are written least significant first,
// separated by dots, and the width counts the dots too.
func (p tmplPart) format(n int64) string {
	var digits string
	switch p.base {
	case 'o':
		digits = strconv.FormatInt(n, 8)
	case 'x', 'n':
		digits = strconv.FormatInt(n, 16)
	case 'X', 'N':
		digits = strings.ToUpper(strconv.FormatInt(n, 16))
	default:
		digits = strconv.FormatInt(n, 10)
	}
	if p.base != 'n' && p.base != 'N' {
		if pad := p.width - len(digits); pad > 0 {
			digits = strings.Repeat("0", pad) + digits
		}
		return digits
	}

	var b strings.Builder
	for i, left := len(digits)-1, p.width; ; i-- {
		d := byte('0')
		if i >= 0 {
			d = digits[i]
		}
		b.WriteByte(d)
		left--
		if i <= 0 && left <= 0 {
			break
		}
		b.WriteByte('.')
		left--
		if i <= 0 && left <= 0 {
			break
		}
	}
	return b.String()
}
