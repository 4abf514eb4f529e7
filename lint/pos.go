package lint

import "fmt"

// Pos is a position in a source file. Line and Column start at 1; Column
// counts bytes from the start of the line. The zero Pos means "no position".
type Pos struct {
	Line   int
	Column int
}

// IsValid reports whether p names a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Before reports whether p comes before q in the same file.
func (p Pos) Before(q Pos) bool {
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Column < q.Column
}

// Range is a span of one source file. File is relative to the working
// directory with "/" separators. End is exclusive; a zero End means the range
// is a point at Start.
type Range struct {
	File  string
	Start Pos
	End   Pos
}

// IsValid reports whether r names a file.
func (r Range) IsValid() bool { return r.File != "" }

// String formats r as "file:line:column", leaving out what is unknown.
func (r Range) String() string {
	switch {
	case r.File == "":
		return ""
	case !r.Start.IsValid():
		return r.File
	case r.Start.Column <= 0:
		return fmt.Sprintf("%s:%d", r.File, r.Start.Line)
	}
	return fmt.Sprintf("%s:%d:%d", r.File, r.Start.Line, r.Start.Column)
}

// Point returns a range of zero width at p in file.
func Point(file string, p Pos) Range {
	return Range{File: file, Start: p}
}
