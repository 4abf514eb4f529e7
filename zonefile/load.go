package zonefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/sendlint/sendlint/lint"
)

// Options configure loading one zone file.
type Options struct {
	// Origin is the origin from sendlint.yaml `zones:`, used when the file
	// has no $ORIGIN and no absolute SOA owner. "" means none configured.
	Origin string
	// Root is the repository root. $INCLUDE targets are opened through it
	// (os.Root), so neither ".." nor a symbolic link can lead out of it.
	// nil disables $INCLUDE (each one is then a zone-syntax finding).
	Root *os.Root
}

// Load reads the zone file at path (an OS path) and adds its zone, records,
// problems and sendlint:ignore directives to st. display is the path shown
// in findings (relative to the working directory, "/" separators).
//
// A file that cannot be read is one zone-syntax finding naming display and
// the operating system's reason.
func Load(st *lint.State, path, display string, opt Options) {
	file, info, err := openFile(path)
	if err != nil {
		st.Problems = append(st.Problems, lint.Finding{
			Rule:    ruleSyntax,
			Message: "cannot read zone file: " + describeOSError(err),
			Domain:  fallbackOrigin(opt, display),
			Range:   lint.Range{File: display},
		})
		return
	}
	defer file.Close()

	l := newLoader(st, opt)
	l.load(text{f: file}, display, rootRelative(opt.Root, path, display), info)
}

// LoadBytes does the same for zone text already in memory (tests use it).
// $INCLUDE paths are resolved relative to the directory of display inside
// opt.Root.
func LoadBytes(st *lint.State, display string, src []byte, opt Options) {
	l := newLoader(st, opt)
	l.load(text{s: string(src)}, display, path.Clean(display), nil)
}

// openFile opens a regular file.
func openFile(name string) (*os.File, fs.FileInfo, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = errNotRegular
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

var errNotRegular = errors.New("not a regular file")

// text is zone text that can be read more than once: an open file, which
// is read a window at a time, or a string.
type text struct {
	f io.ReadSeeker
	s string
}

// reader returns a reader of the text from its start.
func (t text) reader() (io.Reader, error) {
	if t.f == nil {
		return strings.NewReader(t.s), nil
	}
	if _, err := t.f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return t.f, nil
}

// size returns the length of text held in memory, or -1 for a file.
func (t text) size() int {
	if t.f != nil {
		return -1
	}
	return len(t.s)
}

// lexer returns a lexer of the text from its start.
func (t text) lexer(display string) (*lexer, error) {
	if t.f == nil {
		return newLexer(t.s, display), nil
	}
	r, err := t.reader()
	if err != nil {
		return nil, err
	}
	return newFileLexer(r, display), nil
}

// describeOSError returns the reason of an OS error without the path it
// names, which may be an absolute path on the machine.
func describeOSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

// rootRelative returns the slash path of file name inside root, which
// $INCLUDE paths are resolved against, or "" when name is not inside it.
// Without a root, display stands in for it.
func rootRelative(root *os.Root, name, display string) string {
	if root == nil {
		return path.Clean(display)
	}
	base, err := filepath.Abs(root.Name())
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return ""
	}
	return filepath.ToSlash(rel)
}
