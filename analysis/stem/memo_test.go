package stem

import (
	"strings"
	"sync"
	"testing"

	"github.com/telaah/telaah/internal/newstext"
)

// A Memo gives the stems of its Stemmer, whether the word is new to it, held,
// or too long to be held, and however often slots are replaced.
func TestMemoSameStems(t *testing.T) {
	words := strings.Fields(newstext.Text()[:300000])
	words = append(words, "", "Memperbaiki", "ketidakberhasilannya", "pertanggungjawabannya-pertanggungjawabannya", "é", "\xff")
	s := Default()
	m := s.Memo()
	defer m.Release()
	for pass := range 2 {
		for _, w := range words {
			if got, want := m.StemBytes([]byte(w)), s.StemBytes([]byte(w)); got != want {
				t.Fatalf("pass %d: Memo.StemBytes(%q) = %q, Stemmer.StemBytes = %q", pass, w, got, want)
			}
		}
	}
}

// A stem the memo holds is not served after an edit of the lexicon.
func TestMemoLexiconEdit(t *testing.T) {
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	m := s.Memo()
	defer m.Release()
	before := m.StemBytes([]byte("pengkopian"))
	if err := s.AddRoots("pengkopi"); err != nil {
		t.Fatal(err)
	}
	after := m.StemBytes([]byte("pengkopian"))
	if after == before {
		t.Fatalf("the edit changes nothing (%q): the test tests nothing", after)
	}
	if want := s.Stem("pengkopian"); after != want {
		t.Errorf("after AddRoots: memo %q, stemmer %q (before the edit: %q)", after, want, before)
	}
	if err := s.RemoveRoots("pengkopi"); err != nil {
		t.Fatal(err)
	}
	if got := m.StemBytes([]byte("pengkopian")); got != before {
		t.Errorf("after RemoveRoots: %q, want %q", got, before)
	}
}

// Memos taken from one Stemmer by several goroutines at once, each its own.
func TestMemoConcurrent(t *testing.T) {
	s := Default()
	words := strings.Fields(newstext.Text()[:50000])
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				m := s.Memo()
				for _, w := range words {
					if got, want := m.StemBytes([]byte(w)), s.StemBytes([]byte(w)); got != want {
						t.Errorf("%q: %q, want %q", w, got, want)
						return
					}
				}
				m.Release()
			}
		}()
	}
	wg.Wait()
}
