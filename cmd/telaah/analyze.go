package main

import "errors"

// runAnalyze is a placeholder until its issue lands.
func runAnalyze(e *env, args []string) error { return errors.New("not implemented yet") }
