// Package limits holds the bounds the rest of the module enforces on its inputs.
package limits

// Digits counts decimal digits.
type Digits int

const (
	// MaxDigits is the most digits an int64 amount prints with.
	MaxDigits Digits = 19
	// MaxScale is the most fractional digits a Decimal keeps.
	MaxScale = 8
	// MaxIBAN is the longest IBAN any country issues.
	MaxIBAN = 34
	// MaxPAN is the longest primary account number (ISO/IEC 7812).
	MaxPAN = 19
	// MaxParams is the most bind parameters one statement may carry.
	MaxParams = 64
	// MaxNGram is the longest n-gram the tokenizer counts.
	MaxNGram = 5
	// Radius is the widest convolution radius the filters take.
	Radius = 3
	// Width is the widest tile the colour kernels convert per call.
	Width = 16
	// Bins is the histogram resolution.
	Bins = 32
)

// Dim is the side of the small fixed matrices.
const Dim = 4
