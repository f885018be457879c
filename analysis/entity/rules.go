package entity

import "github.com/telaah/telaah/tokenize"

func numericEntities(text string, toks []tokenize.Token) []Entity { return nil }
