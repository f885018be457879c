package stem

//go:generate go run ./internal/genroots -shared ../../../shared -voc /usr/share/snowball/data/indonesian/voc.txt -out data
