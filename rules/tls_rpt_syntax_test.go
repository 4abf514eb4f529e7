package rules

import (
	"testing"

	"github.com/sendlint/sendlint/lint"
)

func TestTLSRPTSyntax(t *testing.T) {
	tests := []struct {
		name string
		zone string
		want []mailWant
	}{
		{
			name: "valid",
			zone: `_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tls@example.com,https://tls.example.net/r"`,
		},
		{
			name: "address without mailto",
			zone: `_smtp._tls IN TXT "v=TLSRPTv1; rua=tls@example.com"`,
			want: []mailWant{{1, 36, 51, lint.Error, `TLS-RPT record for example.com: rua URI "tls@example.com" has ` +
				`no scheme (did you mean "mailto:tls@example.com"?), so the TLS-RPT record is invalid`}},
		},
		{
			name: "no rua",
			zone: `_smtp._tls IN TXT "v=TLSRPTv1; ruf=mailto:tls@example.com"`,
			want: []mailWant{
				{1, 20, 58, lint.Error, `no rua field, so senders have nowhere to send reports and ignore the record`},
				{1, 32, 35, lint.Notice, `unknown field "ruf" is ignored`},
			},
		},
		{
			name: "two records",
			zone: `_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:a@example.com"
_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:b@example.com"`,
			want: []mailWant{{2, 1, 57, lint.Error, `_smtp._tls.example.com has 2 TLS-RPT records, so senders send no TLS reports`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMail(t, lintZone(t, tt.zone+"\n", "tls-rpt-syntax"), tt.want)
		})
	}
}
