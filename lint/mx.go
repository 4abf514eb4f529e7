package lint

// MX returns the MX records at name, following CNAMEs inside the declared
// zones, and the status of the answer: Unknown when name, or a CNAME
// target, lies outside the declared zones.
func (s *State) MX(name string) ([]*Record, Status) {
	f := s.follow(CanonicalName(name), TypeMX)
	return f.records, f.status
}

// NullMX reports whether name publishes a null MX (RFC 7505 §3): an MX
// record whose exchange is the root, ".", which says the domain accepts no
// mail. It returns that record. RFC 7505 wants the null MX alone with
// preference 0; NullMX reports one written beside other MX records or with
// another preference too, and the caller can tell them apart with MX.
func (s *State) NullMX(name string) (bool, *Record) {
	recs, _ := s.MX(name)
	for _, r := range recs {
		if r.Type == TypeMX && r.Target == "." {
			return true, r
		}
	}
	return false, nil
}
