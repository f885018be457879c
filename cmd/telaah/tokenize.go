package main

import "errors"

// runTokenize is a placeholder until its issue lands.
func runTokenize(e *env, args []string) error { return errors.New("not implemented yet") }
