package spf

import (
	"cmp"
	"errors"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Env holds what macro expansion needs to know about one check_host()
// call and its SMTP transaction (RFC 7208 §4.1, §7.3). The evaluator
// fills one per call, changing Domain as it follows include and redirect.
type Env struct {
	// Sender is <sender>: the MAIL FROM address, or "postmaster@" and the
	// HELO name when MAIL FROM is empty (§2.4). A sender without a
	// local-part gets "postmaster" (§4.3).
	Sender string
	// Domain is <domain>, the domain whose record is being evaluated.
	Domain string
	// IP is <ip>, the SMTP client's address. An IPv4-mapped IPv6 address
	// expands as the IPv4 address.
	IP netip.Addr
	// HELO is the name the client gave in HELO or EHLO (the h macro).
	HELO string
	// Receiver is the domain name of the host doing the check (the r
	// macro); empty expands as "unknown" (§7.3).
	Receiver string
	// Time is the time of the check (the t macro).
	Time time.Time
	// Validated returns the validated domain name of IP (the p macro,
	// §5.5); it is called only when a p macro is expanded, since finding
	// it takes DNS queries. Nil, or an empty result, expands as "unknown".
	Validated func() string
}

// MaxDomainLength is the longest domain name, in its dotted text form
// without a trailing dot, that a DNS query can carry (RFC 7208 §4.8).
const MaxDomainLength = 253

// errNoIP is returned when a macro needs the client address and the
// environment has none.
var errNoIP = errors.New("the client IP address is not known")

// Expand returns the text m stands for in env (RFC 7208 §7.3): each macro
// replaced by its value, split on its delimiters, reversed and cut to its
// right-most parts as its transformers say, joined with ".", and
// URL-escaped when its letter is upper case. It fails only when a macro
// needs a fact env lacks: the client IP for i, c and v, the time for t.
func (m *MacroString) Expand(env *Env) (string, error) {
	if m == nil {
		return "", nil
	}

	var b strings.Builder
	for _, p := range m.Parts {
		switch {
		case p.Letter == 0:
			b.WriteString(p.Literal)
		case !p.IsMacro():
			b.WriteString(escapes[p.Letter])
		default:
			v, err := env.value(p.Letter)
			if err != nil {
				return "", err
			}
			b.WriteString(p.transform(v))
		}
	}
	return b.String(), nil
}

// ExpandDomain expands m as a domain-spec (RFC 7208 §7.3): when the result
// is longer than 253 bytes, labels are removed from its left until it
// fits. A single label too long to fit is returned whole; it is not a
// valid domain name, and check_host() treats it as one that does not
// exist (§4.8).
func (m *MacroString) ExpandDomain(env *Env) (string, error) {
	s, err := m.Expand(env)
	if err != nil {
		return "", err
	}

	for len(strings.TrimSuffix(s, ".")) > MaxDomainLength {
		dot := strings.IndexByte(s, '.')
		if dot < 0 || dot == len(s)-1 {
			break
		}
		s = s[dot+1:]
	}
	return s, nil
}

// value returns the unprocessed value of a macro letter (§7.3).
func (env *Env) value(letter byte) (string, error) {
	switch letter {
	case 's':
		local, domain := env.senderParts()
		return local + "@" + domain, nil
	case 'l':
		local, _ := env.senderParts()
		return local, nil
	case 'o':
		_, domain := env.senderParts()
		return domain, nil
	case 'd':
		return env.Domain, nil
	case 'h':
		return env.HELO, nil
	case 'r':
		return cmp.Or(env.Receiver, "unknown"), nil
	case 'p':
		if env.Validated == nil {
			return "unknown", nil
		}
		return cmp.Or(env.Validated(), "unknown"), nil
	case 't':
		if env.Time.IsZero() {
			return "", errors.New("the time of the check is not known")
		}
		return strconv.FormatInt(env.Time.Unix(), 10), nil
	}
	return env.ipValue(letter)
}

// ipValue returns the value of i, c or v.
func (env *Env) ipValue(letter byte) (string, error) {
	if !env.IP.IsValid() {
		return "", errNoIP
	}

	ip := env.IP.Unmap()
	switch {
	case letter == 'v' && ip.Is4():
		return "in-addr", nil
	case letter == 'v':
		return "ip6", nil
	case letter == 'i' && ip.Is6():
		return nibbles(ip), nil
	}
	return ip.String(), nil
}

// senderParts splits Sender at its last "@", giving "postmaster" for a
// missing local-part (§4.3).
func (env *Env) senderParts() (local, domain string) {
	local, domain = "", env.Sender
	if at := strings.LastIndexByte(env.Sender, '@'); at >= 0 {
		local, domain = env.Sender[:at], env.Sender[at+1:]
	}
	return cmp.Or(local, "postmaster"), domain
}

// nibbles writes an IPv6 address as 32 dot-separated hex digits, the
// form of the i macro (§7.3).
func nibbles(ip netip.Addr) string {
	const hex = "0123456789abcdef"
	a := ip.As16()
	b := make([]byte, 0, 63)
	for _, x := range a {
		b = append(b, hex[x>>4], '.', hex[x&0xf], '.')
	}
	return string(b[:len(b)-1])
}

// transform applies the part's delimiters, reversal, digits and escaping
// to a macro value (§7.3).
func (p MacroPart) transform(v string) string {
	parts := splitAny(v, cmp.Or(p.Delimiters, "."))
	if p.Reverse {
		slices.Reverse(parts)
	}
	if p.Digits > 0 && p.Digits < len(parts) {
		parts = parts[len(parts)-p.Digits:]
	}

	out := strings.Join(parts, ".")
	if p.Escape {
		out = urlEscape(out)
	}
	return out
}

// splitAny splits s around each byte found in delims, keeping empty
// parts, so that a value without transformers expands unchanged.
func splitAny(s, delims string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(delims, s[i]) >= 0 {
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// urlEscape escapes every byte outside the unreserved set of RFC 3986
// §2.3 as "%" and two upper-case hex digits, as upper-case macros require
// (RFC 7208 §7.3).
func urlEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAlnum(c) || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0xf])
	}
	return b.String()
}
