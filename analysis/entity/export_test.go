package entity

// Pruned returns r with the features of its model pruned as
// TrainOptions.Prune = frac would have (for the cross-validation of the
// threshold without training once for each).
func (r *Recognizer) Pruned(frac float64) *Recognizer {
	c := *r.get()
	c.m = c.m.pruned(frac)
	return &c
}
