package stem_test

import (
	"fmt"

	"github.com/telaah/telaah/analysis/stem"
)

func Example() {
	s := stem.Default()
	for _, w := range []string{"mengatakan", "Pembangunan", "anak-anak", "menteri", "Bekasi", "streaming"} {
		fmt.Println(w, "→", s.Stem(w))
	}
	// Output:
	// mengatakan → kata
	// Pembangunan → bangun
	// anak-anak → anak
	// menteri → menteri
	// Bekasi → bekasi
	// streaming → stream
}

func ExampleStemmer_Analyze() {
	a := stem.Default().Analyze("memperbaiki")
	fmt.Println(a)
	for _, r := range a.Rules {
		fmt.Println(r)
	}
	// Output:
	// mem- + per- + baik + -i
	// prefix meN- as mem-
	// prefix per- as per-
	// derivational suffix -i
	// root baik in lexicon
}

func ExampleStemmer_StemToken() {
	s := stem.Default()
	// A capitalised word inside a sentence, or an entity member, is only
	// lower-cased.
	fmt.Println(s.StemToken("Pertamina", true))
	fmt.Println(s.StemToken("pertandingan", false))
	// Output:
	// pertamina
	// tanding
}

func ExampleSnowballStem() {
	// Snowball's rules over-stem news words; the default stemmer does not.
	for _, w := range []string{"menteri", "mengatakan", "berikan"} {
		fmt.Println(w, stem.SnowballStem(w), stem.Default().Stem(w))
	}
	// Output:
	// menteri teri menteri
	// mengatakan ata kata
	// berikan ikan beri
}

func ExampleNew() {
	s, err := stem.New(stem.Config{Protected: []string{"Kebayoran"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.IsProtected("KEBAYORAN"), s.Stem("kebayoran"))
	// Output:
	// true kebayoran
}

func ExampleStemmer_AddRoots() {
	s, err := stem.New(stem.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Stem("mengoptimalkan"))
	if err := s.RemoveRoots("optimal"); err != nil {
		fmt.Println(err)
	}
	fmt.Println(s.Stem("mengoptimalkan"))
	if err := s.AddRoots("optimal"); err != nil {
		fmt.Println(err)
	}
	fmt.Println(s.Stem("mengoptimalkan"))
	// Output:
	// optimal
	// mengoptimalkan
	// optimal
}

func ExampleIsEnglish() {
	fmt.Println(stem.IsEnglish("updated"), stem.IsEnglish("startups"), stem.IsEnglish("makanan"))
	// Output:
	// true true false
}

// A Memo in front of the stemmer, for the words of one text on one goroutine:
// a word seen before costs a look-up in a small table and allocates nothing.
func ExampleMemo() {
	m := stem.Default().Memo()
	defer m.Release()
	for _, w := range []string{"penggunaan", "menggunakan", "penggunaan"} {
		fmt.Println(w, "→", m.StemBytes([]byte(w)))
	}
	// Output:
	// penggunaan → guna
	// menggunakan → guna
	// penggunaan → guna
}
