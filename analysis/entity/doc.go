// Package entity finds named entities in Indonesian text: persons (PER),
// organisations (ORG) and places (LOC), and dates, times, amounts of money,
// percentages and quantities (DATE, TIME, MONEY, PERCENT, QUANTITY), whose values
// it normalises.
//
// # Annotation guideline
//
// The default style ([StyleDefault]) follows this guideline; the tests check its
// examples.
//
// PER is a person, by full name, part of it or nickname: Joko Widodo, Jokowi, SBY,
// Durov. Titles, ranks, roles and honorifics stay outside the span, and are no
// names alone: Presiden [Joko Widodo], Bapak [Budi], AKBP [Yopy Anggi Nugroho],
// Dr. [Ani] (a title word that is part of the name stays: [Sri Mulyani], [Sultan
// Hamengku Buwono X]).
//
// ORG is an organisation: government bodies and ministries (Kementerian
// Keuangan, KPK), local governments (Pemkot Bekasi, Pemprov DKI), parliaments
// and their commissions (DPR, Komisi III DPR), parties (Partai Golkar), companies
// and their brands and apps as the companies they stand for (Telegram,
// WhatsApp, GrabCar, Peugeot), with their legal form ([PT Pertamina (Persero)]),
// media (KompasTekno, Kompas.com), sports clubs and teams (Napoli, Tottenham
// Hotspur, Persib, Timnas Indonesia), universities, schools, hospitals as
// institutions (RSUD Dr. Soetomo), religious and civil organisations.
//
// LOC is a place: countries, provinces, regions, cities, regencies, districts,
// villages (Kota Semarang, Desa Sukamaju), streets, rivers, mountains, islands,
// and named buildings and landmarks (Gedung DPR, Balai Kota Semarang, Stasiun
// Gambir, Monas, Stadion Gelora Bung Karno).
//
// A place is LOC wherever it is written, as in CoNLL and MUC: inside a title
// (Gubernur [Jawa Tengah] [Ahmad Luthfi], Wali Kota [Surabaya] [Eri Cahyadi]) and
// after a noun (warga [Magelang], dolar [AS], pasar [Tiongkok]); Wali Kota, Kepala
// Desa and Camat are titles like Gubernur and Bupati. Inside an amount the
// currency's country is part of the MONEY entity (19 miliar dolar AS). The
// administrative head stays inside the place: [Kota Semarang], [Kabupaten
// Sleman], [Desa Sukamaju]; a place that is part of an organisation's name stays
// in the organisation (Pemkot Bekasi, Polda Metro Jaya, Bank Jateng).
//
// A long name keeps its commas and "dan" ([Badan Meteorologi, Klimatologi, dan
// Geofisika]); an acronym in brackets after it is a span of its own ([Badan
// Meteorologi, Klimatologi, dan Geofisika] ([BMKG])). A name never takes in a
// neighbouring name: Ketua [Komisi III DPR RI] [Benny Kabur Harman].
//
// Days, months, holidays, products, phenomena, standards and common nouns
// written as acronyms are not names: Senin, Idul Fitri, Elpiji, iPhone 15, El
// Nino, Quick Response Code Indonesian Standard (QRIS), SPBU, KTP, BBM, and
// an acronym that a number counts is a common noun (31 DPD, tiga BUMN). (DATE
// entities cover days and dates.) Headlines name what running text names:
// Pengguna Aktif [Telegram] Tembus 200 Juta, [Pavel Durov] Sindir [Facebook].
//
// # Styles
//
// [StyleIdner] follows idner-news-2k, whose annotators leave places inside titles
// untagged and stop an institution's name before its region, for comparison with
// that corpus's published results; [StyleNERGrit] follows NERGrit. In these
// styles only the repairs that do not change the convention run (the table of
// repairs in repair.go says which, chosen rule by rule by cross-validation on the
// corpora's training sets: NERGrit shares the guideline's places and acronyms),
// and in the idner style places are not
// propagated (that corpus tags a country by its use in each mention: Indonesia
// the place, but produk Indonesia, warga Gaza and Duta Besar Indonesia
// untagged) and an
// organisation's acronym in brackets joins its span (Mahkamah Konstitusi (MK)), as
// that corpus writes it, while what is written in brackets after a person is a
// span of its own (Joko Widodo (Jokowi), Zainal Abidin (Indonesia)).
// The NERGrit style follows that corpus where it parts from the guideline
// (repair_nergrit.go): the noun of an area and the words of address of kin,
// the street and a crew stay outside a name (kawasan [Bahu Mall], Mbah
// [Surip], Capt [Jarot]); a head of a place in lower case, the number of a
// house and a quoted nickname are inside it ([kota Semarang], [Jalan
// Salemba 10], [Michael " Flea " Balzary]); the titles of works and shows,
// competitions, cups and awards, and tongues and peoples that are no place
// are untagged (serial John Doe, AFC Cup, bahasa Tamil; but bahasa
// [Inggris]).
//
// # Pipeline
//
// [Recognizer.Extract] runs these stages, in this order (the unexported extract,
// which Extract and ExtractSentences share, shows them in one place):
//
//  1. model: a linear-chain model over hashed sparse features (the word, its
//     lower-cased form, shape, case and sentence position, affixes, for a
//     capitalised word its standing in the stemmer's lexicon (a root such as
//     Warga, a derived word such as Pengguna, a protected name, or unknown),
//     neighbouring words, trigger words such as Presiden, kata, PT, Partai,
//     Kabupaten and di, context words such as melawan, klub, saham, aplikasi,
//     band, desa and warga, the words that end and start the capitalised run
//     a word is in, for every word of it (Wigan Athletic, Kangen Band, Sonoma
//     County, Universitas Negara Bagian Oregon), and membership of our own
//     gazetteers of institutions, clubs, companies, brands, apps, media,
//     bands, universities, the provinces, regencies and cities of Indonesia,
//     its landmarks, and the countries, regions and cities of the world),
//     decoded with Viterbi over BIO tags, per sentence (per line of one);
//     headlines are read in sentence case. Its weights are the sum of an
//     averaged structured perceptron's and a conditional random field's,
//     trained by [Train] (see
//     "telaah train-entities -learner ensemble") on idner-news-2k and NERGrit,
//     with the features whose weights are all negligible pruned
//     ([DefaultPrune]), and it is embedded in the package;
//     [Recognizer.Tag] is the model alone.
//  2. repairs: what a reader of Indonesian news knows about the shape of names
//     (repair.go): full names of institutions from our lists, commas and "dan"
//     included; "Long Name (ACRO)"; institution names headed by Dinas, Badan or
//     Kementerian running on over their lists and region; titles and degrees
//     that are never names; a side of the compass (Sebelah Barat) and a day
//     of the week (Senin) neither; places in titles; names after place heads; law
//     titles; company forms; datelines.
//  3. rules: dates, times, money, percentages and quantities (rules.go).
//  4. resolution: overlapping spans are resolved, abbreviated parts of names
//     joined.
//  5. propagation: later mentions the model missed of names found elsewhere in
//     the document (Durov after Pavel Durov).
//  6. clustering: every mention gets the longest mention of its entity as its
//     Canonical form (and an acronym its long name), and the entity's mentions
//     share one Confidence.
//
// [Recognizer.TagSentences] and "telaah entities --conll" run exactly this
// pipeline over CoNLL documents, so the published scores describe Extract.
package entity
