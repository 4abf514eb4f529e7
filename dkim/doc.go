// Package dkim parses DKIM key records (RFC 6376 §3.6.1) and the public
// keys they publish: RSA (k=rsa) and Ed25519 (k=ed25519, RFC 8463).
//
// [Parse] reads the text of one TXT record (its character-strings joined,
// RFC 6376 §3.6.2.2) into a [Record], decoding p= into a crypto public key,
// and reports every problem as an [Error] with the byte offsets of the text
// it is about:
//
//	rec, errs := dkim.Parse("v=DKIM1; k=rsa; p=MIIBIjANBgkq...")
//	for _, e := range errs {
//		fmt.Println(e.Start, e.End, e.Level, e.Msg)
//	}
//	fmt.Println(rec.KeyType, rec.Bits, rec.Revoked, rec.Testing)
//
// A verifier that cannot use a key record ignores it and fails every
// signature made with its selector (RFC 6376 §6.1.2); Parse marks such a
// record Ignored and reports why with a Fatal error. Key strength is left to
// the caller: Bits gives the RSA modulus size, which RFC 8301 §3.2 wants to
// be at least 1024 bits for verifiers and 2048 for signers.
package dkim
