package load

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// includedFiles returns the zone files that other zone files pull in with
// $INCLUDE, as absolute paths. Such a file is read through the file that
// includes it, with that file's origin, and not again on its own: read
// twice, every record in it would be declared twice.
//
// It looks only at lines that start with $INCLUDE, so a quick pass over a
// large zone costs little more than reading it.
func includedFiles(files []source) map[string]bool {
	out := make(map[string]bool)
	for _, z := range files {
		if z.kind != KindZone {
			continue
		}
		for _, target := range includeTargets(z.abs) {
			out[target] = true
		}
	}
	return out
}

// includeTargets lists the $INCLUDE targets of one zone file, resolved
// against its directory.
func includeTargets(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()

	var out []string
	r := bufio.NewReaderSize(f, 256*1024)
	for {
		line, err := r.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A line longer than the buffer is record data, not a
			// directive: skip the rest of it.
			for err == bufio.ErrBufferFull {
				_, err = r.ReadSlice('\n')
			}
			continue
		}
		if len(line) > len("$INCLUDE") && line[0] == '$' && bytes.EqualFold(line[:len("$INCLUDE")], []byte("$INCLUDE")) {
			if name := includeArg(string(line[len("$INCLUDE"):])); name != "" {
				if !filepath.IsAbs(name) {
					name = filepath.Join(filepath.Dir(path), filepath.FromSlash(name))
				}
				out = append(out, filepath.Clean(name))
			}
		}
		if err == io.EOF || err != nil {
			return out
		}
	}
}

// includeArg returns the file name after $INCLUDE, unquoted, or "".
func includeArg(rest string) string {
	if rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
		return ""
	}
	rest = strings.TrimLeft(rest, " \t")
	if strings.HasPrefix(rest, `"`) {
		if end := strings.IndexByte(rest[1:], '"'); end >= 0 {
			return rest[1 : 1+end]
		}
		return ""
	}
	if end := strings.IndexAny(rest, " \t;\r\n"); end >= 0 {
		rest = rest[:end]
	}
	return rest
}
