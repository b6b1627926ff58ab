package accounts

import (
	"fmt"

	"example.com/probes/iface-named/ids"
)

// UserKey is the cache key of a user record.
func UserKey(id UserID) string {
	return fmt.Sprintf("user:%d", id)
}

// TenantKey is the cache key of a tenant.
func TenantKey(t ids.TenantID) string {
	return fmt.Sprintf("tenant:%d", t)
}

// MemberKey keys a user within a tenant.
func MemberKey(t ids.TenantID, id UserID) string {
	return fmt.Sprintf("tenant:%d:user:%d", t, id)
}

// ShardKey names a shard's lock.
func ShardKey(s ids.Shard) string {
	return fmt.Sprintf("lock/shard/%d", s)
}

// RegionKey prefixes a key with its region.
func RegionKey(r ids.Region, key string) string {
	return fmt.Sprintf("%s/%s", r, key)
}

// StatusKey indexes users by status.
func StatusKey(s Status, id UserID) string {
	return fmt.Sprintf("by-status:%v:%d", s, id)
}

// SessionKey keys a session by its user and port.
func SessionKey(s *Session) string {
	return fmt.Sprintf("sess:%d:%d", s.User, s.Port)
}

// Label is a user's display label.
func Label(name string, id UserID) string {
	return fmt.Sprint(name, "#", id)
}

// RoleKey keys a permission check by role number.
func RoleKey(r Role, id UserID) string {
	return fmt.Sprintf("perm:%d:%d", r, id)
}

// RoleName prints the role's name: Role has String, %v calls it.
func RoleName(r Role) string {
	return fmt.Sprintf("role=%v", r)
}

// TierLabel prints the tier's name: ids.Tier has String.
func TierLabel(t ids.Tier) string {
	return fmt.Sprintf("tier=%v", t)
}

// TierKey keys a quota by tier number.
func TierKey(t ids.Tier) string {
	return fmt.Sprintf("quota:%d", t)
}
