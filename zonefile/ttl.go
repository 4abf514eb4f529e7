package zonefile

import "math"

// parseTTL reads a TTL as BIND writes it: a number of seconds, or numbers
// with the units w, d, h, m and s in either case ("1h30m", "2D"). The
// result must fit in 32 bits (RFC 2181 §8 asks for at most 2^31-1, but
// BIND reads larger values and caps them, so they are not an error here).
func parseTTL(s string) (uint32, bool) {
	if s == "" {
		return 0, false
	}
	if v, ok := parseUint(s, math.MaxUint32); ok {
		return uint32(v), true
	}

	var total uint64
	n, digits := uint64(0), 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isDigit(c) {
			n = n*10 + uint64(c-'0')
			digits++
			if n > math.MaxUint32 {
				return 0, false
			}
			continue
		}
		unit := unitSeconds(c)
		if unit == 0 || digits == 0 {
			return 0, false
		}
		total += n * unit
		if total > math.MaxUint32 {
			return 0, false
		}
		n, digits = 0, 0
	}
	if digits != 0 {
		// A number after the last unit has no unit of its own.
		return 0, false
	}
	return uint32(total), true
}

func unitSeconds(c byte) uint64 {
	switch c | 0x20 {
	case 'w':
		return 7 * 24 * 3600
	case 'd':
		return 24 * 3600
	case 'h':
		return 3600
	case 'm':
		return 60
	case 's':
		return 1
	}
	return 0
}

// parseUint reads a decimal number of at most limit, without sign or
// spaces.
func parseUint(s string, limit uint64) (uint64, bool) {
	if s == "" || len(s) > 20 {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isDigit(c) {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
		if v > limit {
			return 0, false
		}
	}
	return v, true
}
