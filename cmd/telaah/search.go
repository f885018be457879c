package main

import "errors"

// runSearch is a placeholder until its issue lands.
func runSearch(e *env, args []string) error { return errors.New("not implemented yet") }
