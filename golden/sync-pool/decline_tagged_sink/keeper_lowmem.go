//go:build lowmem

package audit

// Keeper keeps every line written to it as it was passed, to save the copy.
type Keeper struct{ Lines [][]byte }

func (k *Keeper) Write(p []byte) (int, error) {
	k.Lines = append(k.Lines, p)
	return len(p), nil
}
