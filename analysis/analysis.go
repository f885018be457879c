// Package analysis is Telaah's text pipeline for Indonesian: it normalises text,
// tokenizes it, marks stopwords, stems, and finds named entities.
//
// PROVISIONAL: a placeholder with the final API, replaced by issue 5.
package analysis

import (
	"strings"

	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/analysis/stem"
	"github.com/telaah/telaah/tokenize"
)

// IsStopword reports whether the lower-case word is an Indonesian stopword.
func IsStopword(lower string) bool { return false }

// Term is one token as analysis sees it.
type Term struct {
	tokenize.Token
	Norm     string // normalised, lower-case form
	Stem     string // root from the stemmer ("" for non-words)
	Stopword bool
	Proper   bool // protected from stemming: a proper noun or inside an entity
}

// Pipeline runs the analysis. The zero value uses the default tokenizer, stemmer
// and entity recognizer.
type Pipeline struct {
	Tokenizer  tokenize.Tokenizer
	Stemmer    *stem.Stemmer
	Recognizer *entity.Recognizer
}

// Document is the analysis of one text.
type Document struct {
	Text      string
	Terms     []Term
	Sentences []tokenize.Sentence
	Entities  []entity.Entity
}

// Terms tokenizes, normalises and stems text without finding entities.
func (p *Pipeline) Terms(text string) []Term {
	var out []Term
	for _, t := range p.Tokenizer.Tokenize(text) {
		n := strings.ToLower(t.Text)
		out = append(out, Term{Token: t, Norm: n, Stem: n})
	}
	return out
}

// Analyze runs the whole pipeline on text.
func (p *Pipeline) Analyze(text string) *Document {
	return &Document{Text: text, Terms: p.Terms(text), Sentences: p.Tokenizer.Sentences(text)}
}
