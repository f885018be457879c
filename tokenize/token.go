package tokenize

// Kind is what sort of thing a token is.
type Kind uint8

// The kinds of token.
const (
	Word         Kind = iota + 1 // a word, including reduplications and hyphenated forms
	Number                       // 1.000.000, 1,5, 24/3/2018, 10.30, 200.000,- (ke-2 is Word+Ordinal)
	Punct                        // . , ; : ! ? " ( ) and the like
	Symbol                       // % $ + = and other symbols
	URL                          // https://example.com/a, www.kompas.com, kompas.com
	Email                        // redaksi@kompas.com
	Mention                      // @jokowi
	Hashtag                      // #pemilu2019
	Abbreviation                 // dll., Jl., S.H., B. (initial)
	Emoji                        // 😀 and emoticons such as :)
)

// Case is the capitalisation of a word.
type Case uint8

// The capitalisations.
const (
	NoCase      Case = iota // no letters, or letters without case
	Lower                   // pengguna
	Capitalised             // Telegram
	Upper                   // KPK
	Mixed                   // WhatsApp, iPhone
)

// Flags describe a token further.
type Flags uint16

// The flags.
const (
	Reduplicated   Flags = 1 << iota // anak-anak, sayur-mayur, berlari-lari
	Hyphenated                       // any word with an inner hyphen: e-mail, Covid-19
	Ordinal                          // ke-2, ke-100, ke-XXI
	SentenceStart                    // the first token of a sentence
	ParagraphStart                   // the first token after a blank line (also SentenceStart)
	Initial                          // initials with their periods: the B. and J. of B. J. Habibie, B.J.
	Proclitic                        // a proclitic split off its word (ku, kau), with SplitClitics
	Enclitic                         // an enclitic split off its word (nya, ku, mu, lah, kah, pun), with SplitClitics
)

// Token is one token with its byte offsets into the original input:
// input[Start:End] == Text.
type Token struct {
	Text  string
	Start int
	End   int
	Kind  Kind
	Case  Case
	Flags Flags
	// Pro and Enc are the byte lengths of a proclitic (ku-, kau-) at the start and of
	// enclitics (-nya, -ku, -mu, -lah, -kah, -pun) at the end of Text; zero when
	// there is none. When clitics are split into tokens of their own they are zero.
	Pro, Enc uint8
}

// Is reports whether all of the flags f are set on t.
func (t Token) Is(f Flags) bool { return t.Flags&f == f }

// Split returns the token's proclitic, base and enclitic parts:
// "bukunya" → "", "buku", "nya"; "kepada-Nya" → "", "kepada", "Nya".
// A hyphen between a clitic and the base is left out of both: "ku-ambil" → "ku",
// "ambil", "".
func (t Token) Split() (proclitic, base, enclitic string) {
	s := t.Text
	pro, enc := int(t.Pro), int(t.Enc)
	if pro+enc > len(s) {
		return "", s, ""
	}
	proclitic, base, enclitic = s[:pro], s[pro:len(s)-enc], s[len(s)-enc:]
	if n := len(base); n > 0 && enc > 0 && base[n-1] == '-' {
		base = base[:n-1]
	}
	if len(base) > 0 && pro > 0 && base[0] == '-' {
		base = base[1:]
	}
	return proclitic, base, enclitic
}

// Sentence is a sentence with its byte offsets into the original input. Sentences
// tile the input: each starts where the previous ended, so the space between
// sentences belongs to the sentence before it.
type Sentence struct {
	Start, End int
	// Tokens are the sentence's tokens, in order.
	Tokens []Token
}
