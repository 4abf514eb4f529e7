package zonefile

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"syscall"
)

// maxIncludeDepth bounds how deep $INCLUDE files may nest.
const maxIncludeDepth = 16

// include reads `$INCLUDE file [origin]` (RFC 1035 §5.1). The file is
// opened through Options.Root, relative to the including file's
// directory, so that neither ".." nor a symbolic link can reach outside
// the repository. The origin, given or inherited, applies to the included
// file only; the including file goes on with its own. A refused include
// is a finding that shows nothing of the target.
func (f *zfile) include(t *token, args []token) {
	switch {
	case len(args) == 0:
		f.errorf(t, "$INCLUDE needs a file name")
		return
	case len(args) > 2:
		f.errorf(&args[2], "unexpected %q after $INCLUDE file and origin", args[2].s)
		return
	}
	s, ok := f.charString(&args[0])
	if !ok {
		return
	}
	name := s.Value
	origin := f.origin
	if len(args) == 2 {
		if origin, ok = f.name(&args[1]); !ok {
			return
		}
	}

	target, why := f.includeTarget(name)
	if why != "" {
		f.errorf(&args[0], "$INCLUDE %q %s", name, why)
		return
	}
	file, info, why := f.openInclude(target)
	if why != "" {
		f.errorf(&args[0], "$INCLUDE %q %s", name, why)
		return
	}
	defer file.Close()

	sub := f.l.newFile(path.Join(path.Dir(f.display), name), target, info)
	sub.origin = origin
	sub.owner, sub.ownerText, sub.ownerOrigin, sub.ownerBad = f.owner, f.ownerText, f.ownerOrigin, f.ownerBad
	src := text{f: file}
	if !sub.readable(src) || !sub.begin(src) {
		sub.rep.close()
		return
	}
	sub.run()
}

// includeTarget returns the path inside the root of an included file, or
// why it is refused.
func (f *zfile) includeTarget(name string) (string, string) {
	target := path.Join(path.Dir(f.rel), name)
	switch {
	case f.l.opt.Root == nil:
		return "", "was not read: includes are followed only inside a repository root, and none is set"
	case path.IsAbs(name):
		return "", "refused: an absolute path leads outside the repository; give a path relative to this file"
	case f.rel == "":
		return "", "refused: the including file is outside the repository root"
	case !fs.ValidPath(target):
		return "", "refused: it leads outside the repository root"
	case len(f.l.files) >= maxIncludeDepth:
		return "", "refused: includes nest more than 16 files deep"
	}
	return target, ""
}

// openInclude opens an included file through the root, or says why it
// cannot: missing, outside the root through a symbolic link, not a
// regular file, or already being read (an include loop).
func (f *zfile) openInclude(target string) (*os.File, fs.FileInfo, string) {
	file, err := f.l.opt.Root.Open(target)
	if err != nil {
		return nil, nil, describeOpenError(err)
	}
	info, err := file.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = errNotRegular
	}
	if err != nil {
		file.Close()
		return nil, nil, describeOpenError(err)
	}

	for _, g := range f.l.files {
		if g.rel == target || (g.info != nil && os.SameFile(g.info, info)) {
			file.Close()
			return nil, nil, "refused: it is already being read, so including it would loop"
		}
	}
	return file, info, ""
}

// describeOpenError says why an included file could not be opened. An
// error that is not the operating system's is os.Root refusing a path
// that leaves the root.
func describeOpenError(err error) string {
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "was not found in the repository"
	case errors.Is(err, errNotRegular):
		return "is not a regular file"
	case errors.As(err, &errno):
		return "cannot be read: " + errno.Error()
	}
	return "refused: it leads outside the repository root"
}
