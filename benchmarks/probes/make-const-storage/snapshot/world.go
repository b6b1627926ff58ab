// Package snapshot serialises game state and formats identifiers.
package snapshot

import (
	"encoding/binary"
	"hash/crc32"
	"math"
	"net"

	"example.com/storetel/layout"
)

// Entity is one game object.
type Entity struct {
	ID      uint32
	X, Y, Z float32
	HP      int16
}

const entityBytes = 4 + 3*4 + 2

// World is the simulation state at a tick.
type World struct {
	Tick     uint64
	Entities []Entity
}

func putEntity(b []byte, e Entity) {
	binary.LittleEndian.PutUint32(b, e.ID)
	binary.LittleEndian.PutUint32(b[4:], math.Float32bits(e.X))
	binary.LittleEndian.PutUint32(b[8:], math.Float32bits(e.Y))
	binary.LittleEndian.PutUint32(b[12:], math.Float32bits(e.Z))
	binary.LittleEndian.PutUint16(b[16:], uint16(e.HP))
}

// StateHash hashes the tick and the first MaxEntities entities, for desync detection.
func (w *World) StateHash() uint32 {
	n := min(len(w.Entities), layout.MaxEntities)
	buf := make([]byte, 8+n*entityBytes)
	binary.LittleEndian.PutUint64(buf, w.Tick)
	for i, e := range w.Entities[:n] {
		putEntity(buf[8+i*entityBytes:], e)
	}
	return crc32.ChecksumIEEE(buf)
}

// Encode returns the snapshot's bytes; the caller sends them.
func (w *World) Encode() []byte {
	buf := make([]byte, 8+len(w.Entities)*entityBytes)
	binary.LittleEndian.PutUint64(buf, w.Tick)
	for i, e := range w.Entities {
		putEntity(buf[8+i*entityBytes:], e)
	}
	return buf
}

// Broadcast writes the snapshot to every connection concurrently.
func (w *World) Broadcast(conns []net.Conn) {
	n := min(len(w.Entities), layout.MaxEntities)
	buf := make([]byte, 8+n*entityBytes)
	binary.LittleEndian.PutUint64(buf, w.Tick)
	for _, c := range conns {
		go c.Write(buf)
	}
}

// DeltaCount counts entities that moved between two snapshots of at most MaxEntities.
func DeltaCount(prev, cur *World) int {
	if len(cur.Entities) > layout.MaxEntities {
		return -1
	}
	moved := make([]bool, len(cur.Entities))
	for i, e := range cur.Entities {
		if i < len(prev.Entities) && prev.Entities[i] == e {
			continue
		}
		moved[i] = true
	}
	c := 0
	for _, m := range moved {
		if m {
			c++
		}
	}
	return c
}

// HPHistogram buckets entity health into ten bins per team, two teams.
func HPHistogram(es []Entity, teams int) int {
	switch {
	case teams < 1:
		return 0
	case teams > 2:
		teams = 2
	}
	bins := make([]int, teams*10)
	for _, e := range es {
		b := int(e.HP) / 10
		if b < 0 || b >= 10 {
			continue
		}
		bins[int(e.ID)%teams*10+b]++
	}
	best := 0
	for _, b := range bins {
		best = max(best, b)
	}
	return best
}
