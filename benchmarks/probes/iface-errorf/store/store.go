// Package store is a repository of users and orders kept in memory.
package store

import (
	"errors"
	"fmt"
	"sync"
)

// ErrNotFound is wrapped by every lookup that finds nothing.
var ErrNotFound = errors.New("not found")

// User is an account.
type User struct {
	ID    string
	Email string
	Org   string
}

// OrderID names an order; it prints with its prefix.
type OrderID string

func (id OrderID) String() string { return "ord_" + string(id) }

// Repo holds users and orders.
type Repo struct {
	mu     sync.RWMutex
	users  map[string]*User
	emails map[string]string
	orders map[OrderID]string
	table  string
}

// NewRepo returns an empty repository.
func NewRepo() *Repo {
	return &Repo{users: map[string]*User{}, emails: map[string]string{}, orders: map[OrderID]string{}, table: "users"}
}

// User looks a user up by id; callers match the error with errors.Is(err, ErrNotFound).
func (r *Repo) User(id string) (*User, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	u, ok := r.users[id]
	if !ok {
		return nil, fmt.Errorf("user %s: %w", id, ErrNotFound)
	}
	return u, nil
}

// UserByEmail looks a user up by email.
func (r *Repo) UserByEmail(email string) (*User, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	id, ok := r.emails[email]
	if !ok {
		return nil, fmt.Errorf("no user with email %s", email)
	}
	return r.users[id], nil
}

// Find is the lookup the handlers use: its message is shown to clients.
func (r *Repo) Find(id string) (*User, error) {
	r.mu.RLock()
	u, ok := r.users[id]
	r.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("user %s not found", id)
	}
	return u, nil
}

// Order looks an order up.
func (r *Repo) Order(id OrderID) (string, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	o, ok := r.orders[id]
	if !ok {
		return "", fmt.Errorf("order %s not found", id)
	}
	return o, nil
}

// Insert adds a user whose id and email are new.
func (r *Repo) Insert(u *User) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.users[u.ID]; ok {
		return fmt.Errorf("%s: duplicate key %s", r.table, u.ID)
	}
	if other, ok := r.emails[u.Email]; ok {
		return fmt.Errorf("email %s already belongs to user %s", u.Email, other)
	}
	r.users[u.ID] = u
	r.emails[u.Email] = u.ID
	return nil
}

// Move changes a user's organisation.
func (r *Repo) Move(id, org string) error {
	u, err := r.User(id)
	if err != nil {
		return fmt.Errorf("move %s to %s: %w", id, org, err)
	}
	if u.Org == org {
		return fmt.Errorf("user %s is already in %s", u.ID, org)
	}
	u.Org = org
	return nil
}

// Delete removes a user; the cause goes in the message only.
func (r *Repo) Delete(id string) error {
	if _, err := r.User(id); err != nil {
		return fmt.Errorf("delete %s: %v", id, err)
	}
	r.mu.Lock()
	delete(r.users, id)
	r.mu.Unlock()
	return nil
}

// Table names the table a query failed on.
func Table(name string, cause error) error {
	if cause == nil {
		return nil
	}
	return fmt.Errorf("table %s: %s", name, cause.Error())
}

// Conflict reports two writers of one row.
func Conflict(table, key, owner string) error {
	return fmt.Errorf("%s/%s is locked by %s", table, key, owner)
}
