// Package ids holds the identifier types the services share.
package ids

// TenantID names a tenant in every table and key.
type TenantID int64

// Region is a deployment region code ("eu-west-1").
type Region string

// Shard is a storage shard number.
type Shard uint16

// Tier is a billing tier, printed by name.
type Tier int

const (
	Free Tier = iota
	Pro
	Enterprise
)

func (t Tier) String() string {
	switch t {
	case Free:
		return "free"
	case Pro:
		return "pro"
	}
	return "enterprise"
}

// Beta marks a tenant enrolled in beta features.
type Beta bool
