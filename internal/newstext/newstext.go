// Package newstext holds the news text that the tokenizer's benchmarks and tests
// run on, so that the tokenize and index packages measure the same input and the
// same loop: the sample articles' titles and bodies repeated to at least 1 MB.
package newstext

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

// Text returns the titles and bodies of telaah.SampleArticles, each followed by a
// blank line, repeated to at least 1 MB. It is built once.
var Text = sync.OnceValue(func() string {
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

// BenchAll benchmarks tokenize.All, the iterator form, on text: the loop behind
// the tokenize package's BenchmarkAll and the index package's
// BenchmarkTokenizeCompare/telaah-all.
func BenchAll(b *testing.B, text string) {
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
