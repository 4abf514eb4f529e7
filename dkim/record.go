package dkim

import (
	"crypto"
	"strings"
)

// Tag is one tag=value pair as written. Offsets are into Record.Text.
type Tag struct {
	// Name is the tag name; DKIM tag names are case-sensitive
	// (RFC 6376 §3.2).
	Name string
	// Value is the value without the whitespace around it.
	Value string
	// Start and End cover the tag from its name to the end of its value.
	Start, End int
	// ValueStart and ValueEnd cover Value.
	ValueStart, ValueEnd int
}

// Record is a parsed DKIM key record (RFC 6376 §3.6.1). Fields hold what
// verifiers use: a tag that is absent leaves its field at the default.
type Record struct {
	// Text is the record as parsed.
	Text string
	// Tags holds every tag as written, in order.
	Tags []Tag
	// Ignored is set when verifiers cannot use the record at all; a Fatal
	// error says why.
	Ignored bool

	// Hashes are the hash algorithms of h=, in lower case; nil means any.
	Hashes []string
	// KeyType is k= in lower case: "rsa" (the default) or "ed25519".
	KeyType string
	// Services are the service types of s=; nil means "*".
	Services []string
	// Flags are the flags of t=.
	Flags []string
	// Testing is set by t=y: the domain is testing DKIM, and verifiers
	// must not treat signed mail differently from unsigned mail.
	Testing bool
	// Strict is set by t=s: the i= domain of a signature must equal d=.
	Strict bool

	// Revoked is set when p= is empty: the key has been revoked.
	Revoked bool
	// Key is the public key, an *rsa.PublicKey or an ed25519.PublicKey;
	// nil when the record is revoked or the key does not decode.
	Key crypto.PublicKey
	// Bits is the size of an RSA key's modulus in bits, 0 for others.
	Bits int
	// PKCS1 is set when an RSA key is published as a bare PKCS#1
	// RSAPublicKey rather than a SubjectPublicKeyInfo.
	PKCS1 bool
}

// Tag returns the first tag with the given name, or nil.
func (r *Record) Tag(name string) *Tag {
	for i := range r.Tags {
		if r.Tags[i].Name == name {
			return &r.Tags[i]
		}
	}
	return nil
}

// LooksLike reports whether text seems meant as a DKIM key record: it
// carries v=DKIM1, a k= key type beside p=, or starts with the base64 of a
// DER public key. A linter uses it to find key records published at a name
// where verifiers never look.
func LooksLike(text string) bool {
	low := strings.ToLower(strings.Join(strings.Fields(text), ""))
	switch {
	case strings.Contains(low, "v=dkim1"):
		return true
	case strings.Contains(low, "p=") && (strings.Contains(low, "k=rsa") || strings.Contains(low, "k=ed25519")):
		return true
	}
	return strings.HasPrefix(low, "p=mi")
}
