// Package load finds the sources under the paths a user gives (DESIGN.md
// §3) and reads them into a lint.State.
package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sendlint/sendlint/config"
	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/zonefile"
)

// Options configure Load.
type Options struct {
	// Config is the loaded sendlint.yaml; nil means defaults.
	Config *config.Config
	// WorkDir is the directory display paths are relative to; "" means
	// the process's working directory.
	WorkDir string
	// Verbose, when not nil, receives a line per file read or skipped.
	Verbose io.Writer
}

// Kind is the kind of source a file holds.
type Kind int

// Source kinds.
const (
	KindNone Kind = iota
	KindZone
)

// PathError reports a path given on the command line that cannot be read
// at all; the CLI turns it into exit code 2.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *PathError) Unwrap() error { return e.Err }

// Load reads every source under paths into a new State. Files are taken as
// given; directories are walked, skipping .git, .terraform, node_modules,
// vendor and the config's ignore: globs. A path that does not exist is a
// *PathError; problems inside files are findings in State.Problems.
func Load(paths []string, opt Options) (*lint.State, error) {
	l, err := newLoader(opt)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}

	var files []source
	for _, p := range paths {
		found, err := l.discover(p)
		if err != nil {
			return nil, err
		}
		files = append(files, found...)
	}
	files = dedupe(files)
	included := includedFiles(files)

	st := lint.NewState()
	for _, f := range files {
		if included[f.abs] && !f.given {
			l.verbosef("skip %s: read through the file that includes it", f.display)
			continue
		}
		l.read(st, f)
	}
	l.addConfig(st)
	return st, nil
}

// source is one file to read.
type source struct {
	abs     string // absolute, cleaned
	display string // relative to the working directory, "/" separators
	kind    Kind
	given   bool // named on the command line or in the config
}

type loader struct {
	opt     Options
	workDir string
	cfg     *config.Config
}

func newLoader(opt Options) (*loader, error) {
	wd := opt.WorkDir
	if wd == "" {
		var err error
		if wd, err = os.Getwd(); err != nil {
			return nil, fmt.Errorf("working directory: %w", err)
		}
	}
	wd, err := filepath.Abs(wd)
	if err != nil {
		return nil, fmt.Errorf("working directory: %w", err)
	}
	cfg := opt.Config
	if cfg == nil {
		cfg = &config.Config{Dir: wd}
	}
	return &loader{opt: opt, workDir: wd, cfg: cfg}, nil
}

// discover lists the sources at p: p itself when it is a file, or the
// files of the kinds sendlint reads under it when it is a directory.
func (l *loader) discover(p string) ([]source, error) {
	abs := p
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(l.workDir, p)
	}
	abs = filepath.Clean(abs)
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, &PathError{Path: p, Err: unwrapPathErr(err)}
	}
	if !fi.IsDir() {
		kind := l.classify(abs)
		if kind == KindNone {
			// A file named on the command line is read as a zone file
			// when nothing else claims it, so "sendlint internal.txt"
			// does what the user asked.
			kind = KindZone
		}
		return []source{{abs: abs, display: l.display(abs), kind: kind, given: true}}, nil
	}

	var out []source
	err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable directory inside the tree is reported as a
			// finding-free skip in verbose mode; the rest goes on.
			l.verbosef("skip %s: %v", l.display(path), unwrapPathErr(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != abs && l.skipped(path, d.IsDir(), d.Name()) {
			l.verbosef("skip %s: ignored", l.display(path))
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if kind := l.classify(path); kind != KindNone {
			out = append(out, source{abs: path, display: l.display(path), kind: kind, given: l.inConfig(path)})
		}
		return nil
	})
	if err != nil {
		return nil, &PathError{Path: p, Err: err}
	}
	return out, nil
}

// skipDirs are never walked into.
var skipDirs = []string{".git", ".terraform", "node_modules", "vendor"}

func (l *loader) skipped(path string, isDir bool, name string) bool {
	if isDir && slices.Contains(skipDirs, name) {
		return true
	}
	rel, err := filepath.Rel(l.cfg.Dir, path)
	if err != nil {
		return false
	}
	return l.cfg.Ignore.Match(filepath.ToSlash(rel), isDir)
}

// classify tells which kind of source a file is by its name (DESIGN.md §3)
// or by the config's zones: map.
func (l *loader) classify(path string) Kind {
	if l.inConfig(path) {
		return KindZone
	}
	name := filepath.Base(path)
	switch {
	case strings.HasSuffix(name, ".zone"),
		strings.HasSuffix(name, ".zone.txt"),
		strings.HasSuffix(name, ".db"),
		strings.HasPrefix(name, "db.") && len(name) > len("db."):
		return KindZone
	}
	return KindNone
}

func (l *loader) inConfig(path string) bool {
	_, ok := l.cfg.Zones[path]
	return ok
}

// read loads one source into st.
func (l *loader) read(st *lint.State, s source) {
	switch s.kind {
	case KindZone:
		l.readZone(st, s)
	}
}

func (l *loader) readZone(st *lint.State, s source) {
	// A *.db file found by walking may be a database rather than a zone
	// file; it is skipped unless the user named it.
	if !s.given && isBinary(s.abs) {
		l.verbosef("skip %s: not a text file", s.display)
		return
	}
	l.verbosef("zone %s", s.display)

	root, closeRoot := l.repoRoot(s.abs)
	defer closeRoot()
	zonefile.Load(st, s.abs, s.display, zonefile.Options{
		Origin: l.cfg.Zones[s.abs],
		Root:   root,
	})
}

// repoRoot opens the repository root that holds path: the nearest parent
// with .git, or else the working directory when path is under it, or else
// path's own directory. $INCLUDE may not leave it.
func (l *loader) repoRoot(path string) (*os.Root, func()) {
	dir := filepath.Dir(path)
	rootDir := ""
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			rootDir = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if rootDir == "" {
		rootDir = dir
		if rel, err := filepath.Rel(l.workDir, path); err == nil && !strings.HasPrefix(rel, "..") {
			rootDir = l.workDir
		}
	}
	root, err := os.OpenRoot(rootDir)
	if err != nil {
		return nil, func() {}
	}
	return root, func() { root.Close() }
}

// addConfig adds what sendlint.yaml declares itself.
func (l *loader) addConfig(st *lint.State) {
	st.Senders = append(st.Senders, l.cfg.Senders...)
	st.Domains = append(st.Domains, l.cfg.Domains...)
	st.Aliases = l.cfg.Aliases
}

// display returns path relative to the working directory with "/"
// separators, or the absolute path when it is elsewhere on another volume.
func (l *loader) display(path string) string {
	rel, err := filepath.Rel(l.workDir, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

func (l *loader) verbosef(format string, args ...any) {
	if l.opt.Verbose != nil {
		fmt.Fprintf(l.opt.Verbose, "sendlint: "+format+"\n", args...)
	}
}

// dedupe drops files reached twice (a file under two given paths), keeping
// the first, and sorts the rest so loading order does not depend on the
// order of the arguments.
func dedupe(files []source) []source {
	seen := make(map[string]bool, len(files))
	out := files[:0]
	for _, f := range files {
		if seen[f.abs] {
			continue
		}
		seen[f.abs] = true
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b source) int { return strings.Compare(a.display, b.display) })
	return out
}

// isBinary reports whether the start of the file holds a NUL byte, as
// databases and other binary files do and zone files never do.
func isBinary(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 8000)
	n, _ := io.ReadFull(f, buf)
	return slices.Contains(buf[:n], 0)
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
