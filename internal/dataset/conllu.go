package dataset

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word of a UD sentence (a line whose id is a whole number).
type Word struct {
	ID    int
	Form  string
	Lemma string
	UPOS  string
	XPOS  string
	Feats string
	Misc  string
}

// Surface is one surface token of a UD sentence: either a single word, or a
// multiword token such as "membelinya" (id 13-14) that the treebank splits into the
// syntactic words First..Last.
type Surface struct {
	Form        string
	First, Last int // ids of the words it covers
}

// UDSentence is one sentence of a CoNLL-U file.
type UDSentence struct {
	ID      string // the "# sent_id" comment
	Text    string // the "# text" comment: the raw sentence
	Words   []Word
	Surface []Surface
}

// ReadCoNLLU reads a CoNLL-U file. Empty nodes (ids such as 8.1) are skipped.
func ReadCoNLLU(path string) ([]UDSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read CoNLL-U: %w", err)
	}
	defer f.Close()
	var (
		out  []UDSentence
		cur  UDSentence
		skip int // last word id covered by the current multiword token
		line int
	)
	flush := func() {
		if len(cur.Words) > 0 || cur.Text != "" {
			out = append(out, cur)
		}
		cur, skip = UDSentence{}, 0
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		switch {
		case s == "":
			flush()
		case strings.HasPrefix(s, "# text = "):
			cur.Text = strings.TrimPrefix(s, "# text = ")
		case strings.HasPrefix(s, "# sent_id = "):
			cur.ID = strings.TrimPrefix(s, "# sent_id = ")
		case strings.HasPrefix(s, "#"):
		default:
			c := strings.Split(s, "\t")
			if len(c) != 10 {
				return nil, fmt.Errorf("%s:%d: %d columns, want 10", path, line, len(c))
			}
			if a, b, ok := strings.Cut(c[0], "-"); ok {
				first, err1 := strconv.Atoi(a)
				last, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil {
					return nil, fmt.Errorf("%s:%d: bad range id %q", path, line, c[0])
				}
				cur.Surface = append(cur.Surface, Surface{Form: c[1], First: first, Last: last})
				skip = last
				continue
			}
			if strings.Contains(c[0], ".") {
				continue
			}
			id, err := strconv.Atoi(c[0])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad id %q", path, line, c[0])
			}
			cur.Words = append(cur.Words, Word{ID: id, Form: c[1], Lemma: c[2], UPOS: c[3], XPOS: c[4], Feats: c[5], Misc: c[9]})
			if id > skip {
				cur.Surface = append(cur.Surface, Surface{Form: c[1], First: id, Last: id})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read CoNLL-U %s: %w", path, err)
	}
	flush()
	return out, nil
}
