package entity

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"

	kgzip "github.com/klauspost/compress/gzip"
)

// model is a linear-chain tagger: per-feature weights for each tag, and tag
// transition weights, decoded with Viterbi.
//
// A model has one of two forms. Training builds it with newModel from float
// weights (keys, rows and weights), which Train reads and updates. A model read
// from a file (readModel) holds its quantised weights in a packed table instead,
// where one slot has the key and the weights of a feature together, so that a
// feature costs one random memory access, not three.
type model struct {
	// keys is an open-addressing table of 32-bit feature keys (0 = empty), rows the
	// feature index of each slot.
	keys []uint32
	rows []int32
	// weights holds numTags weights for each feature.
	weights []float32
	// tab holds the weights of a model read from a file; keys, rows and weights
	// are then nil.
	tab *table
	// trans[prev*numTags+next]; prev == numTags is the sentence start.
	trans [(numTags + 1) * numTags]float32
	// domain adds to each feature its copy private to the main corpus.
	domain bool
	// temperature divides the scores into the log-potentials behind Confidence;
	// Train sets it so that mean confidence matches precision on dev.
	temperature float32
}

// key32 folds a 64-bit feature hash to a non-zero 32-bit key.
func key32(h uint64) uint32 {
	k := uint32(h ^ h>>32)
	if k == 0 {
		k = 1
	}
	return k
}

// newModel builds the lookup table for the given keys and weights.
func newModel(keys []uint32, weights []float32) *model {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	m := &model{keys: make([]uint32, size), rows: make([]int32, size), weights: weights}
	mask := uint32(size - 1)
	for i, k := range keys {
		s := (k * 0x9E3779B1) & mask
		for m.keys[s] != 0 && m.keys[s] != k {
			s = (s + 1) & mask
		}
		m.keys[s] = k
		m.rows[s] = int32(i)
	}
	return m
}

// row returns the weights of feature h, or nil when the model does not know it.
func (m *model) row(h uint64) []float32 {
	if len(m.keys) == 0 {
		return nil
	}
	k := key32(h)
	mask := uint32(len(m.keys) - 1)
	s := (k * 0x9E3779B1) & mask
	for {
		switch m.keys[s] {
		case k:
			r := int(m.rows[s]) * int(numTags)
			return m.weights[r : r+int(numTags) : r+int(numTags)]
		case 0:
			return nil
		}
		s = (s + 1) & mask
	}
}

// emissions adds to scores (numTags values) the weights of the features whose
// keys (key32 of their hashes) are keys. The result is to be kept by the caller
// (see table.emissions).
func (m *model) emissions(scores []float32, keys []uint32) uint64 {
	scores = scores[:numTags]
	if m.tab != nil {
		return m.tab.emissions((*[numTags]float32)(scores), keys)
	}
	if len(m.keys) == 0 {
		return 0
	}
	mask := uint32(len(m.keys) - 1)
	for _, k := range keys {
		s := (k * 0x9E3779B1) & mask
		for m.keys[s] != k && m.keys[s] != 0 {
			s = (s + 1) & mask
		}
		if m.keys[s] == 0 {
			continue
		}
		r := int(m.rows[s]) * int(numTags)
		w := m.weights[r : r+int(numTags) : r+int(numTags)]
		for t := range scores {
			scores[t] += w[t]
		}
	}
	return 0
}

// numFeatures is the number of features with weights.
func (m *model) numFeatures() int {
	if m.tab != nil {
		return m.tab.n
	}
	return len(m.weights) / int(numTags)
}

// export returns the keys of the features and their weights (numTags for each),
// in the order of the lookup table.
func (m *model) export() (keys []uint32, weights []float32) {
	if m.tab != nil {
		return m.tab.export()
	}
	keys = make([]uint32, 0, m.numFeatures())
	weights = make([]float32, 0, len(m.weights))
	for s, k := range m.keys {
		if k == 0 {
			continue
		}
		i := int(m.rows[s]) * int(numTags)
		keys = append(keys, k)
		weights = append(weights, m.weights[i:i+int(numTags)]...)
	}
	return keys, weights
}

// transAllowed[prev][next] is allowed(prev, next), for the inner loop of viterbi.
var transAllowed = func() (a [numTags + 1][numTags]bool) {
	for p := range numTags + 1 {
		for t := range numTags {
			a[p][t] = allowed(p, t)
		}
	}
	return a
}()

// viterbi finds the best tag sequence for the emission scores (n×numTags, row-major)
// under the transition weights and the BIO constraints, writing it to out.
// back is scratch space of n×numTags.
func viterbi(trans []float32, emit []float32, n int, back []uint8, out []tag) {
	if n == 0 {
		return
	}
	const neg = -math.MaxFloat32
	var prev, cur [numTags]float32
	for t := range numTags {
		if transAllowed[numTags][t] {
			prev[t] = emit[t] + trans[int(numTags)*int(numTags)+int(t)]
		} else {
			prev[t] = neg
		}
	}
	for i := 1; i < n; i++ {
		e := emit[i*int(numTags):]
		for t := range numTags {
			best, arg := float32(neg), uint8(0)
			for p := range numTags {
				if prev[p] == neg || !transAllowed[p][t] {
					continue
				}
				if s := prev[p] + trans[int(p)*int(numTags)+int(t)]; s > best {
					best, arg = s, uint8(p)
				}
			}
			if best == neg {
				cur[t] = neg
			} else {
				cur[t] = best + e[t]
			}
			back[i*int(numTags)+int(t)] = arg
		}
		prev = cur
	}
	best, arg := float32(neg), tag(0)
	for t := range numTags {
		if prev[t] > best {
			best, arg = prev[t], t
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = tag(back[i*int(numTags)+int(arg)])
		out[i-1] = arg
	}
}

// The model file: gzip of "TLNER2", uint32 tag count, uint32 flags (1: the
// main-corpus copies of the features are used), float32 temperature, uint32
// feature count, the
// transition weights as float32, the float32 scale of the quantised weights, then per
// feature its uint32 key, a byte mask of the tags with non-zero weight, and an int16
// for each of them. Little-endian throughout.
const modelMagic = "TLNER2"

// writeModel writes keys and weights (numTags per key) in the model format.
func writeModel(w io.Writer, keys []uint32, weights []float32, trans []float32, domain bool, temperature float32) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("entity: writing model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var maxAbs float32
	for _, x := range weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	le := binary.LittleEndian
	var buf []byte
	buf = append(buf, modelMagic...)
	buf = le.AppendUint32(buf, uint32(numTags))
	var flags uint32
	if domain {
		flags |= 1
	}
	buf = le.AppendUint32(buf, flags)
	buf = le.AppendUint32(buf, math.Float32bits(temperature))
	buf = le.AppendUint32(buf, uint32(len(keys)))
	for _, x := range trans {
		buf = le.AppendUint32(buf, math.Float32bits(x))
	}
	buf = le.AppendUint32(buf, math.Float32bits(scale))
	bw.Write(buf)
	for i, k := range keys {
		buf = le.AppendUint32(buf[:0], k)
		row := weights[i*int(numTags) : (i+1)*int(numTags)]
		var mask byte
		var q [numTags]int16
		for t, x := range row {
			q[t] = int16(math.Round(float64(x / scale)))
			if q[t] != 0 {
				mask |= 1 << t
			}
		}
		buf = append(buf, mask)
		for t := range q {
			if mask&(1<<t) != 0 {
				buf = le.AppendUint16(buf, uint16(q[t]))
			}
		}
		bw.Write(buf)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("entity: writing model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("entity: writing model: %w", err)
	}
	return nil
}

// MaxModelSize is the largest model, in bytes after decompression, that [Load]
// reads: 32 MiB, twelve times the embedded model. A larger or longer input (such
// as a gzip bomb given as a model file) is an error, found before it is read
// whole.
const MaxModelSize = 32 << 20

// The fixed part of a model file: magic, tag count, flags, temperature, feature
// count, transition weights and scale.
const modelHeaderSize = len(modelMagic) + 16 + 4*int(numTags+1)*int(numTags) + 4

// readModel reads a model written by writeModel into a packed table, streaming:
// it never holds the decompressed file.
func readModel(r io.Reader) (*model, error) {
	// klauspost/compress inflates the model about 1.5 times as fast as
	// compress/gzip, which is most of the time Load takes.
	zr, err := kgzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("entity: reading model: %w", err)
	}
	defer zr.Close()
	bad := func(what string) error { return fmt.Errorf("entity: reading model: %s", what) }
	var hdrBuf [modelHeaderSize]byte
	got, err := io.ReadFull(zr, hdrBuf[:])
	hdr := hdrBuf[:got]
	if len(hdr) < len(modelMagic) || string(hdr[:len(modelMagic)]) != modelMagic {
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
			return nil, fmt.Errorf("entity: reading model: %w", err)
		}
		return nil, bad("not a telaah entity model")
	}
	if err != nil {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil, bad("truncated")
		}
		return nil, fmt.Errorf("entity: reading model: %w", err)
	}
	le := binary.LittleEndian
	p := hdr[len(modelMagic):]
	if le.Uint32(p) != uint32(numTags) {
		return nil, bad("wrong number of tags")
	}
	flags := le.Uint32(p[4:])
	if flags&^1 != 0 {
		return nil, bad("unknown flags")
	}
	temperature := math.Float32frombits(le.Uint32(p[8:]))
	if !(temperature >= 0) || math.IsInf(float64(temperature), 0) {
		return nil, bad("bad temperature")
	}
	n := int64(le.Uint32(p[12:]))
	p = p[16:]
	m := &model{domain: flags&1 != 0, temperature: temperature}
	for i := range m.trans {
		m.trans[i] = math.Float32frombits(le.Uint32(p))
		p = p[4:]
	}
	scale := math.Float32frombits(le.Uint32(p))
	if n > (MaxModelSize-int64(modelHeaderSize))/5 {
		return nil, fmt.Errorf("entity: reading model: %d features: larger than the limit of %d bytes (MaxModelSize)", n, MaxModelSize)
	}
	tab := newTable(int(n), scale)
	// The features are parsed a batch at a time, and the home slots of a batch are
	// touched before it is inserted, so that their cache misses overlap.
	const maxRecord = 5 + 2*int(numTags)
	type feature struct {
		k uint32
		q [numTags]int16
	}
	var batch [64]feature
	buf := make([]byte, 64<<10)
	var rest []byte // bytes read and not parsed yet
	eof := false
	read := int64(modelHeaderSize)
	for left := n; left > 0; {
		nb := 0
		for nb < len(batch) && int64(nb) < left {
			if len(rest) < maxRecord && !eof {
				c := copy(buf, rest)
				r, err := io.ReadFull(zr, buf[c:])
				rest = buf[:c+r]
				switch err {
				case nil:
				case io.EOF, io.ErrUnexpectedEOF:
					eof = true
				default:
					return nil, fmt.Errorf("entity: reading model: %w", err)
				}
			}
			if len(rest) < 5 {
				return nil, bad("truncated")
			}
			f := &batch[nb]
			f.k = le.Uint32(rest)
			mask := rest[4]
			if mask>>numTags != 0 {
				return nil, bad("bad tag mask")
			}
			if f.k == 0 {
				return nil, bad("zero feature key")
			}
			size := 5 + 2*bits.OnesCount8(mask)
			if read += int64(size); read > MaxModelSize {
				return nil, fmt.Errorf("entity: reading model: larger than the limit of %d bytes (MaxModelSize)", MaxModelSize)
			}
			if len(rest) < size {
				return nil, bad("truncated")
			}
			w := rest[5:size]
			for t := range int(numTags) {
				f.q[t] = 0
				if mask&(1<<t) != 0 {
					f.q[t] = int16(le.Uint16(w))
					w = w[2:]
				}
			}
			rest = rest[size:]
			nb++
		}
		var touch uint64
		for i := range nb {
			k := batch[i].k
			touch += tab.slots[bucket1(k, tab.buckets)].a + tab.slots[bucket2(k, tab.buckets)].a
		}
		tab.touched += touch
		for i := range nb {
			tab.insert(batch[i].k, &batch[i].q)
		}
		left -= int64(nb)
	}
	// Reading to the end checks the gzip checksum.
	if len(rest) > 0 {
		return nil, errors.New("entity: reading model: trailing data")
	}
	if !eof {
		var one [1]byte
		if _, err := io.ReadFull(zr, one[:]); err != io.EOF {
			if err != nil {
				return nil, fmt.Errorf("entity: reading model: %w", err)
			}
			return nil, errors.New("entity: reading model: trailing data")
		}
	}
	m.tab = tab
	return m, nil
}
