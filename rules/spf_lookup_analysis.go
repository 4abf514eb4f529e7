package rules

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/resolve"
	"github.com/sendlint/sendlint/spf"
)

// This file holds the include-tree analysis the SPF lookup rules share
// (spf-lookup-limit, spf-lookup-headroom, spf-void-lookups,
// spf-include-loop, spf-include-no-record, spf-unverifiable); it is not a
// rule.

// spfTree is the worst-case expansion of one declared SPF record.
type spfTree struct {
	root *spfTXT
	a    *spf.Analysis
	// lookups is the count of DNS-querying terms, a lower bound unless
	// exact.
	lookups int
	exact   bool
	// loop is set when the tree recurses, so that the count means nothing.
	loop bool
}

type spfTreesKey struct{}

// analysisConcurrency bounds the lookups in flight for one record, and
// the records analysed at once.
const analysisConcurrency = 16

// spfTrees returns the analysis of every declared SPF record that receivers
// can evaluate: the only v=spf1 record at its name, without syntax errors
// (spf-multiple and spf-syntax report the others). It is computed once per
// run, with the resolver the command line chose, and shared through Memo.
func spfTrees(st *lint.State) []*spfTree {
	return st.Memo(spfTreesKey{}, func() any {
		r := st.Resolver()
		if r == nil {
			r = resolve.Offline(st)
		}
		var roots []*spfTXT
		count := map[string]int{}
		for _, s := range spfTXTs(st) {
			count[s.Name]++
		}
		for _, s := range spfTXTs(st) {
			if s.Parsed != nil && len(s.Errs) == 0 && count[s.Name] == 1 {
				roots = append(roots, s)
			}
		}

		trees := make([]*spfTree, len(roots))
		var wg sync.WaitGroup
		slots := make(chan struct{}, analysisConcurrency)
		for i, s := range roots {
			wg.Add(1)
			slots <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-slots }()
				trees[i] = newSPFTree(r, s)
			}()
		}
		wg.Wait()
		return trees
	}).([]*spfTree)
}

func newSPFTree(r spf.Resolver, s *spfTXT) *spfTree {
	t := &spfTree{root: s, a: spf.Analyze(context.Background(), r, s.Name, analysisConcurrency)}
	t.lookups, t.exact = t.a.Lookups()
	t.a.Walk(func(_ []*spf.Cost, c *spf.Cost) {
		if c.Child != nil && c.Child.Status == spf.NodeLoop {
			t.loop = true
		}
	})
	return t
}

// costs lists what each DNS-querying term of the root record costs, as in
// "include:_spf.google.com 4, include:sendgrid.net 1, mx 1"; a "+" marks a
// lower bound.
func (t *spfTree) costs() string {
	var parts []string
	for _, c := range t.a.Root.Costs {
		plus := ""
		if lowerBound(c) {
			plus = "+"
		}
		parts = append(parts, fmt.Sprintf("%s %d%s", c.Term, c.Lookups, plus))
	}
	return strings.Join(parts, ", ")
}

// lowerBound reports whether the cost of c is only a lower bound: an
// include or redirect with macros, or one whose tree has a record that
// could not be followed.
func lowerBound(c *spf.Cost) bool {
	switch {
	case c.Macro:
		return c.Term.Kind == spf.KindInclude || c.Term.Kind == spf.KindRedirect
	case c.Child == nil:
		return false
	case isOpen(c.Child):
		return true
	}
	for _, d := range c.Child.Costs {
		if lowerBound(d) {
			return true
		}
	}
	return false
}

// isOpen reports whether a node could not be followed.
func isOpen(n *spf.Node) bool {
	return n.Status == spf.NodeUnknown || n.Status == spf.NodeFailed || n.Status == spf.NodeNotFollowed
}

// atLeast writes a count, "at least n" when it is a lower bound.
func atLeast(n int, exact bool) string {
	if exact {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("at least %d", n)
}

// treeSite is where a finding about a term deep in a tree points: the
// deepest declared record on the path to the term, and that record's term
// on the path.
type treeSite struct {
	decl *spfTXT
	term *spf.Term
	// via lists the terms after the declared one, down to the term the
	// finding is about; empty when that term is itself declared.
	via []*spf.Cost
	// in is the domain of the record holding the last term.
	in string
}

// site finds where to report a finding about the last term of path.
func (t *spfTree) site(st *lint.State, path []*spf.Cost) treeSite {
	nodes := make([]*spf.Node, len(path))
	nodes[0] = t.a.Root
	for i := 1; i < len(path); i++ {
		nodes[i] = path[i-1].Child
	}
	in := nodes[len(path)-1].Domain
	for i := len(path) - 1; i > 0; i-- {
		if d := declaredRecord(st, nodes[i]); d != nil {
			return treeSite{decl: d, term: path[i].Term, via: path[i+1:], in: in}
		}
	}
	return treeSite{decl: t.root, term: path[0].Term, via: path[1:], in: in}
}

// declaredRecord returns the declared SPF record that a node's record
// came from, or nil when it is not declared.
func declaredRecord(st *lint.State, n *spf.Node) *spfTXT {
	if n.Status != spf.NodeOK {
		return nil
	}
	for _, s := range spfTXTs(st) {
		if s.Name == lint.CanonicalName(n.Domain) && s.Text == n.Record {
			return s
		}
	}
	return nil
}

// subject names the term a finding is about, as seen from its site: the
// term itself, or that term with the record it is in and the declared
// term through which it is reached.
func (s treeSite) subject(last *spf.Cost) string {
	if len(s.via) == 0 {
		return fmt.Sprintf("%q", s.term.String())
	}
	return fmt.Sprintf("%q (in %s, reached through %q)", last.Term.String(), s.in, s.term.String())
}

// report reports a finding at the site.
func (s treeSite) report(pass *lint.Pass, format string, args ...any) {
	pass.Reportf(s.decl.rangeOf(s.term.Span), s.decl.Name, format, args...)
}
