package report

import (
	"regexp"
	"strings"
)

// Secrets sit beside the settings sendlint reads (SMTP passwords, API
// keys). Snippets never show them: redact masks the value of a line whose
// key names a secret and the password of a URL with credentials.
var (
	secretKey = regexp.MustCompile(`(?i)^(\s*(?:export\s+)?[A-Za-z0-9_.\-\[\]]*(?:pass|secret|token|api[_-]?key|credential|private[_-]?key)[A-Za-z0-9_.\-\[\]]*\s*[:=]\s*)(.+)$`)
	urlPass   = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*:)([^@\s]+)(@)`)
)

func redact(line string) string {
	if m := secretKey.FindStringSubmatchIndex(line); m != nil {
		line = line[:m[3]] + mask(line[m[4]:m[5]])
	}
	return urlPass.ReplaceAllString(line, "${1}****${3}")
}

// mask keeps surrounding quotes so the line still reads as what it is.
func mask(v string) string {
	v = strings.TrimSpace(v)
	for _, q := range []string{`"`, `'`} {
		if len(v) >= 2 && strings.HasPrefix(v, q) && strings.HasSuffix(v, q) {
			return q + "****" + q
		}
	}
	return "****"
}
