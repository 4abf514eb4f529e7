package zonefile

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
)

// TestWindows loads the same text from memory and from a file read in
// small windows, so that window ends fall inside every kind of token and
// entry: the results must be the same.
func TestWindows(t *testing.T) {
	inputs := map[string]string{
		"escapes": "t TXT \"a\\\"b\" x\\ y \"c\\099d\" ; sendlint:ignore spf-ptr why\n" +
			"u TXT \"line\\\nnext\" ( \"p\"\n \"q\" )\n",
		"problems": "a A 192.0.2.300\nb TXT ( \"x\"\nc A 192.0.2.3\nd TXT \"open\ne A 192.0.2.5\n",
		"bom":      "\xef\xbb\xbf$ORIGIN example.org.\r\nwww A 192.0.2.1\r\n",
		"generate": "$GENERATE 1-40 h${0,3,n} TXT \"\\\"v=spf1 ip4:192.0.2.$ -all\\\"\"\n",
		"binary":   strings.Repeat("a A 192.0.2.1\n", 10) + "\x00",
		"latin1":   strings.Repeat("a A 192.0.2.1\n", 10) + "; caf\xe9\n",
	}
	names, _ := filepath.Glob(filepath.Join("testdata", "ok", "*.zone"))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(name)] = string(b)
	}
	defer func(n int) { chunkSize = n }(chunkSize)

	dir := t.TempDir()
	for name, src := range inputs {
		file := filepath.Join(dir, "w.zone")
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		opt := Options{Origin: "example.com"}
		want := lint.NewState()
		LoadBytes(want, "w.zone", []byte(src), opt)

		for _, size := range []int{1, 2, 3, 5, 16, 4096} {
			chunkSize = size
			got := lint.NewState()
			Load(got, file, "w.zone", opt)
			if !reflect.DeepEqual(got.Problems, want.Problems) {
				t.Errorf("%s, windows of %d: findings %v, want %v", name, size, got.Problems, want.Problems)
			}
			if !reflect.DeepEqual(got.Zones(), want.Zones()) {
				t.Errorf("%s, windows of %d: zones differ", name, size)
			}
			if g, w := allRecords(got), allRecords(want); !reflect.DeepEqual(g, w) {
				t.Errorf("%s, windows of %d: records differ", name, size)
			}
		}
	}
}

func allRecords(st *lint.State) []lint.Record {
	var out []lint.Record
	for _, name := range st.Names() {
		for _, r := range st.Node(name).Records {
			out = append(out, *r)
		}
	}
	return out
}

// FuzzWindows checks that reading text in windows of a few bytes gives
// what reading it whole gives.
func FuzzWindows(f *testing.F) {
	f.Add([]byte("t TXT \"a\\\"b\" ( x\n \"y\" ) ; sendlint:ignore a b\n"), uint8(3))
	f.Add([]byte("\xef\xbb\xbfwww A 192.0.2.1\r\n\tAAAA ::1\n"), uint8(1))
	f.Add([]byte("$GENERATE 1-3 h$ A 192.0.2.$\nb TXT ( \"x\"\n"), uint8(7))
	f.Fuzz(func(t *testing.T, src []byte, size uint8) {
		defer func(n int) { chunkSize = n }(chunkSize)
		chunkSize = int(size%64) + 1
		opt := Options{Origin: "example.com"}

		want := lint.NewState()
		LoadBytes(want, "w.zone", src, opt)
		got := lint.NewState()
		newLoader(got, opt).load(text{f: strings.NewReader(string(src))}, "w.zone", "w.zone", nil)

		if !reflect.DeepEqual(got.Problems, want.Problems) {
			t.Errorf("findings %v, want %v", got.Problems, want.Problems)
		}
		if !reflect.DeepEqual(got.Zones(), want.Zones()) || !reflect.DeepEqual(allRecords(got), allRecords(want)) {
			t.Errorf("records or zones differ")
		}
	})
}
