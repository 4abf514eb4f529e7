package dmarc

import "strings"

// Policy is a Domain Owner Assessment Policy (RFC 9989 §4.7 "p"): "none",
// "quarantine" or "reject". The empty Policy means the tag is absent or
// its value is not valid.
type Policy string

// The policies, from the weakest to the strongest.
const (
	None       Policy = "none"
	Quarantine Policy = "quarantine"
	Reject     Policy = "reject"
)

// Enforcing reports whether p asks receivers to act on failing mail
// (RFC 9989 §3.2.9): quarantine or reject.
func (p Policy) Enforcing() bool {
	return p == Quarantine || p == Reject
}

// Tested returns the policy receivers apply when the record says t=y
// (RFC 9989 §4.7 "t"): one level below p, and none for none.
func (p Policy) Tested() Policy {
	switch p {
	case Reject:
		return Quarantine
	case Quarantine:
		return None
	}
	return p
}

// Alignment is an identifier alignment mode (RFC 9989 §4.4): Relaxed or
// Strict.
type Alignment byte

// The alignment modes, as written in adkim and aspf.
const (
	Relaxed Alignment = 'r'
	Strict  Alignment = 's'
)

// String returns "relaxed" or "strict".
func (a Alignment) String() string {
	if a == Strict {
		return "strict"
	}
	return "relaxed"
}

// PSD is the value of the psd tag (RFC 9989 §4.7): 'y' for a public suffix
// domain, 'n' for an organizational domain, 'u' (the default) for unknown.
type PSD byte

// The psd values.
const (
	PSDYes     PSD = 'y'
	PSDNo      PSD = 'n'
	PSDUnknown PSD = 'u'
)

// Tag is one tag=value pair as written. Offsets are into Record.Text.
type Tag struct {
	// Name is the tag name as written; Key is the name in lower case.
	Name, Key string
	// Value is the value without the whitespace around it.
	Value string
	// Start and End cover the tag from its name to the end of its value.
	Start, End int
	// ValueStart and ValueEnd cover Value.
	ValueStart, ValueEnd int
}

// URI is one entry of a rua or ruf list (RFC 9989 §4.6, §4.8).
type URI struct {
	// Raw is the URI as written, without the size suffix.
	Raw string
	// Scheme is the URI scheme in lower case ("mailto").
	Scheme string
	// Address is the addr-spec of a mailto: URI, percent-decoded.
	Address string
	// Domain is the host the reports go to: the domain of a mailto:
	// address or the host of another URI, in lower case.
	Domain string
	// Size is the obsolete size limit of RFC 7489 §6.2 without its "!"
	// ("10m"), or "".
	Size string
	// Start and End cover the URI and its size suffix in Record.Text.
	Start, End int
	// Valid reports whether the URI is syntactically valid (RFC 3986),
	// whatever its scheme.
	Valid bool
}

// Record is a parsed DMARC policy record. Fields hold the values receivers
// use: a tag that is absent or invalid leaves its field at the default.
type Record struct {
	// Text is the record as parsed.
	Text string
	// Tags holds every tag as written, in order, including unknown and
	// repeated ones.
	Tags []Tag
	// Ignored is set when receivers discard the whole record: it does not
	// start with v=DMARC1 or a tag is repeated.
	Ignored bool

	// P, SP and NP are the policies for the domain, its existing
	// subdomains and its non-existent subdomains; "" when the tag is
	// absent or invalid. Policies says what receivers apply.
	P, SP, NP Policy
	// ADKIM and ASPF are the alignment modes; Relaxed by default.
	ADKIM, ASPF Alignment
	// RUA and RUF are the report URIs, valid or not.
	RUA, RUF []URI
	// FO holds the failure reporting options ("0", "1", "d", "s"); nil
	// means the default, fo=0.
	FO []string
	// PSD is the psd flag; PSDUnknown by default.
	PSD PSD
	// Testing is set by t=y: receivers apply one level below the policy.
	Testing bool

	// PCT is the RFC 7489 pct tag, 0 to 100, or -1 when absent or invalid.
	// RFC 9989 removed it.
	PCT int
}

// Tag returns the first tag with the given lower-case key, or nil.
func (r *Record) Tag(key string) *Tag {
	for i := range r.Tags {
		if r.Tags[i].Key == key {
			return &r.Tags[i]
		}
	}
	return nil
}

// HasReportURI reports whether rua names at least one syntactically valid
// URI, which decides what receivers do with a record whose p, sp or np is
// not valid (RFC 9989 §4.10.1).
func (r *Record) HasReportURI() bool {
	for _, u := range r.RUA {
		if u.Valid {
			return true
		}
	}
	return false
}

// Policies returns the policies receivers apply for the domain itself (p),
// its existing subdomains (sp) and its non-existent subdomains (np), after
// the defaults of RFC 9989 §4.7: sp falls back to p, np to sp. ok is false
// when receivers apply no DMARC processing at all.
//
// A record whose p is absent or invalid, or whose sp or np is invalid, is
// applied as p=none when rua names a valid URI and not at all otherwise
// (RFC 9989 §4.10.1). Policies does not apply t=y; see Policy.Tested.
func (r *Record) Policies() (p, sp, np Policy, ok bool) {
	if r.Ignored {
		return "", "", "", false
	}
	if r.FallsBack() {
		if r.HasReportURI() {
			return None, None, None, true
		}
		return "", "", "", false
	}

	p = r.P
	sp = p
	if r.SP != "" {
		sp = r.SP
	}
	np = sp
	if r.NP != "" {
		np = r.NP
	}
	return p, sp, np, true
}

// FallsBack reports whether the record's p is absent or invalid, or its sp
// or np invalid, so that receivers do not apply it as written but act as if
// it said p=none, or apply nothing (RFC 9989 §4.10.1).
func (r *Record) FallsBack() bool {
	bad := func(key string, v Policy) bool { return r.Tag(key) != nil && v == "" }
	return r.P == "" || bad("sp", r.SP) || bad("np", r.NP)
}

// IsRecord reports whether text starts with the version tag "v=DMARC1",
// which is what receivers keep of the TXT records at a _dmarc name
// (RFC 9989 §4.10 step 2); the others are discarded before they count.
func IsRecord(text string) bool {
	rest, ok := cutVersionName(text)
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " \t")
	if !strings.HasPrefix(rest, "DMARC1") {
		return false
	}
	rest = strings.TrimLeft(rest[len("DMARC1"):], " \t")
	return rest == "" || rest[0] == ';'
}

// LooksLike reports whether text seems meant as a DMARC record, valid or
// not: it mentions DMARC or starts with a DMARC tag. A linter uses it to
// tell a broken record from an unrelated TXT record at a _dmarc name.
func LooksLike(text string) bool {
	low := strings.ToLower(text)
	if strings.Contains(low, "dmarc") {
		return true
	}
	low = strings.TrimLeft(low, " \t")
	for _, k := range []string{"v=", "p=", "rua=", "ruf=", "sp="} {
		if strings.HasPrefix(low, k) {
			return true
		}
	}
	return false
}

// cutVersionName strips "v" and the "=" after it, with the whitespace
// RFC 9989 §4.8 allows around "=", from the start of text.
func cutVersionName(text string) (string, bool) {
	if text == "" || (text[0] != 'v' && text[0] != 'V') {
		return "", false
	}
	rest := strings.TrimLeft(text[1:], " \t")
	if rest == "" || rest[0] != '=' {
		return "", false
	}
	return rest[1:], true
}
