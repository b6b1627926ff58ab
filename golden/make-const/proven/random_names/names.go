// Package names generates random user names for load tests, the way testing/quick generates strings:
// a random length below a cap, then that many random letters.
package names

import "math/rand"

const maxName = 40 // runes: the longest name the sign-up form accepts

const letters = "abcdefghijklmnopqrstuvwxyzäöüß"

// Score draws a name of fewer than maxName runes from rng and returns its weight, the sum of its
// letters' indexes: the load test spreads users over shards by it. rng.Intn(maxName) is below
// maxName whatever rng's source is.
func Score(rng *rand.Rand) int {
	n := rng.Intn(maxName)
	name := make([]rune, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	alphabet := []rune(letters)
	for i := range name {
		name[i] = alphabet[rng.Intn(len(alphabet))]
	}
	weight := 0
	for _, r := range name {
		for j, l := range alphabet {
			if l == r {
				weight += j
			}
		}
	}
	return weight
}
