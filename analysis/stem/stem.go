// Package stem reduces Indonesian words to their roots.
//
// PROVISIONAL: a placeholder with the final API, replaced by issue 3.
package stem

import "strings"

// Mode selects the stemming algorithm.
type Mode uint8

// The modes.
const (
	Lexicon  Mode = iota // the default: lexicon-backed morphological stemmer
	Snowball             // Tala's algorithm exactly as Snowball runs it
)

// Stemmer stems Indonesian words. It is safe for concurrent use.
type Stemmer struct {
	mode Mode
}

// Config configures a Stemmer.
type Config struct {
	Mode      Mode
	Protected []string // words never stemmed, in any case (Bekasi, Pertamina)
}

// New returns a Stemmer configured by c.
func New(c Config) (*Stemmer, error) { return &Stemmer{mode: c.Mode}, nil }

// Default returns the shared default Stemmer (lexicon mode, embedded lexicon).
func Default() *Stemmer { return &Stemmer{} }

// Stem returns the lower-case root of word.
func (s *Stemmer) Stem(word string) string { return strings.ToLower(word) }

// StemToken stems a word from running text; when proper is true (a capitalised word
// that is not sentence-initial, or part of a named entity) the word is only
// lower-cased.
func (s *Stemmer) StemToken(word string, proper bool) string {
	if proper {
		return strings.ToLower(word)
	}
	return s.Stem(word)
}
