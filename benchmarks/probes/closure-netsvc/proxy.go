package netsvc

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"time"
)

// ProxyConfig tunes a TCP proxy.
type ProxyConfig struct {
	BufSize     int
	IdleTimeout time.Duration
	Upstream    string
}

func (c *ProxyConfig) withDefaults() {
	if c.BufSize <= 0 {
		c.BufSize = 32 << 10
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = time.Minute
	}
}

// Splice copies both directions between client and upstream until one side
// ends, returning the bytes moved each way.
func Splice(client, upstream io.ReadWriter, cfg ProxyConfig) (up, down int64, err error) {
	cfg.withDefaults()
	type result struct {
		n   int64
		err error
	}
	upc := make(chan result, 1)
	go func() {
		buf := make([]byte, cfg.BufSize)
		n, err := io.CopyBuffer(upstream, client, buf)
		upc <- result{n, err}
	}()
	buf := make([]byte, cfg.BufSize)
	down, err = io.CopyBuffer(client, upstream, buf)
	r := <-upc
	up = r.n
	if err == nil {
		err = r.err
	}
	return up, down, err
}

// Dialer opens upstream connections.
type Dialer interface {
	DialContext(ctx context.Context, network, addr string) (net.Conn, error)
}

// DialFirst races a dial to every upstream address and keeps the first that
// answers; the losers are closed as they arrive.
func DialFirst(ctx context.Context, d Dialer, addrs []string, timeout time.Duration) (net.Conn, error) {
	if timeout <= 0 {
		timeout = 3 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	type dialed struct {
		c   net.Conn
		err error
	}
	res := make(chan dialed, len(addrs))
	for _, a := range addrs {
		go func() {
			c, err := d.DialContext(ctx, "tcp", a)
			res <- dialed{c, err}
		}()
	}
	var winner net.Conn
	var errs []error
	for range addrs {
		r := <-res
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		if winner == nil {
			winner = r.c
			continue
		}
		r.c.Close()
	}
	if winner == nil {
		return nil, errors.Join(errs...)
	}
	return winner, nil
}

// Relay is a tiny UDP-style relay: packets from in are forwarded to every
// peer, each peer written by its own goroutine with a write deadline.
type Packet struct {
	From string
	Data []byte
}

// PeerWriter is one peer's outbound side.
type PeerWriter interface {
	WritePacket(p Packet, deadline time.Time) error
}

// Broadcast writes one packet to every peer concurrently and returns how many
// writes failed. The deadline is shared by all writes of one packet.
func Broadcast(p Packet, peers []PeerWriter, budget time.Duration) int {
	deadline := time.Now().Add(budget)
	failed := make([]bool, len(peers))
	var wg sync.WaitGroup
	for i, pw := range peers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := pw.WritePacket(p, deadline); err != nil {
				failed[i] = true
			}
		}()
	}
	wg.Wait()
	n := 0
	for _, f := range failed {
		if f {
			n++
		}
	}
	return n
}

// RelayBatches forwards batches of packets; each batch gets a fresh deadline
// once the previous batch has been written by every peer.
func RelayBatches(batches [][]Packet, peers []PeerWriter, budget time.Duration) int {
	deadline := time.Now().Add(budget)
	failures := 0
	for _, batch := range batches {
		errs := make([]error, len(peers))
		var wg sync.WaitGroup
		for i, pw := range peers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, p := range batch {
					if err := pw.WritePacket(p, deadline); err != nil {
						errs[i] = err
						return
					}
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				failures++
			}
		}
		deadline = deadline.Add(budget)
	}
	return failures
}

// CopyWithIdle copies src to dst, closing both when no data moves for the idle
// timeout; it returns once the copy has ended.
func CopyWithIdle(dst io.Writer, src io.Reader, idle time.Duration, stopAll func()) (int64, error) {
	activity := make(chan struct{}, 1)
	done := make(chan struct{})
	var n int64
	var err error
	go func() {
		defer close(done)
		buf := make([]byte, 4096)
		for {
			m, rerr := src.Read(buf)
			if m > 0 {
				if _, werr := dst.Write(buf[:m]); werr != nil {
					err = werr
					return
				}
				n += int64(m)
				select {
				case activity <- struct{}{}:
				default:
				}
			}
			if rerr != nil {
				if rerr != io.EOF {
					err = rerr
				}
				return
			}
		}
	}()
	timer := time.NewTimer(idle)
	defer timer.Stop()
	for {
		select {
		case <-done:
			return n, err
		case <-activity:
			timer.Reset(idle)
		case <-timer.C:
			stopAll()
			<-done
			return n, err
		}
	}
}
