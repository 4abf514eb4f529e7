package spf

// suggest returns the mechanism name closest to name when it is within
// two edits and name is not much shorter, or "" when none is.
func suggest(name string) string {
	best, bestDist := "", 3
	for m := range mechanisms {
		d := editDistance(name, m)
		if d < bestDist || d == bestDist && m < best {
			best, bestDist = m, d
		}
	}
	if bestDist > 2 || bestDist >= len(name) || len(best) <= bestDist {
		return ""
	}
	return best
}

// editDistance returns the Levenshtein distance between a and b, in
// bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
