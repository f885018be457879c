// Package tokenize splits Indonesian text into words and sentences, with byte offsets
// into the original input for every token and sentence.
//
// PROVISIONAL: a placeholder implementation with the final API, replaced by issue 2.
package tokenize

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// Tokenizer splits text into tokens. The zero value keeps clitics inside their words
// (bukunya is one token); set SplitClitics to split them off as UD Indonesian does.
type Tokenizer struct {
	SplitClitics bool
}

// Tokenize returns the tokens of text with the zero Tokenizer.
func Tokenize(text string) []Token { return Tokenizer{}.Tokenize(text) }

// Sentences returns the sentences of text with the zero Tokenizer.
func Sentences(text string) []Sentence { return Tokenizer{}.Sentences(text) }

// All returns an iterator over the tokens of text with the zero Tokenizer.
func All(text string) iter.Seq[Token] { return Tokenizer{}.All(text) }

// Tokenize returns the tokens of text.
func (z Tokenizer) Tokenize(text string) []Token {
	var out []Token
	for t := range z.All(text) {
		out = append(out, t)
	}
	return out
}

// All returns an iterator over the tokens of text.
func (z Tokenizer) All(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		i := 0
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			start := i
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				for i < len(text) {
					r, n = utf8.DecodeRuneInString(text[i:])
					if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
						break
					}
					i += n
				}
			} else {
				i += n
			}
			t := Token{Text: text[start:i], Start: start, End: i, Kind: Word}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				t.Kind = Punct
			}
			if !yield(t) {
				return
			}
		}
	}
}

// Sentences returns the sentences of text.
func (z Tokenizer) Sentences(text string) []Sentence {
	var out []Sentence
	cur := Sentence{}
	for t := range z.All(text) {
		cur.Tokens = append(cur.Tokens, t)
		if t.Text == "." || t.Text == "?" || t.Text == "!" {
			cur.End = t.End
			out = append(out, cur)
			cur = Sentence{Start: t.End}
		}
	}
	if len(cur.Tokens) > 0 || cur.Start < len(text) {
		cur.End = len(text)
		out = append(out, cur)
	}
	return out
}
