package dkim

import (
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/sendlint/sendlint/internal/taglist"
)

// finish reads p= once k= is known, and reports a missing p=.
func (p *parser) finish() {
	if p.text == "" || strings.Trim(p.text, " \t\r\n;") == "" {
		return
	}
	t := p.rec.Tag("p")
	if t == nil {
		p.errorf(0, len(p.text), Fatal, "no p= tag: verifiers find no key, so signatures with this selector fail")
		return
	}
	if p.rec.KeyType != "rsa" && p.rec.KeyType != "ed25519" {
		return
	}

	der, ok := p.base64(t)
	switch {
	case !ok:
		return
	case len(der) == 0:
		// A revoked key (RFC 6376 §3.6.1 "p=") is deliberate, not an
		// error; callers that need a key look at Revoked.
		p.rec.Revoked = true
		return
	}
	if p.rec.KeyType == "ed25519" {
		p.ed25519Key(t, der)
		return
	}
	p.rsaKey(t, der)
}

// base64 decodes p= after removing the whitespace RFC 6376 §3.6.1 allows
// inside it. Padding may be left out.
func (p *parser) base64(t *Tag) ([]byte, bool) {
	var b strings.Builder
	for i := 0; i < len(t.Value); i++ {
		c := t.Value[i]
		switch {
		case taglist.IsFWS(c):
			continue
		case c == '-' || c == '_':
			p.errorf(t.ValueStart+i, t.ValueStart+i+1, Fatal,
				"p= holds %q, a base64url character; DKIM keys use standard base64 (+ and /), so verifiers cannot decode this key", string(c))
			return nil, false
		case !taglist.IsAlpha(c) && !taglist.IsDigit(c) && c != '+' && c != '/' && c != '=':
			p.errorf(t.ValueStart+i, t.ValueStart+i+1, Fatal,
				"p= holds %q, which is not base64; verifiers cannot decode this key", string(c))
			return nil, false
		case c == '=' && strings.TrimLeft(strings.Map(dropFWS, t.Value[i:]), "=") != "":
			p.errorf(t.ValueStart+i, t.ValueStart+i+1, Fatal,
				"p= has base64 padding \"=\" before its end; verifiers cannot decode this key")
			return nil, false
		}
		b.WriteByte(c)
	}

	s := b.String()
	enc := base64.StdEncoding
	if !strings.HasSuffix(s, "=") && len(s)%4 != 0 {
		enc = base64.RawStdEncoding
	}
	der, err := enc.DecodeString(s)
	if err != nil {
		p.errorf(t.ValueStart, t.ValueEnd, Fatal,
			"p= is not valid base64 (%d characters, which no whole number of bytes encodes); verifiers cannot decode this key", len(s))
		return nil, false
	}
	return der, true
}

func dropFWS(r rune) rune {
	if r < 0x80 && taglist.IsFWS(byte(r)) {
		return -1
	}
	return r
}

// rsaKey reads an RSA key: a SubjectPublicKeyInfo, as nearly every signer
// publishes, or the bare RSAPublicKey of PKCS#1 that RFC 6376 §3.6.1 names.
func (p *parser) rsaKey(t *Tag, der []byte) {
	var pub *rsa.PublicKey
	if k, err := x509.ParsePKIXPublicKey(der); err == nil {
		switch k := k.(type) {
		case *rsa.PublicKey:
			pub = k
		case ed25519.PublicKey:
			p.errorf(t.ValueStart, t.ValueEnd, Fatal,
				"p= holds an Ed25519 key but the key type is rsa; add k=ed25519 and publish the bare 32-byte key (RFC 8463 §4.2)")
			return
		default:
			p.errorf(t.ValueStart, t.ValueEnd, Fatal,
				"p= holds a %s key, not an RSA key; verifiers cannot use it", keyName(k))
			return
		}
	} else if k, err1 := x509.ParsePKCS1PublicKey(der); err1 == nil {
		pub = k
		p.rec.PKCS1 = true
		p.errorf(t.ValueStart, t.ValueEnd, Warning,
			"p= holds a bare PKCS#1 RSAPublicKey; RFC 6376 allows it, but most keys are published as SubjectPublicKeyInfo (openssl rsa -pubout) and some verifiers accept only that")
	} else if len(der) == ed25519.PublicKeySize {
		p.errorf(t.ValueStart, t.ValueEnd, Fatal,
			"p= holds 32 bytes, the size of a bare Ed25519 key, but the key type is rsa; add k=ed25519")
		return
	} else {
		p.errorf(t.ValueStart, t.ValueEnd, Fatal,
			"p= holds neither an RSA SubjectPublicKeyInfo nor a PKCS#1 RSAPublicKey; verifiers cannot use it")
		return
	}

	p.rec.Key = pub
	p.rec.Bits = pub.N.BitLen()
	if p.rec.Bits > 4096 {
		p.errorf(t.ValueStart, t.ValueEnd, Warning,
			"the RSA key has %d bits; verifiers need to handle only 1024 to 4096 bits (RFC 8301 §3.2), so some fail on it", p.rec.Bits)
	}
}

// ed25519Key reads an Ed25519 key: the bare 32-byte public key of
// RFC 8463 §4.2.
func (p *parser) ed25519Key(t *Tag, raw []byte) {
	if len(raw) == ed25519.PublicKeySize {
		p.rec.Key = ed25519.PublicKey(raw)
		return
	}
	if k, err := x509.ParsePKIXPublicKey(raw); err == nil {
		if _, ok := k.(ed25519.PublicKey); ok {
			p.errorf(t.ValueStart, t.ValueEnd, Fatal,
				"p= holds a SubjectPublicKeyInfo; RFC 8463 §4.2 wants the bare 32-byte Ed25519 key, so verifiers cannot use it")
			return
		}
		p.errorf(t.ValueStart, t.ValueEnd, Fatal,
			"p= holds a %s key but the key type is ed25519; verifiers cannot use it", keyName(k))
		return
	}
	p.errorf(t.ValueStart, t.ValueEnd, Fatal,
		"p= holds %d bytes, but an Ed25519 key is 32 bytes (RFC 8463 §4.2); verifiers cannot use it", len(raw))
}

func keyName(k any) string {
	switch k.(type) {
	case *rsa.PublicKey:
		return "RSA"
	case ed25519.PublicKey:
		return "Ed25519"
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", k), "*")
}
