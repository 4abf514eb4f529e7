package zonefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/sendlint/sendlint/lint"
)

// badText is the first byte that keeps a file from being zone text, and
// what is wrong with it.
type badText struct {
	pos lint.Pos
	msg string
}

// checkText reads r to its end and returns the first NUL byte (a binary
// file) or the first byte that is not valid UTF-8, or nil when the text
// is clean. Such a file is reported once and not loaded, since each of its
// lines would be an error of its own. size is the length of the text when
// known, else -1.
func checkText(r io.Reader, size int) (*badText, error) {
	// The buffer is larger than the few bytes of a character split
	// between two reads, which are carried to the start of the next one.
	n := 64 << 10
	if size >= 0 {
		n = min(n, size+utf8.UTFMax)
	}
	buf := make([]byte, n)
	carry := 0
	line, col := 1, 1 // the position of buf[0]
	for {
		n, err := io.ReadFull(r, buf[carry:])
		n += carry
		last := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !last {
			return nil, err
		}

		end := n
		if !last {
			end = completeRunes(buf[:n])
		}
		if i, msg := firstBadByte(buf[:end]); i >= 0 {
			p := advance(lint.Pos{Line: line, Column: col}, buf[:i])
			return &badText{pos: p, msg: msg}, nil
		}
		if last {
			return nil, nil
		}

		p := advance(lint.Pos{Line: line, Column: col}, buf[:end])
		line, col = p.Line, p.Column
		carry = copy(buf, buf[end:n])
	}
}

// completeRunes returns how much of b holds whole characters: a UTF-8
// sequence cut at the end of b is left for the next read.
func completeRunes(b []byte) int {
	for k := 1; k <= utf8.UTFMax-1 && k <= len(b); k++ {
		if utf8.RuneStart(b[len(b)-k]) {
			if !utf8.FullRune(b[len(b)-k:]) {
				return len(b) - k
			}
			break
		}
	}
	return len(b)
}

// firstBadByte returns the offset of the first NUL or invalid UTF-8 byte
// of b and what is wrong with it, or -1.
func firstBadByte(b []byte) (int, string) {
	nul := bytes.IndexByte(b, 0)
	if nul < 0 && utf8.Valid(b) {
		return -1, ""
	}
	for i := 0; i < len(b); {
		if b[i] == 0 {
			return i, "file holds a NUL byte, so it is binary data and not a zone file; nothing in it was loaded"
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i, fmt.Sprintf("file is not UTF-8 text: byte 0x%02x here is not valid UTF-8; "+
				"save the file as UTF-8 (nothing in it was loaded)", b[i])
		}
		i += size
	}
	return -1, ""
}

// advance returns the position after text b, which starts at p.
func advance(p lint.Pos, b []byte) lint.Pos {
	nl := bytes.Count(b, []byte{'\n'})
	if nl == 0 {
		return lint.Pos{Line: p.Line, Column: p.Column + len(b)}
	}
	return lint.Pos{Line: p.Line + nl, Column: len(b) - bytes.LastIndexByte(b, '\n')}
}
