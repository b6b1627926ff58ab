package chat

import (
	"fmt"
	"sync"
)

// Op is one edit of a collaborative document.
type Op struct {
	Doc    string
	Site   int
	Pos    int
	Insert string
	Delete int
	Rev    int
}

// Peer is a collaborator's connection to a document.
type Peer struct {
	Site int
	Conn *Conn
}

// Codec encodes ops for the wire; its methods only read it.
type Codec struct {
	Version byte
	Sep     string
	Names   []string // site names, indexed by site
}

func (c *Codec) encode(op Op) []byte {
	name := "?"
	if op.Site >= 0 && op.Site < len(c.Names) {
		name = c.Names[op.Site]
	}
	return fmt.Appendf(nil, "v%d%s%s%s%d%s%d%s%q", c.Version, c.Sep, name, c.Sep, op.Pos, c.Sep, op.Delete, c.Sep, op.Insert)
}

// BroadcastOp sends an op to every peer but its author, each in its own goroutine.
func BroadcastOp(peers []Peer, op Op, names []string) int {
	c := Codec{Version: 2, Sep: "|", Names: names}
	var wg sync.WaitGroup
	sent := make([]bool, len(peers))
	for i, p := range peers {
		if p.Site == op.Site {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sent[i] = p.Conn.send(c.encode(op))
		}()
	}
	wg.Wait()
	n := 0
	for _, s := range sent {
		if s {
			n++
		}
	}
	return n
}

// transform shifts op past an earlier concurrent op (insert/delete positions).
func transform(op, prior Op) Op {
	if prior.Pos <= op.Pos {
		op.Pos += len(prior.Insert) - prior.Delete
		if op.Pos < prior.Pos {
			op.Pos = prior.Pos
		}
	}
	return op
}

// Rebase transforms each pending op past the accepted ones concurrently.
func Rebase(pending, accepted []Op) []Op {
	out := make([]Op, len(pending))
	var wg sync.WaitGroup
	for i, op := range pending {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, a := range accepted {
				op = transform(op, a)
			}
			out[i] = op
		}()
	}
	wg.Wait()
	return out
}

// Sequencer hands out revision numbers; next writes it.
type Sequencer struct {
	rev int
}

func (s *Sequencer) next() int {
	s.rev++
	return s.rev
}

// Stamp numbers ops in parallel from a local sequencer under a lock; the caller gets the
// last revision handed out.
func Stamp(ops []Op, base int) int {
	seq := Sequencer{rev: base}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range ops {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			ops[i].Rev = seq.next()
			mu.Unlock()
		}()
	}
	wg.Wait()
	return seq.rev
}

// Document is a shared document with its collaborators.
type Document struct {
	mu    sync.Mutex
	ID    string
	Text  []byte
	Rev   int
	Peers []Peer
	codec Codec
}

// Apply applies op to the text and broadcasts it; the broadcast reads the codec.
func (d *Document) Apply(op Op) {
	d.mu.Lock()
	op.Rev = d.Rev + 1
	d.Rev = op.Rev
	if op.Pos > len(d.Text) {
		op.Pos = len(d.Text)
	}
	end := min(op.Pos+op.Delete, len(d.Text))
	d.Text = append(d.Text[:op.Pos], append([]byte(op.Insert), d.Text[end:]...)...)
	peers := append([]Peer(nil), d.Peers...)
	d.mu.Unlock()
	var wg sync.WaitGroup
	for _, p := range peers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.Conn.send(d.codec.encode(op))
		}()
	}
	wg.Wait()
}

// Cursors shows every peer's cursor to the others; the labels are read from the codec
// value the caller passes.
func Cursors(peers []Peer, positions map[int]int, c Codec) {
	var wg sync.WaitGroup
	for _, p := range peers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for site, pos := range positions {
				if site != p.Site {
					p.Conn.send(c.encode(Op{Site: site, Pos: pos}))
				}
			}
		}()
	}
	wg.Wait()
}

// Snapshot encodes the document for a late joiner while the editor may rename sites: a
// joiner served after the rename sees the new name.
func Snapshot(joiners []*Conn, ops []Op, names []string, rename func(int) string) {
	c := Codec{Version: 2, Sep: "|", Names: append([]string(nil), names...)}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, j := range joiners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, op := range ops {
				mu.Lock()
				b := c.encode(op)
				mu.Unlock()
				j.send(b)
			}
		}()
	}
	mu.Lock()
	c.Sep = ";"
	mu.Unlock()
	wg.Wait()
}
