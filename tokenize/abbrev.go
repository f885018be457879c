package tokenize

// Abbreviations with periods.

// scanAbbreviation recognises an abbreviation with periods at s, which is a run of
// letters followed by a period: the dotted forms S.H., a.n., M.Si., Ph.D., the
// listed abbreviations (dll., Jl., Prof.) and one-letter initials (B.).
func scanAbbreviation(text string, s seg, la *lookahead) (raw, bool) {
	// Dotted forms: two to eight short letter runs, each followed by a period.
	parts, e, initials := 0, s.start, true
	known := la.noDottedFrom <= s.start && s.start < la.noDottedTo // more than eight parts follow
	// starts holds where the last nine parts began: when the run has more
	// than eight parts, no start before its ninth-last part begins a dotted
	// form either, and the run is not scanned again from those.
	var starts [maxDottedParts + 1]int
	for !known {
		p := scanSeg(text, e)
		if p.end == e || p.letters != p.end-p.start || p.letters > 4 || p.end >= len(text) || text[p.end] != '.' {
			break
		}
		starts[parts%len(starts)] = e
		parts++
		initials = initials && p.letters == 1 && p.upper == 1
		e = p.end + 1
		if e >= len(text) || letterAt(text, e) == 0 {
			break
		}
	}
	if known {
		parts = 0
	} else if parts > maxDottedParts {
		// The part that begins the last eight ends the run of starts that
		// have more than eight parts after them.
		la.noDottedFrom, la.noDottedTo = s.start, starts[(parts-maxDottedParts)%len(starts)]
		parts = 0 // not an abbreviation
	}
	if parts >= 2 && wordAt(text, e) == 0 {
		t := mk(text, s.start, e, Abbreviation)
		t.Case = caseOf(t.Text)
		switch class := lex().abbrClass(text[s.start : e-1]); {
		case class != abbrNone:
			t.abbr = class // p.m. is final, S.H. and M.Si. postnominal
		case isLowerASCII(text[s.start]):
			t.abbr = abbrTitle // a.n., a.l., u.p., s.d. stand before what they introduce
		case initials:
			t.abbr = abbrInitial // B.J. Habibie
			t.Flags |= Initial
		default:
			t.abbr = abbrPost
		}
		return t, true
	}
	w := text[s.start:s.end]
	class := lex().abbrClass(w)
	switch {
	case class != abbrNone:
	case s.letters == 1 && s.upper == 1 && wordAt(text, s.end+1) == 0:
		class = abbrInitial
	case isVowelless(w):
		class = abbrFinal // yg. dgn. tsb.: no Indonesian word lacks a vowel
	default:
		return raw{}, false
	}
	t := mk(text, s.start, s.end+1, Abbreviation)
	t.Case = caseOf(w)
	t.abbr = class
	if class == abbrInitial {
		t.Flags |= Initial
	}
	return t, true
}

// maxDottedParts is the most parts of a dotted abbreviation (S.H., M.Si., a.n.).
const maxDottedParts = 8

// isRoman reports whether s is a Roman numeral in capitals (XXI, IV).
func isRoman(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'I', 'V', 'X', 'L', 'C', 'D', 'M':
		default:
			return false
		}
	}
	return len(s) > 0
}

// isVowelless reports whether w is a lowercase ASCII word of two to four letters
// without a vowel, such as the informal abbreviations yg, dgn, utk, tsb, and not a
// unit of measure (km, kg, mhz), which takes no period.
func isVowelless(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		switch c := w[i]; c {
		case 'a', 'e', 'i', 'o', 'u':
			return false
		default:
			if c < 'a' || c > 'z' {
				return false
			}
		}
	}
	switch w {
	case "km", "kg", "cm", "mm", "ml", "mg", "kw", "kwh", "hz", "khz", "mhz", "ghz", "kb", "mb", "gb", "tb", "px", "mph", "kph", "cc", "dl":
		return false
	}
	return true
}
