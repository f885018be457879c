package entity

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// model is a linear-chain tagger: per-feature weights for each tag, and tag
// transition weights, decoded with Viterbi.
type model struct {
	// keys is an open-addressing table of 32-bit feature keys (0 = empty), rows the
	// feature index of each slot.
	keys []uint32
	rows []int32
	// weights holds numTags weights for each feature.
	weights []float32
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

// emissions adds the weights of the features to scores (numTags values).
func (m *model) emissions(scores []float32, feats []uint64) {
	scores = scores[:numTags]
	for _, f := range feats {
		if w := m.row(f); w != nil {
			for t := range scores {
				scores[t] += w[t]
			}
		}
	}
}

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
		if allowed(numTags, t) {
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
				if prev[p] == neg || !allowed(p, t) {
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

// readModel reads a model written by writeModel.
func readModel(r io.Reader) (*model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("entity: reading model: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("entity: reading model: %w", err)
	}
	bad := func(what string) error { return fmt.Errorf("entity: reading model: %s", what) }
	if len(data) < len(modelMagic)+16 || string(data[:len(modelMagic)]) != modelMagic {
		return nil, bad("not a telaah entity model")
	}
	le := binary.LittleEndian
	p := data[len(modelMagic):]
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
	n := int(le.Uint32(p[12:]))
	p = p[16:]
	var trans [(numTags + 1) * numTags]float32
	if len(p) < 4*len(trans)+4 {
		return nil, bad("truncated")
	}
	for i := range trans {
		trans[i] = math.Float32frombits(le.Uint32(p))
		p = p[4:]
	}
	scale := math.Float32frombits(le.Uint32(p))
	p = p[4:]
	if n < 0 || n > len(p)/5 {
		return nil, bad("feature count out of range")
	}
	keys := make([]uint32, n)
	weights := make([]float32, n*int(numTags))
	for i := range n {
		if len(p) < 5 {
			return nil, bad("truncated")
		}
		keys[i] = le.Uint32(p)
		mask := p[4]
		p = p[5:]
		for t := range int(numTags) {
			if mask&(1<<t) == 0 {
				continue
			}
			if len(p) < 2 {
				return nil, bad("truncated")
			}
			weights[i*int(numTags)+t] = float32(int16(le.Uint16(p))) * scale
			p = p[2:]
		}
	}
	if len(p) != 0 {
		return nil, errors.New("entity: reading model: trailing data")
	}
	m := newModel(keys, weights)
	m.trans = trans
	m.domain = flags&1 != 0
	m.temperature = temperature
	return m, nil
}
