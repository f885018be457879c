//go:build !purego

package entity

// vitSteps are the steps of viterbiLead from token 2 on for small scores
// (viterbi_amd64.s): steps tokens from emit's, their tags before into back,
// p the scores of the token before the first, then of the last.
//
//go:noescape
func vitSteps(emit *float32, back *uint8, steps int, trans *float32, p *[8]float32)
