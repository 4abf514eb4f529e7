package resolve

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
	"github.com/sendlint/sendlint/zonefile"
)

// TestSnapshotLoads checks that the embedded snapshot loads without a
// problem, is dated, and holds one valid SPF record per listed name.
func TestSnapshotLoads(t *testing.T) {
	st := lint.NewState()
	zonefile.LoadBytes(st, "snapshot.zone", snapshotZone, zonefile.Options{Origin: "."})
	for _, p := range st.Problems {
		t.Errorf("%s: %s", p.Range, p.Message)
	}
	if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(SnapshotDate()) {
		t.Errorf("snapshot date %q", SnapshotDate())
	}
	names := SnapshotNames()
	if len(names) < 4 {
		t.Fatalf("snapshot has only %d names", len(names))
	}
	for _, name := range names {
		ans, err := Snapshot{}.Lookup(context.Background(), name, spf.TypeTXT)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(ans.TXT) != 1 {
			t.Errorf("%s: %d TXT records", name, len(ans.TXT))
			continue
		}
		if _, errs := spf.Parse(ans.TXT[0]); len(errs) > 0 {
			t.Errorf("%s: %q: %s", name, ans.TXT[0], errs[0].Msg)
		}
	}
}

func TestSnapshotLookup(t *testing.T) {
	ctx := context.Background()
	ans, err := Snapshot{}.Lookup(ctx, "SendGrid.NET.", spf.TypeTXT)
	if err != nil || len(ans.TXT) != 1 || !strings.HasPrefix(ans.TXT[0], "v=spf1 ip4:167.89.0.0/17 ") ||
		!strings.Contains(ans.TXT[0], "/20 ip4:168.245.0.0/17") {
		t.Errorf("sendgrid.net: %v %v", ans, err)
	}
	if ans.Source != "snapshot of "+SnapshotDate() {
		t.Errorf("source %q", ans.Source)
	}

	for _, q := range []struct {
		name string
		t    spf.RRType
	}{{"sendgrid.net", spf.TypeA}, {"unlisted.example", spf.TypeTXT}} {
		_, err := Snapshot{}.Lookup(ctx, q.name, q.t)
		if !errors.Is(err, spf.ErrUnknown) || !strings.Contains(err.Error(), "--online") {
			t.Errorf("%s %s: %v, want an unknown error", q.name, q.t, err)
		}
	}
}

// TestSnapshotGoogleCost checks the lookups the snapshot gives Google
// Workspace's include: the include and its three netblock includes.
func TestSnapshotGoogleCost(t *testing.T) {
	st := lint.NewState()
	zonefile.LoadBytes(st, "example.com.zone", []byte("@ IN TXT \"v=spf1 include:_spf.google.com include:sendgrid.net -all\"\n"),
		zonefile.Options{Origin: "example.com"})
	a := spf.Analyze(context.Background(), Offline(st), "example.com", 4)
	n, exact := a.Lookups()
	if n != 5 || !exact {
		t.Errorf("lookups %d (exact %v), want 5", n, exact)
	}
}
