package main

import "errors"

// runStem is a placeholder until its issue lands.
func runStem(e *env, args []string) error { return errors.New("not implemented yet") }
