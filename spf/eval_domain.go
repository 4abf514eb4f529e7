package spf

import (
	"net/netip"
	"strconv"
	"strings"
)

// identity returns the <domain> and <sender> of check_host() for a MAIL
// FROM value and the HELO name (RFC 7208 §2.3, §2.4): the domain of MAIL
// FROM, or postmaster@HELO for the null reverse-path. A bare domain stands
// for postmaster at it. One trailing dot is dropped from the domain.
func identity(mailFrom, helo string) (domain, sender string) {
	switch at := strings.LastIndexByte(mailFrom, '@'); {
	case mailFrom == "":
		domain = strings.TrimSuffix(helo, ".")
		return domain, "postmaster@" + domain
	case at < 0:
		domain = strings.TrimSuffix(mailFrom, ".")
		return domain, "postmaster@" + domain
	default:
		return strings.TrimSuffix(mailFrom[at+1:], "."), mailFrom
	}
}

// domainProblem says why name cannot be the <domain> of check_host(), or
// returns "" when it can: it must be a multi-label domain name that a DNS
// query can carry (RFC 7208 §4.3). check_host() returns none for the rest.
func domainProblem(name string) string {
	switch {
	case name == "":
		return "the domain is empty"
	case strings.HasPrefix(name, "["):
		return strconv.Quote(name) + " is an address literal, not a domain name"
	}
	if _, err := netip.ParseAddr(name); err == nil {
		return strconv.Quote(name) + " is an IP address, not a domain name"
	}
	if p := nameProblem(name); p != "" {
		return p
	}
	if !strings.Contains(name, ".") {
		return strconv.Quote(name) + " is not a multi-label domain name"
	}
	return ""
}

// nameProblem says why name, without its trailing dot, cannot be sent in
// a DNS query (RFC 1035 §2.3.4), or returns "": an empty label, a label
// over 63 bytes or a name over 253. RFC 7208 §4.8 leaves such a target
// name undefined; check_host() takes it as a name that does not exist.
func nameProblem(name string) string {
	if len(name) > MaxDomainLength {
		return strconv.Quote(name) + " is longer than 253 bytes"
	}
	for label := range strings.SplitSeq(name, ".") {
		switch {
		case label == "":
			return strconv.Quote(name) + " has an empty label"
		case len(label) > 63:
			return strconv.Quote(name) + " has a label longer than 63 bytes"
		}
	}
	return ""
}

// reverseName returns the name whose PTR records map ip to names: under
// in-addr.arpa for IPv4 (and IPv4-mapped IPv6), ip6.arpa for IPv6 (RFC
// 7208 §5.5).
func reverseName(ip netip.Addr) string {
	ip = ip.Unmap()
	if ip.Is4() {
		a := ip.As4()
		return strconv.Itoa(int(a[3])) + "." + strconv.Itoa(int(a[2])) + "." +
			strconv.Itoa(int(a[1])) + "." + strconv.Itoa(int(a[0])) + ".in-addr.arpa"
	}
	n := strings.Split(nibbles(ip), ".")
	for i, j := 0, len(n)-1; i < j; i, j = i+1, j-1 {
		n[i], n[j] = n[j], n[i]
	}
	return strings.Join(n, ".") + ".ip6.arpa"
}

// sameOrBelow reports whether name is parent or a subdomain of it, in any
// case (RFC 7208 §5.5).
func sameOrBelow(name, parent string) bool {
	name, parent = strings.ToLower(name), strings.ToLower(parent)
	return name == parent || strings.HasSuffix(name, "."+parent)
}

// inNetwork reports whether addr, taken with the given prefix length,
// covers ip; addresses of the other family never do (RFC 7208 §5.6).
func inNetwork(addr netip.Addr, bits int, ip netip.Addr) bool {
	addr = addr.Unmap()
	if addr.Is4() != ip.Is4() {
		return false
	}
	p, err := addr.Prefix(bits)
	return err == nil && p.Contains(ip)
}
