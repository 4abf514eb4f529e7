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

// Lookup answers a query from the snapshot, following its CNAMEs. The
// snapshot never changes, so each answer is built once and shared: callers
// must not change it. Linting a zone whose SPF records all include one
// provider asks the same question once per record.
func (Snapshot) Lookup(_ context.Context, name string, t spf.RRType) (*spf.Answer, error) {
	key := snapshotKey{lint.CanonicalName(name), t}
	if v, ok := snapshotAnswers.Load(key); ok {
		a := v.(snapshotAnswer)
		return a.ans, a.err
	}
	ans, err := snapshotLookup(key.name, t)
	snapshotAnswers.Store(key, snapshotAnswer{ans, err})
	return ans, err
}

type snapshotKey struct {
	name string
	t    spf.RRType
}

type snapshotAnswer struct {
	ans *spf.Answer
	err error
}

// snapshotAnswers caches the answers of Snapshot.Lookup, unknown names
// included: one entry per distinct name and type asked in a run.
var snapshotAnswers sync.Map

func snapshotLookup(name string, t spf.RRType) (*spf.Answer, error) {
	st := snapshot()
	seen := map[string]bool{}
	for cur := name; !seen[cur]; {
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
