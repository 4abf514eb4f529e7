package zonefile

import (
	"fmt"
	"io/fs"
	"strings"

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
	// from, so that a large zone does not cost one allocation each; dirty
	// is set when the next record slot holds a dropped record.
	recs  []lint.Record
	texts []lint.TextString
	dirty bool
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
	// ownerBad is set when the last owner name did not parse, so that
	// the records that inherit it are skipped without findings of their
	// own.
	ownerBad bool
}

func (l *loader) newFile(display, rel string, info fs.FileInfo) *zfile {
	f := &zfile{l: l, display: display, rel: rel, info: info}
	f.rep = reporter{st: l.st, domain: &l.apex}
	return f
}

// readable reports and returns false for text that is binary, not UTF-8
// or unreadable.
func (f *zfile) readable(t text) bool {
	r, err := t.reader()
	var bad *badText
	if err == nil {
		bad, err = checkText(r, t.size())
	}
	switch {
	case err != nil:
		f.cannotRead(err)
		return false
	case bad != nil:
		f.rep.add(ruleSyntax, 0, lint.Range{File: f.display, Start: bad.pos,
			End: lint.Pos{Line: bad.pos.Line, Column: bad.pos.Column + 1}}, bad.msg)
		return false
	}
	return true
}

func (f *zfile) cannotRead(err error) {
	f.rep.add(ruleSyntax, 0, lint.Range{File: f.display}, "cannot read zone file: "+describeOSError(err))
}

// begin makes the lexer that reads t for f.
func (f *zfile) begin(t text) bool {
	lx, err := t.lexer(f.display)
	if err != nil {
		f.cannotRead(err)
		return false
	}
	lx.report = func(rg lint.Range, msg string) { f.rep.add(ruleSyntax, 0, rg, msg) }
	lx.comment = f.comment
	f.lx = lx
	return true
}

// load reads the outermost zone file. Its origin is, in this order, the
// first $ORIGIN before any relative name, an absolute SOA owner,
// Options.Origin and the file name (DESIGN.md §3).
func (l *loader) load(t text, display, rel string, info fs.FileInfo) {
	l.apex = fallbackOrigin(l.opt, display)
	f := l.newFile(display, rel, info)
	if !f.readable(t) {
		f.rep.close()
		return
	}
	if lx, err := t.lexer(""); err == nil {
		if o := prescan(lx); o != "" {
			l.apex = o
		}
	}
	if !f.begin(t) {
		f.rep.close()
		return
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
	if err := f.lx.readErr; err != nil {
		f.rep.add(ruleSyntax, 0, lint.Point(f.display, f.lx.pos()),
			"cannot read the rest of the zone file: "+describeOSError(err))
	}
	f.rep.close()
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
	f.ownerBad = !ok
	if !ok {
		f.owner, f.ownerText = "", ""
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

// slot returns the slab slot the next record is read into, so that it is
// written in place and not copied; commit adds it to the state.
func (l *loader) slot() *lint.Record {
	if len(l.recs) == cap(l.recs) {
		l.recs = make([]lint.Record, 0, slabSize(cap(l.recs)))
	}
	r := &l.recs[:len(l.recs)+1][len(l.recs)]
	if l.dirty {
		*r = lint.Record{}
		l.dirty = false
	}
	return r
}

// drop gives back the slot of a record that was not added.
func (l *loader) drop() { l.dirty = true }

// commit adds the record in the current slot to the state.
func (l *loader) commit(r *lint.Record) {
	l.recs = l.recs[:len(l.recs)+1]
	l.st.Add(r)
}

// textSlots returns n character-string slots from the slab; keepText
// keeps the first n slots taken.
func (l *loader) textSlots(n int) []lint.TextString {
	if cap(l.texts)-len(l.texts) < n {
		l.texts = make([]lint.TextString, 0, max(n, slabSize(cap(l.texts))))
	}
	k := len(l.texts)
	return l.texts[k : k+n : k+n]
}

func (l *loader) keepText(n int) { l.texts = l.texts[:len(l.texts)+n] }

// slabSize returns the size of the next slab after one of n: small for
// small zones, up to 4096 for large ones.
func slabSize(n int) int {
	return min(max(2*n, 16), 4096)
}
