// Package config reads sendlint.yaml (DESIGN.md §4): finds it, checks it
// against schemas/config.schema.json, and turns it into the values the
// loaders and the runner use.
package config

import (
	"errors"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/sendlint/sendlint/internal/suggest"
	"github.com/sendlint/sendlint/lint"
)

// Names are the file names Find looks for, in order of preference.
var Names = []string{"sendlint.yaml", ".sendlint.yaml"}

// Config is a loaded sendlint.yaml. The zero Config (no file) is valid and
// means every default.
type Config struct {
	// Path is the file it was read from, as shown in messages; "" when
	// there is no file.
	Path string
	// Dir is the directory relative paths in the file are resolved from.
	Dir string

	// Domains limits checks to these domains, canonical; nil means every
	// zone origin found.
	Domains []string
	// Zones maps a zone file (absolute, cleaned path) to its origin.
	Zones map[string]string
	// Senders are the declared mail streams.
	Senders []*lint.Sender
	// Aliases maps a login (lower case) to the addresses it may send as.
	Aliases map[string][]string
	// Severity overrides rule severities by ID.
	Severity map[string]lint.Severity
	// Ignore are the path globs not to lint.
	Ignore *Matcher
}

// Error is a problem with the config file, with the position it was found
// at. The CLI turns it into exit code 2.
type Error struct {
	File string
	Line int // 0 when not known
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Find looks for a config file in dir and its parents, stopping after the
// repository root (the first directory holding .git). It returns "" when
// there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find config: %w", err)
	}
	for {
		for _, n := range Names {
			p := filepath.Join(dir, n)
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				return p, nil
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads, validates and decodes the config file at path. display is
// the name used in messages. knownRules, when not nil, lists the rule IDs
// the rules: map may name.
func Load(path, display string, knownRules []string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: display, Msg: fmt.Sprintf("cannot read: %s", pathErr(err))}
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", display, err)
	}
	return Parse(src, display, dir, knownRules)
}

// Parse is Load for a file already read. dir is the directory relative
// paths in it are resolved from.
func Parse(src []byte, display, dir string, knownRules []string) (*Config, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(display, err)
	}
	if doc.Kind == 0 {
		// An empty file is a valid config with every default.
		return &Config{Path: display, Dir: dir, Ignore: &Matcher{}}, nil
	}
	if err := validate(&doc, display); err != nil {
		return nil, err
	}
	var raw file
	if err := doc.Decode(&raw); err != nil {
		return nil, yamlError(display, err)
	}
	return build(&raw, &doc, display, dir, knownRules)
}

// file mirrors the YAML document; the schema has already checked it.
type file struct {
	Domains []string          `yaml:"domains"`
	Zones   map[string]string `yaml:"zones"`
	Senders []struct {
		Name          string   `yaml:"name"`
		Provider      string   `yaml:"provider"`
		IPs           []string `yaml:"ips"`
		From          []string `yaml:"from"`
		ReturnPath    string   `yaml:"return-path"`
		DKIMDomain    string   `yaml:"dkim-domain"`
		DKIMSelectors []string `yaml:"dkim-selectors"`
		SMTP          struct {
			Host     string `yaml:"host"`
			Username string `yaml:"username"`
		} `yaml:"smtp"`
	} `yaml:"senders"`
	Aliases map[string][]string `yaml:"aliases"`
	Rules   map[string]string   `yaml:"rules"`
	Ignore  []string            `yaml:"ignore"`
}

func build(raw *file, doc *yaml.Node, display, dir string, knownRules []string) (*Config, error) {
	c := &Config{Path: display, Dir: dir}
	for _, d := range raw.Domains {
		c.Domains = append(c.Domains, lint.CanonicalName(d))
	}

	c.Zones = make(map[string]string, len(raw.Zones))
	for p, origin := range raw.Zones {
		c.Zones[filepath.Join(dir, filepath.FromSlash(p))] = lint.CanonicalName(origin)
	}

	for i, s := range raw.Senders {
		line := lineOf(doc, []string{"senders", fmt.Sprint(i)})
		sender := &lint.Sender{
			Name:          s.Name,
			Provider:      s.Provider,
			From:          s.From,
			ReturnPath:    canonical(s.ReturnPath),
			DKIMDomain:    canonical(s.DKIMDomain),
			DKIMSelectors: s.DKIMSelectors,
			SMTPHost:      strings.ToLower(s.SMTP.Host),
			SMTPUser:      s.SMTP.Username,
			Range:         lint.Range{File: display, Start: lint.Pos{Line: line, Column: 1}},
			Via:           "sendlint.yaml",
		}
		for j, ip := range s.IPs {
			p, err := parsePrefix(ip)
			if err != nil {
				return nil, &Error{File: display, Line: lineOf(doc, []string{"senders", fmt.Sprint(i), "ips", fmt.Sprint(j)}), Msg: err.Error()}
			}
			sender.IPs = append(sender.IPs, p)
		}
		c.Senders = append(c.Senders, sender)
	}

	c.Aliases = make(map[string][]string, len(raw.Aliases))
	for login, addrs := range raw.Aliases {
		c.Aliases[strings.ToLower(login)] = addrs
	}

	c.Severity = make(map[string]lint.Severity, len(raw.Rules))
	for id, s := range raw.Rules {
		if knownRules != nil && !slices.Contains(knownRules, id) {
			msg := fmt.Sprintf("rules: unknown rule %q", id)
			if near := suggest.Closest(id, knownRules); near != "" {
				msg += fmt.Sprintf("; did you mean %q?", near)
			}
			return nil, &Error{File: display, Line: keyLine(doc, []string{"rules"}, id), Msg: msg}
		}
		sev, err := lint.ParseSeverity(s)
		if err != nil {
			return nil, &Error{File: display, Line: keyLine(doc, []string{"rules"}, id), Msg: err.Error()}
		}
		c.Severity[id] = sev
	}

	m, err := NewMatcher(raw.Ignore)
	if err != nil {
		return nil, &Error{File: display, Line: lineOf(doc, []string{"ignore"}), Msg: err.Error()}
	}
	c.Ignore = m
	return c, nil
}

// canonical is lint.CanonicalName that keeps "" (not set) apart from the
// root.
func canonical(name string) string {
	if name == "" {
		return ""
	}
	return lint.CanonicalName(name)
}

// parsePrefix reads an address or a CIDR prefix; a bare address is a
// single-address prefix.
func parsePrefix(s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return netip.Prefix{}, fmt.Errorf("ips: %q is not an IP address or CIDR prefix", s)
		}
		if p != p.Masked() {
			return netip.Prefix{}, fmt.Errorf("ips: %q has host bits set; write %q", s, p.Masked().String())
		}
		return p, nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("ips: %q is not an IP address or CIDR prefix", s)
	}
	return netip.PrefixFrom(a, a.BitLen()), nil
}

func pathErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
