package stem

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/internal/dataset"
)

// vocab returns the distinct words of Snowball's Indonesian vocabulary.
func vocab(b *testing.B) []string {
	return readLines(b, dataset.System(b, "/usr/share/snowball/data/indonesian/voc.txt"))
}

// newsWords returns the words of the reference article and the sample articles,
// in running order, as the index's token filter sees them.
func newsWords(b *testing.B) []string {
	text := telaah.ReferenceArticle()
	for _, line := range strings.Split(string(telaah.SampleArticles()), "\n") {
		var a struct{ Title, Body string }
		if json.Unmarshal([]byte(line), &a) == nil {
			text += "\n" + a.Title + "\n" + a.Body
		}
	}
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
}

func benchWords(b *testing.B, s *Stemmer, words []string) {
	b.Helper()
	n := 0
	for _, w := range words {
		n += len(w) + 1
	}
	b.SetBytes(int64(n) / int64(len(words)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		s.Stem(words[i%len(words)])
	}
	reportWords(b, cpuTime()-cpu)
}

// reportWords reports words per second of wall time and of CPU time (the
// process's, which a loaded machine disturbs less).
func reportWords(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "words/cpu-s")
	}
}

// BenchmarkDefaultVocabulary stems the 64,587 distinct words of Snowball's
// vocabulary with the cache off: every word is analysed.
func BenchmarkDefaultVocabulary(b *testing.B) {
	s, err := New(Config{CacheSize: -1})
	if err != nil {
		b.Fatal(err)
	}
	benchWords(b, s, vocab(b))
}

// BenchmarkDefaultNewsCached stems running news text with the cache, as the
// index does.
func BenchmarkDefaultNewsCached(b *testing.B) {
	benchWords(b, Default(), newsWords(b))
}

// BenchmarkSnowballVocabulary stems the 64,587 distinct words of the vocabulary
// in Snowball mode, uncached, as a user's Stemmer does (New with Mode Snowball
// and nothing else). The sub-benchmarks compare, in one run, what that path
// cost before: a cache in front (a miss costs three dependent random reads
// and an allocation, more than the algorithm) and the algorithm on runes.
func BenchmarkSnowballVocabulary(b *testing.B) {
	words := vocab(b)
	b.Run("stemmer", func(b *testing.B) {
		s, err := New(Config{Mode: Snowball})
		if err != nil {
			b.Fatal(err)
		}
		benchWords(b, s, words)
	})
	b.Run("stemmer-with-cache", func(b *testing.B) {
		s, err := New(Config{Mode: Snowball, CacheSize: 1 << 17})
		if err != nil {
			b.Fatal(err)
		}
		benchWords(b, s, words)
	})
	b.Run("runes", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cpuTime()
		for i := 0; i < b.N; i++ {
			w := words[i%len(words)]
			m := 0
			for j := 0; j < len(w); j++ {
				switch w[j] {
				case 'a', 'e', 'i', 'o', 'u':
					m++
				}
			}
			if m > 2 {
				snowballRunes(w, m)
			}
		}
		reportWords(b, cpuTime()-cpu)
	})
}

// BenchmarkLoadLexicon parses the embedded root lists.
func BenchmarkLoadLexicon(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if l := loadDefaultLexicon(); l.Len() < 25000 {
			b.Fatal(l.Len())
		}
	}
}

// BenchmarkDefaultVocabularyNoEnglish is BenchmarkDefaultVocabulary without the
// English stemming: 2,520 of the vocabulary's words go to Porter2, whose Go port
// costs over a microsecond a word.
func BenchmarkDefaultVocabularyNoEnglish(b *testing.B) {
	s, err := New(Config{CacheSize: -1, NoEnglish: true})
	if err != nil {
		b.Fatal(err)
	}
	benchWords(b, s, vocab(b))
}
