package zonefile

import (
	"errors"
	"fmt"
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
	src, info, err := readFile(path)
	if err != nil {
		st.Problems = append(st.Problems, lint.Finding{
			Rule:    ruleSyntax,
			Message: "cannot read zone file: " + describeOSError(err),
			Domain:  fallbackOrigin(opt, display),
			Range:   lint.Range{File: display},
		})
		return
	}

	l := newLoader(st, opt)
	l.load(src, display, rootRelative(opt.Root, path, display), info)
}

// LoadBytes does the same for zone text already in memory (tests use it).
// $INCLUDE paths are resolved relative to the directory of display inside
// opt.Root.
func LoadBytes(st *lint.State, display string, src []byte, opt Options) {
	l := newLoader(st, opt)
	l.load(string(src), display, path.Clean(display), nil)
}

// readFile reads a regular file into a string without copying it twice.
func readFile(name string) (string, fs.FileInfo, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", nil, err
	}
	defer f.Close()

	return readOpen(f)
}

// readOpen reads an open regular file whole.
func readOpen(f fs.File) (string, fs.FileInfo, error) {
	info, err := f.Stat()
	if err != nil {
		return "", nil, err
	}
	if !info.Mode().IsRegular() {
		return "", nil, errNotRegular
	}

	var b strings.Builder
	b.Grow(int(info.Size()) + 1)
	if _, err := io.Copy(&b, f); err != nil {
		return "", nil, err
	}
	return b.String(), info, nil
}

var errNotRegular = errors.New("not a regular file")

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

// Rule IDs of the findings the loader makes (DESIGN.md §8).
const (
	ruleSyntax = "zone-syntax"
	ruleOrigin = "zone-origin-unknown"
)

// maxFindings is how many findings one file reports before the rest are
// summed up in one last finding.
const maxFindings = 50

// reporter collects the findings of one file, up to maxFindings.
type reporter struct {
	st      *lint.State
	domain  *string // the zone's apex, once known
	count   int
	hidden  int
	firstRg lint.Range
}

func (r *reporter) add(rule string, sev lint.Severity, rg lint.Range, msg string) {
	r.count++
	if r.count > maxFindings {
		if r.hidden == 0 {
			r.firstRg = rg
		}
		r.hidden++
		return
	}
	r.st.Problems = append(r.st.Problems, lint.Finding{
		Rule:     rule,
		Severity: sev,
		Message:  msg,
		Domain:   *r.domain,
		Range:    rg,
	})
}

// close reports how many findings were left out, at the first of them.
func (r *reporter) close() {
	if r.hidden == 0 {
		return
	}
	r.st.Problems = append(r.st.Problems, lint.Finding{
		Rule:    ruleSyntax,
		Message: fmt.Sprintf("%d more errors not shown; fix the ones above and run again", r.hidden),
		Domain:  *r.domain,
		Range:   lint.Range{File: r.firstRg.File, Start: r.firstRg.Start},
	})
}
