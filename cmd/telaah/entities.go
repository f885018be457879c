package main

import "errors"

// runEntities is a placeholder until its issue lands.
func runEntities(e *env, args []string) error { return errors.New("not implemented yet") }
