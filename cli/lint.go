package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sendlint/sendlint/config"
	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/load"
	"github.com/sendlint/sendlint/report"
	"github.com/sendlint/sendlint/rules"
)

// lintOptions are the lint command's flags.
type lintOptions struct {
	config  string
	format  string
	output  string
	failOn  string
	noColor bool
	verbose bool
	resolverOptions
}

func (c *Command) lintFlags() (*flag.FlagSet, *lintOptions) {
	o := &lintOptions{}
	fs := flag.NewFlagSet("sendlint", flag.ContinueOnError)
	fs.StringVar(&o.config, "config", "", "config `FILE` (default: sendlint.yaml or .sendlint.yaml here or above, up to the repository root)")
	fs.StringVar(&o.format, "format", "text", "report `FORMAT`: "+strings.Join(report.Names(), ", "))
	fs.StringVar(&o.output, "output", "", "write the report to `FILE` instead of standard output")
	fs.StringVar(&o.failOn, "fail-on", "error", "exit 1 on findings at or above `SEVERITY`: error, warning, notice or never")
	fs.BoolVar(&o.noColor, "no-color", false, "no colours in the text report (also NO_COLOR)")
	fs.BoolVar(&o.verbose, "verbose", false, "say on standard error which files are read or skipped")
	o.register(fs)
	return fs, o
}

// lint is the default command: load the sources under the paths, run the
// rules, write the report and choose the exit code.
func (c *Command) lint(args []string) int {
	fs, o := c.lintFlags()
	fs.SetOutput(c.Stderr)
	c.flagUsage(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitError
	}

	threshold, err := parseFailOn(o.failOn)
	if err != nil {
		return c.errorf("%v", err)
	}
	format, err := report.Lookup(o.format)
	if err != nil {
		return c.errorf("--format: %v", err)
	}
	var verbose io.Writer
	if o.verbose {
		verbose = c.Stderr
	}
	src, code := c.loadSources(o.config, paths, verbose)
	if code != ExitOK {
		return code
	}
	st, cfg, wd := src.state, src.config, src.workDir
	r, err := o.stack(st)
	if err != nil {
		return c.errorf("%v", err)
	}
	st.SetResolver(r)
	all := rules.All()
	findings, err := lint.Run(st, all, lint.Options{Severity: cfg.Severity})
	if err != nil {
		return c.errorf("%v", err)
	}

	if code := c.writeReport(format, o, wd, &report.Report{
		Findings: findings,
		Rules:    all,
		Sources:  report.NewSources(wd),
	}); code != ExitOK {
		return code
	}
	return exitCode(findings, threshold)
}

// writeReport writes the report to --output or standard output.
func (c *Command) writeReport(format report.Formatter, o *lintOptions, wd string, r *report.Report) int {
	color := o.format == "text" && o.output == "" && !o.noColor &&
		c.getenv("NO_COLOR") == "" && c.isTerminal(c.Stdout)

	if o.output == "" {
		if err := format(c.Stdout, r, report.Options{Color: color}); err != nil {
			return c.errorf("%v", err)
		}
		return ExitOK
	}

	// The report is built in memory first so that a failed run does not
	// leave half a report where the last good one was.
	var buf bytes.Buffer
	if err := format(&buf, r, report.Options{}); err != nil {
		return c.errorf("%v", err)
	}
	path := o.output
	if !filepath.IsAbs(path) {
		path = filepath.Join(wd, path)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return c.errorf("--output: %v", err)
	}
	return ExitOK
}

// sources is what loadSources read.
type sources struct {
	state   *lint.State
	config  *config.Config
	workDir string
}

// loadSources reads the config (named by --config, or found upward) and
// the sources under paths, as lint and check-host both do. A code other
// than ExitOK means the message is printed and the command must stop.
func (c *Command) loadSources(configFlag string, paths []string, verbose io.Writer) (*sources, int) {
	wd, err := c.workDir()
	if err != nil {
		return nil, c.errorf("working directory: %v", err)
	}
	cfg, err := c.loadConfig(configFlag, wd)
	if err != nil {
		return nil, c.errorf("%v", err)
	}
	st, err := load.Load(paths, load.Options{Config: cfg, WorkDir: wd, Verbose: verbose})
	if err != nil {
		return nil, c.errorf("%v", err)
	}
	return &sources{state: st, config: cfg, workDir: wd}, ExitOK
}

// loadConfig reads the config named by --config, or the one found from
// the working directory upward; no file means defaults.
func (c *Command) loadConfig(flagPath, wd string) (*config.Config, error) {
	path := flagPath
	if path != "" && !filepath.IsAbs(path) {
		path = filepath.Join(wd, path)
	}
	if path == "" {
		found, err := config.Find(wd)
		if err != nil {
			return nil, err
		}
		if found == "" {
			return &config.Config{Dir: wd, Ignore: &config.Matcher{}}, nil
		}
		path = found
	}
	display := path
	if rel, err := filepath.Rel(wd, path); err == nil {
		display = filepath.ToSlash(rel)
	}
	return config.Load(path, display, ruleIDs())
}

func ruleIDs() []string {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	return ids
}

// parseInterspersed parses flags that may come before, between or after
// paths, as `sendlint zones/ --format json` expects; after "--" every
// argument is a path.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var tail []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, tail = args[:i], args[i+1:]
	}
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return append(paths, tail...), nil
}

// parseFailOn maps --fail-on to the lowest severity that fails the run;
// "never" is a severity above every other.
func parseFailOn(s string) (lint.Severity, error) {
	switch s {
	case "error":
		return lint.Error, nil
	case "warning":
		return lint.Warning, nil
	case "notice":
		return lint.Notice, nil
	case "never":
		return lint.Error + 1, nil
	}
	return 0, fmt.Errorf("--fail-on: unknown value %q: want error, warning, notice or never", s)
}

func exitCode(findings []lint.Finding, threshold lint.Severity) int {
	for _, f := range findings {
		if f.Severity >= threshold {
			return ExitFindings
		}
	}
	return ExitOK
}
