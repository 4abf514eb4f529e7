package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/config"
	"github.com/sendlint/sendlint/lint"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// zoneFiles returns the files the zones of st were declared in.
func zoneFiles(st *lint.State) []string {
	var files []string
	for _, z := range st.Zones() {
		for _, d := range z.Decls {
			files = append(files, d.File)
		}
	}
	slices.Sort(files)
	return files
}

func TestDiscovery(t *testing.T) {
	dir := t.TempDir()
	rec := "@ IN TXT \"v=spf1 -all\"\n"
	write(t, dir, "zones/a.example.zone", rec)
	write(t, dir, "zones/b.example.db", rec)
	write(t, dir, "zones/db.c.example", rec)
	write(t, dir, "zones/d.example.zone.txt", rec)
	write(t, dir, "zones/notes.txt", rec)
	write(t, dir, "zones/cache.db", "SQLite format 3\x00binary")
	write(t, dir, "node_modules/x/e.example.zone", rec)
	write(t, dir, "vendor/f.example.zone", rec)
	write(t, dir, ".git/g.example.zone", rec)
	write(t, dir, ".terraform/h.example.zone", rec)
	write(t, dir, "legacy/i.example.zone", rec)
	write(t, dir, "mapped/internal", rec)

	m, err := config.NewMatcher([]string{"legacy/"})
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{Dir: dir, Ignore: m, Zones: map[string]string{filepath.Join(dir, "mapped", "internal"): "j.example"}}
	st, err := Load(nil, Options{Config: cfg, WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"mapped/internal", "zones/a.example.zone", "zones/b.example.db", "zones/d.example.zone.txt", "zones/db.c.example"}
	if got := zoneFiles(st); !slices.Equal(got, want) {
		t.Errorf("zones read from %q, want %q", got, want)
	}
	if len(st.Problems) != 0 {
		t.Errorf("problems: %+v", st.Problems)
	}
}

func TestGivenFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "records.txt", "$ORIGIN example.com.\n@ IN TXT \"v=spf1 -all\"\n")
	write(t, dir, "data.db", "SQLite format 3\x00binary")

	// A file named on the command line is read even when its name says
	// nothing, and a binary one is reported rather than skipped.
	st, err := Load([]string{"records.txt", "data.db", "./records.txt"}, Options{WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if got := zoneFiles(st); !slices.Equal(got, []string{"records.txt"}) {
		t.Errorf("zones read from %q", got)
	}
	if len(st.Problems) != 1 || st.Problems[0].Range.File != "data.db" || st.Problems[0].Rule != "zone-syntax" {
		t.Errorf("problems: %+v", st.Problems)
	}
	if n := len(st.Records("example.com", lint.TypeTXT)); n != 1 {
		t.Errorf("records.txt given twice declared %d records, want 1", n)
	}
}

func TestMissingPath(t *testing.T) {
	_, err := Load([]string{"nowhere"}, Options{WorkDir: t.TempDir()})
	var pe *PathError
	if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), "nowhere: ") {
		t.Errorf("Load(nowhere) error = %v", err)
	}
}

func TestIncludedFileReadOnce(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "example.com.zone", "$ORIGIN example.com.\n$INCLUDE \"parts/mail.zone\" mail ; relative origin\n")
	write(t, dir, "parts/mail.zone", "@ IN TXT \"v=spf1 -all\"\n")

	st, err := Load(nil, Options{WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(st.Records("mail.example.com", lint.TypeTXT)); n != 1 {
		t.Errorf("mail.example.com has %d TXT records, want 1", n)
	}
	// Read on its own, the part would have declared a zone "mail.zone"
	// from its file name.
	if z := st.Zone("mail"); z != nil {
		t.Errorf("the included file was also read on its own: %+v", z)
	}
}

func TestIncludeArg(t *testing.T) {
	tests := map[string]string{
		" a.zone":               "a.zone",
		"\t\"b c.zone\" origin": "b c.zone",
		" d.zone ; comment":     "d.zone",
		" e.zone\r\n":           "e.zone",
		"x":                     "",
		" \"unterminated":       "",
	}
	for in, want := range tests {
		if got := includeArg(in); got != want {
			t.Errorf("includeArg(%q) = %q, want %q", in, got, want)
		}
	}
}
