package spf

import (
	"context"
	"errors"
	"strings"
	"sync"
)

// Processing limits of RFC 7208 §4.6.4.
const (
	// MaxLookups is the number of DNS-querying terms (include, a, mx, ptr,
	// exists and redirect) one check_host() evaluation may use.
	MaxLookups = 10
	// MaxVoidLookups is the number of those terms whose query may return
	// no records (NXDOMAIN, or NOERROR without answers).
	MaxVoidLookups = 2
	// MaxHosts is the number of MX or PTR names whose addresses one mx or
	// ptr term (or the p macro) may look up.
	MaxHosts = 10
)

// MaxQueries bounds the distinct DNS lookups of one evaluation, whatever
// the records say: the first TXT lookup, at most 1 + MaxHosts lookups for
// each of the MaxLookups terms, 1 + MaxHosts for the p macro (computed once
// per evaluation) and the exp TXT lookup. The limits of RFC 7208 §4.6.4
// keep an evaluation within it; the count is checked anyway, so that a
// hostile record set can never make more queries. Prefetched lookups are
// bounded apart, by MaxPrefetch.
const MaxQueries = 1 + MaxLookups*(1+MaxHosts) + (1 + MaxHosts) + 1

// MaxPrefetch bounds the TXT lookups one evaluation may start ahead of
// need for include and redirect targets.
const MaxPrefetch = 20

// errQueryLimit stops an evaluation that would pass MaxQueries.
var errQueryLimit = errors.New("query limit reached")

// queries runs the DNS lookups of one evaluation through a Resolver,
// asking each name and type once, and starts lookups of include and
// redirect targets ahead of need. Since every answer is asked for once and
// then shared, an evaluation sees the same answers whether a lookup was
// prefetched or not, so prefetching changes only how long it takes.
type queries struct {
	r     Resolver
	mu    sync.Mutex
	calls map[queryKey]*call
	// asked counts the lookups the evaluation itself needed, limit bounds
	// them.
	asked, limit int

	// Prefetching: slots bounds the lookups in flight, started counts
	// those begun against maxFetch; nil slots turns it off.
	slots    chan struct{}
	started  int
	maxFetch int
	wg       sync.WaitGroup
}

type queryKey struct {
	name string
	t    RRType
}

// call is one lookup, finished when done is closed.
type call struct {
	done    chan struct{}
	ans     *Answer
	err     error
	claimed bool // the evaluation asked for it, not only a prefetch
}

func newQueries(r Resolver, limit, prefetch, maxFetch int) *queries {
	q := &queries{r: r, calls: make(map[queryKey]*call), limit: limit, maxFetch: maxFetch}
	if prefetch > 0 {
		q.slots = make(chan struct{}, prefetch)
	}
	return q
}

// lookup returns the answer for name and type t, asking the resolver the
// first time only. Lookups beyond the limit fail with errQueryLimit.
func (q *queries) lookup(ctx context.Context, name string, t RRType) (*Answer, error) {
	key := queryKey{strings.ToLower(name), t}
	q.mu.Lock()
	c := q.calls[key]
	if c == nil || !c.claimed {
		if q.asked >= q.limit {
			q.mu.Unlock()
			return nil, errQueryLimit
		}
		q.asked++
	}
	if c != nil {
		c.claimed = true
		q.mu.Unlock()
		select {
		case <-c.done:
			return c.ans, c.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}

	c = &call{done: make(chan struct{}), claimed: true}
	q.calls[key] = c
	q.mu.Unlock()
	c.ans, c.err = q.r.Lookup(ctx, name, t)
	close(c.done)
	return c.ans, c.err
}

// prefetch starts looking up the TXT records of name in the background,
// then those of the literal include and redirect targets of the SPF
// record found there, within the prefetch bounds. It never blocks.
func (q *queries) prefetch(ctx context.Context, name string) {
	if q.slots == nil {
		return
	}
	key := queryKey{strings.ToLower(name), TypeTXT}
	q.mu.Lock()
	if q.calls[key] != nil || q.started >= q.maxFetch {
		q.mu.Unlock()
		return
	}
	q.started++
	c := &call{done: make(chan struct{})}
	q.calls[key] = c
	q.mu.Unlock()

	q.wg.Add(1)
	go func() {
		defer q.wg.Done()
		select {
		case q.slots <- struct{}{}:
			c.ans, c.err = q.r.Lookup(ctx, name, TypeTXT)
			<-q.slots
		case <-ctx.Done():
			c.err = ctx.Err()
		}
		close(c.done)
		if c.err == nil {
			q.prefetchTargets(ctx, c.ans)
		}
	}()
}

// prefetchTargets prefetches the targets of the one SPF record in ans.
func (q *queries) prefetchTargets(ctx context.Context, ans *Answer) {
	var text string
	for _, t := range ans.TXT {
		if !IsSPF(t) {
			continue
		}
		if text != "" {
			return
		}
		text = t
	}
	if text == "" {
		return
	}
	rec, errs := Parse(text)
	if len(errs) > 0 {
		return
	}
	for _, name := range literalTargets(rec) {
		q.prefetch(ctx, name)
	}
}

// literalTargets returns the include targets of rec, then its redirect
// target, where they have no macros, without trailing dots.
func literalTargets(rec *Record) []string {
	var out []string
	add := func(t *Term) {
		if s, ok := t.Domain.Literal(); ok && s != "" {
			out = append(out, strings.TrimSuffix(s, "."))
		}
	}
	for _, t := range rec.Mechanisms {
		if t.Kind == KindInclude {
			add(t)
		}
	}
	if rec.Redirect != nil && rec.All() == nil {
		add(rec.Redirect)
	}
	return out
}

// wait returns once every prefetch has finished; the caller cancels their
// context first.
func (q *queries) wait() {
	q.wg.Wait()
}

// counts returns the lookups the evaluation needed and those started only
// ahead of need.
func (q *queries) counts() (asked, prefetchedOnly int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, c := range q.calls {
		if !c.claimed {
			prefetchedOnly++
		}
	}
	return q.asked, prefetchedOnly
}
