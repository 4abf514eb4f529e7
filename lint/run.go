package lint

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Options tune a run.
type Options struct {
	// Severity overrides the default severity of rules by ID; Off turns a
	// rule off.
	Severity map[string]Severity
}

// Run applies rules to st and returns the findings, sorted, with severities
// and inline suppressions applied. Load problems in st.Problems are
// reported under the rule each names, when that rule is in rules. A rule
// that panics is a bug in sendlint; Run returns it as an error instead of
// crashing.
func Run(st *State, rules []*Rule, opt Options) ([]Finding, error) {
	byID := make(map[string]*Rule, len(rules))
	for _, r := range rules {
		byID[r.ID] = r
	}
	sev := func(r *Rule) Severity {
		if s, ok := opt.Severity[r.ID]; ok && s != SeverityDefault {
			return s
		}
		return r.Severity
	}

	raw, err := check(st, rules, sev)
	if err != nil {
		return nil, err
	}
	raw = append(raw, st.Problems...)

	// Settle each finding's severity: a configured one wins, then the
	// finding's own, then the rule's default.
	var out []Finding
	for _, f := range raw {
		r := byID[f.Rule]
		if r == nil {
			continue
		}
		s := sev(r)
		if s == Off {
			continue
		}
		if _, set := opt.Severity[r.ID]; set || f.Severity == SeverityDefault {
			f.Severity = s
		}
		if st.suppressed(f) {
			continue
		}
		out = append(out, f)
	}

	if r := byID[DirectiveRule]; r != nil && sev(r) != Off {
		out = append(out, st.directiveFindings(byID, sev, sev(r))...)
	}
	SortFindings(out)
	return slices.CompactFunc(out, sameFinding), nil
}

// sameFinding reports whether two findings say the same thing at the same
// place, as when two rules' shared analysis or two routes to one included
// file meet.
func sameFinding(a, b Finding) bool {
	return a.Rule == b.Rule && a.Range == b.Range && a.Message == b.Message && a.Domain == b.Domain
}

// check runs every rule's Check, several at a time, and gathers what they
// report.
func check(st *State, rules []*Rule, sev func(*Rule) Severity) ([]Finding, error) {
	var (
		mu    sync.Mutex
		all   []Finding
		errs  []string
		wg    sync.WaitGroup
		slots = make(chan struct{}, runtime.GOMAXPROCS(0))
	)
	for _, r := range rules {
		if r.Check == nil || sev(r) == Off {
			continue
		}
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			var local []Finding
			defer func() {
				if v := recover(); v != nil {
					mu.Lock()
					errs = append(errs, fmt.Sprintf("rule %s failed: %v", r.ID, v))
					mu.Unlock()
				}
			}()
			r.Check(&Pass{State: st, Rule: r, report: func(f Finding) { local = append(local, f) }})
			mu.Lock()
			all = append(all, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()

	if len(errs) > 0 {
		slices.Sort(errs)
		return nil, fmt.Errorf("internal error, please report it: %s", strings.Join(errs, "; "))
	}
	return all, nil
}

// suppressed reports whether a directive with a reason on f's line or the
// line above names f's rule, and marks that directive used.
func (s *State) suppressed(f Finding) bool {
	line := f.Range.Start.Line
	for _, d := range s.directives[f.Range.File] {
		l := d.Range.Start.Line
		if d.Reason == "" || (l != line && l != line-1) {
			continue
		}
		if slices.Contains(d.Rules, f.Rule) {
			d.used = true
			return true
		}
	}
	return false
}

// directiveFindings reports directives that lack a reason, name a rule that
// does not exist, or suppress nothing.
func (s *State) directiveFindings(byID map[string]*Rule, sev func(*Rule) Severity, own Severity) []Finding {
	var out []Finding
	add := func(d *Directive, format string, args ...any) {
		out = append(out, Finding{
			Rule:     DirectiveRule,
			Severity: own,
			Message:  fmt.Sprintf(format, args...),
			Range:    d.Range,
		})
	}
	for _, ds := range s.directives {
		for _, d := range ds {
			var unknown []string
			live := false
			for _, id := range d.Rules {
				r := byID[id]
				switch {
				case r == nil:
					unknown = append(unknown, id)
				case sev(r) != Off:
					live = true
				}
			}
			switch {
			case len(d.Rules) == 0:
				add(d, "sendlint:ignore names no rule, so it suppresses nothing; write `sendlint:ignore RULE reason`")
			case len(unknown) > 0:
				add(d, "sendlint:ignore names unknown rule %s; `sendlint rules` lists the IDs", quoteList(unknown))
			case d.Reason == "":
				add(d, "sendlint:ignore %s has no reason, so it is not applied; add why after the rule list", strings.Join(d.Rules, ","))
			case live && !d.used:
				add(d, "sendlint:ignore %s suppresses nothing on this line or the next; remove it", strings.Join(d.Rules, ","))
			}
		}
	}
	return out
}

func quoteList(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return strings.Join(q, ", ")
}
