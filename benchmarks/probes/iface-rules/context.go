package rules

import "context"

type ctxKey int

const (
	userKey ctxKey = iota
	tierKey
)

// User is the authenticated caller.
type User struct {
	ID    string
	Admin bool
}

// WithUser attaches u to ctx for the evaluations below it.
func WithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userKey, u)
}

// UserFrom reads the user WithUser attached.
func UserFrom(ctx context.Context) (*User, bool) {
	u, ok := ctx.Value(userKey).(*User)
	return u, ok
}

// IsAdmin attaches a user and asks an evaluation below whether it is admin.
func IsAdmin(id string, admin bool) bool {
	u := User{ID: id, Admin: admin}
	ctx := WithUser(context.Background(), &u)
	got, ok := UserFrom(ctx)
	return ok && got.Admin
}

// TierFrom reads a tier attached as a context value.
func TierFrom(ctx context.Context, tier int) int {
	ctx = context.WithValue(ctx, tierKey, tier)
	t, _ := ctx.Value(tierKey).(int)
	return t
}

// requestValues is a small value bag a handler builds before evaluating.
type requestValues struct {
	user   any
	tenant any
}

// TenantOf reads the tenant back from the bag a handler builds per request.
func TenantOf(id, tenant string) string {
	u := User{ID: id}
	vals := requestValues{user: &u, tenant: tenant}
	t, _ := vals.tenant.(string)
	return t
}

// ViewerID reads the user back from the bag a handler builds per request.
func ViewerID(id, tenant string) string {
	u := User{ID: id}
	vals := requestValues{user: &u, tenant: tenant}
	if v, ok := vals.user.(*User); ok {
		return v.ID
	}
	return ""
}
