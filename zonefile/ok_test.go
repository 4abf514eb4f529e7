package zonefile_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/zonefile"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/ok")

// TestOK loads the correct zones of testdata/ok: each must load without
// findings and give the records and zone listed in its .golden file.
func TestOK(t *testing.T) {
	root, err := os.OpenRoot(filepath.Join("testdata", "ok"))
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	names, err := filepath.Glob(filepath.Join("testdata", "ok", "*"))
	if err != nil {
		t.Fatal(err)
	}

	for _, name := range names {
		base := filepath.Base(name)
		if strings.HasSuffix(base, ".golden") || strings.HasSuffix(base, ".inc") {
			continue
		}
		t.Run(base, func(t *testing.T) {
			st := lint.NewState()
			zonefile.Load(st, name, base, zonefile.Options{Root: root})
			diff(t, "findings", findings(st), nil)

			got := dump(st)
			golden := name + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			diff(t, "records", got, strings.Split(strings.TrimSuffix(string(want), "\n"), "\n"))
		})
	}
}

// dump lists the zones of st, then its records with their files.
func dump(st *lint.State) []string {
	var out []string
	for _, z := range st.Zones() {
		for _, d := range z.Decls {
			out = append(out, "zone "+z.Origin+" "+d.File+" "+span(d))
		}
	}
	return append(out, recordLines(st, true)...)
}
