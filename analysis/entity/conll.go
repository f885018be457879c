package entity

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// TaggedSentence is a sentence of words with one BIO tag each (B-PER, I-ORG, O…), as
// CoNLL files hold them.
type TaggedSentence struct {
	Words []string
	Tags  []string
	// Auxiliary marks a sentence from a corpus annotated in another style (NERGrit
	// beside the news corpus idner): [Train] gives its features a private copy
	// that soaks up the style differences, so that they do not shift the weights
	// used at run time.
	Auxiliary bool
	// DocStart marks the first sentence of a document: the first after a
	// "-DOCSTART-" line.
	DocStart bool
}

// ReadCoNLL reads CoNLL data: one token a line with the token in the first column
// and its tag in the last (columns split by tabs if the line has one, else by
// spaces), a blank line between sentences, CRLF tolerated. A line with a single
// column gets the tag O. Tags are normalised to PER, ORG and LOC (NERGrit's PERSON,
// PLACE and ORGANISATION are mapped); other labels read as O. A line starting with
// "-DOCSTART-" separates documents: the sentence after it has DocStart set.
func ReadCoNLL(r io.Reader) ([]TaggedSentence, error) {
	var out []TaggedSentence
	var cur TaggedSentence
	docStart := false
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			cur.Tags = normaliseBIO(cur.Tags)
			cur.DocStart, docStart = docStart, false
			out = append(out, cur)
			cur = TaggedSentence{}
		}
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r\n")
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		var cols []string
		if strings.Contains(s, "\t") {
			cols = strings.Split(s, "\t")
		} else {
			cols = strings.Fields(s)
		}
		if strings.HasPrefix(cols[0], "-DOCSTART-") {
			flush()
			docStart = true
			continue
		}
		tg := "O"
		if len(cols) > 1 {
			tg = strings.TrimSpace(cols[len(cols)-1])
		}
		cur.Words = append(cur.Words, cols[0])
		cur.Tags = append(cur.Tags, tg)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("entity: reading CoNLL line %d: %w", line+1, err)
	}
	flush()
	return out, nil
}

// normaliseBIO maps tags to the model's labels and repairs an I- tag that does not
// continue an entity of its label into a B- tag, as conlleval reads it.
func normaliseBIO(tags []string) []string {
	prev := numTags
	for i, s := range tags {
		t := parseTag(s)
		if t.isInside() && !allowed(prev, t) {
			t--
		}
		tags[i] = t.String()
		prev = t
	}
	return tags
}

// parseTags converts tag strings to tags.
func parseTags(tags []string) []tag {
	out := make([]tag, len(tags))
	prev := numTags
	for i, s := range tags {
		t := parseTag(s)
		if t.isInside() && !allowed(prev, t) {
			t--
		}
		out[i] = t
		prev = t
	}
	return out
}
