// Package telaah is the root of Telaah, a pure-Go library for Indonesian text: it
// tokenizes and stems Indonesian news, finds named entities and indexes articles into
// bleve for full-text search.
//
// The work is done by its packages:
//
//   - [github.com/telaah/telaah/tokenize]: words and sentences with byte offsets
//   - [github.com/telaah/telaah/analysis]: the pipeline (normalise, stopwords, stem, entities)
//   - [github.com/telaah/telaah/analysis/stem]: the Indonesian stemmer
//   - [github.com/telaah/telaah/analysis/entity]: named-entity recognition
//   - [github.com/telaah/telaah/index]: bleve analyzer "id", article index and search
//
// This package holds only the embedded sample corpus that the examples and the
// command line use when given no input of their own.
package telaah

import _ "embed"

//go:embed testdata/telegram-200-juta.txt
var reference string

// ReferenceArticle returns the raw text of the Kompas article the project started
// from: "Pengguna Aktif Telegram Tembus 200 Juta, Pavel Durov Sindir Facebook".
func ReferenceArticle() string { return reference }

//go:embed testdata/articles.jsonl
var sample []byte

// SampleArticles returns the embedded sample corpus as JSON Lines, one article a
// line with the fields id, url, source, title, body, published (RFC 3339), authors
// and tags. The reference article comes first; the others are Indonesian news
// articles written by the Telaah authors for tests and examples. The returned slice
// is a fresh copy that the caller may modify.
func SampleArticles() []byte { return append([]byte(nil), sample...) }
