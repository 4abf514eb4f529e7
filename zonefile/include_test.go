package zonefile_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/zonefile"
)

// writeTree creates files (slash paths to contents) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// loadTree loads zones/example.com.zone of a repository at dir/repo.
func loadTree(t *testing.T, dir string) *lint.State {
	t.Helper()
	root, err := os.OpenRoot(filepath.Join(dir, "repo"))
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()

	st := lint.NewState()
	name := filepath.Join(dir, "repo", "zones", "example.com.zone")
	zonefile.Load(st, name, "zones/example.com.zone", zonefile.Options{Root: root})
	return st
}

func TestInclude(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"repo/zones/example.com.zone": "@ SOA ns1 host 1 2 3 4 5\n" +
			"$INCLUDE dkim.inc\n" +
			"$INCLUDE \"sub/mail.inc\" mail ; origin for that file only\n" +
			"www A 192.0.2.80\n",
		"repo/zones/dkim.inc": "s1._domainkey TXT \"v=DKIM1; p=\"\n" +
			"bad A 192.0.2.999\n",
		"repo/zones/sub/mail.inc": "@ A 192.0.2.25\n" +
			"$ORIGIN other.example.com.\n" +
			"x A 192.0.2.26\n",
	})
	st := loadTree(t, dir)

	diff(t, "records", records(st), []string{
		`1:1-1:32 s1._domainkey.example.com TXT 5 "v=DKIM1; p="@1:20 @1:19`,
		"1:1-1:25 example.com SOA 5 @1:7",
		"4:1-4:17 www.example.com A 5 192.0.2.80 @4:7",
		"1:1-1:15 mail.example.com A 5 192.0.2.25 @1:5",
		"3:1-3:15 x.other.example.com A 5 192.0.2.26 @3:5",
	})
	var files []string
	for _, name := range st.Names() {
		for _, r := range st.Node(name).Records {
			files = append(files, r.Name+" "+r.Range.File)
		}
	}
	diff(t, "files", files, []string{
		"example.com zones/example.com.zone",
		"mail.example.com zones/sub/mail.inc",
		"s1._domainkey.example.com zones/dkim.inc",
		"www.example.com zones/example.com.zone",
		"x.other.example.com zones/sub/mail.inc",
	})
	diff(t, "findings", findings(st), []string{
		`zones/dkim.inc 2:7-2:18 zone-syntax: bad IPv4 address "192.0.2.999" in A record`,
	})
}

// TestIncludeRefused checks every include that is not followed, and that
// no finding shows anything of the refused file.
func TestIncludeRefused(t *testing.T) {
	dir := t.TempDir()
	const secret = "SECRET A 192.0.2.66\n"
	writeTree(t, dir, map[string]string{
		"outside.zone": secret,
		"repo/zones/example.com.zone": "$ORIGIN example.com.\n" +
			"$INCLUDE ../../outside.zone\n" +
			"$INCLUDE link.inc\n" +
			"$INCLUDE " + filepath.Join(dir, "outside.zone") + "\n" +
			"$INCLUDE missing.inc\n" +
			"$INCLUDE loop-a.inc\n" +
			"$INCLUDE example.com.zone\n" +
			"$INCLUDE sub\n" +
			"$INCLUDE\n" +
			"$INCLUDE a b c\n",
		"repo/zones/loop-a.inc": "$INCLUDE loop-b.inc\n",
		"repo/zones/loop-b.inc": "$INCLUDE ./loop-a.inc\n",
		"repo/zones/sub/x":      "",
	})
	if err := os.Symlink(filepath.Join("..", "..", "outside.zone"),
		filepath.Join(dir, "repo", "zones", "link.inc")); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
	st := loadTree(t, dir)

	abs := filepath.Join(dir, "outside.zone")
	diff(t, "findings", findings(st), []string{
		`zones/example.com.zone 2:10-2:28 zone-syntax: $INCLUDE "../../outside.zone" refused: it leads outside the repository root`,
		`zones/example.com.zone 3:10-3:18 zone-syntax: $INCLUDE "link.inc" refused: it leads outside the repository root`,
		fmt.Sprintf(`zones/example.com.zone 4:10-4:%d zone-syntax: $INCLUDE %q refused: an absolute path leads outside the repository; give a path relative to this file`, 10+len(abs), abs),
		`zones/example.com.zone 5:10-5:21 zone-syntax: $INCLUDE "missing.inc" was not found in the repository`,
		`zones/loop-b.inc 1:10-1:22 zone-syntax: $INCLUDE "./loop-a.inc" refused: it is already being read, so including it would loop`,
		`zones/example.com.zone 7:10-7:26 zone-syntax: $INCLUDE "example.com.zone" refused: it is already being read, so including it would loop`,
		`zones/example.com.zone 8:10-8:13 zone-syntax: $INCLUDE "sub" is not a regular file`,
		`zones/example.com.zone 9:1-9:9 zone-syntax: $INCLUDE needs a file name`,
		`zones/example.com.zone 10:14-10:15 zone-syntax: unexpected "c" after $INCLUDE file and origin`,
	})
	for _, f := range st.Problems {
		if strings.Contains(f.Message, "SECRET") || strings.Contains(f.Message, "192.0.2.66") {
			t.Errorf("finding shows the refused file's content: %s", f.Message)
		}
	}
	if n := st.Node("secret.example.com"); n != nil {
		t.Errorf("records of the refused file were loaded: %v", n.Records)
	}
}

func TestIncludeDepth(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"repo/zones/example.com.zone": "$ORIGIN example.com.\n$INCLUDE i1.inc\n"}
	for i := 1; i <= 20; i++ {
		files[fmt.Sprintf("repo/zones/i%d.inc", i)] = fmt.Sprintf("h%d A 192.0.2.%d\n$INCLUDE i%d.inc\n", i, i, i+1)
	}
	writeTree(t, dir, files)
	st := loadTree(t, dir)

	diff(t, "findings", findings(st), []string{
		`zones/i15.inc 2:10-2:17 zone-syntax: $INCLUDE "i16.inc" refused: includes nest more than 16 files deep`,
	})
	if len(st.Records("h15.example.com", lint.TypeA)) != 1 || st.Node("h16.example.com") != nil {
		t.Errorf("want records down to h15 and none below")
	}
}

func TestIncludeWithoutRoot(t *testing.T) {
	st := load(t, "$INCLUDE other.zone\n", exampleCom)
	diff(t, "findings", findings(st), []string{
		`zones/test.zone 1:10-1:20 zone-syntax: $INCLUDE "other.zone" was not read: includes are followed only inside a repository root, and none is set`,
	})
}

// TestLoadUnreadable checks that a file that cannot be read is one
// finding that names the display path and not the machine's path.
func TestLoadUnreadable(t *testing.T) {
	dir := t.TempDir()
	st := lint.NewState()
	zonefile.Load(st, filepath.Join(dir, "nope.zone"), "zones/nope.zone", exampleCom)
	zonefile.Load(st, dir, "zones", exampleCom)

	diff(t, "findings", findings(st), []string{
		"zones/nope.zone 0:0 zone-syntax: cannot read zone file: no such file or directory",
		"zones 0:0 zone-syntax: cannot read zone file: not a regular file",
	})
	for _, f := range st.Problems {
		if strings.Contains(f.Message, dir) {
			t.Errorf("finding shows a machine path: %s", f.Message)
		}
	}
}

// TestIncludeFromBytes checks that LoadBytes resolves $INCLUDE against the
// directory of its display path inside the root.
func TestIncludeFromBytes(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"zones/spf.inc": "@ TXT \"v=spf1 -all\"\n"})
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()

	st := lint.NewState()
	zonefile.LoadBytes(st, "zones/example.com.zone", []byte("$INCLUDE spf.inc\n"),
		zonefile.Options{Origin: "example.com", Root: root})
	diff(t, "findings", findings(st), nil)
	diff(t, "records", recordLines(st, true), []string{
		`zones/spf.inc 1:1-1:20 example.com TXT 0 "v=spf1 -all"@1:8 @1:7`,
	})
}
