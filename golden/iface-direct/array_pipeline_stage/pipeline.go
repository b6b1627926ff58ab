// Package pipeline encodes values through a fixed array of optional stages.
package pipeline

// Encoder turns a value into bytes.
type Encoder interface {
	Encode(v int) []byte
}

type decimal struct{ buf [20]byte }

func (d *decimal) Encode(v int) []byte {
	i := len(d.buf)
	for {
		i--
		d.buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return d.buf[i:]
		}
	}
}

// Size is the length of v written in decimal, through the encoding stage of a pipeline.
func Size(v int) int {
	var enc decimal // want "moved to heap: enc"
	stages := [3]any{1: &enc}
	return len(stages[1].(Encoder).Encode(v)) + len(stages) - 3
}
