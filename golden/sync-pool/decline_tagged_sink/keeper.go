//go:build !lowmem

package audit

// Keeper keeps a copy of every line written to it.
type Keeper struct{ Lines [][]byte }

func (k *Keeper) Write(p []byte) (int, error) {
	k.Lines = append(k.Lines, append([]byte(nil), p...))
	return len(p), nil
}
