package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/sendlint/sendlint/lint"
)

// jsonReport is the document of schemas/report.schema.json.
type jsonReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Domain   string `json:"domain"`
	jsonPos
	Related []jsonRelated `json:"related,omitempty"`
	Fix     *jsonFix      `json:"fix,omitempty"`
}

type jsonPos struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
}

type jsonRelated struct {
	jsonPos
	Message string `json:"message"`
}

type jsonFix struct {
	Description string `json:"description"`
	Replacement string `json:"replacement,omitempty"`
}

type jsonSummary struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Notice  int `json:"notice"`
}

// writeJSON writes the report as one JSON document (DESIGN.md §5).
func writeJSON(w io.Writer, r *Report, _ Options) error {
	doc := jsonReport{Version: 1, Findings: make([]jsonFinding, 0, len(r.Findings))}
	for _, f := range r.Findings {
		jf := jsonFinding{
			Rule:     f.Rule,
			Severity: f.Severity.String(),
			Message:  f.Message,
			Domain:   f.Domain,
			jsonPos:  position(f.Range),
		}
		for _, rel := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{jsonPos: position(rel.Range), Message: rel.Message})
		}
		if f.Fix != nil {
			jf.Fix = &jsonFix{Description: f.Fix.Description, Replacement: f.Fix.Replacement}
		}
		doc.Findings = append(doc.Findings, jf)
	}
	c := lint.Count(r.Findings)
	doc.Summary = jsonSummary{Error: c.Error, Warning: c.Warning, Notice: c.Notice}

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}

// position converts a range; a finding about a whole file sits at 1:1.
func position(rg lint.Range) jsonPos {
	p := jsonPos{File: rg.File, Line: max(rg.Start.Line, 1), Column: max(rg.Start.Column, 1)}
	if rg.End.IsValid() {
		p.EndLine, p.EndColumn = rg.End.Line, max(rg.End.Column, 1)
	}
	return p
}
