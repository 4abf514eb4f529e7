// Package suggest finds the likely intended word for a typo, for "did you
// mean" hints in messages.
package suggest

// Closest returns the candidate nearest to s by edit distance when that
// distance is at most len(s)/3, so that only likely typos are suggested,
// or "". Ties go to the earlier candidate.
func Closest(s string, candidates []string) string {
	best, bestD := "", len(s)/3+1
	for _, c := range candidates {
		if d := Distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in bytes.
func Distance(a, b string) int {
	return edits(a, b, false)
}

// DamerauDistance is Distance counting an exchange of two neighbouring
// bytes as one edit, as in "ps" for "sp" (the optimal string alignment
// distance, which edits no substring twice).
func DamerauDistance(a, b string) int {
	return edits(a, b, true)
}

// edits counts the edits that turn a into b, row by row of the usual
// table; swaps also counts an exchange of neighbouring bytes as one, which
// needs the row before the previous one.
func edits(a, b string, swaps bool) int {
	prev2 := make([]int, len(b)+1)
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
			if swaps && i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
