package config

import (
	"fmt"
	"path"
	"strings"
)

// Matcher decides which paths sendlint.yaml's ignore: list excludes. Its
// patterns follow .gitignore: "*" and "?" match within one path segment,
// "**" matches any number of segments, a pattern without a slash matches a
// name at any depth, a leading slash or an inner slash anchors the pattern
// to the config file's directory, a trailing slash matches directories
// only, and "!" re-includes what an earlier pattern excluded.
type Matcher struct {
	patterns []pattern
}

type pattern struct {
	segs    []string
	negate  bool
	dirOnly bool
	rooted  bool
}

// NewMatcher compiles globs; it fails on a malformed character class.
func NewMatcher(globs []string) (*Matcher, error) {
	m := &Matcher{}
	for _, g := range globs {
		p := pattern{}
		if strings.HasPrefix(g, "!") {
			p.negate = true
			g = g[1:]
		}
		if strings.HasSuffix(g, "/") {
			p.dirOnly = true
			g = strings.TrimRight(g, "/")
		}
		if strings.Contains(g, "/") {
			p.rooted = true
			g = strings.TrimPrefix(g, "/")
		}
		if g == "" {
			return nil, fmt.Errorf("ignore: empty pattern")
		}
		p.segs = strings.Split(g, "/")
		for _, s := range p.segs {
			if _, err := path.Match(s, ""); err != nil {
				return nil, fmt.Errorf("ignore: bad pattern %q: %w", g, err)
			}
		}
		m.patterns = append(m.patterns, p)
	}
	return m, nil
}

// Match reports whether rel, a slash-separated path relative to the config
// file's directory, is excluded. isDir says whether rel is a directory.
func (m *Matcher) Match(rel string, isDir bool) bool {
	if m == nil || rel == "" || rel == "." || strings.HasPrefix(rel, "../") {
		return false
	}
	segs := strings.Split(rel, "/")
	excluded := false
	for _, p := range m.patterns {
		if p.dirOnly && !isDir {
			continue
		}
		if p.matches(segs) {
			excluded = !p.negate
		}
	}
	return excluded
}

func (p pattern) matches(segs []string) bool {
	if p.rooted {
		return matchSegs(p.segs, segs)
	}
	for i := range segs {
		if matchSegs(p.segs, segs[i:]) {
			return true
		}
	}
	return false
}

// matchSegs matches pattern segments against path segments; "**" takes
// zero or more path segments.
func matchSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for k := 0; k <= len(segs); k++ {
				if matchSegs(pat[1:], segs[k:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}
