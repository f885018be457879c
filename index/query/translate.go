package query

// TranslateAnd translates the clauses of an And for a backend, with tr
// translating one clause to the backend's query Q. A clause repeated
// (telegram pengguna telegram pengguna …) counts once; a clause under Not is
// translated without its Not and goes to not, every other one to must; a clause
// that tr translates to nil asks for nothing (only stopwords) and is left out.
// The backend builds its conjunction from the two lists.
func TranslateAnd[Q any](clauses []Node, tr func(Node) (Q, error)) (must, not []Q, err error) {
	seen := map[string]bool{}
	for _, c := range clauses {
		k := Format(c)
		if seen[k] {
			continue
		}
		seen[k] = true
		neg := false
		if n, ok := c.(*Not); ok {
			c, neg = n.Clause, true
		}
		q, err := tr(c)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case any(q) == nil:
		case neg:
			not = append(not, q)
		default:
			must = append(must, q)
		}
	}
	return must, not, nil
}

// TranslateOr translates the clauses of an Or for a backend, as TranslateAnd
// does: a clause repeated counts once and a clause that tr translates to nil is
// left out. The backend builds its disjunction from the list.
func TranslateOr[Q any](clauses []Node, tr func(Node) (Q, error)) ([]Q, error) {
	var should []Q
	seen := map[string]bool{}
	for _, c := range clauses {
		k := Format(c)
		if seen[k] {
			continue
		}
		seen[k] = true
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
