package indextest_test

import (
	"fmt"

	"github.com/telaah/telaah/index/indextest"
)

// The conformance list: every backend answers these requests alike.
func ExampleCases() {
	cs := indextest.Cases()
	fmt.Println(len(cs) > 30, cs[0].Name, cs[1].Name, cs[1].Request.Query)
	// Output: true all word telegram
}
