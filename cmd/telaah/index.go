package main

import "errors"

// runIndex is a placeholder until its issue lands.
func runIndex(e *env, args []string) error { return errors.New("not implemented yet") }
