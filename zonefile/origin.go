package zonefile

import (
	"path"
	"path/filepath"
	"strings"
)

// OriginFromFileName returns the origin a file name implies (db.example.com,
// example.com.zone, example.com.db, example.com.zone.txt) or "". The result
// is canonical (lower case, no trailing dot). Only names of two or more
// labels of letters, digits, hyphens and underscores whose last label is
// not a number count, so that BIND's stock files such as db.local or
// db.127 imply nothing.
func OriginFromFileName(name string) string {
	lowerBase := strings.ToLower(path.Base(filepath.ToSlash(name)))

	var origin string
	switch {
	case strings.HasPrefix(lowerBase, "db."):
		origin = lowerBase[len("db."):]
	case strings.HasSuffix(lowerBase, ".zone.txt"):
		origin = strings.TrimSuffix(lowerBase, ".zone.txt")
	case strings.HasSuffix(lowerBase, ".zone"):
		origin = strings.TrimSuffix(lowerBase, ".zone")
	case strings.HasSuffix(lowerBase, ".db"):
		origin = strings.TrimSuffix(lowerBase, ".db")
	}
	if !plausibleDomain(origin) {
		return ""
	}
	return origin
}

// plausibleDomain reports whether s looks like a domain name of two or
// more labels that a zone file could be named after.
func plausibleDomain(s string) bool {
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > maxLabel {
			return false
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !('a' <= c && c <= 'z' || isDigit(c) || c == '-' || c == '_') {
				return false
			}
		}
	}
	_, numeric := parseUint(labels[len(labels)-1], 1<<32)
	return !numeric
}

// prescan finds the origin a file states for itself: the first $ORIGIN
// with an absolute name before any relative name, else the owner of the
// SOA record when it is absolute. It returns "" when the file states
// none. It reads entries only up to the SOA record, which comes first in
// most files.
func prescan(lx *lexer) string {
	relative := false
	for e := lx.next(); e != nil; e = lx.next() {
		if e.bad {
			continue
		}
		t := &e.toks[0]
		if !e.blankOwner && !t.quoted && strings.HasPrefix(t.s, "$") {
			if strings.EqualFold(t.s, "$ORIGIN") && len(e.toks) > 1 {
				arg := e.toks[1].s
				if isAbsolute(arg) && !relative {
					return canonicalOrEmpty(arg)
				}
				relative = relative || !isAbsolute(arg)
			}
			if strings.EqualFold(t.s, "$GENERATE") {
				relative = true
			}
			continue
		}

		absOwner := !e.blankOwner && !t.quoted && t.s != "@" && isAbsolute(t.s)
		if !absOwner && !e.blankOwner {
			relative = true
		}
		if isSOA(e) {
			if absOwner {
				return canonicalOrEmpty(t.s)
			}
			return ""
		}
	}
	return ""
}

// isSOA reports whether an entry is an SOA record: its type, after the
// owner and an optional TTL and class, is SOA.
func isSOA(e *entry) bool {
	toks := e.toks
	if !e.blankOwner {
		toks = toks[1:]
	}
	for i := range toks {
		s := toks[i].s
		if toks[i].quoted || s == "" {
			return false
		}
		if _, ok := classOf(s); ok || isDigit(s[0]) {
			continue
		}
		return strings.EqualFold(s, "SOA")
	}
	return false
}

// canonicalOrEmpty returns the canonical form of an absolute name, or ""
// when it is not a valid name.
func canonicalOrEmpty(s string) string {
	n, msg := canonical(s, ".")
	if msg != "" {
		return ""
	}
	return n
}
