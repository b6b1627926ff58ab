package digest

import (
	"bytes"
	"context"
	"testing"
)

func want(block []byte) uint32 {
	var h uint32 = 2166136261
	for _, b := range block {
		h = (h ^ uint32(b)) * 16777619
	}
	return h
}

func TestBehaviour(t *testing.T) {
	block := bytes.Repeat([]byte("background digest "), 100)
	for _, chunk := range []int{-1, 0, 1, 7, 64, 512, 513, 100000} {
		got, err := Digest(context.Background(), block, chunk)
		if err != nil || got != want(block) {
			t.Fatalf("Digest(chunk %d) = %#x, %v", chunk, got, err)
		}
	}
}

func TestAllocs(t *testing.T) {
	block := bytes.Repeat([]byte("background digest "), 100)
	ctx := context.Background()
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Digest(ctx, block, 256) }))
}
