package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/telaah/telaah/internal/utf8check"
)

// source is one input of a text command: a file named on the command line, or
// stdin for none or "-".
type source struct {
	name string // as given; "stdin" for stdin
	r    io.Reader
	c    io.Closer // nil for stdin
}

// eachInput calls fn for every input named in args (stdin when args is empty or
// for "-"), in order. A file that cannot be opened ends the run with an error
// naming it; stdin is read at most once.
func eachInput(e *env, args []string, fn func(src source) error) error {
	if len(args) == 0 {
		args = []string{"-"}
	}
	stdin := false
	for _, a := range args {
		if a == "-" {
			if stdin {
				return usageError{`"-" (stdin) given twice`}
			}
			stdin = true
			if err := fn(source{name: "stdin", r: e.stdin}); err != nil {
				return err
			}
			continue
		}
		f, err := openText(a)
		if err != nil {
			return err
		}
		err = fn(source{name: a, r: f, c: f})
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// openText opens a file named on the command line for reading text: a regular
// file or a pipe (such as bash's <(zcat x.gz)); folders, devices and sockets are
// refused with an error that says so.
func openText(name string) (*os.File, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := readable(name, st.Mode()); err != nil {
		return nil, err
	}
	return os.Open(name)
}

// readable says why a file of this mode cannot be read as text, or nil.
func readable(name string, m os.FileMode) error {
	switch {
	case m.IsRegular(), m&os.ModeNamedPipe != 0:
		return nil
	case m.IsDir():
		return fmt.Errorf("%s is a folder, not a text file", name)
	case m&os.ModeDevice != 0 || m&os.ModeCharDevice != 0:
		return fmt.Errorf("%s is a device, not a regular file", name)
	case m&os.ModeSocket != 0:
		return fmt.Errorf("%s is a socket, not a regular file", name)
	}
	return fmt.Errorf("%s is not a regular file (mode %v)", name, m)
}

// defaultWindow is the size a window of text grows to before it is analysed;
// maxWindow the most a window may hold, at which a paragraph is cut (at a line
// end, else a space, else a rune boundary). Analysing a window costs about 50
// times its size in memory, so these bound the memory of analyze and entities on
// any input.
const (
	defaultWindow = 64 << 10
	maxWindow     = 256 << 10
)

// pieceReader splits a stream into pieces of at most max bytes that end with a
// line feed, except where a line is longer than max: such a line is cut after its
// last space or tab within max bytes (or, without one, at a rune boundary), so
// that a line of any length is read in bounded memory. Pieces never split a
// UTF-8 sequence.
type pieceReader struct {
	r     *bufio.Reader
	max   int
	buf   []byte // the carried-over rest of a cut line, then the piece
	spare []byte // the other buffer: the pieces alternate between the two
	off   int64  // stream offset of the next piece
	line  int    // 1-based line of the next piece's first byte
	err   error
}

func newPieceReader(r io.Reader, max int) *pieceReader {
	return &pieceReader{r: bufio.NewReaderSize(r, min(max, 64<<10)), max: max, line: 1}
}

// next returns the next piece, its stream offset and the line it starts on; the
// slice is valid until the following call. It returns io.EOF at the end, or the
// read error.
func (p *pieceReader) next() (b []byte, off int64, line int, err error) {
	for p.err == nil && len(p.buf) <= p.max && (len(p.buf) == 0 || p.buf[len(p.buf)-1] != '\n') {
		chunk, err := p.r.ReadSlice('\n')
		p.buf = append(p.buf, chunk...)
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			p.err = err
		}
	}
	if len(p.buf) == 0 {
		return nil, 0, 0, p.err
	}
	cut := len(p.buf)
	if cut > p.max {
		cut = cutPoint(p.buf[:p.max])
	}
	piece := p.buf[:cut:cut]
	off, line = p.off, p.line
	p.off += int64(cut)
	p.line += bytes.Count(piece, []byte{'\n'})
	// The rest moves to the other buffer, so that piece stays valid.
	p.buf, p.spare = append(p.spare[:0], p.buf[cut:]...), p.buf
	return piece, off, line, nil
}

// cutPoint returns where to cut b, a window too long for one piece: after its
// last line feed, else its last space or tab, else at the last rune boundary.
func cutPoint(b []byte) int {
	if i := bytes.LastIndexByte(b, '\n'); i > 0 {
		return i + 1
	}
	if i := bytes.LastIndexAny(b, " \t"); i > 0 {
		return i + 1
	}
	// The start of the last rune: keep it only when it is whole.
	j := len(b) - 1
	for k := 0; k < utf8.UTFMax-1 && j > 0 && !utf8.RuneStart(b[j]); k++ {
		j--
	}
	if j > 0 && !utf8.FullRune(b[j:]) {
		return j
	}
	return len(b)
}

// windowReader groups the pieces of a stream into windows for analysis: whole
// paragraphs (ending at a blank line) up to defaultWindow bytes, or a cut of a
// paragraph longer than maxWindow. Entities never span a blank line, so
// analysing window by window finds what analysing the whole text would, with
// bounded memory.
type windowReader struct {
	p      *pieceReader
	target int
	win    []byte
	off    int64 // stream offset of win[0]
	line   int   // line of win[0]
	pend   []byte
	poff   int64
	pline  int
	done   bool
	blank  bool // win ends with a blank line
	err    error
	maxWin int
}

func newWindowReader(r io.Reader) *windowReader {
	return &windowReader{p: newPieceReader(r, maxWindow), target: defaultWindow, maxWin: maxWindow}
}

// next returns the next window, its stream offset and first line; io.EOF at the
// end. The window is valid until the following call.
func (w *windowReader) next() (text []byte, off int64, line int, err error) {
	w.win = w.win[:0]
	w.blank = false
	if w.pend != nil {
		w.win = append(w.win, w.pend...)
		w.off, w.line = w.poff, w.pline
		w.pend = nil
		w.blank = isBlank(w.win)
	}
	for !w.done {
		b, off, line, err := w.p.next()
		if err != nil {
			w.done = true
			if err != io.EOF {
				w.err = err
			}
			break
		}
		if len(w.win) == 0 {
			w.off, w.line = off, line
		}
		// A window ends at a blank line once it is large enough, and before a
		// piece that would make it too large.
		if len(w.win) > 0 && (len(w.win)+len(b) > w.maxWin || (w.blank && len(w.win) >= w.target)) {
			w.pend = append(w.pend[:0], b...)
			w.poff, w.pline = off, line
			return w.win, w.off, w.line, nil
		}
		w.win = append(w.win, b...)
		w.blank = isBlank(b)
		if len(w.win) >= w.target && w.blank {
			return w.win, w.off, w.line, nil
		}
	}
	if len(w.win) > 0 {
		return w.win, w.off, w.line, nil
	}
	if w.err != nil {
		return nil, 0, 0, w.err
	}
	return nil, 0, 0, io.EOF
}

// isBlank reports whether a piece is a line of spaces only.
func isBlank(b []byte) bool {
	return len(b) > 0 && b[len(b)-1] == '\n' && len(bytes.TrimSpace(b)) == 0
}

// checkUTF8 returns an error naming the line and byte offset of the first invalid
// UTF-8 in b, which starts at stream offset off on line line of the input name.
func checkUTF8(name string, b []byte, off int64, line int) error {
	i, bad := utf8check.FirstInvalid(b)
	if !bad {
		return nil
	}
	return fmt.Errorf("%s:%d: invalid UTF-8 at byte %d: the input must be UTF-8 text", name, line+bytes.Count(b[:i], []byte{'\n'}), off+int64(i))
}
