package tokenize_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/tokenize"
)

// newsText is the sample articles' titles and bodies, repeated to at least 1 MB.
var newsText = sync.OnceValue(func() string {
	var one strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(telaah.SampleArticles()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a struct{ Title, Body string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			panic(err)
		}
		one.WriteString(a.Title + "\n\n" + a.Body + "\n\n")
	}
	var all strings.Builder
	for all.Len() < 1<<20 {
		all.WriteString(one.String())
	}
	return all.String()
})

func benchAll(b *testing.B, text string) {
	tokenize.Tokenize("Dr. a") // build the word lists before timing
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for t := range tokenize.All(text) {
			n += t.End - t.Start
		}
	}
	if n == 0 {
		b.Fatal("no tokens")
	}
}

// BenchmarkAll is the iterator form on news text (the sample articles repeated to
// at least 1 MB): the speed bar of issue 2 is 100 MB/s with 0 allocations a token.
func BenchmarkAll(b *testing.B) { benchAll(b, newsText()) }

// BenchmarkAllReference is the iterator form on the reference article.
func BenchmarkAllReference(b *testing.B) { benchAll(b, telaah.ReferenceArticle()) }

// BenchmarkAllSplitClitics is the iterator form with clitics split off.
func BenchmarkAllSplitClitics(b *testing.B) {
	text := newsText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	z := tokenize.Tokenizer{SplitClitics: true}
	for b.Loop() {
		for range z.All(text) {
		}
	}
}

// BenchmarkTokenize is the slice form.
func BenchmarkTokenize(b *testing.B) {
	text := newsText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tokenize.Tokenize(text)
	}
}

// BenchmarkSentences groups the tokens into sentences.
func BenchmarkSentences(b *testing.B) {
	text := newsText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tokenize.Sentences(text)
	}
}

// BenchmarkScanner streams the news text from an io.Reader.
func BenchmarkScanner(b *testing.B) {
	text := newsText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sc := tokenize.NewScanner(strings.NewReader(text))
		for sc.Scan() {
		}
	}
}
