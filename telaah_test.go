package telaah_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/telaah/telaah"
)

func TestReferenceArticle(t *testing.T) {
	if !strings.Contains(telaah.ReferenceArticle(), "Pavel Durov") {
		t.Fatal("the reference article does not mention Pavel Durov")
	}
}

func TestSampleArticles(t *testing.T) {
	sc := bufio.NewScanner(bytes.NewReader(telaah.SampleArticles()))
	sc.Buffer(nil, 1<<20)
	seen := map[string]bool{}
	n := 0
	for sc.Scan() {
		n++
		var a struct {
			ID, Title, Body, Published string
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if a.ID == "" || a.Title == "" || a.Body == "" || a.Published == "" {
			t.Errorf("line %d: article %q lacks id, title, body or published", n, a.ID)
		}
		if seen[a.ID] {
			t.Errorf("line %d: duplicate id %q", n, a.ID)
		}
		seen[a.ID] = true
		if n == 1 && a.ID != "kompas-telegram-200-juta" {
			t.Errorf("first article is %q, want the reference article", a.ID)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 1 {
		t.Fatal("no sample articles")
	}
}

func ExampleSampleArticles() {
	line, _, _ := bytes.Cut(telaah.SampleArticles(), []byte("\n"))
	var a struct{ Title string }
	_ = json.Unmarshal(line, &a)
	fmt.Println(a.Title) // the reference article comes first
	// Output: Pengguna Aktif Telegram Tembus 200 Juta, Pavel Durov Sindir Facebook
}

func ExampleReferenceArticle() {
	text := telaah.ReferenceArticle()
	fmt.Println(strings.Contains(text, "Pavel Durov"), strings.Contains(text, "Rusia"))
	// Output: true true
}
