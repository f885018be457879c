package query_test

import (
	"errors"
	"fmt"

	"github.com/telaah/telaah/index/query"
)

func ExampleParse() {
	n, err := query.Parse(`banjir OR longsor persons:"Pavel Durov" -jakarta published:>=2024-01`, query.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(query.Format(n))
	query.Walk(n, func(c query.Node) bool {
		if w, ok := c.(*query.Phrase); ok {
			fmt.Printf("phrase %q in field %s at bytes %d–%d\n", w.Text, w.Field, w.Pos.Start, w.Pos.End)
		}
		return true
	})
	// Output:
	// (banjir OR longsor) persons:"Pavel Durov" -jakarta published:>=2024-01-01
	// phrase "Pavel Durov" in field persons at bytes 18–39
}

func ExampleError() {
	_, err := query.Parse(`banjir title:(`, query.Limits{})
	var e *query.Error
	if errors.As(err, &e) {
		fmt.Println(e)
		fmt.Println(e.Pointer())
	}
	_, err = query.Parse(`(((((a)))))`, query.Limits{MaxDepth: 3})
	fmt.Println(err, errors.Is(err, query.ErrLimit))
	// Output:
	// query: unclosed ( at character 14
	// banjir title:(
	//              ^
	// query: query nested deeper than the limit of 3 at character 4 true
}

// A backend translates an And clause by clause: the repeated clause counts
// once, the negated one excludes and the stopword asks for nothing.
func ExampleTranslateAnd() {
	n, err := query.Parse(`telegram -rusia telegram yang`, query.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	tr := func(c query.Node) (any, error) {
		if w, ok := c.(*query.Word); ok && w.Text == "yang" {
			return nil, nil // a stopword
		}
		return query.Format(c), nil
	}
	and := func(must, not []any) any { return fmt.Sprintf("must %v not %v", must, not) }
	fmt.Println(query.TranslateAnd(n.(*query.And).Clauses, tr, "all", and))
	only, _ := query.Parse(`-rusia -yang`, query.Limits{})
	fmt.Println(query.TranslateAnd(only.(*query.And).Clauses, tr, "all", and))
	should, err := query.TranslateOr([]query.Node{&query.Word{Text: "banjir"}, &query.Word{Text: "banjir"}, &query.Word{Text: "yang"}}, tr)
	fmt.Println(should, err)
	// Output:
	// must [telegram] not [rusia] <nil>
	// must [all] not [rusia] <nil>
	// [banjir] <nil>
}

// A request's own limits win; the rest come from the index, then the defaults.
func ExampleLimits_Or() {
	index := query.Limits{MaxClauses: 64, MaxDepth: 8}
	lim := query.Limits{MaxClauses: 16}.Or(index).WithDefaults()
	fmt.Println(lim.MaxClauses, lim.MaxDepth, lim.MaxLength == query.DefaultMaxLength)
	// Output: 16 8 true
}
