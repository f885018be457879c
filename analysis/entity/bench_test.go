package entity_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/tokenize"
)

// benchSentences returns the reference article's sentences as words.
func benchSentences() (sents [][]string, tokens, size int) {
	text := telaah.ReferenceArticle()
	for _, s := range tokenize.Sentences(text) {
		var words []string
		for _, t := range s.Tokens {
			words = append(words, t.Text)
		}
		if len(words) > 0 {
			sents = append(sents, words)
			tokens += len(words)
		}
	}
	return sents, tokens, len(text)
}

// newsTexts returns the sample corpus's articles (title, blank line, body) and
// their number of tokens.
func newsTexts(tb testing.TB) (texts []string, tokens, size int) {
	for _, a := range entity.SampleArticles(tb) {
		texts = append(texts, a.Text())
	}
	tokens, size = measure(texts)
	return texts, tokens, size
}

// measure returns the number of tokens and of bytes of texts.
func measure(texts []string) (tokens, size int) {
	for _, t := range texts {
		size += len(t)
		for _, s := range tokenize.Sentences(t) {
			tokens += len(s.Tokens)
		}
	}
	return tokens, size
}

// reportCPU reports the CPU time per operation and tokens per CPU-second: on a
// shared machine, CPU time is disturbed less than wall time by the other load.
func reportCPU(b *testing.B, cpu0 time.Duration, tokens int) {
	cpu := cpuTime() - cpu0
	if cpu <= 0 {
		return
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
}

// BenchmarkTag measures PER/ORG/LOC tagging, feature extraction included, on the
// reference article.
func BenchmarkTag(b *testing.B) {
	r := entity.Default()
	sents, tokens, size := benchSentences()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			r.Tag(s)
		}
	}
	reportCPU(b, cpu0, tokens)
}

// BenchmarkExtract measures the whole of Extract on the reference article:
// tokenizing, tagging, confidence, rules, propagation and clustering.
func BenchmarkExtract(b *testing.B) {
	r := entity.Default()
	text := telaah.ReferenceArticle()
	_, tokens, _ := benchSentences()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		r.Extract(text)
	}
	reportCPU(b, cpu0, tokens)
}

// BenchmarkExtractNews measures Extract on every article of the sample corpus,
// one call per article: tokens/cpu-s is the figure the bar (1.5 M
// tokens/s single-core) names.
func BenchmarkExtractNews(b *testing.B) {
	texts, tokens, size := newsTexts(b)
	benchExtract(b, texts, tokens, size)
}

// benchExtract measures Extract on texts, one call per text, which hold
// tokens tokens in size bytes.
func benchExtract(b *testing.B, texts []string, tokens, size int) {
	r := entity.Default()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, t := range texts {
			r.Extract(t)
		}
	}
	reportCPU(b, cpu0, tokens)
}

// streamTexts returns the training sentences of the news corpus idner-news-2k
// and of NERGrit as documents of twenty sentences each (words joined by
// spaces), and their number of tokens: 86,000 tokens of 15,000 distinct words,
// a larger vocabulary than the sample corpus's, as a long stream of news has.
func streamTexts(b *testing.B) (texts []string, tokens, size int) {
	var sents []entity.TaggedSentence
	for _, rel := range []string{"data/ner/idner-news-2k/train.txt", "data/ner/nergrit/train.txt"} {
		sents = append(sents, readCoNLL(b, rel)...)
	}
	texts = entity.Documents(sents)
	tokens, size = measure(texts)
	return texts, tokens, size
}

// BenchmarkExtractStream measures Extract on streamTexts, one call per
// document. The sample corpus has 5,600 distinct words, which all stay in the
// tagger's word caches after the first pass; this stream has about as many as
// the caches have slots (16,384, in sets of two), so it also measures the
// words they miss.
func BenchmarkExtractStream(b *testing.B) {
	texts, tokens, size := streamTexts(b)
	benchExtract(b, texts, tokens, size)
}

// BenchmarkLoad measures loading the embedded model (the bar: 25 ms, and
// allocations of at most twice the size of the model file).
func BenchmarkLoad(b *testing.B) {
	var buf bytes.Buffer
	if err := entity.Default().WriteModel(&buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := entity.Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(len(data)), "model-bytes")
}
