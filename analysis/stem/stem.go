// Package stem reduces Indonesian words to their roots.
//
// Two algorithms stand behind one small API:
//
//   - [Lexicon] mode (the default) is a morphological stemmer. It strips particles
//     (-kah, -lah, -tah, -pun), possessives (-ku, -mu, -nya), derivational suffixes
//     (-i, -kan, -an, -wan, -wati) and up to three stacked prefixes (meN-, peN-,
//     di-, ter-, ke-, se-, ber-, per-, pe-), restoring the root's first letter
//     where meN-/peN- assimilated it (menyapu → sapu, memukul → pukul, menulis →
//     tulis, mengirim → kirim; where two roots compete for one form, the one
//     Snowball's vocabulary attests with plain affixes wins: meminta → minta, as
//     diminta and permintaan), removes the outer confix ketidak-...-an and the
//     prefixes pra- and pasca- (ketidaknyamanan → nyaman, prapembayaran →
//     bayar), undoes reduplication (anak-anak, berlari-lari, kemerah-merahan,
//     sayur-mayur, and Cv- with -an: dedaunan → daun), and accepts an analysis
//     only when its root, of three letters or more, is in the root lexicon (a
//     short weak root only with ber-, meN-, -an or -nya, so terong and pepaya
//     stay whole). A word that no analysis reduces to a known root is left
//     as it is, so names and unknown words are not mangled. Of the analyses that
//     reach a root the one with the fewest and commonest affixes wins (a suffix
//     costs a little less than a prefix: berikan = beri + -kan), and a longer
//     root breaks ties; [Stemmer.Analyze] shows the analysis and its rules.
//   - [Snowball] mode is Tala's algorithm exactly as Snowball, Lucene,
//     Elasticsearch and OpenSearch run it; see [SnowballStem].
//
// # The root lexicon
//
// The embedded lexicon ([DefaultRootLexicon]) has about 39,700 entries: some
// 2,900 roots written for this project (news vocabulary, acronyms such as
// perpres and pemkot, lexicalised reduplications such as undang-undang), 170
// affixed forms kept as roots because conflating them with their root would
// join unrelated meanings or a function word with a content word (penduduk,
// perdana, sebagai, akhirnya; data/lexicalised.txt gives each one's reason),
// the lemmas of the UD Indonesian treebanks (GSD and CSUI) that are not an
// affixed form of another attested root (the treebanks lemmatise pekerja,
// terdiri and pernyataan as themselves; a search stemmer puts them on kerja,
// diri and nyata with the rest of their families),
// 2,750 roots found in Snowball's Indonesian vocabulary because other forms of
// the vocabulary derive from them, and 33,900 further
// forms of that vocabulary that no rule reduces to a known root. The last two
// groups are weak: an analysis reaching a weak root loses to one with an extra
// affix reaching a well attested root, and a weak word form gives way to any
// analysis reaching one. See data/NOTICE for sources and licences, and
// internal/genroots for the generator (go generate). Users can add and remove
// roots ([Stemmer.AddRoots], [Stemmer.RemoveRoots]) or load their own list
// ([ReadRootLexicon], [Config.Lexicon], [Stemmer.SetLexicon]).
//
// Proper nouns are not stemmed: [Stemmer.StemToken] takes a flag for capitalised
// words and entity members, and protected words (an embedded list of Indonesian
// places, regions, people and brands that look affixed, such as Bekasi, Kediri,
// Maluku, Megawati and Pertamina, plus [Config.Protected]) are never stemmed in any
// case, so a lower-case query "bekasi" does not become "bekas".
//
// # English words in Indonesian news
//
// News mixes in English (streaming, updated, startups). A token that is not a
// well attested root, has no Indonesian analysis and is not protected is judged
// English when it is clearly English by its spelling: it ends in -ed, -ly,
// -ment(s), -ness or -tion(s), in -s after a consonant other than s, k and r, or
// in -ing after a consonant cluster Indonesian does not form; or it ends in -s,
// -es (not -is or -us), -er(s) or -ing and also has a letter pattern Indonesian spelling does not
// use (th, ph, sh, ck, wh, ee, oo, ea, ou, q, x, a doubled consonant other than
// kk and gg); see [IsEnglish]. Such tokens go to the Snowball English (Porter2)
// stemmer; other foreign words (google, facebook) are kept as they are. On the
// content words of the UD Indonesian treebanks the rule fires on 0.02 % of
// tokens in GSD dev (1 of 4,905: torres) and 0.01 % in CSUI train (1 of 8,096:
// jats); on Snowball's Indonesian vocabulary, which lists many English and
// Latin forms, on 2,520 of 64,587 words.
//
// A Stemmer is safe for concurrent use. In Lexicon mode results are kept in a fixed-size,
// lock-free cache (131,072 slots by default, see [Config.CacheSize]), so repeated
// words in running text cost one hash and one atomic load.
package stem

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Mode selects the stemming algorithm.
type Mode uint8

// The modes.
const (
	Lexicon  Mode = iota // the default: lexicon-backed morphological stemmer
	Snowball             // Tala's algorithm exactly as Snowball runs it
)

// String returns the mode's name as the CLI spells it: "default" or "snowball".
func (m Mode) String() string {
	switch m {
	case Lexicon:
		return "default"
	case Snowball:
		return "snowball"
	}
	return fmt.Sprintf("Mode(%d)", uint8(m))
}

// ParseMode parses a mode name: "default" (or "lexicon") and "snowball".
func ParseMode(s string) (Mode, error) {
	switch strings.ToLower(s) {
	case "default", "lexicon", "":
		return Lexicon, nil
	case "snowball":
		return Snowball, nil
	}
	return 0, fmt.Errorf("stem: unknown mode %q (want default or snowball)", s)
}

// Config configures a Stemmer. The zero value is the default stemmer.
type Config struct {
	Mode Mode
	// Protected lists words never stemmed, in any case (Bekasi, Pertamina). They
	// are added to the embedded default list unless NoDefaultProtected is set.
	Protected []string
	// NoDefaultProtected drops the embedded list of protected names.
	NoDefaultProtected bool
	// Lexicon is the root lexicon; nil means the embedded default lexicon.
	Lexicon *RootLexicon
	// NoEnglish turns off the English stemming of English-looking tokens.
	NoEnglish bool
	// CacheSize bounds the number of cached results. 0 means 1<<17 slots in
	// Lexicon mode and no cache in Snowball mode, whose algorithm costs less
	// than a cache look-up on a word not seen recently; negative turns the
	// cache off.
	CacheSize int
}

// Stemmer stems Indonesian words. It is safe for concurrent use; the lexicon may
// be edited while other goroutines stem. The zero value is a default stemmer
// without a cache.
type Stemmer struct {
	mode      Mode
	noEnglish bool
	protected *nameSet
	lex       atomic.Pointer[RootLexicon]
	cache     *cache
	editMu    sync.Mutex    // serialises lexicon edits
	edits     atomic.Uint64 // lexicon edits so far, for the Memos
	memos     sync.Pool     // of *Memo
	spare     atomic.Pointer[Memo]
	shared    bool // the package's Default: not to be edited
}

// ErrShared is returned when the shared [Default] stemmer is asked to change its
// lexicon: every user of the package, the index's analyzer "id" among them, sees
// that stemmer, so it stays as shipped. Edit a stemmer of your own from [New].
var ErrShared = errors.New("stem: the shared Default stemmer cannot be edited; make one with New")

// New returns a Stemmer configured by c.
func New(c Config) (*Stemmer, error) {
	if c.Mode != Lexicon && c.Mode != Snowball {
		return nil, fmt.Errorf("stem: unknown mode %d", c.Mode)
	}
	s := &Stemmer{mode: c.Mode, noEnglish: c.NoEnglish}
	var names []string
	if !c.NoDefaultProtected {
		names = append(names, defaultProtected()...)
	}
	for i, w := range c.Protected {
		w = strings.ToLower(strings.TrimSpace(w))
		if w == "" {
			return nil, fmt.Errorf("stem: protected word %d is empty", i)
		}
		names = append(names, w)
	}
	if c.Mode == Lexicon || len(c.Protected) > 0 || c.NoDefaultProtected {
		s.protected = newNameSet(names)
	}
	lex := c.Lexicon
	if lex == nil && c.Mode == Lexicon {
		var err error
		if lex, err = defaultLexicon(); err != nil {
			return nil, err
		}
	}
	if lex != nil {
		// Snowball mode has no use for the lexicon: the embedded one is
		// loaded only if someone asks for it (Lexicon, AddRoots).
		s.lex.Store(lex)
	}
	size := c.CacheSize
	if size == 0 && c.Mode == Lexicon {
		size = 1 << 17
	}
	if size > 0 {
		s.cache = newCache(size)
	}
	return s, nil
}

// defaultStemmer is the shared default Stemmer, built on first use.
var defaultStemmer = sync.OnceValue(func() *Stemmer {
	s, err := New(Config{})
	if err != nil {
		// The embedded data are checked by the tests; this cannot happen in a
		// released build.
		panic(fmt.Sprintf("stem: building the default stemmer: %v", err))
	}
	s.shared = true
	return s
})

// Default returns the shared default Stemmer (lexicon mode, embedded lexicon and
// protected names). Its lexicon cannot be edited (see [ErrShared]).
func Default() *Stemmer { return defaultStemmer() }

// Mode returns the stemmer's algorithm.
func (s *Stemmer) Mode() Mode { return s.mode }

// Lexicon returns the stemmer's current root lexicon.
func (s *Stemmer) Lexicon() *RootLexicon { return s.lexicon() }

// lexicon returns the current lexicon; the zero Stemmer uses the default one.
func (s *Stemmer) lexicon() *RootLexicon {
	if l := s.lex.Load(); l != nil {
		return l
	}
	return DefaultRootLexicon()
}

// protectedSet returns the protected words; the zero Stemmer uses the default
// list.
func (s *Stemmer) protectedSet() *nameSet {
	if s.protected != nil {
		return s.protected
	}
	return defaultProtectedSet()
}

// defaultProtectedSet is the embedded protected list as a set.
var defaultProtectedSet = sync.OnceValue(func() *nameSet { return newNameSet(defaultProtected()) })

// nameSet is an immutable set of words with a small Bloom filter in front, so
// that the check made for every word is nearly free.
type nameSet struct {
	m      map[string]struct{}
	filter [64]uint64 // 4,096 bits, two probes
}

// newNameSet returns the set of words.
func newNameSet(words []string) *nameSet {
	n := &nameSet{m: make(map[string]struct{}, len(words))}
	for _, w := range words {
		n.m[w] = struct{}{}
		h := fnv64(w)
		a, b := h&4095, (h>>32)&4095
		n.filter[a>>6] |= 1 << (a & 63)
		n.filter[b>>6] |= 1 << (b & 63)
	}
	return n
}

// has reports whether w is in the set.
func (n *nameSet) has(w string) bool {
	h := fnv64(w)
	a, b := h&4095, (h>>32)&4095
	if n.filter[a>>6]&(1<<(a&63)) == 0 || n.filter[b>>6]&(1<<(b&63)) == 0 {
		return false
	}
	_, ok := n.m[w]
	return ok
}

// SetLexicon replaces the root lexicon. It is safe to call while other goroutines
// stem; results cached under the old lexicon are dropped.
func (s *Stemmer) SetLexicon(l *RootLexicon) error {
	if l == nil {
		return errors.New("stem: SetLexicon: nil lexicon")
	}
	if s.shared {
		return ErrShared
	}
	s.editMu.Lock()
	defer s.editMu.Unlock()
	s.lex.Store(l)
	s.cache.clear()
	s.edits.Add(1)
	return nil
}

// AddRoots adds words to the stemmer's root lexicon (lower-cased). It returns an
// error, and changes nothing, when a word is not a single word of letters or s is
// the shared Default.
func (s *Stemmer) AddRoots(words ...string) error {
	if s.shared {
		return ErrShared
	}
	s.editMu.Lock()
	defer s.editMu.Unlock()
	l, err := s.lexicon().With(words...)
	if err != nil {
		return fmt.Errorf("stem: AddRoots: %w", err)
	}
	s.lex.Store(l)
	s.cache.clear()
	s.edits.Add(1)
	return nil
}

// RemoveRoots removes words from the stemmer's root lexicon; words it does not
// hold are ignored. It returns ErrShared, and changes nothing, when s is the
// shared Default.
func (s *Stemmer) RemoveRoots(words ...string) error {
	if s.shared {
		return ErrShared
	}
	s.editMu.Lock()
	defer s.editMu.Unlock()
	s.lex.Store(s.lexicon().Without(words...))
	s.cache.clear()
	s.edits.Add(1)
	return nil
}

// IsProtected reports whether word (in any case) is protected from stemming.
func (s *Stemmer) IsProtected(word string) bool {
	return s.protectedSet().has(lower(word))
}

// Stem returns the lower-case root of word. The result is never longer than word
// and is word lower-cased when no rule applies.
func (s *Stemmer) Stem(word string) string {
	if s.cache == nil {
		return s.stem(word)
	}
	if r, ok := s.cache.get(word); ok {
		return r
	}
	gen := s.cache.generation()
	r := s.stem(word)
	s.cache.put(word, r, gen)
	return r
}

// StemToken stems a word from running text; when proper is true (a capitalised word
// that is not sentence-initial, or part of a named entity) the word is only
// lower-cased.
func (s *Stemmer) StemToken(word string, proper bool) string {
	if proper {
		return lower(word)
	}
	return s.Stem(word)
}

// stem stems word without the cache.
func (s *Stemmer) stem(word string) string {
	w := lower(word)
	if s.mode == Snowball {
		return SnowballStem(w)
	}
	var a Analysis
	s.analyze(w, &a, false)
	return a.Root
}

// Analyze explains how word is stemmed: the root, the affixes removed and the
// rules that fired. It does not use the cache.
func (s *Stemmer) Analyze(word string) Analysis {
	w := lower(word)
	a := Analysis{Word: w}
	if s.mode == Snowball {
		a.Root = SnowballStem(w)
		a.Found = a.Root != w
		a.Rules = append(a.Rules, "snowball: Tala's algorithm")
		return a
	}
	s.analyze(w, &a, true)
	return a
}

// analyze fills a with the analysis of the lower-case word w. When explain is
// false only a.Root is set.
func (s *Stemmer) analyze(w string, a *Analysis, explain bool) {
	a.Word = w
	a.Root = w
	if s.protectedSet().has(w) {
		a.Protected = true
		if explain {
			a.Rules = append(a.Rules, "protected word: not stemmed")
		}
		return
	}
	if p := s.protectedBase(w); p != "" {
		a.Root, a.Protected = p, true
		if explain {
			a.Suffixes = []string{w[len(p):]}
			a.Rules = append(a.Rules, "protected word with a clitic -"+w[len(p):]+": clitic removed")
		}
		return
	}
	if isOrdinal(w) {
		if explain {
			a.Rules = append(a.Rules, "ordinal ke- + numeral: kept")
		}
		return
	}
	lex := s.lexicon()
	ok, weak := lex.lookup(w)
	if ok && !weak {
		a.Found = true
		if explain {
			a.Rules = append(a.Rules, "root in lexicon")
		}
		return
	}
	if ok {
		// A weak root (a word form known only from Snowball's vocabulary) gives
		// way to an analysis that reaches a well attested root: kecamatan is
		// ke- + camat + -an. Snowball's vocabulary holds English words too
		// (streaming, updated).
		if s.outerAffix(w, lex, a, explain) || s.rootOrEnglish(&analyzer{lex: lex, strongOnly: true}, w, a, explain) {
			return
		}
		a.Found = true
		if explain {
			a.Rules = append(a.Rules, "word form in lexicon (from Snowball's vocabulary)")
		}
		return
	}
	if t := strings.Trim(w, "-"); len(t) != len(w) && t != "" {
		// A hyphen left at the edge of a token (hamba- of hamba-hamba split
		// by a line break) is no part of the word.
		s.analyze(t, a, explain)
		a.Word = w
		return
	}
	if !isASCIIWord(w) {
		if strings.IndexByte(w, '-') >= 0 {
			s.reduplication(w, lex, a, explain)
			return
		}
		if explain {
			a.Rules = append(a.Rules, "not a word of letters a-z: kept")
		}
		return
	}
	if len(w) < 4 {
		if explain {
			a.Rules = append(a.Rules, "short unknown word: kept")
		}
		return
	}
	if s.outerAffix(w, lex, a, explain) || s.rootOrEnglish(&analyzer{lex: lex}, w, a, explain) {
		return
	}
	if explain {
		a.Rules = append(a.Rules, "no analysis reaches a root of the lexicon: kept")
	}
}

// rootOrEnglish fills a with the analysis of w by az when it reaches a root of
// the lexicon, or else with the English analysis when w is an English word (and
// the stemmer keeps English words), and reports whether either did.
func (s *Stemmer) rootOrEnglish(az *analyzer, w string, a *Analysis, explain bool) bool {
	if az.analyzeWord(w) {
		a.Root = az.best.root
		a.Found = true
		if explain {
			a.fill(&az.best)
		}
		return true
	}
	if !s.noEnglish && IsEnglish(w) {
		s.english(w, a, explain)
		return true
	}
	return false
}

// outerAffixes stand outside every other affix of a word: the confix
// ketidak-...-an around a root or a derived word (ketidaknyamanan,
// ketidakmampuan, ketidakberdayaan) and the loan prefixes pra- and pasca-
// (prapembayaran, prasejarah, pascapanen).
var outerAffixes = [...]struct{ prefix, suffix, name string }{
	{"ketidak", "an", "ketidak-...-an"},
	{"pra", "", "pra-"},
	{"pasca", "", "pasca-"},
}

// outerAffix fills a with the analysis of w as an outer affix around a word
// whose own analysis reaches a well attested root, and reports whether one did.
func (s *Stemmer) outerAffix(w string, lex *RootLexicon, a *Analysis, explain bool) bool {
	if len(w) < 7 || w[0] != 'k' && w[0] != 'p' {
		return false // ketidak-, pra-, pasca- and a root of four letters
	}
	for i := range outerAffixes {
		o := &outerAffixes[i]
		if len(w) < len(o.prefix)+len(o.suffix)+4 || !strings.HasPrefix(w, o.prefix) || !strings.HasSuffix(w, o.suffix) {
			continue
		}
		inner := w[len(o.prefix) : len(w)-len(o.suffix)]
		var in Analysis
		s.analyze(inner, &in, explain)
		if !in.Found || in.English || in.Protected {
			continue
		}
		if ok, weak := lex.lookup(in.Root); !ok || weak {
			continue // prasasti is no pra- + sasti
		}
		a.Root, a.Found = in.Root, true
		if explain {
			a.Prefixes = append([]string{o.prefix + " (" + o.name + ")"}, in.Prefixes...)
			a.Suffixes = append(in.Suffixes, o.suffix)
			if o.suffix == "" {
				a.Suffixes = in.Suffixes
			}
			a.Restored = in.Restored
			a.Rules = append([]string{o.name + " around " + inner}, in.Rules...)
		}
		return true
	}
	return false
}

// protectedBase returns the protected word that w is followed by a possessive
// or particle (bekasinya, jakartapun), or "".
func (s *Stemmer) protectedBase(w string) string {
	for _, suf := range [...]string{"nya", "lah", "kah", "pun", "ku", "mu"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			if s.protectedSet().has(w[:len(w)-len(suf)]) {
				return w[:len(w)-len(suf)]
			}
		}
	}
	return ""
}

// english stems the English word w with Snowball's English (Porter2) stemmer.
func (s *Stemmer) english(w string, a *Analysis, explain bool) {
	r := english.Stem(w, true)
	if len(r) <= len(w) && r != "" {
		a.Root = r
	}
	a.English = true
	if explain {
		a.Rules = append(a.Rules, "English word: Snowball English (Porter2) stemmer")
	}
}

// lower lower-cases s, without allocating when s is already lower case ASCII.
// Unlike strings.ToLower it never makes s longer: invalid UTF-8 bytes are kept
// as they are, and so is a letter whose lower case takes more bytes (İ, Ⱥ).
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return lowerSlow(s)
		}
	}
	return s
}

// lowerSlow is lower for text with capitals or non-ASCII.
func lowerSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			b.WriteByte(c)
			i++
			continue
		}
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) == n {
			b.WriteRune(l)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// isASCIIWord reports whether w is made of the letters a-z only.
func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}
