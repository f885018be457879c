package main

import "errors"

// runTrainEntities is a placeholder until its issue lands.
func runTrainEntities(e *env, args []string) error { return errors.New("not implemented yet") }
