package entity

import (
	"math"
	"sync"
)

// tagger holds the scratch space to tag one sentence at a time; the Recognizer
// pools them so that tagging allocates little and is safe for concurrent use.
type tagger struct {
	fz    featurizer
	feats []uint64
	emit  []float32
	back  []uint8
	tags  []tag
}

func newTaggerPool(g *gazetteer) *sync.Pool {
	return &sync.Pool{New: func() any { return &tagger{fz: featurizer{gaz: g}} }}
}

// run tags words with m; the result is valid until the tagger is used again.
func (tg *tagger) run(m *model, words []string) []tag {
	n := len(words)
	tg.tags = grow(tg.tags, n)
	if n == 0 {
		return tg.tags
	}
	tg.fz.sentence(words)
	head := tg.fz.headline()
	tg.emit = grow(tg.emit, n*int(numTags))
	clear(tg.emit)
	tg.back = grow(tg.back, n*int(numTags))
	for i := range n {
		tg.feats = tg.fz.features(tg.feats[:0], words, i, head)
		if m.domain {
			for _, h := range tg.feats {
				tg.feats = append(tg.feats, mix(h, mainDomain))
			}
		}
		m.emissions(tg.emit[i*int(numTags):], tg.feats)
	}
	viterbi(m.trans[:], tg.emit, n, tg.back, tg.tags)
	return tg.tags
}

// confidence estimates how sure the model is of tags[i:j] being one entity: the
// smallest, over the span's tokens, of a softmax of the token's local scores (its
// emission plus the transition from the chosen previous tag).
func (tg *tagger) confidence(m *model, tags []tag, i, j int) float64 {
	conf := 1.0
	for k := i; k < j; k++ {
		prev := numTags
		if k > 0 {
			prev = tags[k-1]
		}
		e := tg.emit[k*int(numTags) : (k+1)*int(numTags)]
		var s [numTags]float64
		hi := math.Inf(-1)
		for t := range numTags {
			if !allowed(prev, t) {
				s[t] = math.Inf(-1)
				continue
			}
			s[t] = float64(e[t] + m.trans[int(prev)*int(numTags)+int(t)])
			hi = max(hi, s[t])
		}
		var sum float64
		for t := range numTags {
			sum += math.Exp(s[t] - hi)
		}
		p := math.Exp(s[tags[k]]-hi) / sum
		conf = min(conf, p)
	}
	return conf
}
