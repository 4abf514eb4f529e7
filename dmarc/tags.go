package dmarc

import (
	"strconv"
	"strings"

	"github.com/sendlint/sendlint/internal/taglist"
)

// knownTags are the tags of RFC 9989 §4.7 and the ones it removed from
// RFC 7489 §6.3, for "did you mean" suggestions.
var knownTags = []string{"v", "p", "sp", "np", "adkim", "aspf", "rua", "ruf", "fo", "psd", "t", "pct", "rf", "ri"}

func isPolicyKey(key string) bool {
	return key == "p" || key == "sp" || key == "np"
}

// value reads the value of a tag whose bytes are all allowed.
func (p *parser) value(t Tag) {
	switch t.Key {
	case "v":
		// A second v is a repeated tag, reported by the caller.
	case "p", "sp", "np":
		p.policyTag(t)
	case "adkim", "aspf":
		p.alignment(t)
	case "rua", "ruf":
		p.uriList(t)
	case "fo":
		p.failureOptions(t)
	case "psd":
		p.psd(t)
	case "t":
		p.testing(t)
	case "pct":
		p.pct(t)
	case "rf":
		p.errorf(t.Start, t.End, Note, KindRemoved,
			"rf (failure report format) was removed by RFC 9989; receivers that follow it ignore the tag, and %s", rfAdvice(t.Value))
	case "ri":
		p.ri(t)
	default:
		p.unknown(t)
	}
}

// policyTag reads p, sp or np (RFC 9989 §4.7, dmarc-request). What an
// invalid value does to the record is said once all tags are read.
func (p *parser) policyTag(t Tag) {
	v := Policy(strings.ToLower(t.Value))
	if v != None && v != Quarantine && v != Reject {
		return
	}
	switch t.Key {
	case "p":
		p.rec.P = v
	case "sp":
		p.rec.SP = v
	case "np":
		p.rec.NP = v
	}
}

// finish reports what can only be judged once every tag is read: a
// missing or invalid p and an invalid sp or np, with what receivers do
// instead (RFC 9989 §4.10.1), and an fo without ruf.
func (p *parser) finish() {
	if p.rec.Ignored {
		return
	}
	fallback := "receivers apply no DMARC policy at all (and send no reports)"
	if p.rec.HasReportURI() {
		fallback = "receivers act as if the record said p=none"
	}

	if _, seen := p.seen["p"]; !seen {
		p.errorf(0, len(p.text), Warning, KindSyntax,
			"no p tag: %s; RFC 7489 required p right after v, and RFC 9989 recommends it; add p=none, p=quarantine or p=reject", fallback)
	}
	for _, key := range []string{"p", "sp", "np"} {
		i, seen := p.seen[key]
		if !seen || validPolicy(p.rec.Tags[i].Value) {
			continue
		}
		t := p.rec.Tags[i]
		msg, fix := badPolicy(t, fallback)
		p.errorf(t.ValueStart, t.ValueEnd, Invalid, KindSyntax, "%s", msg)
		if fix != nil {
			p.errs[len(p.errs)-1].Fix = fix
		}
	}

	if i, seen := p.seen["fo"]; seen && p.rec.FO != nil && len(p.rec.RUF) == 0 {
		t := p.rec.Tags[i]
		p.errorf(t.Start, t.End, Note, KindSyntax,
			"fo has no effect without ruf: receivers send failure reports only to ruf addresses")
	}
}

func validPolicy(v string) bool {
	switch Policy(strings.ToLower(v)) {
	case None, Quarantine, Reject:
		return true
	}
	return false
}

func badPolicy(t Tag, fallback string) (string, *Fix) {
	what := "the record"
	if t.Key != "p" {
		what = "the whole record, not just its subdomains,"
	}
	if t.Value == "" {
		return t.Name + " has no value, which makes " + what + " invalid: " + fallback, nil
	}
	msg := t.Name + " value " + strconv.Quote(t.Value) + " is not none, quarantine or reject, which makes " + what + " invalid: " + fallback
	if hint, fix := missingSemicolon(t); fix != nil {
		return msg + hint, fix
	}
	if s := didYouMean(strings.ToLower(t.Value), []string{"none", "quarantine", "reject"}); s != "" {
		return msg + " (did you mean " + strconv.Quote(s) + "?)", &Fix{Start: t.ValueStart, End: t.ValueEnd, Text: s}
	}
	return msg, nil
}

// alignment reads adkim or aspf (RFC 9989 §4.7, dmarc-rors).
func (p *parser) alignment(t Tag) {
	var a Alignment
	switch strings.ToLower(t.Value) {
	case "r":
		a = Relaxed
	case "s":
		a = Strict
	default:
		hint, fix := missingSemicolon(t)
		switch strings.ToLower(t.Value) {
		case "relaxed":
			hint, fix = " (write \"r\")", &Fix{Start: t.ValueStart, End: t.ValueEnd, Text: "r"}
		case "strict":
			hint, fix = " (write \"s\")", &Fix{Start: t.ValueStart, End: t.ValueEnd, Text: "s"}
		}
		p.errorf(t.ValueStart, t.ValueEnd, Invalid, KindSyntax,
			"%s value %q is not r or s; receivers use relaxed alignment%s", t.Name, t.Value, hint)
		p.errs[len(p.errs)-1].Fix = fix
		return
	}
	if t.Key == "adkim" {
		p.rec.ADKIM = a
	} else {
		p.rec.ASPF = a
	}
}

// failureOptions reads fo (RFC 9989 §4.7, dmarc-fo): a colon-separated
// list of 0, 1, d and s, each at most once, 0 and 1 not together.
func (p *parser) failureOptions(t Tag) {
	opts := strings.Split(strings.ToLower(t.Value), ":")
	seen := make(map[string]bool)
	for _, o := range opts {
		bad := ""
		switch {
		case o != "0" && o != "1" && o != "d" && o != "s":
			bad = "holds " + strconv.Quote(o) + ", but the options are 0, 1, d and s, separated by colons"
		case seen[o]:
			bad = "names " + strconv.Quote(o) + " twice"
		case (o == "0" && seen["1"]) || (o == "1" && seen["0"]):
			bad = "names both 0 and 1, which exclude each other"
		}
		if bad != "" {
			hint, fix := missingSemicolon(t)
			p.errorf(t.ValueStart, t.ValueEnd, Invalid, KindSyntax,
				"fo value %q %s; receivers use fo=0%s", t.Value, bad, hint)
			p.errs[len(p.errs)-1].Fix = fix
			return
		}
		seen[o] = true
	}
	p.rec.FO = opts
}

// psd reads the psd flag (RFC 9989 §4.7, dmarc-psd).
func (p *parser) psd(t Tag) {
	switch strings.ToLower(t.Value) {
	case "y":
		p.rec.PSD = PSDYes
	case "n":
		p.rec.PSD = PSDNo
	case "u":
		p.rec.PSD = PSDUnknown
	default:
		hint, fix := missingSemicolon(t)
		p.errorf(t.ValueStart, t.ValueEnd, Invalid, KindSyntax,
			"psd value %q is not y, n or u; receivers use psd=u and find the organizational domain by the DNS tree walk%s",
			t.Value, hint)
		p.errs[len(p.errs)-1].Fix = fix
	}
}

// testing reads the t flag (RFC 9989 §4.7, dmarc-yorn).
func (p *parser) testing(t Tag) {
	switch strings.ToLower(t.Value) {
	case "y":
		p.rec.Testing = true
	case "n":
	default:
		hint, fix := missingSemicolon(t)
		p.errorf(t.ValueStart, t.ValueEnd, Invalid, KindSyntax,
			"t value %q is not y or n; receivers use t=n and apply the policy in full%s", t.Value, hint)
		p.errs[len(p.errs)-1].Fix = fix
	}
}

// pct reads the RFC 7489 §6.3 pct tag, which RFC 9989 removed (its
// Appendix A.6): t=y takes the place of pct=0.
func (p *parser) pct(t Tag) {
	n, err := strconv.Atoi(t.Value)
	if err != nil || n < 0 || n > 100 || t.Value[0] == '+' {
		p.errorf(t.Start, t.End, Note, KindRemoved,
			"pct value %q is not a whole number from 0 to 100, and RFC 9989 removed pct: receivers ignore it; remove it", t.Value)
		return
	}
	p.rec.PCT = n

	if n == 100 {
		p.errorf(t.Start, t.End, Note, KindRemoved,
			"pct was removed by RFC 9989, and pct=100 was the default of RFC 7489 anyway: every receiver applies the policy to all failing mail; remove it")
		return
	}
	advice := "remove it, and write t=y while testing the policy"
	if n == 0 {
		advice = "replace pct=0 with t=y, its RFC 9989 successor"
	}
	p.errorf(t.Start, t.End, Note, KindRemoved,
		"pct was removed by RFC 9989: receivers that follow it apply the policy to all failing mail, while RFC 7489 receivers apply it to %d%%; %s",
		n, advice)
}

func rfAdvice(v string) string {
	for _, f := range strings.Split(strings.ToLower(v), ":") {
		if f != "afrf" {
			return "RFC 7489 receivers knew only \"afrf\": remove it"
		}
	}
	return "\"afrf\" was the only format anyway: remove it"
}

// ri reads the RFC 7489 §6.3 ri tag, which RFC 9989 removed.
func (p *parser) ri(t Tag) {
	if n, err := strconv.ParseUint(t.Value, 10, 32); err != nil || t.Value[0] == '+' {
		p.errorf(t.Start, t.End, Note, KindRemoved,
			"ri value %q is not a number of seconds, and RFC 9989 removed ri: receivers ignore it; remove it", t.Value)
		return
	} else if n == 86400 {
		p.errorf(t.Start, t.End, Note, KindRemoved,
			"ri was removed by RFC 9989 and 86400 was the default anyway; remove it")
		return
	}
	p.errorf(t.Start, t.End, Note, KindRemoved,
		"ri was removed by RFC 9989: receivers send aggregate reports daily whatever it says; remove it")
}

// unknown reports a tag RFC 9989 does not define; receivers ignore it
// (§4.7). One that is close to a known tag is likely a typo, so the
// setting it was meant for is lost: that is a warning.
func (p *parser) unknown(t Tag) {
	if s := didYouMean(t.Key, knownTags); s != "" {
		p.errorf(t.Start, t.Start+len(t.Name), Warning, KindUnknown,
			"unknown tag %q is ignored by receivers (did you mean %q?)", t.Name, s)
		p.fix(t.Start, t.Start+len(t.Name), s)
		return
	}
	p.errorf(t.Start, t.Start+len(t.Name), Note, KindUnknown,
		"unknown tag %q is ignored by receivers", t.Name)
}

// missingSemicolon returns a hint and a fix when a tag's value holds what
// looks like the next tag, as in "p=reject rua=mailto:...", where a ";"
// was forgotten; the fix inserts it after the first word.
func missingSemicolon(t Tag) (string, *Fix) {
	v := t.Value
	for i := 1; i < len(v); i++ {
		if !taglist.IsWSP(v[i-1]) || !taglist.IsAlpha(v[i]) {
			continue
		}
		j := i
		for j < len(v) && taglist.IsAlpha(v[j]) {
			j++
		}
		k := j
		for k < len(v) && taglist.IsWSP(v[k]) {
			k++
		}
		if k < len(v) && v[k] == '=' {
			w := i - 1
			for w > 0 && taglist.IsWSP(v[w-1]) {
				w--
			}
			return " (a \";\" is missing before " + strconv.Quote(v[i:j]+"=") + ")", &Fix{Start: t.ValueStart + w, End: t.ValueStart + w, Text: ";"}
		}
	}
	return "", nil
}
