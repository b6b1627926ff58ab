// Package vcf splits VCF data lines.
package vcf

import (
	"errors"
	"strconv"
	"strings"

	"example.com/probes/make-const-bio/seq"
)

var errFields = errors.New("vcf: too many fields")

// Position parses CHROM and POS of a data line.
func Position(line string) (string, int, error) {
	chrom, rest, ok := strings.Cut(line, "\t")
	if !ok {
		return "", 0, errFields
	}
	pos, _, _ := strings.Cut(rest, "\t")
	p, err := strconv.Atoi(pos)
	return chrom, p, err
}

// Fields splits the first MaxFields columns of a data line and returns the QUAL column.
func Fields(line string, n int) (float64, error) {
	if n < 6 || n > seq.MaxFields {
		return 0, errFields
	}
	cols := make([]string, n)
	rest := line
	for i := range cols {
		var ok bool
		cols[i], rest, ok = strings.Cut(rest, "\t")
		if !ok {
			break
		}
	}
	return strconv.ParseFloat(cols[5], 64)
}

// Alleles counts the alternate alleles of ALT, splitting on commas into a bounded buffer.
func Alleles(alt string) int {
	n := strings.Count(alt, ",") + 1
	if n > 16 {
		return -1
	}
	parts := make([]string, 0, n)
	for {
		a, rest, ok := strings.Cut(alt, ",")
		if a != "." {
			parts = append(parts, a)
		}
		if !ok {
			break
		}
		alt = rest
	}
	return len(parts)
}

// Genotypes parses the GT of each sample; the samples of a cohort are unbounded.
func Genotypes(cols []string) int {
	calls := make([]int, len(cols))
	for i, c := range cols {
		gt, _, _ := strings.Cut(c, ":")
		if gt == "1/1" || gt == "1|1" {
			calls[i] = 2
		} else if strings.Contains(gt, "1") {
			calls[i] = 1
		}
	}
	ac := 0
	for _, c := range calls {
		ac += c
	}
	return ac
}

// Info splits the INFO column into keys; the keys are returned.
func Info(info string) []string {
	keys := make([]string, 0, strings.Count(info, ";")+1)
	for _, kv := range strings.Split(info, ";") {
		k, _, _ := strings.Cut(kv, "=")
		keys = append(keys, k)
	}
	return keys
}

// Depths parses the per-allele depths of an AD field, at most the bound the caller gives.
func Depths(ad string, maxAlleles uint8) int {
	n := strings.Count(ad, ",") + 1
	if n > int(maxAlleles) {
		return -1
	}
	depths := make([]int, n)
	for i := range depths {
		d, rest, _ := strings.Cut(ad, ",")
		depths[i], _ = strconv.Atoi(d)
		ad = rest
	}
	total := 0
	for _, d := range depths {
		total += d
	}
	return total
}
