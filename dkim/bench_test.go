package dkim

import "testing"

func BenchmarkParseRSA2048(b *testing.B) {
	rec := "v=DKIM1; k=rsa; p=" + readKeys(b)["r2048"]
	b.ReportAllocs()
	for b.Loop() {
		Parse(rec)
	}
}
