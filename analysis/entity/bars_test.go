package entity_test

// The accuracy bars of the full pipeline on the shared dev sets.
const (
	idnerBar   = 0.845
	nergritBar = 0.75
)
