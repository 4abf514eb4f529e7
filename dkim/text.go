package dkim

import "github.com/sendlint/sendlint/internal/taglist"

// describeChar names the character at s[i] for a message. It calls by name
// only the characters taglist.DescribeChar always names, and quotes the
// others.
func describeChar(s string, i int) string {
	return taglist.DescribeChar(s, i, 0)
}
