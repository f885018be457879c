package entity

// tag is a BIO tag over the model's labels PER, ORG and LOC.
type tag uint8

// The BIO tags, in model order.
const (
	tagO tag = iota
	tagBPER
	tagIPER
	tagBORG
	tagIORG
	tagBLOC
	tagILOC
	numTags
)

var tagNames = [numTags]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// String returns the tag as CoNLL writes it: O, B-PER, I-ORG…
func (t tag) String() string {
	if t < numTags {
		return tagNames[t]
	}
	return "O"
}

// isInside reports whether t is an I- tag.
func (t tag) isInside() bool { return t != tagO && t%2 == 0 }

// isBegin reports whether t is a B- tag.
func (t tag) isBegin() bool { return t%2 == 1 && t < numTags }

// label returns the entity label of a B- or I- tag.
func (t tag) label() Label {
	switch t {
	case tagBPER, tagIPER:
		return PER
	case tagBORG, tagIORG:
		return ORG
	case tagBLOC, tagILOC:
		return LOC
	}
	return ""
}

// allowed reports whether tag next may follow tag prev; prev == numTags is the start
// of a sentence. An I- tag continues only a B- or I- tag of its own label.
func allowed(prev, next tag) bool {
	if !next.isInside() {
		return true
	}
	if prev == numTags || prev == tagO {
		return false
	}
	return prev.label() == next.label()
}

// parseTag reads a CoNLL tag, mapping NERGrit's PERSON, PLACE and ORGANISATION to
// PER, LOC and ORG; tags of other labels (and malformed tags) read as O. A bare label
// with no B-/I- prefix reads as B-.
func parseTag(s string) tag {
	if s == "" || s == "O" {
		return tagO
	}
	inside := false
	switch {
	case len(s) > 2 && (s[:2] == "B-" || s[:2] == "S-"):
		s = s[2:]
	case len(s) > 2 && (s[:2] == "I-" || s[:2] == "E-"):
		s, inside = s[2:], true
	}
	var b tag
	switch s {
	case "PER", "PERSON":
		b = tagBPER
	case "ORG", "ORGANISATION", "ORGANIZATION":
		b = tagBORG
	case "LOC", "PLACE", "GPE":
		b = tagBLOC
	default:
		return tagO
	}
	if inside {
		b++
	}
	return b
}
