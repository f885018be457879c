package entity

import "testing"

// TestLabCodes checks that the codes spanSet keeps for each token stand for
// the labels one for one: every Label goes to a code of its own and back, and
// "" to lNone.
func TestLabCodes(t *testing.T) {
	seen := map[labCode]Label{}
	for _, l := range []Label{"", PER, ORG, LOC, DATE, TIME, MONEY, PERCENT, QUANTITY} {
		c := codeOf(l)
		if got := c.label(); got != l {
			t.Errorf("codeOf(%q).label() = %q", l, got)
		}
		if other, ok := seen[c]; ok {
			t.Errorf("%q and %q share code %d", l, other, c)
		}
		seen[c] = l
	}
	if codeOf("") != lNone {
		t.Errorf(`codeOf("") = %d, want lNone`, codeOf(""))
	}
	if len(seen) != len(labelOf) {
		t.Errorf("%d labels for %d codes", len(seen), len(labelOf))
	}
	for _, tg := range []tag{tagO, tagBPER, tagIPER, tagBORG, tagIORG, tagBLOC, tagILOC} {
		if l := tg.label(); codeOf(l).label() != l {
			t.Errorf("tag %d: label %q does not round-trip", tg, l)
		}
	}
}
