//go:build !purego

package entity

// wordRowsEmit adds the sums of the word cache's entries ents[0:n] of the n
// tokens of a sentence to the scores acc[0:n] of the tokens they belong to,
// as addEntry does (cas is the case class of the first token's tokenInfo,
// whose lowerMask masks the parts rowNextLower and rowPrevLower of its
// neighbours), and sets the n rows of emit to the sums
// scaled by scale, as packedEmissions' scalar loop does: one call a
// sentence, a token's eight lanes (the eighth ignored) at a time. Integer
// adds give the same sums in any order, and a lane's conversion and product
// round as the scalar ones do: the same bits (TestWordRowsEmit). acc itself
// is not changed.
//
//go:noescape
func wordRowsEmit(emit *float32, acc *[numTags]int32, ents **wordEntry, cas *uint8, n int, scale float32)
