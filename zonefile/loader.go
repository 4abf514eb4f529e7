package zonefile

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/sendlint/sendlint/lint"
)

// loader holds what one Load call shares between the zone file and the
// files it includes.
type loader struct {
	st  *lint.State
	opt Options

	// apex is the zone's origin, canonical: the SOA owner once the SOA is
	// read, the file's initial origin before, "" when neither is known.
	apex string
	// soa is set once the zone's SOA record is read.
	soa    bool
	soaMin uint32
	// originReported is set once zone-origin-unknown was reported; later
	// relative names are skipped without a finding of their own.
	originReported bool

	// TTLs for records that state none (RFC 1035 §5.1, RFC 2308 §4): the
	// $TTL value, else the last TTL stated, else the SOA minimum.
	defTTL, lastTTL uint32
	defSet, lastSet bool

	// files are the files being read, outermost first, for $INCLUDE loop
	// and depth checks.
	files []*zfile

	// recs and texts are slabs the records and their strings are cut
	// from, so that a large zone does not cost one allocation each.
	recs  []lint.Record
	texts []lint.TextString
	txt   []lint.TextString // scratch for the record being read
}

func newLoader(st *lint.State, opt Options) *loader {
	return &loader{st: st, opt: opt}
}

// zfile is the state of one file being read.
type zfile struct {
	l   *loader
	lx  *lexer
	rep reporter
	// display is the path shown in findings; rel is the slash path inside
	// the repository root that $INCLUDE paths are resolved against, or ""
	// when the file is not inside it.
	display, rel string
	info         fs.FileInfo

	// origin is the current origin, canonical, "" when unknown.
	origin string
	// owner is the previous record's owner, which a record whose line
	// starts with a blank inherits; ownerText and ownerOrigin are the token
	// and origin it was read from, so that a repeated owner is not read
	// again.
	owner, ownerText, ownerOrigin string
}

func (l *loader) newFile(src, display, rel string, info fs.FileInfo) *zfile {
	f := &zfile{l: l, display: display, rel: rel, info: info}
	f.rep = reporter{st: l.st, domain: &l.apex}
	f.lx = newLexer(src, display)
	f.lx.report = func(rg lint.Range, msg string) { f.rep.add(ruleSyntax, 0, rg, msg) }
	f.lx.comment = f.comment
	if strings.HasPrefix(src, "\xef\xbb\xbf") {
		f.lx.i = 3 // a UTF-8 byte order mark; columns still count it
	}
	return f
}

// load reads the outermost zone file. Its origin is, in this order, the
// first $ORIGIN before any relative name, an absolute SOA owner,
// Options.Origin and the file name (DESIGN.md §3).
func (l *loader) load(src, display, rel string, info fs.FileInfo) {
	l.apex = fallbackOrigin(l.opt, display)
	f := l.newFile(src, display, rel, info)
	if !f.checkText() {
		f.rep.close()
		return
	}

	if o := prescan(src); o != "" {
		l.apex = o
	}
	origin := l.apex
	f.origin = origin
	f.run()

	// A file without SOA still declares the zone of its origin.
	if !l.soa && origin != "" {
		l.st.AddZone(origin, lint.Range{File: display, Start: lint.Pos{Line: 1, Column: 1}})
	}
}

// fallbackOrigin returns the origin of a file that does not state its
// own: the configured one, else the one its name implies.
func fallbackOrigin(opt Options, display string) string {
	if s := strings.TrimSpace(opt.Origin); s != "" {
		return lint.CanonicalName(s)
	}
	return OriginFromFileName(display)
}

// run reads the file's entries.
func (f *zfile) run() {
	f.l.files = append(f.l.files, f)
	defer func() { f.l.files = f.l.files[:len(f.l.files)-1] }()

	for e := f.lx.next(); e != nil; e = f.lx.next() {
		if e.bad {
			continue
		}
		t := &e.toks[0]
		if !e.blankOwner && !t.quoted && strings.HasPrefix(t.s, "$") {
			f.directive(t, e.toks[1:])
			continue
		}
		f.record(e)
	}
	f.rep.close()
}

// checkText reports a file that is binary (holds a NUL byte) or not
// UTF-8 text, once, and returns false for it: such a file is not read
// further, since each of its lines would be an error of its own.
func (f *zfile) checkText() bool {
	src := f.lx.src
	if i := strings.IndexByte(src, 0); i >= 0 {
		f.rep.add(ruleSyntax, 0, f.rangeAt(i),
			"file holds a NUL byte, so it is binary data and not a zone file; nothing in it was loaded")
		return false
	}
	if utf8.ValidString(src) {
		return true
	}

	i := 0
	for i < len(src) {
		r, n := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	f.rep.add(ruleSyntax, 0, f.rangeAt(i), fmt.Sprintf(
		"file is not UTF-8 text: byte 0x%02x here is not valid UTF-8; save the file as UTF-8 (nothing in it was loaded)",
		src[i]))
	return false
}

// rangeAt returns a one-byte range at offset off of the file.
func (f *zfile) rangeAt(off int) lint.Range {
	src := f.lx.src
	line := 1 + strings.Count(src[:off], "\n")
	col := off - (strings.LastIndexByte(src[:off], '\n') + 1) + 1
	return lint.Range{
		File:  f.display,
		Start: lint.Pos{Line: line, Column: col},
		End:   lint.Pos{Line: line, Column: col + 1},
	}
}

// errorf reports a zone-syntax finding at token t.
func (f *zfile) errorf(t *token, format string, args ...any) {
	f.rep.add(ruleSyntax, 0, f.tokenRange(t), fmt.Sprintf(format, args...))
}

func (f *zfile) tokenRange(t *token) lint.Range {
	return lint.Range{File: f.display, Start: t.pos(), End: t.end()}
}

// originUnknown reports, once per Load, a relative name at t whose origin
// cannot be known. It returns false so that callers can skip the record.
func (f *zfile) originUnknown(t *token) bool {
	if f.l.originReported {
		return false
	}
	f.l.originReported = true
	f.rep.add(ruleOrigin, 0, f.tokenRange(t), fmt.Sprintf(
		"relative name %q cannot be completed: the zone's origin is unknown; "+
			"add `$ORIGIN example.com.` or map the file under `zones:` in sendlint.yaml", t.s))
	return false
}

// name reads a domain name token, completing a relative name with the
// current origin.
func (f *zfile) name(t *token) (string, bool) {
	if t.quoted {
		f.errorf(t, "expected a domain name, found the quoted string %q", t.s)
		return "", false
	}
	if t.s == "@" || !isAbsolute(t.s) {
		if f.origin == "" {
			return "", f.originUnknown(t)
		}
		if t.s == "@" {
			return f.origin, true
		}
	}

	n, msg := canonical(t.s, f.origin)
	if msg != "" {
		f.errorf(t, "%s", msg)
		return "", false
	}
	return n, true
}

// ownerName reads the owner name of a record, reusing the previous one
// when the token and origin are the same.
func (f *zfile) ownerName(t *token) (string, bool) {
	if f.owner != "" && t.s == f.ownerText && f.origin == f.ownerOrigin && !t.quoted {
		return f.owner, true
	}
	n, ok := f.name(t)
	if !ok {
		return "", false
	}
	f.owner, f.ownerText, f.ownerOrigin = n, t.s, f.origin
	return n, true
}

// inZone reports whether owner is inside the zone. A record outside it is
// a warning, as BIND ignores such records when it loads the zone.
func (f *zfile) inZone(owner string, t *token) bool {
	apex := f.l.apex
	if apex == "" || lint.IsSubdomain(owner, apex) {
		return true
	}
	f.rep.add(ruleSyntax, lint.Warning, f.tokenRange(t), fmt.Sprintf(
		"record owner %q is out of zone %q, so name servers ignore the record", owner, apex))
	return false
}

// add adds a copy of r, with the character-strings in l.txt, to the state.
func (l *loader) add(r *lint.Record) {
	if n := len(l.txt); n > 0 {
		if cap(l.texts)-len(l.texts) < n {
			l.texts = make([]lint.TextString, 0, max(n, slabSize(cap(l.texts))))
		}
		start := len(l.texts)
		l.texts = append(l.texts, l.txt...)
		r.Text = l.texts[start : start+n : start+n]
	}
	if len(l.recs) == cap(l.recs) {
		l.recs = make([]lint.Record, 0, slabSize(cap(l.recs)))
	}
	l.recs = append(l.recs, *r)
	l.st.Add(&l.recs[len(l.recs)-1])
}

// slabSize returns the size of the next slab after one of n: small for
// small zones, up to 4096 for large ones.
func slabSize(n int) int {
	return min(max(2*n, 16), 4096)
}
