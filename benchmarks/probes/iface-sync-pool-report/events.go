package probe42

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
)

// Event is a domain event.
type Event interface {
	Kind() string
}

// Deposited credits an account.
type Deposited struct {
	Account string
	Amount  int64
}

// Withdrawn debits an account.
type Withdrawn struct {
	Account string
	Amount  int64
}

func (*Deposited) Kind() string { return "deposited" }
func (*Withdrawn) Kind() string { return "withdrawn" }

func (w *Withdrawn) Validate() error {
	if w.Amount <= 0 {
		return errors.New("non-positive withdrawal")
	}
	return nil
}

// Envelope carries an event with its metadata.
type Envelope struct {
	Seq  uint64
	At   time.Time
	Data any
}

// Apply folds one event into the balances.
func Apply(bal map[string]int64, env Envelope) error {
	switch e := env.Data.(type) {
	case *Deposited:
		bal[e.Account] += e.Amount
	case *Withdrawn:
		if bal[e.Account] < e.Amount {
			return fmt.Errorf("seq %d: insufficient funds", env.Seq)
		}
		bal[e.Account] -= e.Amount
	default:
		return fmt.Errorf("seq %d: unknown event %T", env.Seq, env.Data)
	}
	return nil
}

// Withdraw validates and applies a withdrawal and returns its audit line.
func Withdraw(bal map[string]int64, acct string, amt int64) (string, error) {
	w := Withdrawn{Account: acct, Amount: amt}
	env := Envelope{Seq: 1, Data: &w}
	if v, ok := env.Data.(interface{ Validate() error }); ok {
		if err := v.Validate(); err != nil {
			return "", err
		}
	}
	if bal[acct] < amt {
		return "", errors.New("insufficient funds")
	}
	bal[acct] -= amt
	return env.Data.(Event).Kind() + " " + acct, nil
}

// KindOf classifies a freshly built deposit for the audit log.
func KindOf(acct string, amt int64) string {
	d := Deposited{Account: acct, Amount: amt}
	var ev any = &d
	switch e := ev.(type) {
	case *Withdrawn:
		return "debit " + e.Account
	case Event:
		return e.Kind()
	default:
		return "unknown"
	}
}

// Store is an append-only log of events with subscribers.
type Store struct {
	mu   sync.Mutex
	log  []Envelope
	subs []func([]byte)
}

// Append stores an event and returns its sequence number.
func (s *Store) Append(ev Event) uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	seq := uint64(len(s.log) + 1)
	s.log = append(s.log, Envelope{Seq: seq, Data: ev})
	return seq
}

type wireEvent struct {
	Seq  uint64 `json:"seq"`
	Kind string `json:"kind"`
	Data any    `json:"data"`
}

// EncodeEvent writes one event as a JSON line.
func EncodeEvent(w io.Writer, env Envelope) error {
	var buf bytes.Buffer
	kind := "unknown"
	if e, ok := env.Data.(Event); ok {
		kind = e.Kind()
	}
	if err := json.NewEncoder(&buf).Encode(wireEvent{Seq: env.Seq, Kind: kind, Data: env.Data}); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Publish hands the encoded event to every subscriber on its own goroutine.
func (s *Store) Publish(env Envelope) {
	buf := new(bytes.Buffer)
	json.NewEncoder(buf).Encode(env)
	var wg sync.WaitGroup
	for _, sub := range s.subs {
		wg.Add(1)
		go func(f func([]byte)) {
			defer wg.Done()
			f(buf.Bytes())
		}(sub)
	}
	wg.Wait()
}

// Snapshot encodes the log; the result is cached by the caller.
func (s *Store) Snapshot() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, env := range s.log {
		if err := enc.Encode(env); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}

// Upcast converts a legacy payload to the current event types.
func Upcast(legacy map[string]any) (Event, error) {
	switch legacy["type"] {
	case "dep":
		d := &Deposited{Account: legacy["acct"].(string), Amount: int64(legacy["amt"].(float64))}
		return d, nil
	case "wd":
		w := &Withdrawn{Account: legacy["acct"].(string), Amount: int64(legacy["amt"].(float64))}
		return w, nil
	}
	return nil, fmt.Errorf("unknown legacy type %v", legacy["type"])
}

// Transfer applies a pair of events built here and reports both kinds.
func Transfer(bal map[string]int64, from, to string, amt int64) (string, error) {
	w := Withdrawn{Account: from, Amount: amt}
	d := Deposited{Account: to, Amount: amt}
	pair := []any{&w, &d}
	if err := pair[0].(interface{ Validate() error }).Validate(); err != nil {
		return "", err
	}
	bal[from] -= amt
	bal[to] += amt
	return pair[0].(Event).Kind() + "/" + pair[1].(Event).Kind(), nil
}

// ReplayAsync applies a deposit on a worker once its amount is settled.
func ReplayAsync(bal map[string]int64, mu *sync.Mutex, amt int64) <-chan error {
	d := Deposited{Account: "ops"}
	var ev any = &d
	start := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		<-start
		mu.Lock()
		defer mu.Unlock()
		if e, ok := ev.(*Deposited); ok {
			bal[e.Account] += e.Amount
			done <- nil
			return
		}
		done <- errors.New("not a deposit")
	}()
	d.Amount = amt
	close(start)
	return done
}
