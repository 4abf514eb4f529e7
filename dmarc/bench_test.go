package dmarc

import "testing"

func BenchmarkParse(b *testing.B) {
	const rec = "v=DMARC1; p=quarantine; sp=reject; adkim=s; aspf=r; pct=100; " +
		"rua=mailto:dmarc@example.com,mailto:agg@reports.example.net!10m; ruf=mailto:f@example.com; fo=1:d"
	b.ReportAllocs()
	for b.Loop() {
		Parse(rec)
	}
}
