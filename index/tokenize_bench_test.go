package index_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	bleveunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/tokenize"
)

// tokenizeBenchText is the sample articles' titles and bodies repeated to at least
// 1 MB, the same text as the tokenize package's BenchmarkAll.
var tokenizeBenchText = sync.OnceValue(func() string {
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

// BenchmarkTokenizeCompare/bleve-unicode and /telaah-all tokenize the same news
// text in one run, so their MB/s give the speed ratio of issue 2 (telaah ≥ 3×
// bleve's own unicode tokenizer):
//
//	go test ./index -run XXX -bench TokenizeCompare -cpu 1 -count 5
func BenchmarkTokenizeCompare(b *testing.B) {
	text := tokenizeBenchText()
	input := []byte(text)
	b.Run("bleve-unicode", func(b *testing.B) {
		tz := bleveunicode.NewUnicodeTokenizer()
		b.SetBytes(int64(len(input)))
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			n += len(tz.Tokenize(input))
		}
		if n == 0 {
			b.Fatal("no tokens")
		}
	})
	b.Run("telaah-all", func(b *testing.B) {
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
	})
}
