package entity

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/telaah/telaah/tokenize"
)

// TagSentences runs [Recognizer.Extract] — the model, repairs, rules, resolution,
// propagation and clustering — over sentences given as words, and returns the
// BIO tag (B-PER, I-ORG, O…) of every word from the PER, ORG and LOC entities it
// finds. It is what "telaah entities --conll" prints and what the accuracy tests
// score, so the published figures describe what Extract users get.
//
// Sentences from the one with DocStart set up to the next one form a document,
// over which Extract propagates and clusters names; when no sentence has DocStart,
// every sentence is a document of its own (as in corpora without -DOCSTART-
// lines). The words of a document are joined by spaces, its sentences by line
// breaks; each word stays one token.
func (r *Recognizer) TagSentences(sents []TaggedSentence) [][]string {
	out := make([][]string, len(sents))
	docs := false
	for _, s := range sents {
		docs = docs || s.DocStart
	}
	for i := 0; i < len(sents); {
		j := i + 1
		for docs && j < len(sents) && !sents[j].DocStart {
			j++
		}
		words := make([][]string, j-i)
		for k := range words {
			words[k] = sents[i+k].Words
		}
		copy(out[i:j], r.TagDocument(words))
		i = j
	}
	return out
}

// TagDocument is [Recognizer.TagSentences] for the sentences of one document.
func (r *Recognizer) TagDocument(sents [][]string) [][]string {
	var b strings.Builder
	ts := make([]tokenize.Sentence, len(sents))
	out := make([][]string, len(sents))
	for i, words := range sents {
		if i > 0 {
			b.WriteByte('\n')
		}
		ts[i].Start = b.Len()
		toks := make([]tokenize.Token, 0, len(words))
		for k, w := range words {
			if k > 0 {
				b.WriteByte(' ')
			}
			toks = append(toks, tokenize.Token{Text: w, Start: b.Len(), End: b.Len() + len(w)})
			b.WriteString(w)
		}
		ts[i].Tokens, ts[i].End = toks, b.Len()
		out[i] = make([]string, len(words))
		for k := range out[i] {
			out[i][k] = "O"
		}
	}
	text := b.String()
	es := r.ExtractSentences(text, ts)
	// Entities and tokens are both in text order: one sweep maps each name to
	// the tokens it covers.
	e := 0
	for i := range ts {
		for k, t := range ts[i].Tokens {
			for e < len(es) && (es[e].End <= t.Start || !isName(es[e].Label)) {
				e++
			}
			if e == len(es) {
				break
			}
			if es[e].Start > t.Start || t.End > es[e].End {
				continue
			}
			prefix := "I-"
			if k == 0 || ts[i].Tokens[k-1].End <= es[e].Start {
				prefix = "B-"
			}
			out[i][k] = prefix + string(es[e].Label)
		}
	}
	return out
}

// TagCoNLL reads CoNLL tokens from in (the token in the first column, a blank line
// between sentences, "-DOCSTART-" lines between documents) and writes each token
// with its tag from [Recognizer.TagSentences] to out, token<TAB>tag a line, a blank
// line after each sentence, and "-DOCSTART-" lines as they came. Sentences before
// the first "-DOCSTART-" line are documents of their own; after it, documents are
// buffered until the next one, so memory grows with the longest document only.
func (r *Recognizer) TagCoNLL(in io.Reader, out io.Writer) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	w := bufio.NewWriter(out)
	var doc [][]string // sentences of the current document
	var words []string
	docs := false
	endSentence := func() {
		if len(words) > 0 {
			doc = append(doc, words)
			words = nil
		}
	}
	endDocument := func() {
		endSentence()
		if len(doc) == 0 {
			return
		}
		for i, tags := range r.TagDocument(doc) {
			for k, t := range tags {
				w.WriteString(doc[i][k])
				w.WriteByte('\t')
				w.WriteString(t)
				w.WriteByte('\n')
			}
			w.WriteByte('\n')
		}
		doc = doc[:0]
	}
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			endSentence()
			if !docs {
				endDocument()
			}
			continue
		}
		var tok string
		if i := strings.IndexByte(s, '\t'); i >= 0 {
			tok = s[:i]
		} else if f := strings.Fields(s); len(f) > 0 {
			tok = f[0]
		}
		if strings.HasPrefix(tok, "-DOCSTART-") {
			endDocument()
			docs = true
			w.WriteString(s)
			w.WriteString("\n\n")
			continue
		}
		words = append(words, tok)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("entity: reading CoNLL line %d: %w", line+1, err)
	}
	endDocument()
	return w.Flush()
}
