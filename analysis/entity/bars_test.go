package entity_test

// The accuracy bars of the full pipeline on the shared dev sets.
const (
	idnerBar   = 0.84
	nergritBar = 0.76
)
