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
	"runtime/debug"
	"strings"
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
		{"analyze", "text (files or stdin) → tokens, stems, sentences and entities", runAnalyze},
		{"tokenize", "text (files or stdin) → one token a line, a blank line after each sentence", runTokenize},
		{"stem", "text (files or stdin) → every word stemmed, line structure kept", runStem},
		{"entities", "text (or CoNLL with --conll; files or stdin) → named entities", runEntities},
		{"train-entities", "train the entity model from CoNLL files", runTrainEntities},
		{"index", "index articles (JSON Lines or folders of .txt) into a bleve index", runIndex},
		{"search", "search an index: hits with highlights and entity facets", runSearch},
		{"serve", "serve an index over HTTP: JSON search API and a search page", runServe},
		{"version", "print the version of telaah and of Go it was built with", runVersion},
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
	if len(args) == 0 {
		usage(e.stderr)
		return usageError{"no command given"}
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(e.stdout)
		return nil
	case "-version", "--version":
		return runVersion(e, nil)
	case "help":
		if len(args) == 1 {
			usage(e.stdout)
			return nil
		}
		// "telaah help search" is "telaah search --help", printed to stdout.
		c, ok := lookup(args[1])
		if !ok {
			usage(e.stderr)
			return usageError{fmt.Sprintf("help: unknown command %q", args[1])}
		}
		if err := c.run(&env{stdin: e.stdin, stdout: e.stdout, stderr: e.stdout}, []string{"--help"}); err != nil && !errors.Is(err, flag.ErrHelp) {
			return err
		}
		return nil
	}
	c, ok := lookup(args[0])
	if !ok {
		usage(e.stderr)
		return usageError{fmt.Sprintf("unknown command %q", args[0])}
	}
	if err := c.run(e, args[1:]); err != nil {
		// One prefix with the command's name, whatever the error already says.
		if strings.HasPrefix(err.Error(), c.name+":") {
			return err
		}
		return fmt.Errorf("%s: %w", c.name, err)
	}
	return nil
}

// lookup returns the command called name.
func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// runVersion prints the module version of telaah (or "(devel)" for a build from a
// checkout), the VCS revision when the build recorded it, and Go's version.
func runVersion(e *env, args []string) error {
	fs := newFlags(e, "version", "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected arguments: %q", fs.Args())}
	}
	fmt.Fprintln(e.stdout, versionString())
	return nil
}

// versionString is "telaah VERSION [REVISION[+dirty]] GOVERSION".
func versionString() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "telaah (unknown version)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	parts := []string{"telaah", v}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev != "" {
		parts = append(parts, rev[:min(12, len(rev))]+dirty)
	}
	return strings.Join(append(parts, bi.GoVersion), " ")
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

// parseFlags parses args, turning a flag error into a usageError. Flags may come
// anywhere on the line ("search banjir --json" is "search --json banjir"); "--"
// ends the flags, so that every argument after it is an argument even when it
// starts with "-"; a lone "-" (stdin) is an argument. Afterwards fs.Args() holds
// the arguments in their order.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			if strings.HasPrefix(err.Error(), "flag provided but not defined: ") {
				// search -banjir: a negated word, most likely.
				return usageError{err.Error() + `; an argument that starts with "-" (a query's -word) goes after "--"`}
			}
			return usageError{err.Error()}
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" && !isFlagValue(fs, args[:used-1]) {
			pos = append(pos, rest...) // "--" ended the flags
			break
		}
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	// Leave the arguments in fs.Args.
	return fs.Parse(append([]string{"--"}, pos...))
}

// isFlagValue reports whether the argument after before is the value of the flag
// that ends before ("--index --" names a folder called "--").
func isFlagValue(fs *flag.FlagSet, before []string) bool {
	if len(before) == 0 {
		return false
	}
	last := before[len(before)-1]
	if len(last) < 2 || last[0] != '-' || last == "--" || strings.Contains(last, "=") {
		return false
	}
	if len(before) >= 2 && isFlagValue(fs, before[:len(before)-1]) {
		return false // last is itself a value
	}
	f := fs.Lookup(strings.TrimLeft(last, "-"))
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}
