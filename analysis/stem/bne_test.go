package stem

import "testing"

func BenchmarkNoEnglishVocabulary(b *testing.B) {
	s, _ := New(Config{CacheSize: -1, NoEnglish: true})
	benchWords(b, s, vocab(b))
}
