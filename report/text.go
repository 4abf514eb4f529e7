package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/sendlint/sendlint/lint"
)

// ANSI colours of the text format.
const (
	bold   = "\x1b[1m"
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	green  = "\x1b[32m"
	dim    = "\x1b[2m"
	reset  = "\x1b[0m"
)

// snippetWidth is how many columns of a long source line a snippet shows
// around the caret.
const snippetWidth = 100

// writeText writes findings compiler style: one line each, the source line
// with a caret under the position, notes and the suggested fix, and a
// summary line at the end.
func writeText(w io.Writer, r *Report, opt Options) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !opt.Color {
			return s
		}
		return code + s + reset
	}

	if r.Sources != nil {
		for _, f := range r.Findings {
			r.Sources.Want(f.Range.File, f.Range.Start.Line)
		}
	}
	for _, f := range r.Findings {
		fmt.Fprintf(bw, "%s: %s: %s %s\n",
			paint(bold, location(f.Range)), paint(severityColor(f.Severity), f.Severity.String()),
			f.Message, paint(dim, "("+f.Rule+")"))
		writeSnippet(bw, r.Sources, f.Range, paint)
		for _, rel := range f.Related {
			fmt.Fprintf(bw, "    %s: note: %s\n", location(rel.Range), rel.Message)
		}
		if f.Fix != nil {
			fmt.Fprintf(bw, "    fix: %s\n", f.Fix.Description)
			if f.Fix.Replacement != "" {
				for _, l := range strings.Split(f.Fix.Replacement, "\n") {
					fmt.Fprintf(bw, "        %s\n", paint(green, sanitize(l)))
				}
			}
		}
	}
	fmt.Fprintln(bw, summaryLine(lint.Count(r.Findings)))
	return bw.Flush()
}

// location formats a range as file:line:column, with line 1 and column 1
// for findings about a whole file.
func location(rg lint.Range) string {
	line, col := max(rg.Start.Line, 1), max(rg.Start.Column, 1)
	return fmt.Sprintf("%s:%d:%d", rg.File, line, col)
}

func severityColor(s lint.Severity) string {
	switch s {
	case lint.Error:
		return red
	case lint.Warning:
		return yellow
	}
	return cyan
}

// writeSnippet prints the source line of rg with a caret under its start
// and a tilde run to its end when both are on that line.
func writeSnippet(w io.Writer, src *Sources, rg lint.Range, paint func(string, string) string) {
	if src == nil || !rg.Start.IsValid() {
		return
	}
	line, ok := src.Line(rg.File, rg.Start.Line)
	if !ok || strings.IndexByte(line, 0) >= 0 {
		// A line of binary data shows nothing a reader could use.
		return
	}
	line = redact(line)

	start := max(rg.Start.Column-1, 0)
	end := start + 1
	if rg.End.Line == rg.Start.Line && rg.End.Column-1 > start {
		end = rg.End.Column - 1
	}
	start, end = min(start, len(line)), min(end, len(line)+1)

	// Show a window of a long line around the caret.
	from, to := 0, len(line)
	if to-from > snippetWidth {
		from = max(0, start-snippetWidth/3)
		to = min(len(line), from+snippetWidth)
	}
	shown := sanitize(line[from:to])
	prefix, suffix := "", ""
	if from > 0 {
		prefix = "…"
	}
	if to < len(line) {
		suffix = "…"
	}

	gutter := fmt.Sprintf("%5d | ", rg.Start.Line)
	fmt.Fprintf(w, "%s%s%s%s\n", paint(dim, gutter), prefix, shown, suffix)

	// The caret line keeps tabs where the source has them so it lines up.
	var pad strings.Builder
	for _, c := range sanitize(line[from:min(start, to)]) {
		if c == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	n := max(1, utf8.RuneCountInString(sanitize(line[min(start, to):min(end, to)])))
	marks := "^" + strings.Repeat("~", n-1)
	fmt.Fprintf(w, "%s%s%s%s\n", paint(dim, "      | "), strings.Repeat(" ", utf8.RuneCountInString(prefix)), pad.String(), paint(green, marks))
}

// sanitize replaces control characters and invalid UTF-8, so that a
// hostile file cannot send escape sequences to the terminal.
func sanitize(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t') || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func summaryLine(c lint.Counts) string {
	if c.Error+c.Warning+c.Notice == 0 {
		return "no findings"
	}
	return fmt.Sprintf("%s, %s, %s", plural(c.Error, "error"), plural(c.Warning, "warning"), plural(c.Notice, "notice"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
