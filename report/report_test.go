package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/schemas"
)

func sample() []lint.Finding {
	return []lint.Finding{
		{
			Rule: "spf-permissive-all", Severity: lint.Error, Domain: "example.com",
			Message: `SPF record of example.com ends in "+all", so every host on the internet passes`,
			Range:   lint.Range{File: "example.com.zone", Start: lint.Pos{Line: 2, Column: 22}, End: lint.Pos{Line: 2, Column: 26}},
			Fix:     &lint.Fix{Description: "end the record with -all", Replacement: `"v=spf1 ptr -all"`},
		},
		{
			Rule: "spf-ptr", Severity: lint.Warning, Domain: "example.com",
			Message: `SPF record of example.com uses "ptr"`,
			Range:   lint.Range{File: "example.com.zone", Start: lint.Pos{Line: 2, Column: 18}, End: lint.Pos{Line: 2, Column: 21}},
			Related: []lint.Related{{Range: lint.Range{File: "example.com.zone", Start: lint.Pos{Line: 1, Column: 1}}, Message: "origin set here"}},
		},
		{
			Rule: "zone-syntax", Severity: lint.Notice, Message: "control characters",
			Range: lint.Range{File: "example.com.zone", Start: lint.Pos{Line: 3, Column: 1}},
		},
	}
}

func TestText(t *testing.T) {
	var buf bytes.Buffer
	r := &Report{Findings: sample(), Sources: NewSources("testdata")}
	if err := writeText(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "example.com.zone:2:22: error: SPF record of example.com ends in \"+all\", so every host on the internet passes (spf-permissive-all)\n" +
		"    2 | @\tIN TXT \"v=spf1 ptr +all\"\n" +
		"      |  \t" + strings.Repeat(" ", 19) + "^~~~\n" +
		"    fix: end the record with -all\n" +
		"        \"v=spf1 ptr -all\"\n" +
		"example.com.zone:2:18: warning: SPF record of example.com uses \"ptr\" (spf-ptr)\n" +
		"    2 | @\tIN TXT \"v=spf1 ptr +all\"\n" +
		"      |  \t" + strings.Repeat(" ", 15) + "^~~\n" +
		"    example.com.zone:1:1: note: origin set here\n" +
		"example.com.zone:3:1: notice: control characters (zone-syntax)\n" +
		"    3 | bad\uFFFD[31m IN A 1.2.3.4\n" +
		"      | ^\n" +
		"1 error, 1 warning, 1 notice\n"
	if got := buf.String(); got != want {
		t.Errorf("text report:\n%s\nwant:\n%s", got, want)
	}
}

func TestTextColorAndEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := writeText(&buf, &Report{}, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "no findings\n" {
		t.Errorf("empty report = %q", buf.String())
	}

	buf.Reset()
	if err := writeText(&buf, &Report{Findings: sample()[:1]}, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), red+"error"+reset) {
		t.Errorf("coloured report lacks a red severity: %q", buf.String())
	}
}

func TestSnippetRedactsSecrets(t *testing.T) {
	fs := []lint.Finding{
		{Rule: "r", Severity: lint.Error, Message: "m", Range: lint.Range{File: "app.env", Start: lint.Pos{Line: 2, Column: 1}}},
		{Rule: "r", Severity: lint.Error, Message: "m", Range: lint.Range{File: "app.env", Start: lint.Pos{Line: 3, Column: 1}}},
	}
	var buf bytes.Buffer
	if err := writeText(&buf, &Report{Findings: fs, Sources: NewSources("testdata")}, Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, secret := range []string{"hunter2", "SG.secret"} {
		if strings.Contains(out, secret) {
			t.Errorf("report shows secret %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, `SMTP_PASSWORD="****"`) || !strings.Contains(out, "smtp://apikey:****@smtp.sendgrid.net") {
		t.Errorf("redacted lines not shown as expected:\n%s", out)
	}
}

func TestSnippetLongLine(t *testing.T) {
	line := strings.Repeat("a", 300) + "BAD" + strings.Repeat("b", 300)
	src := &Sources{lines: map[string]map[int]string{"f": {1: line}}}
	var buf bytes.Buffer
	writeSnippet(&buf, src, lint.Range{File: "f", Start: lint.Pos{Line: 1, Column: 301}, End: lint.Pos{Line: 1, Column: 304}},
		func(_, s string) string { return s })
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("snippet = %q", buf.String())
	}
	if n := len([]rune(lines[0])); n > snippetWidth+12 {
		t.Errorf("snippet line is %d runes, want it windowed", n)
	}
	caret := strings.Index(lines[1], "^")
	if got := string([]rune(lines[0])[len([]rune(lines[1][:caret])):][:3]); got != "BAD" {
		t.Errorf("caret points at %q, want BAD:\n%s", got, buf.String())
	}
}

func TestJSONMatchesSchema(t *testing.T) {
	for _, fs := range [][]lint.Finding{nil, sample()} {
		var buf bytes.Buffer
		if err := writeJSON(&buf, &Report{Findings: fs}, Options{}); err != nil {
			t.Fatal(err)
		}
		res, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(schemas.Report), gojsonschema.NewBytesLoader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Errors() {
			t.Errorf("report does not match its schema: %s\n%s", e, buf.String())
		}
	}
}

func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := writeJSON(&buf, &Report{Findings: sample()[:1]}, Options{}); err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 1,
  "findings": [
    {
      "rule": "spf-permissive-all",
      "severity": "error",
      "message": "SPF record of example.com ends in \"+all\", so every host on the internet passes",
      "domain": "example.com",
      "file": "example.com.zone",
      "line": 2,
      "column": 22,
      "end_line": 2,
      "end_column": 26,
      "fix": {
        "description": "end the record with -all",
        "replacement": "\"v=spf1 ptr -all\""
      }
    }
  ],
  "summary": {
    "error": 1,
    "warning": 0,
    "notice": 0
  }
}
`
	if buf.String() != want {
		t.Errorf("json:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestLookup(t *testing.T) {
	if _, err := Lookup("text"); err != nil {
		t.Error(err)
	}
	if _, err := Lookup("xml"); err == nil || !strings.Contains(err.Error(), `unknown format "xml"`) {
		t.Errorf("Lookup(xml) error = %v", err)
	}
}
