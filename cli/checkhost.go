package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/netip"
	"strings"
	"time"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/resolve"
	"github.com/sendlint/sendlint/spf"
)

// resolverOptions are the flags that choose how names outside the
// declared zones are answered (DESIGN.md §1), shared by lint and
// check-host.
type resolverOptions struct {
	online  bool
	server  string
	timeout time.Duration
}

// resolvConf is where the system resolver is read from by default.
const resolvConf = "/etc/resolv.conf"

func (o *resolverOptions) register(fs *flag.FlagSet) {
	fs.BoolVar(&o.online, "online", false,
		"look names outside the declared zones up in live DNS (default: offline, see above)")
	fs.StringVar(&o.server, "resolver", "",
		"with --online, the DNS resolver to ask, `HOST:PORT` (default: the first nameserver of "+resolvConf+")")
	fs.DurationVar(&o.timeout, "timeout", resolve.DefaultTimeout,
		"with --online, how long one DNS query may take, a `DURATION` such as 500ms")
}

// stack returns the resolver stack over st that the flags ask for.
func (o *resolverOptions) stack(st *lint.State) (spf.Resolver, error) {
	switch {
	case !o.online && o.server != "":
		return nil, errors.New("--resolver needs --online")
	case !o.online:
		return resolve.Offline(st), nil
	case o.timeout <= 0:
		return nil, fmt.Errorf("--timeout: %s is not a positive duration", o.timeout)
	}

	server := o.server
	if server == "" {
		var err error
		if server, err = resolve.SystemServer(resolvConf); err != nil {
			return nil, fmt.Errorf("%w; name one with --resolver HOST:PORT", err)
		}
	}
	if _, _, err := net.SplitHostPort(server); err != nil {
		return nil, fmt.Errorf("--resolver: %q is not HOST:PORT", server)
	}
	return resolve.Online(st, resolve.NewLive(server, o.timeout)), nil
}

// checkHostOptions are the check-host command's flags.
type checkHostOptions struct {
	helo   string
	format string
	config string
	resolverOptions
}

func (c *Command) checkHostFlags() (*flag.FlagSet, *checkHostOptions) {
	o := &checkHostOptions{}
	fs := flag.NewFlagSet("sendlint check-host", flag.ContinueOnError)
	fs.StringVar(&o.helo, "helo", "", "the `NAME` the client gave in HELO/EHLO; needed when SENDER is empty")
	fs.StringVar(&o.format, "format", "text", "output `FORMAT`: text or json")
	fs.StringVar(&o.config, "config", "", "config `FILE` (default: sendlint.yaml or .sendlint.yaml here or above)")
	o.register(fs)
	return fs, o
}

// evaluationLimit bounds one evaluation; RFC 7208 §4.6.4 asks to allow at
// least 20 seconds and to return temperror past the limit.
const evaluationLimit = 20 * time.Second

// prefetch is how many include and redirect targets check-host looks up
// ahead of need.
const prefetch = 8

// checkHost runs RFC 7208 check_host() for IP and SENDER against the
// declared state of the paths (DESIGN.md §2). It exits 0 whenever it
// could evaluate, whatever the result.
func (c *Command) checkHost(args []string) int {
	fs, o := c.checkHostFlags()
	fs.SetOutput(c.Stderr)
	fs.Usage = func() { c.checkHostUsage(c.Stderr) }
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitError
	}

	req, paths, err := checkHostArgs(rest, o.helo)
	if err != nil {
		return c.errorf("check-host: %v; see sendlint check-host -h", err)
	}
	if o.format != "text" && o.format != "json" {
		return c.errorf("check-host: --format: unknown value %q: want text or json", o.format)
	}
	st, code := c.checkHostState(o, paths)
	if code != ExitOK {
		return code
	}
	r, err := o.stack(st)
	if err != nil {
		return c.errorf("check-host: %v", err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), max(evaluationLimit, 2*o.timeout))
	defer cancel()
	ev := (&spf.Checker{Resolver: r, Prefetch: prefetch}).Check(ctx, req)
	if err := writeEvaluation(c.Stdout, o.format, req, ev); err != nil {
		return c.errorf("%v", err)
	}
	return ExitOK
}

// checkHostArgs reads IP SENDER [PATH ...].
func checkHostArgs(args []string, helo string) (spf.Request, []string, error) {
	if len(args) < 2 {
		return spf.Request{}, nil, errors.New("expected IP SENDER [PATH ...]")
	}
	ip, err := netip.ParseAddr(args[0])
	if err != nil || ip.Zone() != "" {
		return spf.Request{}, nil, fmt.Errorf("%q is not an IP address", args[0])
	}
	if args[1] == "" && helo == "" {
		return spf.Request{}, nil, errors.New(
			"an empty SENDER (the null reverse-path) is checked as postmaster@HELO, so it needs --helo")
	}
	return spf.Request{IP: ip, Sender: args[1], HELO: helo}, args[2:], nil
}

// checkHostState loads the declared state of the paths, as lint does.
func (c *Command) checkHostState(o *checkHostOptions, paths []string) (*lint.State, int) {
	src, code := c.loadSources(o.config, paths, nil)
	if code != ExitOK {
		return nil, code
	}
	st := src.state
	if n := len(st.Problems); n > 0 {
		fmt.Fprintf(c.Stderr, "sendlint: note: %d problems while reading the sources (first: %s: %s); "+
			"run sendlint on them for the list\n", n, st.Problems[0].Range, st.Problems[0].Message)
	}
	return st, ExitOK
}

// evaluationJSON is check-host's JSON output (DESIGN.md §2).
type evaluationJSON struct {
	Result      string   `json:"result"`
	Explanation string   `json:"explanation"`
	Lookups     int      `json:"lookups"`
	VoidLookups int      `json:"void_lookups"`
	Trace       []string `json:"trace"`
	IP          string   `json:"ip"`
	Domain      string   `json:"domain"`
	Sender      string   `json:"sender"`
	Problem     string   `json:"problem,omitempty"`
	Unknown     string   `json:"unknown,omitempty"`
}

func writeEvaluation(w io.Writer, format string, req spf.Request, ev *spf.Evaluation) error {
	if format == "json" {
		out := evaluationJSON{
			Result: ev.Result.String(), Explanation: ev.Explanation,
			Lookups: ev.Lookups, VoidLookups: ev.VoidLookups, Trace: []string{},
			IP: req.IP.String(), Domain: ev.Domain, Sender: ev.Sender,
			Problem: ev.Problem, Unknown: ev.Unknown,
		}
		for _, s := range ev.Trace {
			out.Trace = append(out.Trace, s.String())
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}

	var b strings.Builder
	result := ev.Result.String()
	if ev.Unknown != "" {
		result += " (not a real answer: sendlint does not know the records of " + ev.Unknown + ")"
	}
	fmt.Fprintf(&b, "check_host(%s, %s, %s): %s\n", req.IP, ev.Domain, ev.Sender, result)
	if ev.Explanation != "" {
		fmt.Fprintf(&b, "explanation: %s\n", ev.Explanation)
	}
	if ev.Problem != "" {
		fmt.Fprintf(&b, "problem: %s\n", ev.Problem)
	}
	fmt.Fprintf(&b, "lookups: %d of %d, void lookups: %d of %d\n",
		ev.Lookups, spf.MaxLookups, ev.VoidLookups, spf.MaxVoidLookups)
	b.WriteString("trace:\n")
	for _, s := range ev.Trace {
		fmt.Fprintf(&b, "  %s\n", s)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

const checkHostHeader = `Usage: sendlint check-host [flags] IP SENDER [PATH ...]

Runs RFC 7208 check_host() for a client address and a MAIL FROM address
against the records declared under PATHs (default: .), and prints the
result (none, neutral, pass, fail, softfail, temperror or permerror), the
explanation of a fail, the DNS lookups and void lookups used of the 10
and 2 allowed, and a trace of every term evaluated.

SENDER is the MAIL FROM address, or a bare domain for postmaster at it;
an empty SENDER ("") is the null reverse-path, checked as
postmaster@HELO (give --helo).

Offline (the default) names are answered from the declared zones, which
are authoritative, then from sendlint's dated snapshot of well-known
providers' SPF records; any other name is unknown, and check-host says
so (a temperror that is not a real answer) instead of guessing. With
--online such names are looked up in live DNS. An evaluation stops after
20 seconds with temperror.

Exit codes: 0 the check ran (whatever the result), 2 bad arguments.

Examples:
  sendlint check-host 192.0.2.10 bounce@example.com zones/
  sendlint check-host --online --format json 2001:db8::25 example.com
  sendlint check-host --helo mail.example.com 192.0.2.10 ""

Flags:
`

func (c *Command) checkHostUsage(w io.Writer) {
	fmt.Fprint(w, checkHostHeader)
	fs, _ := c.checkHostFlags()
	fs.SetOutput(w)
	fs.PrintDefaults()
}
