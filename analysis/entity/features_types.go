package entity

// The feature templates of runFeatures, appended after the others (the numbers
// are part of the model format).
const (
	tRunTail  uint8 = tLexicon + 1 + iota // the class of the last word of the capitalised run, for the words before it
	tRunStart                             // the class of the first word of the capitalised run, for the words after it
)

// The classes that runFeatures reads from the ends of a capitalised run.
const (
	runTailClasses  = gazOrgTail | gazLocTail | gazOrgHead | gazLocHead
	runStartClasses = gazOrgHead | gazLocHead | gazTitle | gazGiven
)

// runFeatures appends the features that carry the type of a name from the words
// at the ends of its capitalised run to every word of it: a name the lists do
// not know takes its type from its last word (Wigan Athletic, Kangen Band,
// Sonoma County, Merpati Nusantara Airlines) or its first (Universitas Negara
// Bagian Oregon, Presiden Barack Hussein Obama), however long it is, where the
// neighbours' classes reach one word. The model learns the weights, with the
// position of the word in its run: none of the words decides alone.
func (fz *featurizer) runFeatures(out []uint64, i int) []uint64 {
	if !capital(fz.info[i].cas) {
		return out
	}
	return fz.capitalRunFeatures(out, i)
}

// capitalRunFeatures is runFeatures for a capitalised token i.
func (fz *featurizer) capitalRunFeatures(out []uint64, i int) []uint64 {
	info := fz.info
	ti := &info[i]
	first, last := int(ti.runFirst), int(ti.runLast)
	if i < last {
		if c := info[last].class & runTailClasses; c != 0 {
			out = append(out, mix(mix(feat(tRunTail), uint64(c)), uint64(min(last-i, 3))))
		}
	}
	if i > first {
		if c := info[first].class & runStartClasses; c != 0 {
			out = append(out, mix(mix(feat(tRunStart), uint64(c)), uint64(min(i-first, 3))))
		}
	}
	return out
}
