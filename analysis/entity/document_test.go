package entity_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/telaah/telaah/analysis/entity"
)

// TestTagCoNLL checks that CoNLL documents go through Extract as a whole: a
// later mention is found through the document's earlier one (propagation), and
// -DOCSTART- lines come out as they went in.
func TestTagCoNLL(t *testing.T) {
	in := "-DOCSTART- O\n\nPresiden O\nJoko B-PER\nWidodo I-PER\nhadir O\n. O\n\nWidodo O\ntersenyum O\n. O\n\n"
	var out bytes.Buffer
	if err := entity.Default().TagCoNLL(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	want := "-DOCSTART- O\n\nPresiden\tO\nJoko\tB-PER\nWidodo\tI-PER\nhadir\tO\n.\tO\n\nWidodo\tB-PER\ntersenyum\tO\n.\tO\n\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	sents, err := entity.ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 || !sents[0].DocStart || sents[1].DocStart {
		t.Fatalf("ReadCoNLL: %+v", sents)
	}
	tags := entity.Default().TagSentences(sents)
	if got := strings.Join(tags[1], " "); got != "B-PER O O" {
		t.Errorf("TagSentences, second sentence: %s", got)
	}
}

// TestHeadline checks that a headline, written in title case, yields the names
// running text would, alone or above its article.
func TestHeadline(t *testing.T) {
	head := "Pengguna Aktif Telegram Tembus 200 Juta, Pavel Durov Sindir Facebook"
	for _, text := range []string{head, head + "\n\nPavel Durov menyindir Facebook di kanal Telegram miliknya."} {
		es := entity.Default().Extract(text)
		got := map[string]entity.Label{}
		for _, e := range es {
			if e.End <= len(head) {
				got[e.Text] = e.Label
			}
		}
		for s, l := range map[string]entity.Label{"Pavel Durov": entity.PER, "Telegram": entity.ORG, "Facebook": entity.ORG} {
			if got[s] != l {
				t.Errorf("%q: headline entities %v, want %s %q", text, got, l, s)
			}
		}
	}
}

// FuzzTagCoNLL checks that any input is tagged without a panic, one line out for
// every token line in.
func FuzzTagCoNLL(f *testing.F) {
	f.Add("-DOCSTART- O\n\nGubernur O\nJawa B-LOC\nTengah I-LOC\n\nDurov\n")
	f.Add("Pengguna\nAktif\nTelegram\n\n\n-DOCSTART-\nX\t\tO\n")
	f.Add("\t\n(\n)\n,\n")
	f.Fuzz(func(t *testing.T, in string) {
		var out bytes.Buffer
		if err := entity.Default().TagCoNLL(strings.NewReader(in), &out); err != nil {
			return // a line too long for the scanner
		}
		want := 0
		for _, l := range strings.Split(in, "\n") {
			if strings.TrimSpace(strings.TrimRight(l, "\r")) != "" {
				want++
			}
		}
		got := 0
		for _, l := range strings.Split(out.String(), "\n") {
			if l != "" {
				got++
			}
		}
		if got != want {
			t.Errorf("%d lines in, %d out", want, got)
		}
	})
}
