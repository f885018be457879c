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
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/telaah/telaah/internal/utf8check"
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

// MinPublished and MaxPublished bound the published dates an index can store:
// bleve keeps a date as nanoseconds since 1970 in an int64, so dates outside
// 1677-09-22 – 2262-04-11 cannot be stored. An article dated outside them is
// rejected (by [Article.Validate], so by Add and the readers), not clamped.
var (
	MinPublished = time.Unix(0, -1<<63).UTC().Add(24 * time.Hour).Truncate(24 * time.Hour)
	MaxPublished = time.Unix(0, 1<<63-1).UTC().Truncate(24 * time.Hour)
)

// storableDate reports whether an index can store date t: from [MinPublished]
// to before [MaxPublished].
func storableDate(t time.Time) bool {
	return !t.Before(MinPublished) && t.Before(MaxPublished)
}

// Validate reports whether an article can be indexed: it needs a title or a body,
// valid UTF-8 text, no empty ID and a published date (if any) from [MinPublished]
// to before [MaxPublished].
func (a *Article) Validate() error {
	switch {
	case strings.TrimSpace(a.ID) == "":
		return errors.New("article has no id")
	case strings.TrimSpace(a.Title) == "" && strings.TrimSpace(a.Body) == "":
		return fmt.Errorf("article %q has neither title nor body", a.ID)
	case !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body):
		return fmt.Errorf("article %q: title or body is not valid UTF-8", a.ID)
	case !a.Published.IsZero() && !storableDate(a.Published):
		return fmt.Errorf("article %q: published date %s is outside the dates an index can store (%s to %s)",
			a.ID, a.Published.Format(time.RFC3339), MinPublished.Format(time.DateOnly), MaxPublished.Format(time.DateOnly))
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

// The default limits of a [Reader] and of Add; see [Limits].
const (
	DefaultMaxArticle = 16 << 20 // bytes of an article's title and body
	DefaultMaxLine    = 32 << 20 // bytes of a JSON line or of an element of a JSON array
)

// Limits bound what is read, so that no input can make a reader hold more than a
// known amount of memory. A zero field means its default; a negative one, no
// limit. A record over a limit is reported (as an *InputError wrapping a
// *LimitError) and skipped, and reading goes on after it.
type Limits struct {
	// MaxArticle bounds an article's title and body together (the whole of a
	// .txt file); default [DefaultMaxArticle]. [Options].MaxArticle is the
	// same bound for Add.
	MaxArticle int
	// MaxLine bounds a line of JSON Lines and an element of a JSON array;
	// default [DefaultMaxLine]. A longer line is skipped without being held in
	// memory.
	MaxLine int
	// MaxFile bounds the bytes read from one file; default no limit (JSON Lines
	// and JSON arrays are streamed, a .txt file is bounded by MaxArticle). The
	// rest of a longer file is skipped and reported.
	MaxFile int64
}

func (l Limits) article() int { return limit(l.MaxArticle, DefaultMaxArticle) }
func (l Limits) line() int    { return limit(l.MaxLine, DefaultMaxLine) }
func (l Limits) file() int64 {
	if l.MaxFile <= 0 {
		return unlimitedFile
	}
	return l.MaxFile
}

// unlimited and unlimitedFile stand for no limit: half the largest int (and
// int64), so that adding a record's size to a count below them cannot
// overflow, on 32-bit platforms too.
const (
	unlimited     = math.MaxInt / 2
	unlimitedFile = math.MaxInt64 / 2
)

func limit(v, def int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return unlimited
	}
	return v
}

// LimitError is a record or file larger than a limit of [Limits].
type LimitError struct {
	Limit string // the field of Limits: "MaxArticle", "MaxLine" or "MaxFile"
	Max   int64  // its value
}

// Error names the limit and its value.
func (e *LimitError) Error() string {
	what := map[string]string{"MaxArticle": "article", "MaxLine": "line", "MaxFile": "file"}[e.Limit]
	return fmt.Sprintf("%s longer than %d bytes (Limits.%s)", what, e.Max, e.Limit)
}

// A Reader reads articles from files and folders (see [Reader.ReadPath]) and
// from JSON Lines streams. For each article read it calls Add; each record or
// file that cannot be read is reported through Bad as an *InputError with its
// file and line, and reading goes on with the next. The zero value of the other
// fields is the default.
type Reader struct {
	// Add receives each article read. Its error stops the reading.
	Add func(Article) error
	// Bad receives each malformed record (bad JSON, a bad or out-of-range
	// date, no title and body, invalid UTF-8, over a limit) and each input
	// that cannot be read (missing, not a regular file, a symlink leaving its
	// folder). Its error stops the reading; nil means go on.
	Bad func(*InputError) error
	// Warn, when not nil, receives what is read but guessed: the published
	// date of a .txt file, taken from its modification time.
	Warn func(*InputError)
	// Limits bound the sizes read.
	Limits Limits
	// FollowSymlinks follows symbolic links in a folder to files outside it.
	// By default such a link is reported and skipped; links to files inside
	// the folder are followed, links to folders never.
	FollowSymlinks bool
	// Base, when set, is the folder the IDs of .txt files are relative to;
	// by default they are relative to the folder walked, or the file's name
	// for a file named directly. A program that reads several folders in one
	// run sets it to a common parent so that IDs stay unique.
	Base string
}

// ReadJSONL reads articles from JSON Lines, one article a line; blank lines are
// skipped. name is used in error messages. For each article read it calls add;
// each malformed line (bad JSON, a bad date, no title and body, invalid UTF-8, a
// line longer than [DefaultMaxLine]) is reported through bad as an *InputError
// with its line number, and reading goes on. An article without id gets its
// URL, or else [ContentID], as ID. The error returned is an I/O error or the
// first error of add or bad. See [Reader] for other limits.
func ReadJSONL(r io.Reader, name string, add func(Article) error, bad func(*InputError) error) error {
	return (&Reader{Add: add, Bad: bad}).ReadJSONL(r, name)
}

// ReadPath is [Reader.ReadPath] with the default Reader.
func ReadPath(path string, add func(Article) error, bad func(*InputError) error) error {
	return (&Reader{Add: add, Bad: bad}).ReadPath(path)
}

// ReadJSONL reads articles from JSON Lines as the package's [ReadJSONL] does,
// with the Reader's limits.
func (rd *Reader) ReadJSONL(r io.Reader, name string) error {
	return rd.readJSONL(bufio.NewReaderSize(r, 1<<16), name, 0)
}

func (rd *Reader) bad(ie *InputError) error {
	if rd.Bad == nil {
		return ie
	}
	return rd.Bad(ie)
}

// readJSONL reads JSON Lines from br; line0 lines were read before.
func (rd *Reader) readJSONL(br *bufio.Reader, name string, line0 int) error {
	line := line0
	var buf []byte
	for {
		b, long, err := readLine(br, buf[:0], rd.Limits.line())
		buf = b[:0]
		if len(b) > 0 || long || err == nil {
			line++
		}
		b = bytes.TrimSpace(b)
		var le *LimitError
		if errors.As(err, &le) {
			// The file was cut inside this line: it is not a record.
			return rd.bad(&InputError{File: name, Line: line, Err: fmt.Errorf("%w: the rest of the file is skipped", err)})
		}
		var perr error
		switch {
		case long:
			perr = &LimitError{"MaxLine", int64(rd.Limits.line())}
		case len(b) > 0:
			var a Article
			if a, perr = rd.parse(b); perr == nil {
				if e := rd.Add(a); e != nil {
					return e
				}
			}
		}
		if perr != nil {
			if e := rd.bad(&InputError{File: name, Line: line, Err: perr}); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return rd.bad(&InputError{File: name, Line: line, Err: fmt.Errorf("reading after line %d: %w", line, err)})
		}
	}
}

// readLine appends the next line, without its line feed, to buf. A line longer
// than max is read to its end but not kept: long is then true.
func readLine(br *bufio.Reader, buf []byte, max int) (b []byte, long bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !long {
			if len(buf)+len(chunk) > max+1 {
				long, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if n := len(buf); n > 0 && buf[n-1] == '\n' {
			buf = buf[:n-1]
		}
		if !long && len(buf) > max {
			long, buf = true, buf[:0]
		}
		return buf, long, err
	}
}

// parse reads one article from a JSON value.
func (rd *Reader) parse(b []byte) (Article, error) {
	if i, bad := utf8check.FirstInvalid(b); bad {
		return Article{}, fmt.Errorf("invalid UTF-8 at byte %d of the record (the record is skipped, not repaired)", i+1)
	}
	a, err := parseJSONLine(b)
	if err != nil {
		return a, err
	}
	if n := len(a.Title) + len(a.Body); n > rd.Limits.article() {
		return Article{}, fmt.Errorf("article %q: %w", a.ID, &LimitError{"MaxArticle", int64(rd.Limits.article())})
	}
	return a, nil
}

func parseJSONLine(b []byte) (Article, error) {
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

// maxTitle is the longest line taken as the title of a .txt file; a longer first
// line is cut at a word boundary.
const maxTitle = 200

// ReadText reads an article from a plain text file (at most [DefaultMaxArticle]
// bytes). Its title is the first sensible short line: the first line of 2 to 30
// words and at most 200 bytes among the first lines of the file, skipping page
// furniture such as a line that is a single word, a host name (cpu-data.info) or
// a URL; without one, the first non-blank line cut at a word boundary. The lines
// before the title are dropped as page furniture; the rest is the body. The ID is
// the given id. The published date is the dateline's, a day of the week and a
// date in the first 4 KB ("Sabtu (24/3/2018)", "Senin, 5 Februari 2024"), or
// else mod, the file's modification time, when it is not zero ([Reader] warns
// that this date is a guess).
func ReadText(r io.Reader, id string, mod time.Time) (Article, error) {
	return readText(r, id, mod, DefaultMaxArticle)
}

func readText(r io.Reader, id string, mod time.Time, max int) (Article, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return Article{}, fmt.Errorf("reading %s: %w", id, err)
	}
	if len(b) > max {
		return Article{}, &LimitError{"MaxArticle", int64(max)}
	}
	if !utf8.Valid(b) {
		return Article{}, fmt.Errorf("article %q is not valid UTF-8", id)
	}
	text := strings.TrimLeft(strings.ReplaceAll(string(b), "\r\n", "\n"), " \t\n\ufeff")
	title, body := textTitle(text)
	a := Article{ID: id, Title: title, Body: body, Published: mod}
	if t, ok := datelineDate(text); ok {
		a.Published = t
	}
	if err := a.Validate(); err != nil {
		return Article{}, err
	}
	return a, nil
}

// datelineRules find the date of a news text in its first bytes: a day of the
// week followed by a date, as Indonesian news write their dateline ("Sabtu
// (24/3/2018)", "Senin, 5 Februari 2024"). A date without its day of the week is
// more often the date of an event than of the article, so it is not taken.
var datelineRules = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\s*,?\s*\(?\s*(\d{1,2})/(\d{1,2})/(\d{4})\b`),
	regexp.MustCompile(`(?i)\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\s*,?\s*\(?\s*(\d{1,2})\s+(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)\s+(\d{4})\b`),
}

// datelineWindow is how far into a .txt file datelineDate looks.
const datelineWindow = 4096

var monthNames = map[string]time.Month{
	"januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
	"juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}

// datelineDate returns the earliest dateline date in the first datelineWindow
// bytes of text.
func datelineDate(text string) (time.Time, bool) {
	head := text[:min(len(text), datelineWindow)]
	best, bestAt := time.Time{}, len(head)
	for _, re := range datelineRules {
		for _, m := range re.FindAllStringSubmatchIndex(head, -1) {
			if m[0] >= bestAt {
				break
			}
			day, _ := strconv.Atoi(head[m[2]:m[3]])
			mon := head[m[4]:m[5]]
			month := monthNames[strings.ToLower(mon)]
			if month == 0 {
				n, _ := strconv.Atoi(mon)
				month = time.Month(n)
			}
			year, _ := strconv.Atoi(head[m[6]:m[7]])
			t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
			if month < 1 || month > 12 || t.Day() != day || t.Month() != month {
				continue // 31/2: not a date
			}
			best, bestAt = t, m[0]
			break
		}
	}
	return best, !best.IsZero()
}

// titleLines is how many non-blank lines textTitle looks at for a title.
const titleLines = 8

// textTitle splits the text of a .txt file into its title and body.
func textTitle(text string) (title, body string) {
	rest := text
	for k := 0; k < titleLines && rest != ""; {
		line, after, _ := strings.Cut(rest, "\n")
		if l := strings.TrimSpace(line); l != "" {
			k++
			if titleLike(l) {
				return l, strings.TrimSpace(after)
			}
		}
		rest = after
	}
	// No sensible line: the first line, cut at a word boundary.
	line, after, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if len(line) <= maxTitle {
		return line, strings.TrimSpace(after)
	}
	cut := strings.LastIndexAny(line[:maxTitle], " \t")
	if cut <= 0 {
		cut = maxTitle
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
	}
	return strings.TrimSpace(line[:cut]) + "…", strings.TrimSpace(text)
}

// titleLike reports whether a line looks like a headline: 2 to 30 words, at most
// maxTitle bytes, not a URL, and with a word of letters.
func titleLike(l string) bool {
	if len(l) > maxTitle || strings.Contains(l, "://") || strings.HasPrefix(l, "www.") {
		return false
	}
	words := strings.Fields(l)
	if len(words) < 2 || len(words) > 30 {
		return false
	}
	letters := 0
	for _, r := range l {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= len(l)/2
}

// ReadPath reads the articles of a file or a folder: a .jsonl (or .ndjson) file
// is JSON Lines, a .json file a JSON array of articles or JSON Lines, a .txt file
// is one article (see [ReadText]; its ID is its path relative to the folder given
// or to Reader.Base), and a folder is walked for all three kinds, in lexical
// order. Inside a folder, files of other kinds are ignored, and only regular files
// are read: named pipes, devices and sockets are reported and skipped, and so are
// symbolic links to folders and, unless FollowSymlinks is set, to files outside
// the folder. A file of another kind named directly (such as /dev/stdin) is read
// as JSON Lines; it may be a regular file or a pipe. A path that cannot be read
// is reported through Bad like a malformed record, with line 0; the error
// returned is the first error of Add or Bad.
func (rd *Reader) ReadPath(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return rd.bad(&InputError{File: path, Err: unwrapPath(err)})
	}
	if !st.IsDir() {
		if m := st.Mode(); !m.IsRegular() && m&fs.ModeNamedPipe == 0 {
			return rd.bad(&InputError{File: path, Err: notRegular(m)})
		}
		id := filepath.Base(path)
		if rd.Base != "" {
			id = relID(rd.Base, path)
		}
		return rd.readFile(path, id, true)
	}
	root, err := filepath.EvalSymlinks(path)
	if err != nil {
		return rd.bad(&InputError{File: path, Err: unwrapPath(err)})
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return rd.bad(&InputError{File: p, Err: unwrapPath(err)})
		}
		if d.IsDir() || kindOf(p) == "" {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(p)
			if err != nil {
				return rd.bad(&InputError{File: p, Err: fmt.Errorf("broken symbolic link: %w", unwrapPath(err))})
			}
			st, err := os.Stat(target)
			switch {
			case err != nil:
				return rd.bad(&InputError{File: p, Err: unwrapPath(err)})
			case st.IsDir():
				return rd.bad(&InputError{File: p, Err: fmt.Errorf("symbolic link to the folder %s is not followed", target)})
			case !st.Mode().IsRegular():
				return rd.bad(&InputError{File: p, Err: notRegular(st.Mode())})
			case !rd.FollowSymlinks && !inside(root, target):
				return rd.bad(&InputError{File: p, Err: fmt.Errorf("symbolic link to %s, outside %s, is not followed (allow with Reader.FollowSymlinks, --follow-symlinks)", target, path)})
			}
		} else if !d.Type().IsRegular() {
			return rd.bad(&InputError{File: p, Err: notRegular(d.Type())})
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	base := path
	if rd.Base != "" {
		base = rd.Base
	}
	for _, f := range files {
		if err := rd.readFile(f, relID(base, f), false); err != nil {
			return err
		}
	}
	return nil
}

// relID is the ID of a .txt file: its slash-separated path relative to base.
func relID(base, f string) string {
	rel, err := filepath.Rel(base, f)
	if err != nil {
		if abs, aerr := filepath.Abs(f); aerr == nil {
			rel = abs
		} else {
			rel = f
		}
	}
	return filepath.ToSlash(rel)
}

// inside reports whether the resolved path p is root or inside it.
func inside(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

// notRegular says what kind of file of mode m is skipped.
func notRegular(m fs.FileMode) error {
	kind := "special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeCharDevice != 0:
		kind = "character device"
	case m&fs.ModeDevice != 0:
		kind = "device"
	}
	return fmt.Errorf("not a regular file but a %s: skipped", kind)
}

// unwrapPath drops the path a *fs.PathError repeats, since InputError names the
// file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// maxReader reads at most max bytes of r and then fails with a *LimitError for
// MaxFile.
type maxReader struct {
	r   io.Reader
	n   int64 // bytes read
	max int64
}

func (m *maxReader) Read(p []byte) (int, error) {
	if m.n >= m.max {
		// One byte more tells whether the file is longer than the limit.
		var one [1]byte
		if k, _ := m.r.Read(one[:]); k == 0 {
			return 0, io.EOF
		}
		return 0, &LimitError{"MaxFile", m.max}
	}
	if int64(len(p)) > m.max-m.n {
		p = p[:m.max-m.n]
	}
	k, err := m.r.Read(p)
	m.n += int64(k)
	return k, err
}

// readJSON reads a .json file: a JSON array of articles, or JSON Lines. The array
// is decoded an element at a time; an element is reported with the line it starts
// on.
func (rd *Reader) readJSON(r io.Reader, name string) error {
	br := bufio.NewReaderSize(r, 1<<16)
	// Skip a byte-order mark and spaces to see whether this is an array.
	line := 0
	for {
		b, err := br.Peek(1)
		if err != nil {
			return rd.readJSONL(br, name, line) // empty
		}
		if b[0] == '\n' {
			line++
		}
		if b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n' {
			br.Discard(1)
			continue
		}
		if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
			br.Discard(3)
			continue
		}
		if b[0] != '[' {
			return rd.readJSONL(br, name, line)
		}
		break
	}
	cr := &lineCounter{r: br, lines: line, max: int64(rd.Limits.line())}
	dec := json.NewDecoder(cr)
	lineAt := func() int { return 1 + cr.lines - bufferedNL(dec) }
	if _, err := dec.Token(); err != nil { // the opening bracket
		return rd.bad(&InputError{File: name, Line: lineAt(), Err: fmt.Errorf("bad JSON: %w", err)})
	}
	for dec.More() {
		cr.mark = dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The rest of the array cannot be read.
			var le *LimitError
			if errors.As(err, &le) {
				return rd.bad(&InputError{File: name, Line: lineAt(), Err: fmt.Errorf("%w: the rest of the file is skipped", err)})
			}
			return rd.bad(&InputError{File: name, Line: lineAt(), Err: fmt.Errorf("bad JSON, the rest of the file is skipped: %w", err)})
		}
		start := lineAt() - countNL(raw)
		if len(raw) > rd.Limits.line() {
			if e := rd.bad(&InputError{File: name, Line: start, Err: &LimitError{"MaxLine", int64(rd.Limits.line())}}); e != nil {
				return e
			}
			continue
		}
		a, err := rd.parse(raw)
		if err != nil {
			if e := rd.bad(&InputError{File: name, Line: start, Err: err}); e != nil {
				return e
			}
			continue
		}
		if e := rd.Add(a); e != nil {
			return e
		}
	}
	if _, err := dec.Token(); err != nil { // the closing bracket
		return rd.bad(&InputError{File: name, Line: lineAt(), Err: fmt.Errorf("bad JSON at the end of the array: %w", err)})
	}
	return nil
}

// lineCounter counts the line feeds read through it, and fails when more than
// max bytes (plus a read-ahead) are read after mark, the offset where the
// current element of an array starts, so that one element cannot fill memory.
type lineCounter struct {
	r     io.Reader
	lines int
	n     int64 // bytes read
	mark  int64
	max   int64
}

func (c *lineCounter) Read(p []byte) (int, error) {
	if c.n-c.mark > c.max+1<<16 {
		return 0, &LimitError{"MaxLine", c.max}
	}
	k, err := c.r.Read(p)
	c.lines += countNL(p[:k])
	c.n += int64(k)
	return k, err
}

// countNL counts the line feeds in b.
func countNL(b []byte) int { return bytes.Count(b, []byte{'\n'}) }

// bufferedNL counts the line feeds in what a decoder has read but not decoded.
func bufferedNL(dec *json.Decoder) int {
	var c nlCounter
	io.Copy(&c, dec.Buffered()) // a bytes.Reader: one Write, no copy
	return int(c)
}

type nlCounter int

func (c *nlCounter) Write(p []byte) (int, error) { *c += nlCounter(countNL(p)); return len(p), nil }

func kindOf(p string) string {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".jsonl", ".ndjson", ".json":
		return "jsonl"
	case ".txt":
		return "txt"
	}
	return ""
}

func (rd *Reader) readFile(path, id string, named bool) error {
	kind := kindOf(path)
	if kind == "" && named {
		kind = "jsonl" // a named file of unknown kind (such as /dev/stdin) is JSON Lines
	}
	f, err := os.Open(path)
	if err != nil {
		return rd.bad(&InputError{File: path, Err: unwrapPath(err)})
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return rd.bad(&InputError{File: path, Err: unwrapPath(err)})
	}
	if m := st.Mode(); !m.IsRegular() && !(named && m&fs.ModeNamedPipe != 0) {
		return rd.bad(&InputError{File: path, Err: notRegular(m)})
	}
	r := &maxReader{r: f, max: rd.Limits.file()}
	if kind == "jsonl" && strings.EqualFold(filepath.Ext(path), ".json") {
		return rd.readJSON(r, path)
	}
	if kind == "jsonl" {
		return rd.ReadJSONL(r, path)
	}
	var mod time.Time
	if st.Mode().IsRegular() {
		mod = st.ModTime().UTC()
	}
	a, err := readText(r, id, mod, int(min(int64(rd.Limits.article()), rd.Limits.file())))
	if err != nil {
		return rd.bad(&InputError{File: path, Err: err})
	}
	if !mod.IsZero() && a.Published.Equal(mod) && rd.Warn != nil {
		rd.Warn(&InputError{File: path, Err: fmt.Errorf("no dateline in a .txt file: published date set to the file's modification time, %s (a guess)", mod.Format(time.DateOnly))})
	}
	return rd.Add(a)
}
