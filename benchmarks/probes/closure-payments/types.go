// Package payments is a probe of payment-processing code: ledgers, settlement,
// fraud scoring, webhooks, idempotency, currency conversion, refunds, reports.
package payments

import (
	"context"
	"errors"
	"time"
)

// Entry is one ledger line in minor units.
type Entry struct {
	ID       string
	Account  string
	Amount   int64
	Currency string
	Posted   time.Time
}

// Shard is one partition of the ledger.
type Shard struct {
	Name    string
	Entries []Entry
}

// Payment is a captured card or bank payment.
type Payment struct {
	ID       string
	Merchant string
	Amount   int64
	Currency string
	Card     string
	Country  string
	Key      string
}

// Refund asks to return part of a payment.
type Refund struct {
	PaymentID string
	Amount    int64
	Reason    string
}

// Store is the ledger store the services read and write.
type Store interface {
	Balance(ctx context.Context, account string) (int64, error)
	Post(ctx context.Context, e Entry) error
}

// Gateway is the acquirer the settlement and refund code talks to.
type Gateway interface {
	Settle(ctx context.Context, batchID string, ps []Payment) (string, error)
	Refund(ctx context.Context, r Refund) (string, error)
}

// Scorer gives a fraud score in [0, 100] for a payment.
type Scorer interface {
	Score(ctx context.Context, p Payment) (int, error)
}

// Sender delivers one webhook body to a URL.
type Sender interface {
	Send(ctx context.Context, url string, body []byte) (int, error)
}

// ErrDuplicate reports a payment whose idempotency key was seen.
var ErrDuplicate = errors.New("payments: duplicate idempotency key")

// Mismatch is a reconciliation difference for one account.
type Mismatch struct {
	Account  string
	Ledger   int64
	Expected int64
}
