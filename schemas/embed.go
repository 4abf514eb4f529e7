// Package schemas embeds the JSON Schemas that define sendlint's config
// file, its JSON report and its provider catalog.
package schemas

import _ "embed"

// Config is the JSON Schema of sendlint.yaml (DESIGN.md §4).
//
//go:embed config.schema.json
var Config []byte

// Report is the JSON Schema of the json report format (DESIGN.md §5).
//
//go:embed report.schema.json
var Report []byte
