package spf

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// Analysis is the worst-case expansion of one domain's SPF record with no
// client address at hand: the record, and through include and redirect
// the records it names, with what each DNS-querying term costs when no
// mechanism matches and evaluation runs to the end (RFC 7208 §4.6.4).
// That is the case that decides whether receivers reach the limits:
// include, a, mx, ptr, exists and redirect cost one lookup each, counted
// through includes and redirects; exp costs none; the address lookups
// behind one mx or ptr (at most 10 names) are not counted. Terms after
// the first all are never evaluated, and redirect is ignored when the
// record has all, so neither is counted.
//
// Whatever cannot be followed makes the count a lower bound: a target
// the resolver knows nothing about (offline), a lookup that failed, a
// target with macros (its name depends on the SMTP transaction), or a
// tree beyond the analysis limits.
type Analysis struct {
	Root *Node
}

// NodeStatus says what was found at a node's domain.
type NodeStatus int

// Node statuses. Only NodeOK has terms.
const (
	// NodeOK: one SPF record that parses.
	NodeOK NodeStatus = iota
	// NodeNone: the domain does not exist or publishes no SPF record;
	// check_host() returns none, which include and redirect turn into
	// permerror (RFC 7208 §5.2, §6.1).
	NodeNone
	// NodeMultiple: more than one SPF record, a permerror (§4.5).
	NodeMultiple
	// NodeSyntax: the record does not parse, a permerror (§4.6).
	NodeSyntax
	// NodeUnknown: the resolver has no data for the domain (ErrUnknown).
	NodeUnknown
	// NodeFailed: the lookup failed, which receivers see as temperror.
	NodeFailed
	// NodeLoop: the domain is already on the path from the root, so
	// evaluation would recurse until the lookup limit gives permerror.
	NodeLoop
	// NodeNotFollowed: beyond the analysis limits; not looked up.
	NodeNotFollowed
)

// Node is one domain of the tree and what its record costs.
type Node struct {
	Domain string
	Status NodeStatus
	// Record is the SPF record text when one was found.
	Record string
	// Problem says, for statuses other than NodeOK, what was found, as a
	// phrase that follows the domain name in a message ("does not
	// exist").
	Problem string
	// Source is where the record came from, as the resolver said.
	Source string
	// Costs holds the record's DNS-querying terms that evaluation reaches
	// when nothing matches, in order.
	Costs []*Cost
}

// Cost is one DNS-querying term of a record and what it costs.
type Cost struct {
	Term *Term
	// Lookups is the term's cost: 1, plus what its target's record costs
	// for include and redirect.
	Lookups int
	// Target is the name the term queries when it has no macros; the
	// record's own domain for a, mx and ptr without a domain.
	Target string
	// Child is the node of an include or redirect target that could be
	// named.
	Child *Node
	// Macro is set when the target has macros, so that the term cannot be
	// followed without an SMTP transaction.
	Macro bool
	// Void says that the query of an a, mx or exists term returns no
	// records, and VoidWhy how ("NXDOMAIN", "no A or AAAA records").
	Void    bool
	VoidWhy string
	// Unknown says why the void check of an a, mx or exists term could
	// not be made; "" when it was made or does not apply (ptr).
	Unknown string
	// MXHosts is the number of MX names an mx term found; more than 10
	// is a permerror (RFC 7208 §4.6.4).
	MXHosts int
}

// Lookups returns what the node's record costs: the sum of its terms.
func (n *Node) Lookups() int {
	total := 0
	for _, c := range n.Costs {
		total += c.Lookups
	}
	return total
}

// Lookups returns the worst-case number of DNS-querying terms of the
// root's record, and whether the count is exact rather than a lower bound.
func (a *Analysis) Lookups() (int, bool) {
	exact := true
	a.Walk(func(_ []*Cost, c *Cost) {
		if c.Macro && (c.Term.Kind == KindInclude || c.Term.Kind == KindRedirect) ||
			c.Child != nil && c.Child.lowerBound() {
			exact = false
		}
	})
	return a.Root.Lookups(), exact && !a.Root.lowerBound()
}

// lowerBound reports whether the node's own cost is unknown.
func (n *Node) lowerBound() bool {
	return n.Status == NodeUnknown || n.Status == NodeFailed || n.Status == NodeNotFollowed
}

// Walk calls fn for every term of the tree, depth first in evaluation
// order, with the path of terms that leads to it from the root (the term
// itself last).
func (a *Analysis) Walk(fn func(path []*Cost, c *Cost)) {
	var walk func(n *Node, path []*Cost)
	walk = func(n *Node, path []*Cost) {
		for _, c := range n.Costs {
			p := append(path[:len(path):len(path)], c)
			fn(p, c)
			if c.Child != nil {
				walk(c.Child, p)
			}
		}
	}
	walk(a.Root, nil)
}

// Analysis limits: records followed, and void-check lookups planned.
const (
	maxAnalysisRecords = 100
	maxAnalysisChecks  = 300
)

// Analyze expands the SPF record of domain through r (see Analysis).
// The lookups of one level of the tree run concurrently, at most
// concurrency records or terms at a time (1 when less; the A and AAAA
// lookups of one a term go together), so that a tree costs about its
// depth in round trips; the result does not depend on the order answers
// arrive in.
func Analyze(ctx context.Context, r Resolver, domain string, concurrency int) *Analysis {
	a := &analyzer{
		ctx:  ctx,
		q:    newQueries(r, maxAnalysisRecords+maxAnalysisChecks, 0, 0),
		sem:  make(chan struct{}, max(concurrency, 1)),
		recs: make(map[*Node]*Record),
	}
	root := &Node{Domain: strings.TrimSuffix(domain, ".")}
	a.records = 1

	level := []*Node{root}
	paths := map[*Node][]string{root: {strings.ToLower(root.Domain)}}
	var checks []func()
	for len(level) > 0 || len(checks) > 0 {
		jobs := checks
		for _, n := range level {
			jobs = append(jobs, func() { a.fetch(n) })
		}
		a.parallel(jobs)

		var next []*Node
		checks = nil
		for _, n := range level {
			kids, cs := a.expand(n, paths)
			next, checks = append(next, kids...), append(checks, cs...)
		}
		level = next
	}

	total(root)
	return &Analysis{Root: root}
}

// analyzer is the state of one Analyze call.
type analyzer struct {
	ctx     context.Context
	q       *queries
	sem     chan struct{}
	mu      sync.Mutex
	recs    map[*Node]*Record // parsed records of NodeOK nodes
	records int               // nodes scheduled for lookup
	checks  int               // void-check lookups planned
}

// parallel runs jobs, at most cap(a.sem) at a time, and waits for all.
func (a *analyzer) parallel(jobs []func()) {
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Add(1)
		a.sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-a.sem }()
			job()
		}()
	}
	wg.Wait()
}

// fetch looks up the record of n and sets its status.
func (a *analyzer) fetch(n *Node) {
	ans, err := a.q.lookup(a.ctx, n.Domain, TypeTXT)
	switch {
	case errors.Is(err, ErrUnknown):
		n.Status, n.Problem = NodeUnknown, "is "+err.Error()
		return
	case err != nil:
		n.Status, n.Problem = NodeFailed, "cannot be looked up: "+err.Error()
		return
	}
	n.Source = ans.Source

	var texts []string
	for _, t := range ans.TXT {
		if IsSPF(t) {
			texts = append(texts, t)
		}
	}
	switch {
	case len(texts) == 0 && ans.NXDomain:
		n.Status, n.Problem = NodeNone, "does not exist"
	case len(texts) == 0:
		n.Status, n.Problem = NodeNone, "publishes no SPF record"
	case len(texts) > 1:
		n.Status, n.Problem = NodeMultiple, fmt.Sprintf("publishes %d SPF records", len(texts))
	default:
		n.Record = texts[0]
		rec, errs := Parse(n.Record)
		if len(errs) > 0 {
			n.Status, n.Problem = NodeSyntax, "has an SPF record that does not parse: "+errs[0].Msg
			return
		}
		a.mu.Lock()
		a.recs[n] = rec
		a.mu.Unlock()
	}
}

// expand lists the DNS-querying terms of an NodeOK node's record. It
// returns the child nodes to look up next and the void checks to run,
// both within the analysis limits, in evaluation order.
func (a *analyzer) expand(n *Node, paths map[*Node][]string) ([]*Node, []func()) {
	rec := a.recs[n]
	if rec == nil {
		return nil, nil
	}
	var kids []*Node
	var checks []func()
	for _, t := range reached(rec) {
		c := &Cost{Term: t, Lookups: 1}
		n.Costs = append(n.Costs, c)
		c.Target, c.Macro = termTarget(t, n.Domain)
		if c.Macro {
			continue
		}

		switch t.Kind {
		case KindInclude, KindRedirect:
			c.Child = a.child(c.Target, paths[n])
			if c.Child.Status == NodeOK {
				paths[c.Child] = append(paths[n][:len(paths[n]):len(paths[n])], strings.ToLower(c.Target))
				kids = append(kids, c.Child)
			}
		case KindA, KindMX, KindExists:
			if check := a.voidCheck(c); check != nil {
				checks = append(checks, check)
			}
		}
	}
	return kids, checks
}

// reached returns the DNS-querying terms evaluation reaches when nothing
// matches: mechanisms up to the first all, then redirect when there is no
// all (RFC 7208 §4.6.2, §6.1).
func reached(rec *Record) []*Term {
	var out []*Term
	for _, t := range rec.Mechanisms {
		if t.Kind == KindAll {
			return out
		}
		if t.Lookup() {
			out = append(out, t)
		}
	}
	if rec.Redirect != nil {
		out = append(out, rec.Redirect)
	}
	return out
}

// termTarget returns the name t queries from a record of domain, or
// reports that it has macros.
func termTarget(t *Term, domain string) (string, bool) {
	if t.Domain == nil {
		return domain, false
	}
	s, ok := t.Domain.Literal()
	if !ok {
		return "", true
	}
	return strings.TrimSuffix(s, "."), false
}

// child returns the node of an include or redirect target, not yet
// looked up unless it cannot be: a loop, an invalid name, or a tree
// beyond the limits.
func (a *analyzer) child(target string, path []string) *Node {
	n := &Node{Domain: target}
	lower := strings.ToLower(target)
	for _, p := range path {
		if p == lower {
			n.Status, n.Problem = NodeLoop, "is already being evaluated"
			return n
		}
	}
	if p := domainProblem(target); p != "" {
		n.Status, n.Problem = NodeNone, "is not a domain name receivers can look up: "+p
		return n
	}
	if a.records >= maxAnalysisRecords {
		n.Status = NodeNotFollowed
		n.Problem = fmt.Sprintf("is beyond the %d records sendlint follows in one tree", maxAnalysisRecords)
		return n
	}
	a.records++
	return n
}

// voidCheck returns the lookups that tell whether the query of an a, mx
// or exists term returns nothing, or nil when the term needs none or the
// check budget is spent.
func (a *analyzer) voidCheck(c *Cost) func() {
	types := []RRType{TypeA}
	switch c.Term.Kind {
	case KindA:
		types = []RRType{TypeA, TypeAAAA}
	case KindMX:
		types = []RRType{TypeMX}
	}
	if nameProblem(c.Target) != "" {
		return nil // matches nothing and queries nothing
	}
	if a.checks+len(types) > maxAnalysisChecks {
		c.Unknown = "not checked: the record set is beyond sendlint's analysis limits"
		return nil
	}
	a.checks += len(types)

	return func() {
		answers := make([]*Answer, len(types))
		errs := make([]error, len(types))
		var wg sync.WaitGroup
		for i, t := range types {
			wg.Add(1)
			go func() {
				defer wg.Done()
				answers[i], errs[i] = a.q.lookup(a.ctx, c.Target, t)
			}()
		}
		wg.Wait()
		setVoid(c, answers, errs)
	}
}

// setVoid records in c what its void-check lookups found.
func setVoid(c *Cost, answers []*Answer, errs []error) {
	empty, nx := true, false
	for i, ans := range answers {
		if errs[i] != nil {
			c.Unknown = errs[i].Error()
			return
		}
		if c.Term.Kind == KindMX {
			c.MXHosts = len(ans.Hosts)
		}
		empty, nx = empty && ans.Empty(), ans.NXDomain
	}
	if empty {
		c.Void, c.VoidWhy = true, voidWhy(c.Term.Kind, nx)
	}
}

func voidWhy(k Kind, nx bool) string {
	switch {
	case nx:
		return "NXDOMAIN"
	case k == KindA:
		return "no A or AAAA records"
	case k == KindMX:
		return "no MX records"
	}
	return "no A records"
}

// total sets the cost of include and redirect terms from their targets.
func total(n *Node) int {
	sum := 0
	for _, c := range n.Costs {
		if c.Child != nil {
			c.Lookups = 1 + total(c.Child)
		}
		sum += c.Lookups
	}
	return sum
}
