package resolve

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/spf"
)

// declaredAnswer is what the declared records say about one name.
type declaredAnswer struct {
	// known is false when the declared state says nothing: the name is
	// outside every declared zone, or below a delegation.
	known bool
	// cname is the target of a CNAME at the name, to follow.
	cname string
	ans   *spf.Answer
}

// declared answers a query from the records of st the way an
// authoritative server for the declared zones would (lint.State.Lookup).
// Records whose value is known only after apply, and PTR records (whose
// targets zone files are not read for), make the answer unknown.
func declared(st *lint.State, name string, t spf.RRType) (declaredAnswer, error) {
	a := st.Lookup(lint.CanonicalName(name), lint.Type(t))
	switch {
	case a.Status == lint.Unknown:
		return declaredAnswer{}, nil
	case a.Status == lint.NXDomain:
		return declaredAnswer{known: true, ans: &spf.Answer{NXDomain: true, Source: zoneSource(a.Zone)}}, nil
	case len(a.Records) > 0 && a.Records[0].Type == lint.TypeCNAME:
		return declaredAnswer{known: true, cname: a.Records[0].Target}, nil
	}

	ans := &spf.Answer{Source: zoneSource(a.Zone)}
	recs := slices.Clone(a.Records)
	slices.SortStableFunc(recs, func(x, y *lint.Record) int { return cmp.Compare(x.Pref, y.Pref) })
	if len(recs) > 0 {
		ans.Source = recs[0].Range.String()
	}
	for _, r := range recs {
		if r.Unknown {
			return declaredAnswer{}, fmt.Errorf("%w before apply: the %s record at %s is computed then",
				spf.ErrUnknown, t, r.Range)
		}
		switch t {
		case spf.TypeTXT:
			ans.TXT = append(ans.TXT, r.Joined())
		case spf.TypeA, spf.TypeAAAA:
			ans.Addrs = append(ans.Addrs, r.Addr)
		case spf.TypeMX:
			ans.Hosts = append(ans.Hosts, r.Target)
		default:
			return declaredAnswer{}, fmt.Errorf("%w: sendlint does not read the data of the %s record at %s",
				spf.ErrUnknown, t, r.Range)
		}
	}
	return declaredAnswer{known: true, ans: ans}, nil
}

func zoneSource(z *lint.Zone) string {
	if z == nil {
		return ""
	}
	if len(z.Decls) > 0 {
		return "declared zone " + z.Origin + " (" + z.Decls[0].String() + ")"
	}
	return "declared zone " + z.Origin
}
