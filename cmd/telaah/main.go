// Command telaah analyses Indonesian text: it tokenizes, stems and finds named
// entities, and indexes and searches news articles with bleve.
//
// Usage:
//
//	telaah <command> [flags] [arguments]
//
// Run "telaah help" for the list of commands and "telaah <command> --help" for the
// flags of one.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// command is one subcommand of telaah.
type command struct {
	name    string
	summary string
	run     func(env *env, args []string) error
}

// env is what a command reads from and writes to, so tests can run commands in
// process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// commands lists the subcommands in the order "telaah help" shows them.
func commands() []command {
	return []command{
		{"analyze", "text on stdin → tokens, stems, sentences and entities", runAnalyze},
		{"tokenize", "text on stdin → one token a line, a blank line after each sentence", runTokenize},
		{"stem", "one word a line on stdin → its stem a line", runStem},
		{"entities", "text (or CoNLL with --conll) on stdin → named entities", runEntities},
		{"train-entities", "train the entity model from CoNLL files", runTrainEntities},
		{"index", "index articles (JSON Lines or folders of .txt) into a bleve index", runIndex},
		{"search", "search an index: hits with highlights and entity facets", runSearch},
		{"serve", "serve an index over HTTP: JSON search API and a search page", runServe},
	}
}

func main() {
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	if err := run(e, os.Args[1:]); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "telaah:", err)
		}
		os.Exit(exitCode(err))
	}
}

// exitCode is 0 for a help request, 2 for a usage error and 1 otherwise.
func exitCode(err error) int {
	var u usageError
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &u):
		return 2
	}
	return 1
}

// usageError marks an error in how a command was called.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func run(e *env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		if len(args) == 0 {
			return usageError{"no command given"}
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if err := c.run(e, args[1:]); err != nil {
				return fmt.Errorf("%s: %w", c.name, err)
			}
			return nil
		}
	}
	usage(e.stderr)
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: telaah <command> [flags] [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-15s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `Run "telaah <command> --help" for the flags of a command.`)
}

// newFlags returns a flag set for a command that prints its usage to e.stderr and
// returns errors instead of exiting.
func newFlags(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: telaah %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning a flag error into a usageError.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
