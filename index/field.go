package index

import (
	"unsafe"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/size"
	bindex "github.com/blevesearch/bleve_index_api"

	ta "github.com/telaah/telaah/analysis"
	"github.com/telaah/telaah/tokenize"
)

// textField is the title or the body of an article as Add indexes it: a bleve
// text field whose term frequencies and locations (the term vectors of
// highlighting and phrases) are computed from the pipeline's terms when the
// document is built, in a few allocations, instead of by bleve from a token
// stream (document.TextField.Analyze copies the text, and
// analysis.TokenFrequency allocates two or three objects per distinct term).
// It indexes the tokens of stream(terms, keepSurface), at the same positions
// and offsets.
type textField struct {
	*document.TextField
	length int
	freqs  bindex.TokenFrequencies
}

// textFieldOptions are the indexing options of title and body: indexed, stored
// (for Get and highlighting) and with term vectors (for phrases and
// highlighting).
const textFieldOptions = bindex.IndexField | bindex.StoreField | bindex.IncludeTermVectors

// newTextField returns the field name of value, analysed into terms.
func newTextField(name, value string, terms []ta.Term, keepSurface bool) *textField {
	f := &textField{TextField: document.NewTextFieldWithIndexingOptions(name, nil, []byte(value), textFieldOptions)}
	f.length, f.freqs = frequencies(terms, keepSurface)
	return f
}

// Analyze does nothing: the frequencies were computed with the field.
func (f *textField) Analyze() {}

// AnalyzedLength returns the number of tokens of the field.
func (f *textField) AnalyzedLength() int { return f.length }

// AnalyzedTokenFrequencies returns the terms of the field with their locations.
func (f *textField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }

// Size estimates the bytes the field holds, for bleve's accounting of a batch,
// without walking the frequencies.
func (f *textField) Size() int {
	perLocation := int(unsafe.Sizeof(bindex.TokenLocation{})) + size.SizeOfPtr
	perTerm := int(unsafe.Sizeof(bindex.TokenFreq{})) + 2*size.SizeOfString
	return f.TextField.Size() + f.length*perLocation + len(f.freqs)*perTerm
}

// frequencies returns the number of tokens of stream(terms, keepSurface) and
// their frequencies and locations, as analysis.TokenFrequency computes them
// for a field with term vectors. The terms are the strings of the Terms
// (nothing writes to a term's bytes); the frequencies, the locations and the
// pointers to them are carved out of one slab each.
func frequencies(terms []ta.Term, keepSurface bool) (int, bindex.TokenFrequencies) {
	// The tokens in stream's order: the stem, then the surface, of each term.
	type token struct {
		term       string
		start, end int
		pos        int
	}
	toks := make([]token, 0, len(terms)+len(terms)/4)
	for t := range indexed(terms) {
		if t.Stopword {
			continue
		}
		if t.Kind == tokenize.Word && !t.Proper && t.Stem != "" && t.Stem != t.surface {
			toks = append(toks, token{t.Stem, t.Start, t.End, t.pos})
			if !keepSurface {
				continue
			}
		}
		toks = append(toks, token{t.surface, t.Start, t.End, t.pos})
	}
	freqs := make(bindex.TokenFrequencies, len(toks)/2+1)
	tfs := make([]bindex.TokenFreq, 0, len(toks))
	which := make([]*bindex.TokenFreq, len(toks)) // each token's term
	for i, tok := range toks {
		tf, ok := freqs[tok.term]
		if !ok {
			tfs = append(tfs, bindex.TokenFreq{Term: unsafe.Slice(unsafe.StringData(tok.term), len(tok.term))})
			tf = &tfs[len(tfs)-1]
			freqs[tok.term] = tf
		}
		tf.SetFrequency(tf.Frequency() + 1)
		which[i] = tf
	}
	// Each term's locations are a run of ptrs, as long as its frequency.
	ptrs := make([]*bindex.TokenLocation, len(toks))
	off := 0
	for i := range tfs {
		n := tfs[i].Frequency()
		tfs[i].Locations = ptrs[off : off : off+n]
		off += n
	}
	locs := make([]bindex.TokenLocation, len(toks))
	for i, tok := range toks {
		locs[i] = bindex.TokenLocation{Start: tok.start, End: tok.end, Position: tok.pos}
		tf := which[i]
		tf.Locations = append(tf.Locations, &locs[i])
	}
	return len(toks), freqs
}
