package report

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Sources reads the lines that snippets show, from files relative to a
// working directory. It reads each file once, keeping only the lines
// asked for in advance, so that a finding in a 50 MB zone does not keep
// the whole zone in memory.
type Sources struct {
	workDir string

	mu    sync.Mutex
	want  map[string]map[int]bool
	lines map[string]map[int]string
}

// NewSources returns a Sources that opens files relative to workDir.
func NewSources(workDir string) *Sources {
	return &Sources{
		workDir: workDir,
		want:    make(map[string]map[int]bool),
		lines:   make(map[string]map[int]string),
	}
}

// Want records that line of file will be asked for.
func (s *Sources) Want(file string, line int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.want[file] == nil {
		s.want[file] = make(map[int]bool)
	}
	s.want[file][line] = true
}

// Line returns line n (1-based) of file without its line ending, and
// whether it could be read.
func (s *Sources) Line(file string, n int) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	got, ok := s.lines[file]
	if !ok {
		got = s.read(file)
		s.lines[file] = got
	}
	l, ok := got[n]
	return l, ok
}

// read scans file up to the last wanted line.
func (s *Sources) read(file string) map[int]string {
	want := s.want[file]
	if len(want) == 0 {
		return nil
	}
	last := 0
	for n := range want {
		last = max(last, n)
	}
	path := file
	if !filepath.IsAbs(path) {
		path = filepath.Join(s.workDir, filepath.FromSlash(file))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()

	out := make(map[int]string, len(want))
	r := bufio.NewReaderSize(f, 64*1024)
	for n := 1; n <= last; n++ {
		line, err := r.ReadString('\n')
		if want[n] {
			out[n] = strings.TrimRight(line, "\r\n")
		}
		if err != nil {
			break
		}
	}
	return out
}
