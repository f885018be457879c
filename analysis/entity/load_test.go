package entity_test

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"hash/crc32"
	"strings"
	"sync"
	"testing"

	"github.com/telaah/telaah/analysis/entity"
)

// gzipped returns data gzip'd.
func gzipped(t *testing.T, data ...[]byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	for _, d := range data {
		zw.Write(d)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// modelFile is a model file of one feature (key 1, zero weights) in a table of
// the given buckets, with a header that claims features, buckets and aux bytes
// as given, and body appended before the checksum.
func modelFile(features, buckets, auxBytes uint32, body []byte) []byte {
	le := binary.LittleEndian
	h := []byte("TLNER3")
	h = le.AppendUint32(h, 7) // tags
	flags := uint32(0)
	if auxBytes > 0 {
		flags = 1
	}
	h = le.AppendUint32(h, flags)
	h = le.AppendUint32(h, 0)          // temperature
	h = le.AppendUint32(h, 0x3f800000) // scale 1
	for _, v := range []uint32{features, buckets, 0, 0, 0, auxBytes} {
		h = le.AppendUint32(h, v)
	}
	h = append(h, make([]byte, 4*8*7)...) // transitions
	h = append(h, body...)
	return le.AppendUint32(h, crc32.Checksum(h, crc32.MakeTable(crc32.Castagnoli)))
}

// oneFeature is the slots of a one-bucket table holding key 1.
var oneFeature = append([]byte{1}, make([]byte, 4*16-1)...)

// TestLoadBounded checks that Load refuses, with an error and without reading
// them whole, models larger than MaxModelSize (after decompression), and
// truncated, corrupt, trailing or outdated ones.
func TestLoadBounded(t *testing.T) {
	for _, c := range []struct {
		name, want string
		data       []byte
	}{
		{"a header with 2^31 buckets", "MaxModelSize", modelFile(1, 1<<31, 0, nil)},
		{"a gzip'd header with 2^31 aux bytes", "MaxModelSize", gzipped(t, modelFile(1, 1, 1<<31, oneFeature))},
		{"more bytes than the header says", "trailing", append(modelFile(1, 1, 0, oneFeature), 0)},
		{"gzip'd, more bytes than the header says", "trailing", gzipped(t, modelFile(1, 1, 0, oneFeature), make([]byte, 1<<20))},
		{"fewer slots than the header says", "truncated", modelFile(1, 2, 0, oneFeature)},
		{"a wrong feature count", "feature count", modelFile(2, 1, 0, oneFeature)},
		// Both buckets of key 5 in a table of two are the first.
		{"a key outside its buckets", "wrong bucket", modelFile(1, 2, 0, append(make([]byte, 4*16), append([]byte{5}, oneFeature[1:]...)...))},
		{"an older format", "train the model again", gzipped(t, []byte("TLNER2\x07\x00\x00\x00"))},
		{"not a model", "not a telaah entity model", []byte("not a model at all")},
	} {
		if _, err := entity.Load(bytes.NewReader(c.data)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
	// A corrupt file, raw and gzip'd.
	var buf bytes.Buffer
	if err := entity.Default().WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	gz := gzipped(t, data)
	data[len(data)/2] ^= 0x10
	if _, err := entity.Load(bytes.NewReader(data)); err == nil {
		t.Error("a corrupt model loaded")
	}
	gz[len(gz)/2] ^= 0xff
	if _, err := entity.Load(bytes.NewReader(gz)); err == nil {
		t.Error("a corrupt gzip'd model loaded")
	}
	// Models that are fine.
	if _, err := entity.Load(bytes.NewReader(modelFile(1, 1, 0, oneFeature))); err != nil {
		t.Errorf("one-feature model: %v", err)
	}
	if _, err := entity.Load(bytes.NewReader(gzipped(t, modelFile(1, 1, 0, oneFeature)))); err != nil {
		t.Errorf("gzip'd one-feature model: %v", err)
	}
}

// FuzzLoad checks that Load never panics on a model file, and that a model it
// accepts tags in every style and writes itself back byte for byte.
func FuzzLoad(f *testing.F) {
	var train []entity.TaggedSentence
	for i, s := range []string{"Budi/B-PER pergi/O ke/O Jakarta/B-LOC ./O", "Siti/B-PER bekerja/O di/O PT/B-ORG Maju/I-ORG ./O"} {
		var ts entity.TaggedSentence
		for _, w := range strings.Fields(s) {
			word, tag, _ := strings.Cut(w, "/")
			ts.Words = append(ts.Words, word)
			ts.Tags = append(ts.Tags, tag)
		}
		ts.Auxiliary = i == 1 // a model with a NERGrit fold
		train = append(train, ts)
	}
	r, err := entity.Train(train, nil, entity.TrainOptions{Epochs: 2})
	if err != nil {
		f.Fatal(err)
	}
	var small bytes.Buffer
	if err := r.WriteModel(&small); err != nil {
		f.Fatal(err)
	}
	f.Add(small.Bytes())
	f.Add(modelFile(1, 1, 0, oneFeature))
	f.Add(append(modelFile(1, 1, 0, oneFeature), 0))
	words := strings.Fields("Budi bekerja di PT Maju , Jakarta .")
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := entity.Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, s := range []entity.Style{entity.StyleDefault, entity.StyleNERGrit, entity.StyleIdner} {
			if tags := r.WithStyle(s).Tag(words); len(tags) != len(words) {
				t.Fatalf("style %s: %d tags for %d words", s, len(tags), len(words))
			}
		}
		var buf bytes.Buffer
		if err := r.WriteModel(&buf); err != nil {
			t.Fatal(err)
		}
		if len(data) > 0 && data[0] != 0x1f && !bytes.Equal(buf.Bytes(), data) {
			t.Errorf("WriteModel does not give back the %d bytes read (%d)", len(data), buf.Len())
		}
	})
}

// TestAuxFoldConcurrent checks that the NERGrit fold of a freshly loaded model,
// built the first time a recognizer in that style tags, is built once and
// safely when several goroutines start tagging at once, and tags as the
// embedded model does.
func TestAuxFoldConcurrent(t *testing.T) {
	var buf bytes.Buffer
	if err := entity.Default().WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := entity.Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Bursa Efek Indonesia ( BEI ) Medan menggelar pelatihan bagi warga Sumatera Utara .")
	want := strings.Join(entity.Default().WithStyle(entity.StyleNERGrit).Tag(words), " ")
	aux := r.WithStyle(entity.StyleNERGrit)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := strings.Join(aux.Tag(words), " "); got != want {
				t.Errorf("NERGrit style: %s, want %s", got, want)
			}
		})
	}
	wg.Wait()
}

// BenchmarkLoadNERGrit measures loading the embedded model and tagging one
// sentence in StyleNERGrit, which builds the NERGrit fold: what a program that
// uses that style pays once.
func BenchmarkLoadNERGrit(b *testing.B) {
	var buf bytes.Buffer
	if err := entity.Default().WriteModel(&buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	words := strings.Fields("Presiden Joko Widodo meresmikan Bendungan Jatigede di Sumedang .")
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		r, err := entity.Load(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		r.WithStyle(entity.StyleNERGrit).Tag(words)
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
