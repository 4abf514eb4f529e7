package dmarc

import (
	"strings"

	"github.com/sendlint/sendlint/internal/suggest"
	"github.com/sendlint/sendlint/internal/taglist"
)

func indexNotAlpha(s string) int {
	for i := 0; i < len(s); i++ {
		if !taglist.IsAlpha(s[i]) {
			return i
		}
	}
	return -1
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) > len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// didYouMean returns the word of words closest to w when it is near enough
// to be a likely typo, else "".
func didYouMean(w string, words []string) string {
	best, bestDist := "", 3
	for _, c := range words {
		if c == w {
			return ""
		}
		limit := 2
		switch {
		case len(c) <= 2:
			// Any short tag is one edit from another; only a swap of
			// its letters ("ps" for "sp") is a telling typo.
			limit = 0
			if len(c) == 2 && len(w) == 2 && w[0] == c[1] && w[1] == c[0] {
				limit = 1
			}
		case len(c) == 3:
			limit = 1
		}
		// No word is nearer than the difference of the lengths.
		if abs(len(w)-len(c)) > limit {
			continue
		}
		if d := suggest.DamerauDistance(w, c); d <= limit && d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
