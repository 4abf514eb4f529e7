package config

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"
	"go.yaml.in/yaml/v3"

	"github.com/sendlint/sendlint/internal/suggest"
	"github.com/sendlint/sendlint/schemas"
)

var schema = sync.OnceValues(func() (*gojsonschema.Schema, error) {
	return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(schemas.Config))
})

// validate checks doc against the config schema and reports the first
// complaint, in document order, at its line.
func validate(doc *yaml.Node, display string) error {
	v, err := convert(doc, 0)
	if err != nil {
		return &Error{File: display, Line: lineOfErr(err), Msg: err.Error()}
	}
	s, err := schema()
	if err != nil {
		return fmt.Errorf("config schema: %w", err)
	}
	res, err := s.Validate(gojsonschema.NewGoLoader(v))
	if err != nil {
		return &Error{File: display, Msg: fmt.Sprintf("cannot validate: %v", err)}
	}
	if res.Valid() {
		return nil
	}

	var first *Error
	for _, e := range res.Errors() {
		ce := schemaError(doc, display, e)
		if first == nil || (ce.Line > 0 && ce.Line < first.Line) {
			first = ce
		}
	}
	return first
}

// schemaError places one schema complaint at its line and words it for a
// person editing YAML rather than JSON.
func schemaError(doc *yaml.Node, display string, e gojsonschema.ResultError) *Error {
	path := fieldPath(e.Field())
	details := e.Details()
	line := lineOf(doc, path)
	where := strings.Join(path, ".")

	var msg string
	switch e.Type() {
	case "additional_property_not_allowed":
		prop, _ := details["property"].(string)
		line = keyLine(doc, path, prop)
		msg = fmt.Sprintf("unknown key %q", prop)
		if where != "" {
			msg = fmt.Sprintf("%s: unknown key %q", where, prop)
		}
	case "number_any_of", "number_one_of":
		msg = fmt.Sprintf("%s: %s", where, anyOfHint(path))
	case "invalid_type":
		if where != "" {
			msg = fmt.Sprintf("%s: want %v, got %v", where, details["expected"], details["given"])
		} else {
			msg = fmt.Sprintf("the file must be a mapping of keys (domains, zones, senders, aliases, rules, ignore), not %v", details["given"])
		}
	case "enum":
		msg = enumMessage(where, e.Value(), details["allowed"])
	default:
		msg = e.Description()
		if where != "" {
			msg = fmt.Sprintf("%s: %s", where, e.Description())
		}
	}
	return &Error{File: display, Line: line, Msg: strings.ToLower(msg[:1]) + msg[1:]}
}

// enumMessage words a value outside an enum, suggesting the nearest
// allowed one.
func enumMessage(where string, value, allowed any) string {
	v := fmt.Sprint(value)
	list := strings.Split(strings.Trim(fmt.Sprint(allowed), "[]"), ", ")
	for i := range list {
		list[i] = strings.Trim(list[i], `"`)
	}
	msg := fmt.Sprintf("%s: unknown value %q; want one of %s", where, v, strings.Join(list, ", "))
	if near := suggest.Closest(v, list); near != "" {
		msg = fmt.Sprintf("%s: unknown value %q; did you mean %q?", where, v, near)
	}
	return msg
}

// anyOfHint explains the anyOf alternatives of the schema, which
// gojsonschema words as "must validate at least one schema".
func anyOfHint(path []string) string {
	if len(path) == 2 && path[0] == "senders" {
		return "a sender needs a provider (a catalog ID) or ips (its own servers)"
	}
	if len(path) >= 3 && path[0] == "senders" && path[2] == "from" {
		return "want an email address (noreply@example.com) or a domain (example.com)"
	}
	return "does not match any allowed form"
}

// fieldPath splits a gojsonschema field name ("senders.0.from.1") into
// segments; "(root)" is the empty path.
func fieldPath(field string) []string {
	if field == "" || field == "(root)" {
		return nil
	}
	return strings.Split(field, ".")
}

// lineOf returns the line of the node at path in doc, or of its nearest
// ancestor that exists; 1 for the document itself.
func lineOf(doc *yaml.Node, path []string) int {
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := max(n.Line, 1)
	for _, seg := range path {
		next := child(n, seg)
		if next == nil {
			break
		}
		n = next
		line = n.Line
	}
	return line
}

// keyLine returns the line of key inside the mapping at path.
func keyLine(doc *yaml.Node, path []string, key string) int {
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, seg := range path {
		if n = child(n, seg); n == nil {
			return lineOf(doc, path)
		}
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i].Line
			}
		}
	}
	return lineOf(doc, path)
}

func child(n *yaml.Node, seg string) *yaml.Node {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == seg {
				return n.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		i, err := strconv.Atoi(seg)
		if err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i]
		}
	case yaml.AliasNode:
		return child(n.Alias, seg)
	}
	return nil
}

// nodeError is a problem converting YAML to a JSON value, with its line.
type nodeError struct {
	line int
	msg  string
}

func (e *nodeError) Error() string { return e.msg }

func lineOfErr(err error) int {
	var ne *nodeError
	if errors.As(err, &ne) {
		return ne.line
	}
	return 0
}

// convert turns a YAML node into the values encoding/json would produce,
// so the JSON Schema sees what the user wrote: mapping keys must be
// strings, and scalars keep their YAML types. depth guards against
// documents nested too deep.
func convert(n *yaml.Node, depth int) (any, error) {
	if depth > 64 {
		return nil, &nodeError{line: n.Line, msg: "nesting too deep"}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return convert(n.Content[0], depth+1)
	case yaml.AliasNode:
		return convert(n.Alias, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := convert(c, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				return nil, &nodeError{line: k.Line, msg: "a key must be a plain string"}
			}
			if _, dup := out[k.Value]; dup {
				return nil, &nodeError{line: k.Line, msg: fmt.Sprintf("key %q appears twice", k.Value)}
			}
			v, err := convert(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			out[k.Value] = v
		}
		return out, nil
	}
	return scalar(n), nil
}

// scalar maps a YAML scalar to a JSON value by its resolved tag.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int", "!!float":
		var f float64
		if n.Decode(&f) == nil {
			return f
		}
	}
	return n.Value
}

// yamlError words a YAML syntax error with the file name; yaml.v3 puts
// "line N:" in its messages, which is moved into the Error's Line.
func yamlError(display string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimSpace(strings.Replace(msg, m[0], "", 1))
	}
	return &Error{File: display, Line: line, Msg: "invalid YAML: " + msg}
}

var lineRE = regexp.MustCompile(`line (\d+):`)
