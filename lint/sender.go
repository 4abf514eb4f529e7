package lint

import "net/netip"

// Sender is one mail stream: who sends, as which addresses, with which
// envelope domain and DKIM signing domain, and where it was declared.
type Sender struct {
	// Name is free text shown in findings ("transactional", ".env").
	Name string
	// Provider is a catalog ID (DESIGN.md §6), or "" for own servers.
	Provider string
	// IPs are the addresses of own sending servers.
	IPs []netip.Prefix
	// From holds From addresses or whole domains, as declared.
	From []string
	// ReturnPath is a custom envelope (MAIL FROM) domain, if one is set up.
	ReturnPath string
	// DKIMDomain is the signing domain; "" means the From domain.
	DKIMDomain string
	// DKIMSelectors are the selectors the sender signs with; nil means the
	// catalog's selectors for Provider.
	DKIMSelectors []string
	// SMTPHost and SMTPUser are the submission host and login name.
	// Passwords and API keys are never stored.
	SMTPHost string
	SMTPUser string
	// Range is where the sender was declared.
	Range Range
	// Via names the kind of source that declared it ("sendlint.yaml",
	// "dotenv", "terraform", "dns").
	Via string
}
