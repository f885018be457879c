package stem

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestMorphology(t *testing.T) {
	s := Default()
	for _, c := range []struct{ word, root string }{
		// meN-/peN- with nasal assimilation and restoration.
		{"menyapu", "sapu"}, {"memukul", "pukul"}, {"menulis", "tulis"},
		{"mengirim", "kirim"}, {"mengebom", "bom"}, {"menyanyi", "nyanyi"},
		{"membaca", "baca"}, {"mendengar", "dengar"}, {"melihat", "lihat"},
		{"menanti", "nanti"}, {"memakan", "makan"}, {"mewarnai", "warna"},
		{"pengguna", "guna"}, {"penulis", "tulis"}, {"pemerintah", "perintah"},
		{"pengeboman", "bom"}, {"pencapaian", "capai"},
		// ber-/per-/ter- variants.
		{"belajar", "ajar"}, {"pelajar", "ajar"}, {"bekerja", "kerja"},
		{"beternak", "ternak"}, {"berubah", "ubah"}, {"terbesar", "besar"},
		// Circumfixes.
		{"kemerdekaan", "merdeka"}, {"persatuan", "satu"}, {"pembangunan", "bangun"},
		{"berdatangan", "datang"}, {"kebijakan", "bijak"},
		{"pertumbuhan", "tumbuh"}, {"perbankan", "bank"},
		// Stacked prefixes.
		{"memperbaiki", "baik"}, {"diperbaiki", "baik"}, {"keberhasilan", "hasil"},
		{"kepemimpinan", "pimpin"}, {"diperkirakan", "kira"},
		// Suffixes, particles, possessives, and putting suffixes back.
		{"mengatakan", "kata"}, {"berikan", "beri"}, {"bukunya", "buku"},
		{"bermasalah", "masalah"}, {"dilakukan", "laku"}, {"bagian", "bagi"}, {"sebagian", "bagi"},
		// Reduplication.
		{"anak-anak", "anak"}, {"berlari-lari", "lari"}, {"sayur-mayur", "sayur"},
		{"bersama-sama", "sama"}, {"kemerah-merahan", "merah"}, {"rata-rata", "rata"},
		// Sentence adverbs in -nya are words of their own (data/lexicalised.txt).
		{"sebaiknya", "sebaiknya"}, {"akhirnya", "akhirnya"},
		// No spurious roots: none of one or two letters, no weak look-alikes.
		{"kedi", "kedi"}, {"hanya", "hanya"}, {"menara", "menara"}, {"impian", "impian"},
		{"kelamin", "kelamin"}, {"pentas", "pentas"}, {"prasasti", "prasasti"},
		{"pengantin", "pengantin"}, {"pengantinnya", "pengantin"}, {"direktorat", "direktorat"},
		{"kedirektoratan", "direktorat"}, {"beringin", "beringin"},
		// Outer affixes, -wan/-wati, Cv- reduplication.
		{"ketidakadilan", "adil"}, {"prasejarah", "sejarah"}, {"pascapanen", "panen"},
		{"karyawan", "karya"}, {"biarawati", "biara"}, {"bebatuan", "batu"}, {"tetap", "tetap"},
		// Words Snowball over-stems stay whole.
		{"menteri", "menteri"}, {"makanan", "makan"},
		// -i needs a prefix; ke- + numeral is an ordinal; ber-...-kan is a confix.
		{"politisi", "politisi"}, {"ekonomi", "ekonomi"}, {"mewarnai", "warna"},
		{"keempat", "keempat"}, {"kesembilan", "kesembilan"},
		{"berdasarkan", "dasar"}, {"diberangkatkan", "berangkat"},
		// Protected names, in any case.
		{"Bekasi", "bekasi"}, {"bekasi", "bekasi"}, {"Kediri", "kediri"},
		{"Maluku", "maluku"}, {"Megawati", "megawati"}, {"PERTAMINA", "pertamina"},
		{"Telegram", "telegram"}, {"Surabaya", "surabaya"}, {"Bekasinya", "bekasi"},
		{"jakartapun", "jakarta"},
		// English words in Indonesian news.
		{"streaming", "stream"}, {"startups", "startup"},
		// Unknown words are left alone.
		{"xyzzyan", "xyzzyan"}, {"", ""}, {"di", "di"},
	} {
		if got := s.Stem(c.word); got != c.root {
			t.Errorf("Stem(%q) = %q, want %q (%v)", c.word, got, c.root, s.Analyze(c.word))
		}
	}
}

func TestStemToken(t *testing.T) {
	s := Default()
	if got := s.StemToken("Pertandingan", true); got != "pertandingan" {
		t.Errorf("proper token stemmed: %q", got)
	}
	if got := s.StemToken("Pertandingan", false); got != "tanding" {
		t.Errorf("StemToken(Pertandingan, false) = %q", got)
	}
}

func TestAnalyze(t *testing.T) {
	a := Default().Analyze("mengatakan")
	if a.Root != "kata" || a.String() != "meng- + kata + -kan" || !a.Found || len(a.Rules) == 0 {
		t.Errorf("Analyze(mengatakan) = %+v (%v)", a, a)
	}
	a = Default().Analyze("menulis")
	if a.Restored != "t" || a.String() != "men- + tulis" {
		t.Errorf("Analyze(menulis) = %+v", a)
	}
	a = Default().Analyze("Bekasi")
	if !a.Protected || a.Root != "bekasi" {
		t.Errorf("Analyze(Bekasi) = %+v", a)
	}
	a = Default().Analyze("anak-anak")
	if !a.Reduplicated || a.Root != "anak" {
		t.Errorf("Analyze(anak-anak) = %+v", a)
	}
	sb, _ := New(Config{Mode: Snowball})
	if a := sb.Analyze("mengatakan"); a.Root != "ata" {
		t.Errorf("snowball Analyze(mengatakan) = %+v", a)
	}
}

func TestProtected(t *testing.T) {
	s, err := New(Config{Protected: []string{"Kebayoran", "  Pasuruan "}})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"kebayoran", "KEBAYORAN", "Pasuruan", "Bekasi", "bekasi"} {
		if !s.IsProtected(w) {
			t.Errorf("%q not protected", w)
		}
		if got := s.Stem(w); got != strings.ToLower(strings.TrimSpace(w)) {
			t.Errorf("Stem(%q) = %q", w, got)
		}
	}
	if s.IsProtected("makanan") {
		t.Error("makanan protected")
	}
	none, _ := New(Config{NoDefaultProtected: true})
	if none.IsProtected("Bekasi") {
		t.Error("NoDefaultProtected still protects Bekasi")
	}
	if _, err := New(Config{Protected: []string{""}}); err == nil {
		t.Error("empty protected word: no error")
	}
	if len(DefaultProtected()) < 300 {
		t.Errorf("%d default protected names", len(DefaultProtected()))
	}
}

func TestLexiconEditing(t *testing.T) {
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Stem("menggoreng"); got != "goreng" {
		t.Fatalf("menggoreng → %q", got)
	}
	if err := s.RemoveRoots("goreng"); err != nil {
		t.Fatal(err)
	}
	if got := s.Stem("menggoreng"); got != "menggoreng" {
		t.Errorf("after RemoveRoots: menggoreng → %q (cache not cleared?)", got)
	}
	if err := s.AddRoots("Goreng"); err != nil {
		t.Fatal(err)
	}
	if got := s.Stem("menggoreng"); got != "goreng" {
		t.Errorf("after AddRoots: menggoreng → %q", got)
	}
	if err := s.AddRoots("two words"); err == nil {
		t.Error("AddRoots(two words): no error")
	}
	lex, err := ReadRootLexicon(strings.NewReader("# my roots\nkata\n\nTulis\n"))
	if err != nil {
		t.Fatal(err)
	}
	if lex.Len() != 2 || !lex.Contains("tulis") || !lex.Contains("KATA") {
		t.Errorf("ReadRootLexicon: %v", lex.Words())
	}
	if err := s.SetLexicon(lex); err != nil {
		t.Fatal(err)
	}
	if got := s.Stem("menggoreng"); got != "menggoreng" {
		t.Errorf("own lexicon: menggoreng → %q", got)
	}
	if got := s.Stem("mengatakan"); got != "kata" {
		t.Errorf("own lexicon: mengatakan → %q", got)
	}
	if _, err := ReadRootLexicon(strings.NewReader("kata\nno good\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad lexicon line: %v", err)
	}
	if s.SetLexicon(nil) == nil {
		t.Error("SetLexicon(nil): no error")
	}
	var b strings.Builder
	if _, err := lex.WriteTo(&b); err != nil || b.String() != "kata\ntulis\n" {
		t.Errorf("WriteTo: %q %v", b.String(), err)
	}
}

func TestDefaultLexiconSize(t *testing.T) {
	n := DefaultRootLexicon().Len()
	t.Logf("default lexicon: %d roots", n)
	if n < 25000 {
		t.Errorf("default lexicon has %d roots, want ≥ 25,000", n)
	}
}

func TestModes(t *testing.T) {
	if m, err := ParseMode("snowball"); err != nil || m != Snowball || m.String() != "snowball" {
		t.Errorf("ParseMode(snowball) = %v, %v", m, err)
	}
	if m, err := ParseMode("default"); err != nil || m != Lexicon || m.String() != "default" {
		t.Errorf("ParseMode(default) = %v, %v", m, err)
	}
	if _, err := ParseMode("porter"); err == nil {
		t.Error("ParseMode(porter): no error")
	}
	if _, err := New(Config{Mode: 7}); err == nil {
		t.Error("New with mode 7: no error")
	}
}

// TestConcurrent stems from many goroutines while the lexicon is edited; run
// it under -race.
func TestConcurrent(t *testing.T) {
	s, err := New(Config{CacheSize: 64})
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"mengatakan", "menulis", "anak-anak", "Bekasi", "perbankan", "memperbaiki", "streaming"}
	want := make([]string, len(words))
	for i, w := range words {
		want[i] = s.Stem(w)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				k := (i + g) % len(words)
				if got := s.Stem(words[k]); got != want[k] {
					t.Errorf("Stem(%q) = %q, want %q", words[k], got, want[k])
					return
				}
			}
		}(g)
	}
	for i := 0; i < 20; i++ {
		if err := s.AddRoots(fmt.Sprintf("akarbaru%c", 'a'+i)); err != nil {
			t.Error(err)
		}
	}
	wg.Wait()
}

// TestEnglishRate measures how often the English judgement fires on the content
// words of the UD treebanks.
func TestEnglishRate(t *testing.T) {
	s := Default()
	for _, file := range []string{"data/ud/id_gsd-ud-dev.conllu", "data/ud/id_csui-ud-train.conllu"} {
		gold := udGold(t, file)
		n := 0
		var ex []string
		for _, p := range gold {
			if s.Analyze(p.form).English {
				n++
				if len(ex) < 12 {
					ex = append(ex, p.form)
				}
			}
		}
		rate := float64(n) / float64(len(gold))
		t.Logf("%s: English judgement on %d of %d content words (%.2f%%): %s", file, n, len(gold), 100*rate, strings.Join(ex, " "))
		if rate > 0.02 {
			t.Errorf("English judgement fires on %.2f%% of content words", 100*rate)
		}
	}
}

func TestSnowballShortAndOdd(t *testing.T) {
	for _, w := range []string{"", "a", "aku", "kah", "me", "meny", "mempe", "pelajar", "belajar", "ñandú", "kerjakan"} {
		got := SnowballStem(w)
		if len(got) > len(w) {
			t.Errorf("SnowballStem(%q) = %q, longer", w, got)
		}
	}
}

func FuzzStem(f *testing.F) {
	for _, w := range []string{"mengatakan", "anak-anak", "Bekasi", "kemerah-merahan", "menyanyi", "-", "a-", "memper", "ÉTÉ", "ber-ber-ber", "\xff\xfe", "streaming"} {
		f.Add(w)
	}
	def := Default()
	sb, err := New(Config{Mode: Snowball})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, w string) {
		for _, s := range []*Stemmer{def, sb} {
			a := s.Stem(w)
			if len(a) > len(w) {
				t.Errorf("%v: Stem(%q) = %q, longer than the input", s.Mode(), w, a)
			}
			if b := s.Stem(w); a != b {
				t.Errorf("%v: Stem(%q) not deterministic: %q then %q", s.Mode(), w, a, b)
			}
			if an := s.Analyze(w); an.Root != a {
				t.Errorf("%v: Analyze(%q).Root = %q, Stem = %q", s.Mode(), w, an.Root, a)
			}
			if utf8.ValidString(w) && !utf8.ValidString(a) {
				t.Errorf("%v: Stem(%q) = %q is not valid UTF-8", s.Mode(), w, a)
			}
			if p := s.StemToken(w, true); len(p) > len(w) {
				t.Errorf("%v: StemToken(%q, true) = %q, longer than the input", s.Mode(), w, p)
			}
		}
	})
}

func TestZeroStemmer(t *testing.T) {
	var s Stemmer
	if got := s.Stem("Mengatakan"); got != "kata" {
		t.Errorf("zero Stemmer: %q", got)
	}
	if !s.IsProtected("bekasi") || s.Stem("bekasi") != "bekasi" {
		t.Error("zero Stemmer does not protect Bekasi")
	}
	if err := s.AddRoots("zzzakar"); err != nil || s.Stem("menzzzakar") != "menzzzakar" && s.Stem("dizzzakar") != "zzzakar" {
		t.Errorf("zero Stemmer AddRoots: %v %q", err, s.Stem("dizzzakar"))
	}
}

func TestDefaultIsNotEdited(t *testing.T) {
	d := Default()
	if err := d.AddRoots("zzzakar"); !errors.Is(err, ErrShared) {
		t.Errorf("Default().AddRoots: %v, want ErrShared", err)
	}
	if err := d.RemoveRoots("kata"); !errors.Is(err, ErrShared) {
		t.Errorf("Default().RemoveRoots: %v, want ErrShared", err)
	}
	if err := d.SetLexicon(d.Lexicon()); !errors.Is(err, ErrShared) {
		t.Errorf("Default().SetLexicon: %v, want ErrShared", err)
	}
	if got := d.Stem("mengatakan"); got != "kata" {
		t.Errorf("Default after refused edits: mengatakan → %q", got)
	}
}
