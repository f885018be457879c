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
// and offsets (see fieldTokens).
type textField struct {
	*document.TextField
	length int
	freqs  bindex.TokenFrequencies
}

// textFieldOptions are the indexing options of title and body: indexed, stored
// (for Get and highlighting) and with term vectors (for phrases and
// highlighting).
const textFieldOptions = bindex.IndexField | bindex.StoreField | bindex.IncludeTermVectors

// newTextField returns the field name of value, whose terms were added to toks.
func newTextField(name, value string, toks *fieldTokens) *textField {
	f := &textField{TextField: document.NewTextFieldWithIndexingOptions(name, nil, []byte(value), textFieldOptions)}
	f.length, f.freqs = toks.frequencies()
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

// fieldTokens collects the tokens of a field from its terms, as stream and
// the "id" analyzer make them: the stem, then (with keepSurface) the surface,
// of each term that is not a stopword, at the position indexed gives it.
type fieldTokens struct {
	toks []fieldToken
	pos  int // the position of the last term
}

// fieldToken is one token of a field.
type fieldToken struct {
	term       string
	start, end int
	pos        int
}

// add adds the tokens of the next term of the field. The term's strings are
// kept, not copied.
func (ft *fieldTokens) add(t *ta.Term, keepSurface bool) {
	surface := surfaceOf(t)
	if surface == "" {
		return
	}
	ft.pos = nextPosition(ft.pos, t)
	if t.Stopword {
		return
	}
	if ft.toks == nil {
		ft.toks = make([]fieldToken, 0, 64)
	}
	if t.Kind == tokenize.Word && !t.Proper && t.Stem != "" && t.Stem != surface {
		ft.toks = append(ft.toks, fieldToken{t.Stem, t.Start, t.End, ft.pos})
		if !keepSurface {
			return
		}
	}
	ft.toks = append(ft.toks, fieldToken{surface, t.Start, t.End, ft.pos})
}

// frequencies returns the number of tokens and their frequencies and
// locations, as analysis.TokenFrequency computes them for a field with term
// vectors. The terms' bytes are the strings of the Terms (nothing writes to
// them); the frequencies, the locations and the pointers to them are carved
// out of one slab each.
func (ft *fieldTokens) frequencies() (int, bindex.TokenFrequencies) {
	toks := ft.toks
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
