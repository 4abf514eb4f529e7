// Package cli is sendlint's command line (DESIGN.md §2) as a testable
// value: streams and environment are injected, and Main returns an exit
// code instead of exiting.
package cli

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
)

// Exit codes (DESIGN.md §2).
const (
	// ExitOK: nothing at or above --fail-on.
	ExitOK = 0
	// ExitFindings: findings at or above --fail-on.
	ExitFindings = 1
	// ExitError: the command could not do its job (bad flags, an invalid
	// sendlint.yaml, a path that does not exist).
	ExitError = 2
)

// Command runs sendlint with the given streams and environment.
type Command struct {
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads the environment; nil means os.Getenv.
	Getenv func(string) string
	// WorkDir is the directory relative paths and display paths start
	// from; "" means the process's working directory.
	WorkDir string
	// IsTerminal reports whether w is a terminal, which turns colour on;
	// nil means "a character device".
	IsTerminal func(w io.Writer) bool
}

// Main runs the command line args (without the program name) and returns
// the exit code.
func (c *Command) Main(args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "check-host":
			return c.checkHost(args[1:])
		case "rules":
			return c.rules(args[1:])
		case "explain":
			return c.explain(args[1:])
		case "version":
			return c.version(args[1:])
		case "help":
			c.usage(c.Stdout)
			return ExitOK
		}
	}
	return c.lint(args)
}

func (c *Command) getenv(k string) string {
	if c.Getenv != nil {
		return c.Getenv(k)
	}
	return os.Getenv(k)
}

func (c *Command) workDir() (string, error) {
	if c.WorkDir != "" {
		return c.WorkDir, nil
	}
	return os.Getwd()
}

func (c *Command) isTerminal(w io.Writer) bool {
	if c.IsTerminal != nil {
		return c.IsTerminal(w)
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// errorf prints a message for exit code 2 and returns that code.
func (c *Command) errorf(format string, args ...any) int {
	fmt.Fprintf(c.Stderr, "sendlint: "+format+"\n", args...)
	return ExitError
}

func (c *Command) version(args []string) int {
	if len(args) > 0 {
		return c.errorf("version takes no arguments")
	}
	fmt.Fprintf(c.Stdout, "sendlint %s (%s)\n", moduleVersion(), runtime.Version())
	return ExitOK
}

// moduleVersion is the module version `go install` recorded, or "(devel)"
// for a build from a checkout.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
