package query

import "iter"

// TranslateAnd translates an And's clauses for a backend, with tr translating
// one clause to the backend's query Q and and building its conjunction of the
// clauses that must match and those that must not. A clause repeated
// (telegram pengguna telegram pengguna …) counts once; a clause under Not is
// translated without its Not and excludes; a clause that tr translates to nil
// asks for nothing (only stopwords) and is left out. When no clause is left the
// And asks for nothing (the zero Q), a lone clause that must match is the
// query itself, and clauses that only exclude exclude from all.
func TranslateAnd[Q any](clauses []Node, tr func(Node) (Q, error), all Q, and func(must, not []Q) Q) (Q, error) {
	var zero Q
	var must, not []Q
	for c := range distinct(clauses) {
		neg := false
		if n, ok := c.(*Not); ok {
			c, neg = n.Clause, true
		}
		q, err := tr(c)
		if err != nil {
			return zero, err
		}
		switch {
		case any(q) == nil:
		case neg:
			not = append(not, q)
		default:
			must = append(must, q)
		}
	}
	switch {
	case len(must) == 0 && len(not) == 0:
		return zero, nil
	case len(not) == 0 && len(must) == 1:
		return must[0], nil
	case len(must) == 0:
		must = []Q{all}
	}
	return and(must, not), nil
}

// TranslateOr translates the clauses of an Or for a backend, as TranslateAnd
// does: a clause repeated counts once and a clause that tr translates to nil is
// left out. The backend builds its disjunction from the list.
func TranslateOr[Q any](clauses []Node, tr func(Node) (Q, error)) ([]Q, error) {
	var should []Q
	for c := range distinct(clauses) {
		q, err := tr(c)
		if err != nil {
			return nil, err
		}
		if any(q) != nil {
			should = append(should, q)
		}
	}
	return should, nil
}

// distinct yields the clauses in order, a clause that reads as one before it
// (by Format) left out.
func distinct(clauses []Node) iter.Seq[Node] {
	return func(yield func(Node) bool) {
		seen := map[string]bool{}
		for _, c := range clauses {
			k := Format(c)
			if seen[k] {
				continue
			}
			seen[k] = true
			if !yield(c) {
				return
			}
		}
	}
}
