package tokenize_test

import (
	"fmt"
	"strings"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/tokenize"
)

func ExampleTokenize() {
	for _, t := range tokenize.Tokenize("Harga naik Rp1,5 triliun (5,2%) sejak 24/3/2018, dll.") {
		fmt.Printf("%-10s %-12s [%d:%d]\n", t.Text, t.Kind, t.Start, t.End)
	}
	// Output:
	// Harga      word         [0:5]
	// naik       word         [6:10]
	// Rp         word         [11:13]
	// 1,5        number       [13:16]
	// triliun    word         [17:24]
	// (          punct        [25:26]
	// 5,2        number       [26:29]
	// %          symbol       [29:30]
	// )          punct        [30:31]
	// sejak      word         [32:37]
	// 24/3/2018  number       [38:47]
	// ,          punct        [47:48]
	// dll.       abbreviation [49:53]
}

func ExampleAll() {
	// The first sentence of the reference article; All allocates nothing per token.
	text := telaah.ReferenceArticle()
	words := 0
	for t := range tokenize.All(text) {
		if t.Kind == tokenize.Word {
			words++
		}
	}
	fmt.Println(words > 300)
	for t := range tokenize.All("Anak-anak bermain sayur-mayur di se-Indonesia pada ke-2.") {
		fmt.Println(strings.TrimSpace(t.Text + " " + t.Flags.String()))
	}
	// Output:
	// true
	// Anak-anak reduplicated|hyphenated|sentence-start
	// bermain
	// sayur-mayur reduplicated|hyphenated
	// di
	// se-Indonesia hyphenated
	// pada
	// ke-2 hyphenated|ordinal
	// .
}

func ExampleSentences() {
	text := `Presiden B. J. Habibie tiba di Jl. Sudirman No. 5 pukul 10.30 WIB. "Apa kabar?" tanyanya. Ia lalu pergi.`
	for _, s := range tokenize.Sentences(text) {
		fmt.Printf("%q\n", strings.TrimSpace(text[s.Start:s.End]))
	}
	// Output:
	// "Presiden B. J. Habibie tiba di Jl. Sudirman No. 5 pukul 10.30 WIB."
	// "\"Apa kabar?\" tanyanya."
	// "Ia lalu pergi."
}

func ExampleToken_Split() {
	for _, t := range tokenize.Tokenize("bukunya apakah kepada-Nya sekolah") {
		pro, base, enc := t.Split()
		fmt.Printf("%s → %q %q %q\n", t.Text, pro, base, enc)
	}
	// Output:
	// bukunya → "" "buku" "nya"
	// apakah → "" "apa" "kah"
	// kepada-Nya → "" "kepada" "Nya"
	// sekolah → "" "sekolah" ""
}

func ExampleTokenizer_splitClitics() {
	z := tokenize.Tokenizer{SplitClitics: true}
	for _, t := range z.Tokenize("Menurutnya, siapapun boleh.") {
		fmt.Print(t.Text, " ")
	}
	fmt.Println()
	// Output:
	// Menurut nya , siapa pun boleh .
}

func ExampleScanner() {
	sc := tokenize.NewScanner(strings.NewReader("Telegram tembus 200 juta pengguna. Durov menyindir Facebook."))
	for sc.Scan() {
		t := sc.Token()
		if t.Is(tokenize.SentenceStart) {
			fmt.Print("| ")
		}
		fmt.Print(t.Text, " ")
	}
	if err := sc.Err(); err != nil {
		fmt.Println(err)
	}
	fmt.Println()
	// Output:
	// | Telegram tembus 200 juta pengguna . | Durov menyindir Facebook .
}

func ExampleTokenizer_AppendTokens() {
	// One slice kept from text to text: after the first, tokenizing allocates
	// nothing.
	var z tokenize.Tokenizer
	var toks []tokenize.Token
	for _, text := range []string{"Jokowi tiba di Medan.", "Harga naik 5%."} {
		toks = z.AppendTokens(toks[:0], text)
		for _, t := range toks {
			fmt.Print(t.Text, "|")
		}
		fmt.Println()
	}
	// Output:
	// Jokowi|tiba|di|Medan|.|
	// Harga|naik|5|%|.|
}
