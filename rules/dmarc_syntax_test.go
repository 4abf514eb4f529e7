package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestDMARCSyntax(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []mailWant
	}{
		{
			name: "valid",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; sp=quarantine; adkim=s; rua=mailto:d@example.com"`,
		},
		{
			name: "unknown p value with a suggestion",
			//                      col 28 is where "rejct" starts
			zone: `_dmarc IN TXT "v=DMARC1; p=rejct"`,
			want: []mailWant{{1, 28, 33, lint.Error, `DMARC record for example.com: p value "rejct" is not none, ` +
				`quarantine or reject, which makes the record invalid: receivers apply no DMARC policy at all ` +
				`(and send no reports) (did you mean "reject"?)`}},
		},
		{
			name: "version not first",
			zone: `_dmarc IN TXT "p=reject; v=DMARC1"`,
			want: []mailWant{{1, 16, 24, lint.Error, `"v=DMARC1" must be the first tag; receivers ignore this record and apply no policy`}},
		},
		{
			name: "version in lower case",
			zone: `_dmarc IN TXT "v=dmarc1; p=reject"`,
			want: []mailWant{{1, 18, 24, lint.Error, `version "dmarc1" must be "DMARC1" in upper case`}},
		},
		{
			name: "missing semicolon",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject rua=mailto:d@example.com"`,
			want: []mailWant{{1, 28, 59, lint.Error, `(a ";" is missing before "rua=")`}},
		},
		{
			name: "rua without mailto, and a near-miss tag",
			zone: `_dmarc IN TXT "v=DMARC1; p=none; rua=d@example.com; adkm=s"`,
			want: []mailWant{
				{1, 38, 51, lint.Error, `rua URI "d@example.com" has no scheme (did you mean "mailto:d@example.com"?)`},
				{1, 53, 57, lint.Warning, `unknown tag "adkm" is ignored by receivers (did you mean "adkim"?)`},
			},
		},
		{
			name: "no p with a valid rua",
			zone: `_dmarc IN TXT "v=DMARC1; rua=mailto:d@example.com"`,
			want: []mailWant{{1, 16, 50, lint.Warning, `no p tag: receivers act as if the record said p=none`}},
		},
		{
			name: "unknown tag and upper-case name",
			zone: `_dmarc IN TXT "v=DMARC1; P=reject; foo=bar"`,
			want: []mailWant{
				{1, 26, 27, lint.Notice, `tag name "P" is not lower case`},
				{1, 36, 39, lint.Notice, `unknown tag "foo" is ignored by receivers`},
			},
		},
		{
			name: "repeated tag",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; p=none"`,
			want: []mailWant{{1, 36, 42, lint.Error, `tag "p" is repeated (first as "p=reject")`}},
		},
		{
			name: "positions across character-strings",
			zone: `_dmarc IN TXT "v=DMARC1; p=none; " "adkim=x"`,
			want: []mailWant{{1, 43, 44, lint.Error, `adkim value "x" is not r or s`}},
		},
		{
			name: "not a DMARC record at all is left alone",
			zone: `_dmarc IN TXT "google-site-verification=abc"`,
		},
		{
			name: "a record at the apex instead of _dmarc",
			zone: `@ IN TXT "v=DMARC1; p=reject"`,
			want: []mailWant{{1, 1, 30, lint.Error, `DMARC record at example.com is never read: receivers look up the policy at _dmarc.example.com`}},
		},
		{
			name: "a record whose name repeats the origin",
			zone: `_dmarc.example.com IN TXT "v=DMARC1; p=reject"`,
			want: []mailWant{{1, 1, 47, lint.Error, `DMARC record at _dmarc.example.com.example.com is never read: the name repeats the zone origin`}},
		},
		{
			name: "a report authorization record is not misplaced",
			zone: `example.org._report._dmarc IN TXT "v=DMARC1"`,
		},
		{
			name: "removed tags are left to dmarc-deprecated-tag",
			zone: `_dmarc IN TXT "v=DMARC1; p=reject; pct=50; ri=3600"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMail(t, lintZone(t, tt.zone+"\n", "dmarc-syntax"), tt.want)
		})
	}
}

func TestDMARCSyntaxFix(t *testing.T) {
	fs := lintZone(t, `_dmarc IN TXT "v=DMARC1; p=rejct"`+"\n", "dmarc-syntax")
	if len(fs) != 1 || fs[0].Fix == nil {
		t.Fatalf("want one finding with a fix, got %+v", fs)
	}
	if got, want := fs[0].Fix.Replacement, `"v=DMARC1; p=reject"`; got != want {
		t.Errorf("fix = %s, want %s", got, want)
	}
	if got := fs[0].Fix.Description; got != `Replace "rejct" with "reject"` {
		t.Errorf("fix description = %q", got)
	}
}
