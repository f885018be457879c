package tokenize

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// DefaultMaxChunk is the default bound on the bytes a [Scanner] holds at once.
const DefaultMaxChunk = 1 << 20

// Scanner streams the tokens of an io.Reader in bounded memory, in the style of
// bufio.Scanner:
//
//	sc := tokenize.NewScanner(r)
//	for sc.Scan() {
//		t := sc.Token() // t.Start and t.End are byte offsets into the whole stream
//	}
//	if err := sc.Err(); err != nil { ... }
//
// It reads the input in chunks that end at a space, so it tokenizes exactly as
// [Tokenizer.All] does on the whole text, sentence starts included. Only a run of
// more than the maximum chunk size (1 MiB by default, see [Scanner.Buffer])
// without any space is cut at that size, between two runes; its bytes are all
// still returned. Token texts are substrings of one string per chunk, so scanning
// allocates once a chunk, not once a token.
type Scanner struct {
	r     io.Reader
	buf   []byte
	n     int // bytes held in buf
	max   int // the most bytes held at once
	base  int // stream offset of the current chunk
	next  int // stream offset of buf[0]
	s     scanner
	tok   Token
	err   error // a read error, reported by Err
	eof   bool
	empty int  // consecutive reads that returned nothing
	valid bool // s holds a chunk
}

// NewScanner returns a Scanner over r with the zero Tokenizer.
func NewScanner(r io.Reader) *Scanner { return Tokenizer{}.NewScanner(r) }

// NewScanner returns a Scanner over r with this Tokenizer's options.
func (z Tokenizer) NewScanner(r io.Reader) *Scanner {
	return &Scanner{r: r, max: DefaultMaxChunk, s: scanner{split: z.SplitClitics}}
}

// Buffer sets the initial buffer and the maximum number of bytes the Scanner holds
// at once (at least 16). Like bufio.Scanner.Buffer, it panics if called after the
// first Scan.
func (sc *Scanner) Buffer(buf []byte, limit int) {
	if sc.buf != nil || sc.valid {
		panic("tokenize: Buffer called after Scan")
	}
	sc.buf = buf[:cap(buf)]
	sc.max = max(limit, 16)
}

// Scan advances to the next token, which Token then returns. It returns false at
// the end of the input or on a read error, which Err then returns.
func (sc *Scanner) Scan() bool {
	for {
		if sc.valid {
			if p := sc.s.next(); p != nil {
				t := *p
				t.Start += sc.base
				t.End += sc.base
				sc.tok = t
				return true
			}
			sc.valid = false
		}
		if !sc.fill() {
			return false
		}
	}
}

// Token returns the token found by the last Scan. Its Start and End are byte
// offsets into the whole stream; its Text is the token's bytes.
func (sc *Scanner) Token() Token { return sc.tok }

// Err returns the first read error met, or nil at a clean end of input.
func (sc *Scanner) Err() error { return sc.err }

// fill reads until it has a chunk that ends at a space (or the end of the input,
// or the size limit), and hands it to the inner scanner. It returns false when
// the input is exhausted.
func (sc *Scanner) fill() bool {
	if sc.buf == nil {
		sc.buf = make([]byte, min(64<<10, sc.max))
	}
	for {
		if sc.n > 0 {
			if cut := sc.cut(); cut > 0 {
				sc.hand(cut)
				return true
			}
		}
		if sc.eof || sc.err != nil {
			return false
		}
		if sc.n == len(sc.buf) {
			if len(sc.buf) < sc.max {
				nb := make([]byte, min(2*len(sc.buf), sc.max))
				copy(nb, sc.buf[:sc.n])
				sc.buf = nb
			}
		}
		m, err := sc.r.Read(sc.buf[sc.n:])
		if m < 0 || m > len(sc.buf)-sc.n {
			sc.err = errors.New("tokenize: reader returned an invalid count")
			return false
		}
		sc.n += m
		if m == 0 && err == nil {
			if sc.empty++; sc.empty >= 100 {
				sc.err = fmt.Errorf("tokenize: read: %w", io.ErrNoProgress)
				sc.eof = true
			}
			continue
		}
		sc.empty = 0
		if err != nil {
			if err == io.EOF {
				sc.eof = true
			} else {
				sc.err = fmt.Errorf("tokenize: read: %w", err)
				// Tokenize what was read before the error.
				sc.eof = true
			}
		}
	}
}

// cut returns how many leading bytes of the buffer form the next chunk, or 0 if more
// input is needed.
func (sc *Scanner) cut() int {
	b := sc.buf[:sc.n]
	if sc.eof {
		return len(b)
	}
	for i := len(b) - 1; i >= 0; i-- {
		switch b[i] {
		case ' ', '\n', '\t', '\r', '\f', '\v':
			return i + 1
		}
	}
	if len(b) < sc.max {
		return 0
	}
	// A run longer than the limit without any space: cut between two runes.
	p := len(b) - 1
	for p > 0 && p > len(b)-utf8.UTFMax && !utf8.RuneStart(b[p]) {
		p--
	}
	if p > 0 && !utf8.FullRune(b[p:]) {
		return p
	}
	return len(b)
}

// hand gives the first k buffered bytes to the inner scanner as one chunk.
func (sc *Scanner) hand(k int) {
	sc.s.text = string(sc.buf[:k])
	sc.s.pos = 0
	sc.s.la = lookahead{}
	sc.base = sc.next
	sc.s.off = sc.base
	sc.next += k
	copy(sc.buf, sc.buf[k:sc.n])
	sc.n -= k
	sc.valid = true
}
