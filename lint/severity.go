package lint

import "fmt"

// Severity says how bad a finding is. The zero value means "use the rule's
// default"; Off turns a rule off through configuration.
type Severity int

// Severities in increasing order of weight.
const (
	SeverityDefault Severity = iota
	Off
	Notice
	Warning
	Error
)

// ParseSeverity maps "error", "warning", "notice" or "off" to a Severity.
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "notice":
		return Notice, nil
	case "off":
		return Off, nil
	}
	return SeverityDefault, fmt.Errorf("unknown severity %q: want error, warning, notice or off", s)
}

// String returns the lower-case name used in reports and configuration.
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Notice:
		return "notice"
	case Off:
		return "off"
	}
	return "default"
}
