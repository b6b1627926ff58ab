package geohash

import (
	"math"
	"testing"
)

func TestAllocs(t *testing.T) {
	h, err := Encode(57.64911, 10.40744, 11)
	if err != nil || h != "u4pruydqqvj" {
		t.Fatal("Encode", h, err)
	}
	if _, err := Encode(0, 0, 13); err == nil {
		t.Fatal("Encode 13")
	}
	allocs(t, "Encode", func() { Encode(57.64911, 10.40744, 12) })
	if Bits(57.64911, 10.40744, 2) != 0b1101000100 {
		t.Fatal("Bits", Bits(57.64911, 10.40744, 2))
	}
	allocs(t, "Bits", func() { Bits(57.64911, 10.40744, 40) })
	lat, lon, err := Decode("U4PRUYDQQVJ")
	if err != nil || math.Abs(lat-57.64911) > 1e-4 || math.Abs(lon-10.40744) > 1e-4 {
		t.Fatal("Decode", lat, lon, err)
	}
	allocs(t, "Decode", func() { Decode("u4pruydqqvjx") })
	if p := CommonPrefix([]string{"u4pruydqqvj", "u4pruyd", "u4prv"}); p != "u4pr" {
		t.Fatal("CommonPrefix", p)
	}
	hs := []string{"u4pruydqqvjx", "u4pruydqqvjy"}
	allocs(t, "CommonPrefix", func() { CommonPrefix(hs) })
	dst := make([]string, 0, 32)
	dst, _ = Expand(dst, "u4pr")
	if len(dst) != 32 || dst[31] != "u4prz" {
		t.Fatal("Expand", dst)
	}
}
