package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/telaah/telaah/index"
)

// runIndex indexes articles from JSON Lines files and folders of .txt files.
// Each input is read on its own: a path that cannot be read and a malformed
// record are reported and skipped, and everything valid before and after them is
// indexed; the exit code is then 1 (2 when a record was over a size limit).
func runIndex(e *env, args []string) error {
	fs := newFlags(e, "index", "--index DIR|--opensearch URL [flags] FILE|DIR|-...")
	dir := fs.String("index", "", "the index `directory` (created when it does not exist)")
	cluster := addClusterFlags(fs, true)
	batch := fs.Int("batch", index.DefaultBatchSize, "articles per durable batch")
	quiet := fs.Bool("quiet", false, "print only the summary and the skipped records")
	maxArticle := fs.Int("max-article", index.DefaultMaxArticle, "most `bytes` of an article's title and body (and of a .txt file); larger ones are skipped")
	maxAnalyzed := fs.Int("max-analyzed", index.DefaultMaxAnalyzed, "most `bytes` of an article's body (and of its title) analysed (0: no limit); the rest is stored but not searchable, and reported")
	maxLine := fs.Int("max-line", index.DefaultMaxLine, "most `bytes` of a JSON line or JSON array element; longer ones are skipped")
	maxFile := fs.Int64("max-file", 0, "most `bytes` read from one input file (0: no limit); the rest is skipped")
	follow := fs.Bool("follow-symlinks", false, "follow symbolic links in folders to files outside them")
	lockTimeout := fs.Duration("lock-timeout", index.DefaultLockTimeout, "how long to wait for an index another process holds")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needsTarget(cluster, *dir); err != nil {
		fs.Usage()
		return err
	}
	if *dir != "" && cluster.url != "" {
		return usageError{"give --index DIR or --opensearch URL, not both"}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"no input: give JSON Lines (.jsonl), JSON (.json) files or folders of .txt files (- for stdin)"}
	}
	if *batch <= 0 {
		return usageError{fmt.Sprintf("--batch %d: must be positive", *batch)}
	}
	if *maxArticle <= 0 || *maxLine <= 0 || *maxFile < 0 || *maxAnalyzed < 0 {
		return usageError{"--max-article and --max-line must be positive, --max-file and --max-analyzed not negative"}
	}
	if *maxAnalyzed == 0 {
		*maxAnalyzed = -1 // index.Options: negative is no limit
	}
	opts := &index.Options{BatchSize: *batch, MaxArticle: *maxArticle, MaxAnalyzed: *maxAnalyzed, LockTimeout: *lockTimeout}
	// An existing index is opened now, so that a lock is reported before any
	// reading; a new one is made only when there is an article to put in it.
	var (
		x       index.Backend
		created bool
		target  = *dir
	)
	p := newProgress(e.stderr, estimate(fs.Args()), *quiet)
	opts.Analyzed = p.analyzed
	// The run's state exists before any backend is opened: a backend copies
	// its options, the notice of a partly analysed article included.
	st := &indexRun{e: e, p: p, batch: *batch, seen: map[string]string{}, pendingAt: map[string]int{}}
	opts.Partial = st.partial
	if cluster.url != "" {
		c, name, err := writeBackend(cluster, opts)
		if err != nil {
			return err
		}
		x, target = c, name
	} else if exists, err := indexExists(*dir); err != nil {
		return err
	} else if exists {
		if x, err = index.Open(*dir, opts); err != nil {
			return err
		}
	}
	st.open = func() (index.Backend, error) {
		if x == nil {
			var err error
			if x, err = index.Create(*dir, opts); err != nil {
				return nil, err
			}
			created = true
		}
		return x, nil
	}
	rd := &index.Reader{
		Add: st.add, Bad: st.bad, Warn: st.warn,
		Limits:         index.Limits{MaxArticle: *maxArticle, MaxLine: *maxLine, MaxFile: *maxFile},
		FollowSymlinks: *follow,
		Base:           idBase(fs.Args()),
	}
	start := time.Now()
	var err error
	stdin := false
	for _, path := range fs.Args() {
		st.file = path
		if path == "-" {
			if stdin {
				err = usageError{`"-" (stdin) given twice`}
				break
			}
			stdin = true
			st.file = "stdin"
			err = rd.ReadJSONL(e.stdin, "stdin")
		} else {
			err = rd.ReadPath(path)
		}
		if err != nil {
			break
		}
	}
	if err == nil {
		err = st.flush()
	}
	var cerr error
	if x != nil {
		cerr = x.Close()
	}
	p.finish()
	el := time.Since(start)
	done := st.done
	rate := float64(done) / max(el.Seconds(), 1e-9)
	where := "no index created"
	switch {
	case created:
		where = "created " + target
	case x != nil:
		where = "added to " + target
	}
	noun := "articles"
	if done == 1 {
		noun = "article"
	}
	fmt.Fprintf(e.stderr, "indexed %d %s in %.1fs (%.0f docs/s); %s\n", done, noun, el.Seconds(), rate, where)
	if st.partials > 0 {
		fmt.Fprintf(e.stderr, "notice: %d %s longer than --max-analyzed %d bytes: stored whole, searchable only in that part (listed above)\n", st.partials, plural(st.partials, "article was", "articles were"), *maxAnalyzed)
	}
	if st.guessed > 0 && *quiet {
		fmt.Fprintf(e.stderr, "warning: %d .txt files have no date of their own: their published date is the file's modification time (a guess)\n", st.guessed)
	}
	if err != nil {
		return err
	}
	if cerr != nil {
		return cerr
	}
	var problems []string
	if len(st.unreadable) > 0 {
		problems = append(problems, fmt.Sprintf("%d %s could not be read (%s)", len(st.unreadable), plural(len(st.unreadable), "input", "inputs"), strings.Join(st.unreadable, ", ")))
	}
	if st.skipped > 0 {
		problems = append(problems, fmt.Sprintf("skipped %d malformed %s (listed above)", st.skipped, plural(st.skipped, "record", "records")))
	}
	if st.dups > 0 {
		problems = append(problems, fmt.Sprintf("%d duplicate %s: each later record replaced the earlier one (listed above)", st.dups, plural(st.dups, "id", "ids")))
	}
	if len(problems) == 0 {
		return nil
	}
	msg := strings.Join(problems, "; ") + "; all valid articles were indexed"
	if st.tooLarge > 0 {
		return usageError{fmt.Sprintf("%s; %d over a size limit (raise --max-article, --max-line or --max-file)", msg, st.tooLarge)}
	}
	return errors.New(msg)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// indexRun is the state of one "telaah index": the pending batch, the IDs seen
// and the problems met.
type indexRun struct {
	e     *env
	p     *progress
	open  func() (index.Backend, error)
	batch int
	file  string // the input being read

	pending   []index.Article
	pendingAt map[string]int    // ID → its position in pending
	seen      map[string]string // ID → where it was read ("file", "stdin")
	done      int               // distinct articles indexed (durable)
	fresh     int               // articles in pending with an ID new to this run

	skipped, dups, tooLarge, guessed int
	partials                         int // articles analysed in part
	unreadable                       []string
}

func (st *indexRun) flush() error {
	if len(st.pending) == 0 {
		return nil
	}
	x, err := st.open()
	if err != nil {
		return err
	}
	if err := x.Add(st.pending...); err != nil {
		return err
	}
	st.pending = st.pending[:0]
	clear(st.pendingAt)
	st.done += st.fresh
	st.fresh = 0
	st.p.update(st.done)
	return nil
}

// add queues an article. A second article with an ID already read in this run is
// reported; it replaces the first, as a later version would in the index.
func (st *indexRun) add(a index.Article) error {
	if first, ok := st.seen[a.ID]; ok {
		st.dups++
		st.p.clear()
		fmt.Fprintf(st.e.stderr, "duplicate id %q in %s (first read from %s): the later record replaces the earlier\n", printable(a.ID), printable(st.file), printable(first))
		if i, ok := st.pendingAt[a.ID]; ok {
			st.pending[i] = a
			return nil
		}
	} else {
		st.seen[a.ID] = st.file
		st.fresh++
	}
	st.pendingAt[a.ID] = len(st.pending)
	st.pending = append(st.pending, a)
	if len(st.pending) >= st.batch {
		return st.flush()
	}
	return nil
}

// partial reports an article whose body was analysed only up to
// --max-analyzed: it is indexed, but the rest of its body cannot be found.
func (st *indexRun) partial(pa index.Partial) {
	st.partials++
	st.p.clear()
	title := ""
	if pa.TitleAnalyzed < pa.Title {
		title = fmt.Sprintf(" and %d of the %d bytes of its title", pa.TitleAnalyzed, pa.Title)
	}
	fmt.Fprintf(st.e.stderr, "notice: article %q (%s): analysed the first %d of the %d bytes of its body%s (--max-analyzed); the rest is stored but not searchable\n",
		printable(pa.ID), printable(st.seen[pa.ID]), pa.Analyzed, pa.Body, title)
}

// bad reports a record or an input that is skipped.
func (st *indexRun) bad(ie *index.InputError) error {
	st.p.clear()
	var le *index.LimitError
	if errors.As(ie, &le) {
		st.tooLarge++
	}
	if ie.Line == 0 && st.isInput(ie.File) {
		st.unreadable = append(st.unreadable, ie.File)
		fmt.Fprintf(st.e.stderr, "cannot read %s\n", printable(ie.Error()))
		return nil
	}
	st.skipped++
	fmt.Fprintf(st.e.stderr, "skipped %s\n", printable(ie.Error()))
	return nil
}

// isInput reports whether f is the input being read itself (not a file in it).
func (st *indexRun) isInput(f string) bool { return f == st.file }

func (st *indexRun) warn(ie *index.InputError) {
	st.guessed++
	if st.p.quiet {
		return
	}
	st.p.clear()
	fmt.Fprintf(st.e.stderr, "warning: %s\n", printable(ie.Error()))
}

// indexExists reports whether dir holds something (an index, or anything that
// index.Open should judge); an absent or empty directory is not an index.
func indexExists(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("index %s: %w", dir, err)
	}
	return len(entries) > 0, nil
}

// idBase is the folder the IDs of .txt files are relative to: the folder given
// when one input holds .txt files (a folder, or a .txt file named), else the
// deepest folder holding all such inputs, so that two files with the same name
// in different folders keep different IDs. JSON inputs do not count.
func idBase(paths []string) string {
	var dirs []string
	for _, p := range paths {
		if p == "-" {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return ""
		}
		st, err := os.Stat(abs)
		switch {
		case err != nil:
			continue
		case !st.IsDir() && !strings.EqualFold(filepath.Ext(abs), ".txt"):
			continue
		case !st.IsDir():
			abs = filepath.Dir(abs)
		}
		dirs = append(dirs, abs)
	}
	if len(dirs) < 2 {
		return ""
	}
	base := dirs[0]
	for _, d := range dirs[1:] {
		for !inDir(base, d) {
			base = filepath.Dir(base)
		}
	}
	return base
}

func inDir(base, p string) bool {
	rel, err := filepath.Rel(base, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// estimate counts the articles in the inputs for the progress bar: the non-blank
// lines of JSON Lines files and the .txt files in folders. It is 0 when unknown.
func estimate(paths []string) int {
	n := 0
	for _, p := range paths {
		if p == "-" {
			return 0
		}
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			if st.Mode().IsRegular() { // never read a pipe twice
				n += countLines(p)
			}
			continue
		}
		_ = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(q)) {
			case ".txt":
				n++
			case ".jsonl", ".ndjson", ".json":
				n += countLines(q)
			}
			return nil
		})
	}
	return n
}

func countLines(path string) int {
	if strings.EqualFold(filepath.Ext(path), ".txt") {
		return 1
	}
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	r := bufio.NewReaderSize(f, 1<<16)
	blank := true
	for {
		b, err := r.ReadSlice('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			blank = false
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if !blank {
			n++
		}
		blank = true
		if err != nil {
			return n
		}
	}
}

// progress reports indexing progress: a bar redrawn in place on a terminal, a plain
// line per batch otherwise.
type progress struct {
	w     io.Writer
	tty   bool
	quiet bool
	total int
	start time.Time

	mu       sync.Mutex // guards the fields below and the writes to w
	drawn    bool
	indexed  int       // articles indexed (durable)
	seen     int       // articles analysed
	lastDraw time.Time // of the bar
}

func newProgress(w io.Writer, total int, quiet bool) *progress {
	now := time.Now()
	return &progress{w: w, tty: isTerminal(w), quiet: quiet, total: total, start: now, lastDraw: now}
}

// update reports that done articles are indexed.
func (p *progress) update(done int) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.indexed = done
	p.seen = max(p.seen, done)
	if !p.tty {
		// Off a terminal, a line every 10 seconds at most: a short run prints
		// only the summary.
		if time.Since(p.lastDraw) < 10*time.Second {
			return
		}
		p.lastDraw = time.Now()
		el := time.Since(p.start)
		fmt.Fprintf(p.w, "progress: %d articles so far (%.0f docs/s)\n", done, float64(done)/max(el.Seconds(), 1e-9))
		return
	}
	p.draw()
}

// analyzed counts an analysed article and redraws the bar at most ten times a
// second; it is safe for concurrent use.
func (p *progress) analyzed() {
	if p.quiet || !p.tty {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen++
	if time.Since(p.lastDraw) >= 100*time.Millisecond {
		p.draw()
	}
}

// draw redraws the bar: the articles analysed, of which so many are indexed.
func (p *progress) draw() {
	p.lastDraw = time.Now()
	done := p.seen
	el := time.Since(p.start)
	rate := float64(done) / max(el.Seconds(), 1e-9)
	const width = 30
	bar := strings.Repeat("=", width)
	pct := ""
	if p.total > 0 {
		f := min(float64(done)/float64(p.total), 1)
		k := int(f * width)
		bar = strings.Repeat("=", k) + strings.Repeat(" ", width-k)
		pct = fmt.Sprintf(" %3.0f%%", f*100)
	}
	fmt.Fprintf(p.w, "\r[%s]%s %d articles analysed, %d indexed, %.0f docs/s ", bar, pct, done, p.indexed, rate)
	p.drawn = true
}

// clear ends the bar's line so that a message can be printed.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}

func (p *progress) finish() { p.clear() }

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
