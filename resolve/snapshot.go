package resolve

import (
	"context"
	_ "embed"
	"fmt"
	"regexp"
	"sync"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
	"github.com/sendlint/sendlint/zonefile"
)

//go:embed snapshot.zone
var snapshotZone []byte

// snapshotDateRe finds the date line of the snapshot's header.
var snapshotDateRe = regexp.MustCompile(`(?m)^; snapshot-date: (\d{4}-\d{2}-\d{2})$`)

// SnapshotDate returns the date the embedded snapshot of third-party SPF
// records was compiled, as YYYY-MM-DD.
func SnapshotDate() string {
	return snapshotDate()
}

// snapshotDate reads the date out of the embedded text once; lookups ask
// for it on every answer.
var snapshotDate = sync.OnceValue(func() string {
	if m := snapshotDateRe.FindSubmatch(snapshotZone); m != nil {
		return string(m[1])
	}
	return "unknown"
})

// snapshot is the embedded zone text, loaded once: owner names to the
// records declared at them.
var snapshot = sync.OnceValue(func() *lint.State {
	st := lint.NewState()
	zonefile.LoadBytes(st, "snapshot.zone", snapshotZone, zonefile.Options{Origin: "."})
	return st
})

// SnapshotNames returns the names the snapshot holds records for, sorted.
func SnapshotNames() []string {
	return snapshot().Names()
}

// Snapshot answers from the embedded snapshot of third-party SPF records.
// A name is known for the record types the snapshot lists at it; the rest
// is unknown (an error wrapping spf.ErrUnknown).
type Snapshot struct{}

// Lookup answers a query from the snapshot, following its CNAMEs.
func (Snapshot) Lookup(_ context.Context, name string, t spf.RRType) (*spf.Answer, error) {
	st := snapshot()
	seen := map[string]bool{}
	for cur := lint.CanonicalName(name); !seen[cur]; {
		seen[cur] = true
		recs := st.Records(cur, lint.Type(t))
		if len(recs) == 0 {
			cnames := st.Records(cur, lint.TypeCNAME)
			if len(cnames) == 0 {
				break
			}
			cur = cnames[0].Target
			continue
		}
		ans := &spf.Answer{Source: "snapshot of " + SnapshotDate()}
		for _, r := range recs {
			switch t {
			case spf.TypeTXT:
				ans.TXT = append(ans.TXT, r.Joined())
			case spf.TypeA, spf.TypeAAAA:
				ans.Addrs = append(ans.Addrs, r.Addr)
			default:
				ans.Hosts = append(ans.Hosts, r.Target)
			}
		}
		return ans, nil
	}
	return nil, unknownOffline()
}

// unknownOffline is the error for a name no offline source knows. Callers
// name the name.
func unknownOffline() error {
	return fmt.Errorf("%w offline: outside the declared zones and not in sendlint's snapshot of provider records (%s); "+
		"--online looks it up", spf.ErrUnknown, SnapshotDate())
}
