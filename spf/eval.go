package spf

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"time"
)

// Result is a result of check_host() (RFC 7208 §2.6).
type Result int

// The results of check_host(), with the meanings of RFC 7208 §2.6: none
// (no usable record), neutral (the record states nothing), pass, fail and
// softfail (the record says the client is, is not, or is probably not
// authorised), temperror (a DNS error that may go away) and permerror (the
// records cannot be interpreted).
const (
	None Result = iota + 1
	Neutral
	Pass
	Fail
	SoftFail
	TempError
	PermError
)

var resultNames = [...]string{
	None: "none", Neutral: "neutral", Pass: "pass", Fail: "fail",
	SoftFail: "softfail", TempError: "temperror", PermError: "permerror",
}

// String returns the result as RFC 7208 writes it in lower case, such as
// "softfail".
func (r Result) String() string {
	if r >= None && r <= PermError {
		return resultNames[r]
	}
	return fmt.Sprintf("Result(%d)", int(r))
}

// resultOf returns the result a matching directive's qualifier gives
// (RFC 7208 §4.6.2).
func resultOf(q Qualifier) Result {
	switch q {
	case QualifierFail:
		return Fail
	case QualifierSoftFail:
		return SoftFail
	case QualifierNeutral:
		return Neutral
	}
	return Pass
}

// Checker evaluates check_host() (RFC 7208 §4–§7) against the DNS answers
// of a Resolver. Its zero value is not usable: Resolver must be set. A
// Checker is safe for concurrent use.
type Checker struct {
	Resolver Resolver
	// Receiver is the domain name of the host doing the check, the r
	// macro of explanations (§7.3); "" expands as "unknown".
	Receiver string
	// Now returns the time of the check, the t macro of explanations; nil
	// means time.Now.
	Now func() time.Time
	// Prefetch is how many TXT lookups of include and redirect targets may
	// run ahead of the evaluation at once, so that a deep include tree on
	// a slow network costs about its depth in round trips rather than its
	// size. 0 turns prefetching off. The evaluation itself stays
	// sequential, so its results are the same whatever Prefetch is.
	Prefetch int
}

// Request holds the facts of the SMTP transaction that check_host() is
// asked about.
type Request struct {
	// IP is the SMTP client's address. An IPv4-mapped IPv6 address is
	// taken as the IPv4 address (RFC 7208 §5).
	IP netip.Addr
	// Sender is the MAIL FROM address, or a bare domain that stands for
	// postmaster at it. Empty means the null reverse-path, for which the
	// HELO identity is checked as postmaster@HELO (RFC 7208 §2.4).
	Sender string
	// HELO is the name the client gave in HELO or EHLO.
	HELO string
}

// Evaluation is the outcome of one check_host() call, with what it took.
type Evaluation struct {
	Result Result
	// Domain and Sender are the <domain> and <sender> check_host() was
	// called with (RFC 7208 §4.1).
	Domain, Sender string
	// Explanation is the expanded exp= text for a fail result (RFC 7208
	// §6.2), or "" when the record gives none, the default this package
	// chooses.
	Explanation string
	// Problem says, for permerror and temperror, what went wrong, in lower
	// case without a final period; for none, why there is no record.
	Problem string
	// Unknown is set when the evaluation stopped because the resolver has
	// no data for this name (see ErrUnknown). Result is then TempError,
	// which is not the answer live DNS would give: it is not known.
	Unknown string
	// Lookups counts the DNS-querying terms evaluated, and VoidLookups
	// those whose query returned no records (RFC 7208 §4.6.4). A Lookups
	// of 11, or a VoidLookups of 3, is the term that exceeded the limit.
	Lookups, VoidLookups int
	// Queries counts the distinct DNS lookups the evaluation needed, and
	// Prefetched the further ones started ahead of need and not used.
	Queries, Prefetched int
	// Trace lists what was evaluated, in order.
	Trace []Step
}

// Step is one line of an evaluation's trace. Depth is the include or
// redirect nesting of the record the step belongs to.
type Step struct {
	Depth int
	Text  string
}

// String returns the step indented two spaces per level of depth.
func (s Step) String() string {
	return strings.Repeat("  ", s.Depth) + s.Text
}

// Check evaluates check_host() for the identity the request names: the
// MAIL FROM domain, or the HELO name for the null reverse-path (RFC 7208
// §2.3, §2.4). The context bounds the time it may take; when it ends, the
// result is temperror, as RFC 7208 §4.6.4 asks of an evaluation that runs
// too long.
func (c *Checker) Check(ctx context.Context, req Request) *Evaluation {
	domain, sender := identity(req.Sender, req.HELO)
	return c.CheckHost(ctx, req.IP, domain, sender, req.HELO)
}

// CheckHost evaluates check_host(ip, domain, sender) of RFC 7208 §4; helo
// is the h macro. Without a valid ip there is nothing to evaluate: the
// result is permerror.
func (c *Checker) CheckHost(ctx context.Context, ip netip.Addr, domain, sender, helo string) *Evaluation {
	if !ip.IsValid() {
		return &Evaluation{Result: PermError, Domain: domain, Sender: sender,
			Problem: "no valid client IP address was given", Trace: []Step{{Text: "no client IP address"}}}
	}

	pctx, cancel := context.WithCancel(ctx)
	e := &evaluation{
		ctx: ctx,
		q:   newQueries(c.Resolver, MaxQueries, c.Prefetch, MaxPrefetch),
		out: &Evaluation{Domain: domain, Sender: sender},
	}
	e.pctx = pctx
	e.env = Env{Sender: sender, IP: ip, HELO: helo, Receiver: c.Receiver, Time: c.now()}

	res, err := e.checkHost(domain, 0, true)
	var s *stop
	switch {
	case errors.As(err, &s):
		e.out.Result, e.out.Problem, e.out.Unknown = s.result, s.problem, s.unknown
	case err != nil:
		e.out.Result, e.out.Problem = TempError, err.Error()
	default:
		e.out.Result = res
	}

	cancel()
	e.q.wait()
	e.out.Queries, e.out.Prefetched = e.q.counts()
	return e.out
}

func (c *Checker) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// evaluation is the state of one CheckHost call.
type evaluation struct {
	ctx  context.Context
	pctx context.Context // for prefetches, cancelled at the end
	q    *queries
	env  Env // Domain and Validated are set per record
	out  *Evaluation

	// ptr holds the validated names of the client address once looked
	// up, for the p macro; ptrErr the unknown-data error met then.
	ptr     []string
	ptrDone bool
	ptrErr  error
}

// stop ends the whole evaluation with a result: permerror and temperror
// terminate check_host() at once, however deep the recursion (RFC 7208
// §4.6, §5.2).
type stop struct {
	result  Result
	problem string
	unknown string
}

func (s *stop) Error() string { return s.result.String() + ": " + s.problem }

func permerror(format string, args ...any) error {
	return &stop{result: PermError, problem: fmt.Sprintf(format, args...)}
}

func (e *evaluation) tracef(depth int, format string, args ...any) {
	e.out.Trace = append(e.out.Trace, Step{Depth: depth, Text: fmt.Sprintf(format, args...)})
}

// lookup asks the resolver through the evaluation's query memo.
func (e *evaluation) lookup(name string, t RRType) (*Answer, error) {
	return e.q.lookup(e.ctx, name, t)
}

// dnsError turns a failed lookup into the temperror that ends the
// evaluation (RFC 7208 §4.4, §5), or into an unknown result when the
// resolver has no data for the name.
func dnsError(name string, t RRType, err error) error {
	switch {
	case errors.Is(err, ErrUnknown):
		return &stop{result: TempError, unknown: name,
			problem: fmt.Sprintf("%q %s is %v", name, t, err)}
	case errors.Is(err, errQueryLimit):
		return &stop{result: TempError,
			problem: fmt.Sprintf("more than %d DNS queries; the evaluation stopped", MaxQueries)}
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return &stop{result: TempError,
			problem: fmt.Sprintf("the evaluation ran out of time waiting for %q %s (RFC 7208 §4.6.4)", name, t)}
	}
	return &stop{result: TempError, problem: fmt.Sprintf("DNS lookup of %q %s failed: %v", name, t, err)}
}

// checkHost evaluates the SPF record of domain (RFC 7208 §4.3–§4.7).
// explain says whether a fail result gets the record's explanation: at the
// top and through redirect, but not inside include (§6.2).
func (e *evaluation) checkHost(domain string, depth int, explain bool) (Result, error) {
	if p := domainProblem(domain); p != "" {
		e.tracef(depth, "%s: none, %s", domain, p)
		e.out.Problem = p
		return None, nil
	}
	rec, err := e.record(domain, depth)
	if err != nil || rec == nil {
		return None, err
	}
	if e.q.slots != nil {
		for _, name := range literalTargets(rec) {
			e.q.prefetch(e.pctx, name)
		}
	}

	for _, t := range rec.Mechanisms {
		if t.Lookup() {
			if err := e.count(t, depth); err != nil {
				return 0, err
			}
		}
		match, err := e.match(t, domain, depth)
		if err != nil {
			return 0, err
		}
		if !match {
			continue
		}
		res := resultOf(t.Qualifier)
		e.tracef(depth, "%s: match, %s", t, res)
		if res == Fail && explain {
			e.explain(rec, domain, depth)
		}
		return res, nil
	}

	if rec.Redirect != nil {
		return e.redirect(rec.Redirect, domain, depth, explain)
	}
	e.tracef(depth, "no mechanism matched: neutral (RFC 7208 §4.7)")
	return Neutral, nil
}

// record looks up the TXT records of domain and returns its one SPF
// record (RFC 7208 §4.4, §4.5), or nil when it has none.
func (e *evaluation) record(domain string, depth int) (*Record, error) {
	ans, err := e.lookup(domain, TypeTXT)
	if err != nil {
		return nil, dnsError(domain, TypeTXT, err)
	}
	var texts []string
	for _, t := range ans.TXT {
		if IsSPF(t) {
			texts = append(texts, t)
		}
	}

	switch {
	case len(texts) == 0 && ans.NXDomain:
		e.tracef(depth, "%s: none, the domain does not exist", domain)
		e.out.Problem = fmt.Sprintf("%q does not exist", domain)
		return nil, nil
	case len(texts) == 0:
		e.tracef(depth, "%s: none, no SPF record", domain)
		e.out.Problem = fmt.Sprintf("%q publishes no SPF record", domain)
		return nil, nil
	case len(texts) > 1:
		e.tracef(depth, "%s: %d SPF records", domain, len(texts))
		return nil, permerror("%q publishes %d SPF records; only one is allowed (RFC 7208 §4.5)",
			domain, len(texts))
	}

	e.tracef(depth, "%s: %s", domain, texts[0])
	rec, errs := Parse(texts[0])
	if len(errs) > 0 {
		return nil, permerror("the SPF record of %q does not parse: %s", domain, errs[0].Msg)
	}
	return rec, nil
}

// count counts a DNS-querying term against the limit of 10 (RFC 7208
// §4.6.4).
func (e *evaluation) count(t *Term, depth int) error {
	e.out.Lookups++
	if e.out.Lookups > MaxLookups {
		e.tracef(depth, "%s: lookup %d, over the limit", t, e.out.Lookups)
		return permerror("%q would be DNS lookup %d; the limit is %d (RFC 7208 §4.6.4)",
			t.String(), e.out.Lookups, MaxLookups)
	}
	return nil
}

// void counts a term whose query returned no records against the limit
// of 2 void lookups (RFC 7208 §4.6.4).
func (e *evaluation) void(t *Term, name string, ans *Answer, depth int) error {
	e.out.VoidLookups++
	what := "no records"
	if ans.NXDomain {
		what = "NXDOMAIN"
	}
	e.tracef(depth, "%s: %s for %q, void lookup %d", t, what, name, e.out.VoidLookups)
	if e.out.VoidLookups > MaxVoidLookups {
		return permerror("%q is void lookup %d; the limit is %d (RFC 7208 §4.6.4)",
			t.String(), e.out.VoidLookups, MaxVoidLookups)
	}
	return nil
}

// redirect follows a redirect modifier after no mechanism matched (RFC
// 7208 §6.1).
func (e *evaluation) redirect(t *Term, domain string, depth int, explain bool) (Result, error) {
	if err := e.count(t, depth); err != nil {
		return 0, err
	}
	target, problem, err := e.target(t, domain)
	if err != nil {
		return 0, err
	}
	if problem != "" {
		e.tracef(depth, "%s: %s", t, problem)
		return 0, permerror("redirect target %s (RFC 7208 §6.1)", problem)
	}

	e.tracef(depth, "%s: lookup %d, following %s", t, e.out.Lookups, target)
	res, err := e.checkHost(target, depth+1, explain)
	if err != nil {
		return 0, err
	}
	if res == None {
		return 0, permerror("redirect target %q has no SPF record (RFC 7208 §6.1)", target)
	}
	return res, nil
}

// target expands the domain-spec of t for the current domain, or returns
// domain when t names none (RFC 7208 §4.8). A name that cannot be queried
// comes back as a problem instead.
func (e *evaluation) target(t *Term, domain string) (name, problem string, err error) {
	if t.Domain == nil {
		return domain, "", nil
	}
	env := e.envFor(domain)
	name, err = t.Domain.ExpandDomain(&env)
	if e.ptrErr != nil && t.Domain.usesPTR() {
		return "", "", e.ptrErr
	}
	if err != nil {
		return "", "", permerror("cannot expand %q: %v", t.Domain.String(), err)
	}
	name = strings.TrimSuffix(name, ".")
	if p := nameProblem(name); p != "" {
		return "", p, nil
	}
	return name, "", nil
}

// envFor returns the macro environment for the record of domain.
func (e *evaluation) envFor(domain string) Env {
	env := e.env
	env.Domain = domain
	env.Validated = func() string { return e.validated(domain) }
	return env
}

// usesPTR reports whether m has a p macro.
func (m *MacroString) usesPTR() bool {
	for _, p := range m.Parts {
		if p.Letter == 'p' {
			return true
		}
	}
	return false
}
