package zonefile

import (
	"strings"

	"github.com/sendlint/sendlint/lint"
)

// maxRData is the most data a resource record can hold (RFC 1035 §3.2.1:
// RDLENGTH is 16 bits).
const maxRData = 65535

// text reads the character-strings of a TXT or SPF record (RFC 1035
// §3.3.14, RFC 7208 §3.3) into r.Text. A string over 255 bytes is kept
// whole: the txt-string-too-long and spf-record-length rules report it
// with advice on how to split it.
func (f *zfile) text(r *lint.Record, h header) bool {
	strs := f.l.textSlots(len(h.data))
	size := 0
	for i := range h.data {
		s, ok := f.charString(&h.data[i])
		if !ok {
			clear(strs)
			return false
		}
		strs[i] = s
		size += 1 + len(s.Value)
	}
	if size > maxRData {
		clear(strs)
		f.errorf(h.typeTok, "%s record data is %d bytes long; a DNS record holds at most %d",
			h.typeTok.s, size, maxRData)
		return false
	}

	f.l.keepText(len(strs))
	r.Text = strs
	return true
}

// charString decodes one character-string, quoted or not, with its \X and
// \DDD escapes (RFC 1035 §5.1). Cols is set when escapes make the columns
// of its bytes differ from their offsets, unless the string spans lines.
func (f *zfile) charString(t *token) (lint.TextString, bool) {
	p := t.textPos()
	if !t.esc {
		// A copy, so that the record does not keep the lexer's window.
		return lint.TextString{Value: strings.Clone(t.s), Pos: p}, true
	}

	b := make([]byte, 0, len(t.s))
	var cols []int32
	for i := 0; i < len(t.s); {
		c, n := t.s[i], 1
		if c == '\\' {
			var msg string
			if c, n, msg = unescape(t.s[i:], "character-string"); msg != "" {
				f.rep.add(ruleSyntax, 0, f.escapeRange(t, p, i, n), msg)
				return lint.TextString{}, false
			}
		}
		if !t.multiline() {
			cols = append(cols, int32(p.Column+i))
		}
		b = append(b, c)
		i += n
	}
	return lint.TextString{Value: string(b), Pos: p, Cols: cols}, true
}

// escapeRange returns the range of a bad escape at offset i of t's text,
// or t's range when the token spans lines.
func (f *zfile) escapeRange(t *token, p lint.Pos, i, n int) lint.Range {
	if t.multiline() {
		return f.tokenRange(t)
	}
	n = max(n, min(4, len(t.s)-i))
	start := lint.Pos{Line: p.Line, Column: p.Column + i}
	return lint.Range{File: f.display, Start: start, End: lint.Pos{Line: p.Line, Column: start.Column + n}}
}
