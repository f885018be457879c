package index

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Article is one news article. In JSON Lines its fields are id, url, source,
// title, body, published (RFC 3339, or a date such as 2024-03-01), authors and tags.
type Article struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Source    string    `json:"source,omitempty"`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	Published time.Time `json:"published,omitzero"`
	Authors   []string  `json:"authors,omitempty"`
	Tags      []string  `json:"tags,omitempty"`
}

// article is the JSON form of an Article with a lenient published date.
type article struct {
	ID        string   `json:"id"`
	URL       string   `json:"url"`
	Source    string   `json:"source"`
	Title     string   `json:"title"`
	Body      string   `json:"body"`
	Published string   `json:"published"`
	Authors   []string `json:"authors"`
	Tags      []string `json:"tags"`
}

// dateLayouts are the accepted forms of a published date, tried in order.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"}

// ParseDate parses a published date: RFC 3339, or a date with an optional time
// (2024-03-01, 2024-03-01 08:30:00), read as UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("published date %q is not RFC 3339 or YYYY-MM-DD", s)
}

// Validate reports whether an article can be indexed: it needs a title or a body,
// valid UTF-8 text and no empty ID.
func (a *Article) Validate() error {
	switch {
	case strings.TrimSpace(a.ID) == "":
		return errors.New("article has no id")
	case strings.TrimSpace(a.Title) == "" && strings.TrimSpace(a.Body) == "":
		return fmt.Errorf("article %q has neither title nor body", a.ID)
	case !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body):
		return fmt.Errorf("article %q: title or body is not valid UTF-8", a.ID)
	}
	return nil
}

// ContentID returns a stable ID for an article that has none: "sha256-" and the
// first 16 hex digits of the SHA-256 of its title and body.
func ContentID(title, body string) string {
	h := sha256.New()
	io.WriteString(h, title)
	h.Write([]byte{0})
	io.WriteString(h, body)
	return "sha256-" + hex.EncodeToString(h.Sum(nil)[:8])
}

// InputError is one record of the input that could not be read as an article.
type InputError struct {
	File string // the file name as given
	Line int    // 1-based line number; 0 for a whole file
	Err  error
}

// Error returns "file:line: error", or "file: error" for a whole file.
func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// maxLine is the longest JSON line ReadJSONL accepts (64 MiB).
const maxLine = 64 << 20

// ReadJSONL reads articles from JSON Lines, one article a line; blank lines are
// skipped. name is used in error messages. For each article read it calls add;
// each malformed line (bad JSON, a bad date, no title and body, invalid UTF-8) is
// reported through bad as an *InputError with its line number, and reading goes
// on. An article without id gets its URL, or else [ContentID], as ID. The error
// returned is an I/O error or the first error of add or bad.
func ReadJSONL(r io.Reader, name string, add func(Article) error, bad func(*InputError) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	line := 0
	for {
		b, err := readLine(br)
		if len(b) > 0 || err == nil {
			line++
		}
		if len(b) > 0 {
			if a, perr := parseJSONLine(b); perr != nil {
				if e := bad(&InputError{File: name, Line: line, Err: perr}); e != nil {
					return e
				}
			} else if e := add(a); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading %s after line %d: %w", name, line, err)
		}
	}
}

// readLine returns the next line without its line ending, trimmed of spaces.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > maxLine {
			// Skip the rest of the line and report it.
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return []byte("\x00toolong"), err
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimSpace(buf), err
	}
}

func parseJSONLine(b []byte) (Article, error) {
	if string(b) == "\x00toolong" {
		return Article{}, fmt.Errorf("line longer than %d bytes", maxLine)
	}
	var j article
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&j); err != nil {
		return Article{}, fmt.Errorf("bad JSON: %w", err)
	}
	if dec.More() {
		return Article{}, errors.New("bad JSON: more than one value on the line")
	}
	a := Article{ID: strings.TrimSpace(j.ID), URL: j.URL, Source: j.Source, Title: j.Title, Body: j.Body, Authors: j.Authors, Tags: j.Tags}
	if strings.TrimSpace(j.Published) != "" {
		t, err := ParseDate(j.Published)
		if err != nil {
			return Article{}, err
		}
		a.Published = t
	}
	if a.ID == "" {
		if a.ID = strings.TrimSpace(a.URL); a.ID == "" {
			a.ID = ContentID(a.Title, a.Body)
		}
	}
	if err := a.Validate(); err != nil {
		return Article{}, err
	}
	return a, nil
}

// ReadText reads an article from a plain text file: the first non-blank line is the
// title and the rest is the body. The ID is the given id; the published date is the
// file's modification time when mod is not zero.
func ReadText(r io.Reader, id string, mod time.Time) (Article, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return Article{}, fmt.Errorf("reading %s: %w", id, err)
	}
	text := strings.TrimLeft(strings.ReplaceAll(string(b), "\r\n", "\n"), " \t\n\ufeff")
	title, body, _ := strings.Cut(text, "\n")
	a := Article{ID: id, Title: strings.TrimSpace(title), Body: strings.TrimSpace(body), Published: mod}
	if err := a.Validate(); err != nil {
		return Article{}, err
	}
	return a, nil
}

// ReadPath reads the articles of a file or a folder: a .jsonl (or .ndjson) file
// is JSON Lines, a .json file a JSON array of articles or JSON Lines, a .txt file is one article (see [ReadText], with its path
// relative to the folder given as ID), and a folder is walked for both kinds,
// in lexical order. Files of other kinds inside a folder are ignored; a file of
// another kind named directly (such as /dev/stdin) is read as JSON Lines. Errors are reported as for [ReadJSONL].
func ReadPath(path string, add func(Article) error, bad func(*InputError) error) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("reading input: %w", err)
	}
	if !st.IsDir() {
		return readFile(path, filepath.Base(path), true, add, bad)
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return bad(&InputError{File: p, Err: err})
		}
		if !d.IsDir() && kindOf(p) != "" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		rel, err := filepath.Rel(path, f)
		if err != nil {
			rel = f
		}
		if err := readFile(f, filepath.ToSlash(rel), false, add, bad); err != nil {
			return err
		}
	}
	return nil
}

// readJSON reads a .json file: a JSON array of articles, or JSON Lines. An
// element of an array is reported with the line it starts on.
func readJSON(r io.Reader, name string, add func(Article) error, bad func(*InputError) error) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) == 0 || trimmed[0] != '[' {
		return ReadJSONL(bytes.NewReader(data), name, add, bad)
	}
	lineAt := func(off int64) int { return 1 + bytes.Count(data[:off], []byte("\n")) }
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // the opening bracket
		return bad(&InputError{File: name, Line: 1, Err: fmt.Errorf("bad JSON: %w", err)})
	}
	for dec.More() {
		off := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The rest of the array cannot be read.
			return bad(&InputError{File: name, Line: lineAt(off), Err: fmt.Errorf("bad JSON, the rest of the file is skipped: %w", err)})
		}
		// The element starts after the separator and spaces before it.
		start := off + int64(len(data[off:])-len(bytes.TrimLeft(data[off:], ", \t\r\n")))
		a, err := parseJSONLine(raw)
		if err != nil {
			if e := bad(&InputError{File: name, Line: lineAt(start), Err: err}); e != nil {
				return e
			}
			continue
		}
		if e := add(a); e != nil {
			return e
		}
	}
	if _, err := dec.Token(); err != nil { // the closing bracket
		return bad(&InputError{File: name, Line: lineAt(dec.InputOffset()), Err: fmt.Errorf("bad JSON at the end of the array: %w", err)})
	}
	return nil
}

func kindOf(p string) string {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".jsonl", ".ndjson", ".json":
		return "jsonl"
	case ".txt":
		return "txt"
	}
	return ""
}

func readFile(path, id string, named bool, add func(Article) error, bad func(*InputError) error) error {
	kind := kindOf(path)
	if kind == "" && named {
		kind = "jsonl" // a named file of unknown kind (such as /dev/stdin) is JSON Lines
	}
	f, err := os.Open(path)
	if err != nil {
		return bad(&InputError{File: path, Err: err})
	}
	defer f.Close()
	if kind == "jsonl" && strings.EqualFold(filepath.Ext(path), ".json") {
		return readJSON(f, path, add, bad)
	}
	if kind == "jsonl" {
		return ReadJSONL(f, path, add, bad)
	}
	var mod time.Time
	if st, err := f.Stat(); err == nil {
		mod = st.ModTime().UTC()
	}
	a, err := ReadText(f, id, mod)
	if err != nil {
		return bad(&InputError{File: path, Err: err})
	}
	return add(a)
}
