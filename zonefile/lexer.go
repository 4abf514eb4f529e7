package zonefile

import (
	"fmt"
	"io"
	"strings"

	"github.com/sendlint/sendlint/lint"
)

// maxEntryTokens bounds the tokens kept for one entry. A TXT record's data
// holds at most 65535 bytes (RFC 1035 §3.3), so no valid record comes near
// it; an unclosed parenthesis in a huge file would otherwise keep every
// token of the rest of the file in memory.
const maxEntryTokens = 70000

// token is one word or quoted string of a zone file. For a quoted string,
// s is the text between the quotes with its escapes not yet decoded, and
// line and col point at the opening quote.
type token struct {
	s         string
	line, col int
	// endLine and endCol are just after the token's last byte (after the
	// closing quote of a quoted string).
	endLine, endCol int
	quoted          bool
	// esc reports a backslash in s, so that s needs decoding.
	esc bool
}

// pos returns where the token starts.
func (t *token) pos() lint.Pos { return lint.Pos{Line: t.line, Column: t.col} }

// textPos returns where the token's text starts: after the opening quote
// of a quoted string.
func (t *token) textPos() lint.Pos {
	if t.quoted {
		return lint.Pos{Line: t.line, Column: t.col + 1}
	}
	return t.pos()
}

// end returns the position just after the token.
func (t *token) end() lint.Pos { return lint.Pos{Line: t.endLine, Column: t.endCol} }

// multiline reports whether the token spans lines (an escaped newline).
func (t *token) multiline() bool { return t.endLine != t.line }

// entry is one logical line of a zone file (RFC 1035 §5.1): the tokens of
// a record or directive, with parenthesised groups joined.
type entry struct {
	toks []token
	// blankOwner reports that the entry's first line starts with blank
	// space, so a record inherits the previous owner name.
	blankOwner bool
	// bad reports that the lexer already reported a problem in the entry,
	// which is then skipped without further findings.
	bad bool
	// full reports that the entry reached maxEntryTokens.
	full bool

	// problems and comments met inside the entry are passed on only when
	// the entry is complete, so that an entry dropped for an unclosed
	// parenthesis does not report them twice when its text is read again.
	problems []note
	comments []note
}

// note is a problem or a comment waiting for its entry to complete.
type note struct {
	text string
	rg   lint.Range
}

// chunkSize is how much of a file the lexer reads at a time; tests make
// it small to cross window ends everywhere.
var chunkSize = 512 << 10

// lexer splits zone text into entries. It never fails: problems are
// passed to report and the entry holding them is marked bad.
//
// A lexer reading a file holds only a window of it in src: the entry being
// read and what follows. Tokens are substrings of the window, so whatever
// outlives an entry must be copied out of them, or it would keep the
// window in memory.
type lexer struct {
	src       string
	i         int // read offset in src
	line      int // line of src[i], from 1
	lineStart int // offset in src of the current line's first byte
	file      string

	// r is the file being read, nil when src holds all of the text; eof
	// is set once r has nothing more.
	r       io.Reader
	eof     bool
	filled  bool  // a first window was read
	readErr error // why reading r stopped early

	// report, when set, receives lexer problems; comment, when set,
	// receives every comment's text (after the ';') and range.
	report  func(rg lint.Range, msg string)
	comment func(text string, rg lint.Range)

	// restarted is set once the lexer went back after an unclosed
	// parenthesis; it does so only once per file, so that hostile input
	// cannot make it read the file many times.
	restarted bool

	ent entry
}

// newLexer returns a lexer of text held in memory.
func newLexer(src, file string) *lexer {
	lx := &lexer{src: src, line: 1, file: file, eof: true, filled: true}
	lx.skipBOM()
	return lx
}

// newFileLexer returns a lexer that reads r a window at a time.
func newFileLexer(r io.Reader, file string) *lexer {
	return &lexer{r: r, line: 1, file: file}
}

// skipBOM steps over a UTF-8 byte order mark at the start of the text;
// columns still count its three bytes.
func (lx *lexer) skipBOM() {
	if strings.HasPrefix(lx.src, "\xef\xbb\xbf") {
		lx.i = 3
	}
}

// mark is a position the lexer can go back to.
type mark struct{ i, line, lineStart int }

// fill reads more of the file into the window, keeping the text from the
// line of m on, and goes back to m. A window grows as needed to hold one
// entry, doubling so that a huge entry costs linear time.
func (lx *lexer) fill(m mark) {
	keep := lx.src[m.lineStart:]
	n := max(chunkSize, len(keep), 3) // 3: a byte order mark fits in the first window
	var b strings.Builder
	b.Grow(len(keep) + n)
	b.WriteString(keep)
	if _, err := io.CopyN(&b, lx.r, int64(n)); err != nil {
		lx.eof = true
		if err != io.EOF {
			lx.readErr = err
		}
	}

	lx.src = b.String()
	lx.i, lx.line, lx.lineStart = m.i-m.lineStart, m.line, 0
	if !lx.filled {
		lx.filled = true
		lx.skipBOM()
	}
}

// delim marks the bytes that end an unquoted word.
var delim = [256]bool{
	' ': true, '\t': true, '\r': true, '\n': true,
	';': true, '(': true, ')': true, '"': true,
}

// next returns the next entry that has tokens, or nil at the end of the
// text. The entry and its tokens are reused by the following call.
func (lx *lexer) next() *entry {
	for {
		e := lx.read()
		if e == nil || len(e.toks) > 0 {
			return e
		}
	}
}

// read returns the next entry, which has no tokens when it is a blank or
// comment line or holds only parentheses, or nil at the end of the text. When the window ends
// inside the entry, it reads more of the file and scans the entry again.
func (lx *lexer) read() *entry {
	for {
		m := mark{lx.i, lx.line, lx.lineStart}
		if e, ok := lx.scan(); ok {
			return e
		}
		lx.fill(m)
	}
}

// scan reads an entry from the window. It returns false when the window
// ends before the entry does and more of the file is left.
func (lx *lexer) scan() (*entry, bool) {
	e := &lx.ent
	e.toks, e.problems, e.comments = e.toks[:0], e.problems[:0], e.comments[:0]
	e.blankOwner, e.bad, e.full = false, false, false
	depth := 0
	var open lint.Pos // the outermost open parenthesis
	openOff := 0
	started := false // the entry has a token or a parenthesis

	for lx.i < len(lx.src) {
		c := lx.src[lx.i]
		if !started && !isBlank(c) && c != '\n' && c != ';' {
			started = true
			e.blankOwner = isBlank(lx.src[lx.lineStart]) && lx.src[lx.lineStart] != '\r'
		}
		switch c {
		case ' ', '\t', '\r':
			lx.i++
		case '\n':
			lx.newline(lx.i + 1)
			if depth == 0 {
				// An entry ends here; a line of blanks or a comment is an
				// entry without tokens, so that a window need not hold
				// the comments before a record.
				return lx.flush(e), true
			}
		case ';':
			lx.skipComment(e)
		case '(':
			if depth == 0 {
				open, openOff = lx.pos(), lx.i
			}
			depth++
			lx.i++
		case ')':
			if depth == 0 {
				lx.problem(e, lx.pos(), 1, `unbalanced parenthesis: ")" without a matching "("`)
			} else {
				depth--
			}
			lx.i++
		case '"':
			lx.quoted(e)
		default:
			lx.word(e)
		}
	}

	if !lx.eof {
		return nil, false
	}
	if depth > 0 {
		return lx.unclosed(e, open, openOff), true
	}
	lx.flush(e)
	if started {
		return e, true
	}
	return nil, true
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// flush passes on the entry's problems and comments and returns it.
func (lx *lexer) flush(e *entry) *entry {
	if lx.report != nil {
		for _, n := range e.problems {
			lx.report(n.rg, n.text)
		}
	}
	if lx.comment != nil {
		for _, n := range e.comments {
			lx.comment(n.text, n.rg)
		}
	}
	return e
}

// unclosed reports a parenthesis opened at open (offset off) that the
// file never closes. The entry is dropped; reading goes on at the line
// after the parenthesis, once per file, so that one typo does not swallow
// the rest of the zone.
func (lx *lexer) unclosed(e *entry, open lint.Pos, off int) *entry {
	e.toks, e.problems, e.comments = e.toks[:0], e.problems[:0], e.comments[:0]
	lx.problem(e, open, 1, fmt.Sprintf(
		`unbalanced parenthesis opened at line %d; expected ")" before the end of the file`, open.Line))
	lx.flush(e)

	nl := strings.IndexByte(lx.src[off:], '\n')
	if lx.restarted || nl < 0 {
		return nil
	}
	lx.restarted = true
	lx.i, lx.line, lx.lineStart = off+nl+1, open.Line+1, off+nl+1
	return lx.read()
}

func (lx *lexer) newline(next int) {
	lx.i = next
	lx.line++
	lx.lineStart = next
}

// pos returns the position of the read offset.
func (lx *lexer) pos() lint.Pos {
	return lint.Pos{Line: lx.line, Column: lx.i - lx.lineStart + 1}
}

// problem notes a problem n bytes long at p and marks the entry bad.
func (lx *lexer) problem(e *entry, p lint.Pos, n int, msg string) {
	rg := lint.Range{File: lx.file, Start: p}
	if n > 0 {
		rg.End = lint.Pos{Line: p.Line, Column: p.Column + n}
	}
	e.problems = append(e.problems, note{text: msg, rg: rg})
	e.bad = true
}

// skipComment reads a comment up to the end of its line.
func (lx *lexer) skipComment(e *entry) {
	start := lx.pos()
	end := len(lx.src)
	if nl := strings.IndexByte(lx.src[lx.i:], '\n'); nl >= 0 {
		end = lx.i + nl
	}
	text := lx.src[lx.i+1 : end]
	lx.i = end
	if lx.comment == nil {
		return
	}

	text = strings.TrimRight(text, " \t\r")
	e.comments = append(e.comments, note{text: text, rg: lint.Range{
		File:  lx.file,
		Start: start,
		End:   lint.Pos{Line: start.Line, Column: start.Column + 1 + len(text)},
	}})
}

// word reads an unquoted word. A backslash takes the next byte literally,
// even a blank or a newline.
func (lx *lexer) word(e *entry) {
	start, p := lx.i, lx.pos()
	esc := false
	i := lx.i
	for i < len(lx.src) && !delim[lx.src[i]] {
		if lx.src[i] != '\\' {
			i++
			continue
		}
		esc = true
		i++
		if i < len(lx.src) {
			if lx.src[i] == '\n' {
				lx.line++
				lx.lineStart = i + 1
			}
			i++
		}
	}
	lx.i = i
	lx.add(e, token{s: lx.src[start:i], line: p.Line, col: p.Column,
		endLine: lx.line, endCol: i - lx.lineStart + 1, esc: esc})
}

// quoted reads a quoted string. A backslash escapes the next byte, so an
// escaped newline continues the string on the next line; an unescaped
// newline ends it with a problem, as in BIND.
func (lx *lexer) quoted(e *entry) {
	open, p := lx.i, lx.pos()
	esc := false
	i := lx.i + 1
	for i < len(lx.src) {
		switch lx.src[i] {
		case '"':
			lx.i = i + 1
			lx.add(e, token{s: lx.src[open+1 : i], line: p.Line, col: p.Column,
				endLine: lx.line, endCol: lx.i - lx.lineStart + 1, quoted: true, esc: esc})
			return
		case '\n':
			lx.i = i
			lx.problem(e, p, 1, `unterminated quoted string; expected a closing '"' on the same line`)
			return
		case '\\':
			esc = true
			i++
			if i < len(lx.src) && lx.src[i] == '\n' {
				lx.line++
				lx.lineStart = i + 1
			}
		}
		i++
	}
	lx.i = len(lx.src)
	lx.problem(e, p, 1, `unterminated quoted string; expected a closing '"' before the end of the file`)
}

// add appends t to the entry, up to maxEntryTokens.
func (lx *lexer) add(e *entry, t token) {
	if len(e.toks) < maxEntryTokens {
		e.toks = append(e.toks, t)
		return
	}
	if !e.full {
		e.full = true
		lx.problem(e, t.pos(), 0, fmt.Sprintf(
			"entry has more than %d words; is a parenthesis left open?", maxEntryTokens))
	}
}
