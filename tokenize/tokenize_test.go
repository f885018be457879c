package tokenize_test

import (
	"errors"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/internal/newstext"
	"github.com/telaah/telaah/tokenize"
)

func texts(toks []tokenize.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want string // tokens joined by " | "
	}{
		// Reduplication and hyphenated forms stay one token.
		{"anak-anak sehari-hari bolak-balik sayur-mayur berlari-lari kupu-kupu", "anak-anak | sehari-hari | bolak-balik | sayur-mayur | berlari-lari | kupu-kupu"},
		{"e-mail Covid-19 non-aktif se-Indonesia ke-2 tahun 1960-an", "e-mail | Covid-19 | non-aktif | se-Indonesia | ke-2 | tahun | 1960-an"},
		// Two different names joined by a hyphen are two words, as in UD.
		{"Bapepam-LK Januari-September Jakarta-Bandung Al-Azhar", "Bapepam | - | LK | Januari | - | September | Jakarta | - | Bandung | Al-Azhar"},
		// Clitics stay in their word by default.
		{"bukunya tidaklah apakah siapapun kepada-Nya", "bukunya | tidaklah | apakah | siapapun | kepada-Nya"},
		// Numbers and units.
		{"1.000.000 1,5 Rp1,5 triliun", "1.000.000 | 1,5 | Rp | 1,5 | triliun"},
		{"Rp 200.000,- US$2 5,2%", "Rp | 200.000,- | US | $ | 2 | 5,2 | %"},
		{"24/3/2018 10.30 WIB 2018-03-24 5-10 orang", "24/3/2018 | 10.30 | WIB | 2018-03-24 | 5 | - | 10 | orang"},
		{"tahun 2016. Pada", "tahun | 2016 | . | Pada"},
		{"34/PMK.011/2007 dan/atau km/jam S/A", "34/PMK.011/2007 | dan | / | atau | km | / | jam | S/A"},
		{"kurs Rp9.100/9.105 per dolar", "kurs | Rp | 9.100 | / | 9.105 | per | dolar"},
		// Abbreviations with periods.
		{"dll. dsb. dst. a.n. u.p. Jl. No. Prof. Dr. Drs. Ir. H. Hj.", "dll. | dsb. | dst. | a.n. | u.p. | Jl. | No. | Prof. | Dr. | Drs. | Ir. | H. | Hj."},
		{"S.H. M.Si. S.Kom. Sdr. Bpk. PT. Tbk. Kab. Kec. Prov.", "S.H. | M.Si. | S.Kom. | Sdr. | Bpk. | PT. | Tbk. | Kab. | Kec. | Prov."},
		{"B. J. Habibie dan B.J. Habibie", "B. | J. | Habibie | dan | B.J. | Habibie"},
		// Informal abbreviations have no vowel; units take no period.
		{"dtg dgn. teman yg. baik 5 km.", "dtg | dgn. | teman | yg. | baik | 5 | km | ."},
		// Web, social media and emoji.
		{"JAKARTA, KOMPAS.com - Lihat www.kompas.com/read/2018/03/24. Atau https://kompas.id/a?b=1).",
			"JAKARTA | , | KOMPAS.com | - | Lihat | www.kompas.com/read/2018/03/24 | . | Atau | https://kompas.id/a?b=1 | ) | ."},
		{"redaksi@kompas.com @jokowi #pemilu2019 😀 👍🏽 🇮🇩 :) :v", "redaksi@kompas.com | @jokowi | #pemilu2019 | 😀 | 👍🏽 | 🇮🇩 | :) | :v"},
		// Punctuation and quotes.
		{`"Apa kabar?" tanya dia... lalu… “Saya,” katanya (lihat).`, `" | Apa | kabar | ? | " | tanya | dia | ... | lalu | … | “ | Saya | , | ” | katanya | ( | lihat | ) | .`},
		{"Jum'at Ka'ban Lloyd's 'kutipan'", "Jum'at | Ka'ban | Lloyd's | ' | kutipan | '"},
		{"km² 30°C", "km² | 30 | ° | C"},
		{"peng\u00ADguna", "peng\u00ADguna"},
	}
	for _, c := range cases {
		got := strings.Join(texts(tokenize.Tokenize(c.in)), " | ")
		if got != c.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestKindsAndFlags(t *testing.T) {
	type want struct {
		text  string
		kind  tokenize.Kind
		cas   tokenize.Case
		flags tokenize.Flags
	}
	in := "Telegram KPK WhatsApp pengguna anak-anak ke-2 ke-XXI dll. 1,5 % www.kompas.com a@b.co.id @x #y 😀 . B."
	ws := []want{
		{"Telegram", tokenize.Word, tokenize.Capitalised, tokenize.SentenceStart},
		{"KPK", tokenize.Word, tokenize.Upper, 0},
		{"WhatsApp", tokenize.Word, tokenize.Mixed, 0},
		{"pengguna", tokenize.Word, tokenize.Lower, 0},
		{"anak-anak", tokenize.Word, tokenize.Lower, tokenize.Reduplicated | tokenize.Hyphenated},
		{"ke-2", tokenize.Word, tokenize.Lower, tokenize.Hyphenated | tokenize.Ordinal},
		{"ke-XXI", tokenize.Word, tokenize.Mixed, tokenize.Hyphenated | tokenize.Ordinal},
		{"dll.", tokenize.Abbreviation, tokenize.Lower, 0},
		{"1,5", tokenize.Number, tokenize.NoCase, 0},
		{"%", tokenize.Symbol, tokenize.NoCase, 0},
		{"www.kompas.com", tokenize.URL, tokenize.NoCase, 0},
		{"a@b.co.id", tokenize.Email, tokenize.NoCase, 0},
		{"@x", tokenize.Mention, tokenize.NoCase, 0},
		{"#y", tokenize.Hashtag, tokenize.NoCase, 0},
		{"😀", tokenize.Emoji, tokenize.NoCase, 0},
		{".", tokenize.Punct, tokenize.NoCase, 0},
		{"B.", tokenize.Abbreviation, tokenize.Capitalised, tokenize.Initial | tokenize.SentenceStart},
	}
	got := tokenize.Tokenize(in)
	if len(got) != len(ws) {
		t.Fatalf("got %d tokens %q, want %d", len(got), texts(got), len(ws))
	}
	for i, w := range ws {
		g := got[i]
		if g.Text != w.text || g.Kind != w.kind || g.Case != w.cas || g.Flags != w.flags {
			t.Errorf("token %d: got %q %v %v %v, want %q %v %v %v", i, g.Text, g.Kind, g.Case, g.Flags, w.text, w.kind, w.cas, w.flags)
		}
	}
}

func TestClitics(t *testing.T) {
	cases := []struct{ word, pro, base, enc string }{
		{"bukunya", "", "buku", "nya"},
		{"tidaklah", "", "tidak", "lah"},
		{"apakah", "", "apa", "kah"},
		{"siapapun", "", "siapa", "pun"},
		{"kepada-Nya", "", "kepada", "Nya"},
		{"hamba-Ku", "", "hamba", "Ku"},
		{"kepadamu", "", "kepada", "mu"},
		{"persembahanku", "", "persembahan", "ku"},
		{"ku-ambil", "ku", "ambil", ""},
		{"anak-anaknya", "", "anak-anak", "nya"},
		// Words that only end like a clitic.
		{"hanya", "", "hanya", ""},
		{"akhirnya", "", "akhirnya", ""},
		{"sekolah", "", "sekolah", ""},
		{"bersekolah", "", "bersekolah", ""},
		{"melangkah", "", "melangkah", ""},
		{"adalah", "", "adalah", ""},
		{"walaupun", "", "walaupun", ""},
		{"buku", "", "buku", ""},
		{"ilmu", "", "ilmu", ""},
		{"pemerintah", "", "pemerintah", ""},
		{"Kenya", "", "Kenya", ""},
		{"Abdullah", "", "Abdullah", ""},
		{"Abdallah", "", "Abdallah", ""},
		{"berkah", "", "berkah", ""},
		{"timbullah", "", "timbul", "lah"},
		{"memilah", "", "memilah", ""},
		{"mengalah", "", "mengalah", ""},
		{"satu-satunya", "", "satu-satunya", ""},
	}
	for _, c := range cases {
		toks := tokenize.Tokenize(c.word)
		if len(toks) != 1 {
			t.Errorf("%q: %d tokens %q", c.word, len(toks), texts(toks))
			continue
		}
		p, b, e := toks[0].Split()
		if p != c.pro || b != c.base || e != c.enc {
			t.Errorf("%q.Split() = %q %q %q, want %q %q %q", c.word, p, b, e, c.pro, c.base, c.enc)
		}
	}
	split := tokenize.Tokenizer{SplitClitics: true}
	for in, want := range map[string]string{
		"Bukunya di kepada-Nya, apakah hanya ku-ambil?": "Buku | nya | di | kepada | - | Nya | , | apa | kah | hanya | ku | - | ambil | ?",
	} {
		toks := split.Tokenize(in)
		if got := strings.Join(texts(toks), " | "); got != want {
			t.Errorf("split %q\n got %s\nwant %s", in, got, want)
		}
		if !toks[0].Is(tokenize.SentenceStart) || toks[1].Flags != tokenize.Enclitic || toks[1].Case != tokenize.Lower {
			t.Errorf("split %q: flags %v %v", in, toks[0].Flags, toks[1].Flags)
		}
		checkInvariants(t, in, toks, split.Sentences(in))
	}
}

func sentenceTexts(text string, ss []tokenize.Sentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, strings.TrimSpace(text[s.Start:s.End]))
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Dia datang. Kami pergi! Apa kabar? Baik…", []string{"Dia datang.", "Kami pergi!", "Apa kabar?", "Baik…"}},
		{`"Kami tidak tahu." Kata dia. "Apa kabar?" tanya Budi.`, []string{`"Kami tidak tahu."`, "Kata dia.", `"Apa kabar?" tanya Budi.`}},
		{"Ia tinggal di Jl. Sudirman No. 5, Jakarta. Dr. Budi dan Prof. Ir. H. Anwar datang.", []string{"Ia tinggal di Jl. Sudirman No. 5, Jakarta.", "Dr. Budi dan Prof. Ir. H. Anwar datang."}},
		{"Presiden B. J. Habibie lahir pada 1936. Ia wafat pada 2019.", []string{"Presiden B. J. Habibie lahir pada 1936.", "Ia wafat pada 2019."}},
		{"Harganya 1.500,50 dolar dan naik 5,2% pada pukul 10.30 WIB. Lalu turun.", []string{"Harganya 1.500,50 dolar dan naik 5,2% pada pukul 10.30 WIB.", "Lalu turun."}},
		{"Ia membeli buku, pensil, dll. Kemudian pulang.", []string{"Ia membeli buku, pensil, dll.", "Kemudian pulang."}},
		{"Ia datang dgn. temannya. Lalu tsb. Kemudian pergi pukul 7 p.m. Dia lelah.", []string{"Ia datang dgn. temannya.", "Lalu tsb.", "Kemudian pergi pukul 7 p.m.", "Dia lelah."}},
		{"Buka www.kompas.com. Di sana ada berita.", []string{"Buka www.kompas.com.", "Di sana ada berita."}},
		{"Saham PT Astra Tbk. naik. Sementara itu PT Bumi Tbk. Dia bilang.", []string{"Saham PT Astra Tbk. naik.", "Sementara itu PT Bumi Tbk.", "Dia bilang."}},
		{"Judul tanpa titik\n\nParagraf pertama (ini contoh.) Berikutnya.", []string{"Judul tanpa titik", "Paragraf pertama (ini contoh.)", "Berikutnya."}},
		{"“Saya setuju,” katanya. ‘Baik.’ Lalu", []string{"“Saya setuju,” katanya.", "‘Baik.’", "Lalu"}},
		{"JAKARTA, KOMPAS.com - Harga naik. Kata dia.", []string{"JAKARTA, KOMPAS.com - Harga naik.", "Kata dia."}},
		// A short line without final punctuation is a heading; wrapped text is not.
		{"Ilustrasi aplikasi Telegram\nLihat Foto\nJAKARTA, KOMPAS.com -\nHarga naik.", []string{"Ilustrasi aplikasi Telegram", "Lihat Foto", "JAKARTA, KOMPAS.com -\nHarga naik."}},
		{"Syaratnya:\n- KTP asli\n- foto 3x4 berwarna merah\n• surat keterangan", []string{"Syaratnya:", "- KTP asli", "- foto 3x4 berwarna merah", "• surat keterangan"}},
		{"Menurut dia, pemerintah akan terus berupaya menjaga harga bersama\nBank Indonesia dan\nOJK.", []string{"Menurut dia, pemerintah akan terus berupaya menjaga harga bersama\nBank Indonesia dan\nOJK."}},
	}
	for _, c := range cases {
		ss := tokenize.Sentences(c.in)
		if got := sentenceTexts(c.in, ss); !slices.Equal(got, c.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
		checkInvariants(t, c.in, tokenize.Tokenize(c.in), ss)
	}
	if ss := tokenize.Sentences(""); len(ss) != 0 {
		t.Errorf("Sentences(\"\") = %v", ss)
	}
	if ss := tokenize.Sentences(" \n "); len(ss) != 1 || ss[0].End != 3 || len(ss[0].Tokens) != 0 {
		t.Errorf("Sentences(spaces) = %+v", ss)
	}
	p := tokenize.Tokenize("Satu.\n\nDua")
	if !p[2].Is(tokenize.ParagraphStart | tokenize.SentenceStart) {
		t.Errorf("paragraph start not marked: %+v", p[2])
	}
}

// checkInvariants checks what every tokenization must satisfy: tokens in order,
// not overlapping, text[Start:End] == Text, every non-space rune inside a token, and
// sentences that tile the input and hold exactly the tokens.
func checkInvariants(t testing.TB, text string, toks []tokenize.Token, sents []tokenize.Sentence) {
	t.Helper()
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d %q at [%d,%d) after %d (len %d)", i, tok.Text, tok.Start, tok.End, prev, len(text))
		}
		if text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d: text[%d:%d] = %q, Text %q", i, tok.Start, tok.End, text[tok.Start:tok.End], tok.Text)
		}
		if tok.Kind == 0 {
			t.Fatalf("token %d %q has no kind", i, tok.Text)
		}
		if int(tok.Pro)+int(tok.Enc) > len(tok.Text) {
			t.Fatalf("token %d %q: clitics %d+%d", i, tok.Text, tok.Pro, tok.Enc)
		}
		if p, b, e := tok.Split(); p+b+e != tok.Text && p+"-"+b+e != tok.Text && p+b+"-"+e != tok.Text && p+"-"+b+"-"+e != tok.Text || (tok.Pro > 0 || tok.Enc > 0) && b == "" {
			t.Fatalf("token %d %q splits into %q %q %q", i, tok.Text, p, b, e)
		}
		for j := prev; j < tok.Start; {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !(r != utf8.RuneError || n > 1) || !tokenize.IsSpace(r) {
				t.Fatalf("byte %d (%q) before token %d %q is not covered", j, text[j:j+n], i, tok.Text)
			}
			j += n
		}
		prev = tok.End
	}
	for j := prev; j < len(text); {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !(r != utf8.RuneError || n > 1) || !tokenize.IsSpace(r) {
			t.Fatalf("trailing byte %d (%q) is not covered", j, text[j:j+n])
		}
		j += n
	}
	if len(text) == 0 {
		if len(sents) != 0 {
			t.Fatalf("sentences of empty text: %v", sents)
		}
		return
	}
	if len(sents) == 0 || sents[0].Start != 0 || sents[len(sents)-1].End != len(text) {
		t.Fatalf("sentences do not cover [0,%d): %d sentences", len(text), len(sents))
	}
	n := 0
	for i, s := range sents {
		if i > 0 && s.Start != sents[i-1].End {
			t.Fatalf("sentence %d starts at %d, previous ends at %d", i, s.Start, sents[i-1].End)
		}
		if s.End < s.Start {
			t.Fatalf("sentence %d: [%d,%d)", i, s.Start, s.End)
		}
		for _, tok := range s.Tokens {
			if tok.Start < s.Start || tok.End > s.End {
				t.Fatalf("token %q [%d,%d) outside sentence %d [%d,%d)", tok.Text, tok.Start, tok.End, i, s.Start, s.End)
			}
		}
		n += len(s.Tokens)
	}
	if n != len(toks) {
		t.Fatalf("sentences hold %d tokens, Tokenize returned %d", n, len(toks))
	}
}

func TestInvariantsOnNews(t *testing.T) {
	for _, z := range []tokenize.Tokenizer{{}, {SplitClitics: true}} {
		for _, text := range []string{telaah.ReferenceArticle(), newstext.Text()[:200000], string(telaah.SampleArticles())} {
			toks := z.Tokenize(text)
			checkInvariants(t, text, toks, z.Sentences(text))
			var it []tokenize.Token
			for tok := range z.All(text) {
				it = append(it, tok)
			}
			if !slices.Equal(it, toks) {
				t.Fatal("All and Tokenize differ")
			}
		}
	}
}

func TestNastyInput(t *testing.T) {
	long := strings.Repeat("a", 1<<20) + "\x00\xff" + strings.Repeat("-", 1000) + strings.Repeat(".", 1000)
	for _, text := range []string{"", " ", "\x00", "\xff\xfe", "a\x00b", "\xe2\x80", "Rp", "Rp1", "ke-", "-nya", "a.", ".a", "'", "@", "#", "http://", "x@", "@.", "a-b-c-d-e-f", "1-2-3", ",-", "1,-", "S.H", "...", "\u2029\u2029", "\u200b", "👍🏽\u200d", "🇮", "kepada-", "-ku", "ku-", "kau-", long} {
		for _, z := range []tokenize.Tokenizer{{}, {SplitClitics: true}} {
			checkInvariants(t, text, z.Tokenize(text), z.Sentences(text))
		}
	}
}

func scanAll(t testing.TB, sc *tokenize.Scanner) []tokenize.Token {
	var out []tokenize.Token
	for sc.Scan() {
		out = append(out, sc.Token())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestScanner(t *testing.T) {
	text := telaah.ReferenceArticle() + "\n\n" + newstext.Text()[:100000]
	for _, z := range []tokenize.Tokenizer{{}, {SplitClitics: true}} {
		want := z.Tokenize(text)
		for name, r := range map[string]io.Reader{
			"whole":    strings.NewReader(text),
			"one byte": iotest.OneByteReader(strings.NewReader(text)),
			"half":     iotest.HalfReader(strings.NewReader(text)),
		} {
			sc := z.NewScanner(r)
			sc.Buffer(make([]byte, 16), 4096)
			if got := scanAll(t, sc); !slices.Equal(got, want) {
				t.Errorf("%s: Scanner differs from Tokenize (%d vs %d tokens)", name, len(got), len(want))
			}
		}
	}
	// A run without spaces longer than the buffer is cut, but no byte is lost.
	long := strings.Repeat("ab", 5000)
	sc := tokenize.NewScanner(strings.NewReader(long))
	sc.Buffer(nil, 1000)
	var b strings.Builder
	for _, tok := range scanAll(t, sc) {
		if long[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %q at [%d,%d)", tok.Text, tok.Start, tok.End)
		}
		b.WriteString(tok.Text)
	}
	if b.String() != long {
		t.Fatal("bytes lost in a long run")
	}
	// A reader that never returns anything is an error, not a hang.
	sc = tokenize.NewScanner(emptyReader{})
	if sc.Scan() || !errors.Is(sc.Err(), io.ErrNoProgress) {
		t.Errorf("empty reader: %v", sc.Err())
	}
	// Read errors are reported after the tokens read before them.
	sc = tokenize.NewScanner(io.MultiReader(strings.NewReader("Satu dua "), iotest.ErrReader(io.ErrUnexpectedEOF)))
	n := 0
	for sc.Scan() {
		n++
	}
	if n != 2 || sc.Err() == nil {
		t.Errorf("got %d tokens, err %v", n, sc.Err())
	}
}

type emptyReader struct{}

func (emptyReader) Read([]byte) (int, error) { return 0, nil }

func TestLists(t *testing.T) {
	for _, name := range tokenize.ListNames() {
		lines := tokenize.List(name)
		if len(lines) == 0 {
			t.Errorf("%s is empty", name)
		}
		if !slices.IsSorted(lines) {
			t.Errorf("%s is not sorted (LC_ALL=C sort)", name)
		}
		if len(slices.Compact(slices.Clone(lines))) != len(lines) {
			t.Errorf("%s has duplicates", name)
		}
		for _, l := range lines {
			if l == "" || strings.TrimSpace(l) != l {
				t.Errorf("%s: bad line %q", name, l)
			}
		}
	}
}

// TestConcurrent runs tokenizers in parallel, as an index does; run it with -race.
func TestConcurrent(t *testing.T) {
	text := telaah.ReferenceArticle()
	want := tokenize.Tokenize(text)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := tokenize.Tokenize(text); !slices.Equal(got, want) {
				t.Error("concurrent tokenization differs")
			}
		}()
	}
	wg.Wait()
}

// TestAppendTokens checks that AppendTokens appends what Tokenize returns,
// after what dst holds, with either setting of SplitClitics.
func TestAppendTokens(t *testing.T) {
	texts := []string{"", "  ", telaah.ReferenceArticle(), "JAKARTA, KOMPAS.com - Rp 200.000,- dll. B. J. Habibie kepada-Nya bukunya."}
	for _, z := range []tokenize.Tokenizer{{}, {SplitClitics: true}} {
		for _, text := range texts {
			head := []tokenize.Token{{Text: "x", Kind: tokenize.Word}}
			got := z.AppendTokens(head, text)
			want := append([]tokenize.Token{{Text: "x", Kind: tokenize.Word}}, z.Tokenize(text)...)
			if !slices.Equal(got, want) {
				t.Fatalf("%+v AppendTokens(%.40q): %d tokens, Tokenize %d", z, text, len(got), len(want))
			}
		}
	}
}
