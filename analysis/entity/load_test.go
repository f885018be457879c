package entity_test

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"io"
	"strings"
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

// modelHeader is a model file's header for n features, with zero weights.
func modelHeader(n uint32) []byte {
	le := binary.LittleEndian
	h := []byte("TLNER2")
	h = le.AppendUint32(h, 7) // tags
	h = le.AppendUint32(h, 0) // flags
	h = le.AppendUint32(h, 0) // temperature
	h = le.AppendUint32(h, n) // features
	h = append(h, make([]byte, 4*8*7)...)
	return le.AppendUint32(h, 0x3f800000) // scale 1
}

// TestLoadBounded checks that Load refuses, with an error and without reading
// them whole, models larger than MaxModelSize after decompression: a gzip bomb
// given as a model file.
func TestLoadBounded(t *testing.T) {
	// A header that claims more features than the limit allows.
	if _, err := entity.Load(bytes.NewReader(gzipped(t, modelHeader(1<<31)))); err == nil || !strings.Contains(err.Error(), "MaxModelSize") {
		t.Errorf("a header with 2^31 features: error %v", err)
	}
	// Fewer features than the limit allows without weights, but with all their
	// weights: 38 MB of one feature repeated compress to little.
	const n = 2 << 20
	body := bytes.Repeat([]byte{1, 0, 0, 0, 0x7f, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0}, n)
	bomb := gzipped(t, modelHeader(n), body)
	if _, err := entity.Load(bytes.NewReader(bomb)); err == nil || !strings.Contains(err.Error(), "MaxModelSize") {
		t.Errorf("a %d-byte model of %d MB: error %v", len(bomb), len(body)>>20, err)
	}
	// Trailing data after the features.
	if _, err := entity.Load(bytes.NewReader(gzipped(t, modelHeader(1), []byte{1, 0, 0, 0, 0, 9}))); err == nil || !strings.Contains(err.Error(), "trailing") {
		t.Errorf("trailing data: error %v", err)
	}
	// Truncated: a header that promises two features and holds one.
	if _, err := entity.Load(bytes.NewReader(gzipped(t, modelHeader(2), []byte{1, 0, 0, 0, 0}))); err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("truncated model: error %v", err)
	}
	// A corrupt gzip stream.
	var buf bytes.Buffer
	if err := entity.Default().WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	data[len(data)/2] ^= 0xff
	if _, err := entity.Load(bytes.NewReader(data)); err == nil {
		t.Error("a corrupt model loaded")
	}
	// A model that is fine.
	if _, err := entity.Load(io.MultiReader(bytes.NewReader(gzipped(t, modelHeader(1), []byte{1, 0, 0, 0, 1, 5, 0})))); err != nil {
		t.Errorf("one-feature model: %v", err)
	}
}
