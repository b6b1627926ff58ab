"""make-const with sizes the code bounds through updates, loops of updates, bit counts, indexes and counts:
`n += 4` after `n <= Max` (and `n *= 2`, `n <<= 2`, `n /= 2`, `n &= 7`), a counter a loop increments under
its condition, `3*bits.OnesCount32(x)`, `bytes.IndexByte` of an array-backed slice, updates in sibling
branches, a clamp after a clamp (`if n > len(xs) { n = len(xs) }` after `n = min(n, Max)`),
`utf8.RuneCountInString(s)` (at most len(s)), `n := copy(tmp[:], xs)` (at most len(tmp)), `utf8.RuneLen(r)`
(-1 to 4) and `len(strings.SplitN(s, ".", 6))` (at most 6). Each
must-decline keeps the naive array as a mutant, run beside the original: it panics (or gives another
result) where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
GUARD = "\tif n > maxItems || n < 0 {\n\t\treturn -1\n\t}\n"
GUARD_8 = "\tif n > 8 || n < 0 {\n\t\treturn -1\n\t}\n"  # probe33c: maxChars UTF-16 pairs


def in_clause(name: str, fallthrough: bool) -> str:
    """Sum with its make in a switch's second clause, after the first clause's update of n."""
    into = "\t\tfallthrough\n" if fallthrough else ""
    return f"""package {name}

import "crypto/sha256"

const maxItems = 20

var _ = sha256.BlockSize

// Sum copies xs into a scratch slice sized per kind and sums it.
func Sum(xs []int64, n, k int) int64 {{
{GUARD}\tswitch k {{
\tcase 1:
\t\tn += 8
{into}\tcase 2:
\t\tbuf := make([]int64, n)
\t\tfor i := range buf {{
\t\t\tbuf[i] = xs[i%len(xs)]
\t\t}}
\t\tvar total int64
\t\tfor _, v := range buf {{
\t\t\ttotal += v
\t\t}}
\t\treturn total
\t}}
\treturn 0
}}
"""


CLAMP = "\tn = min(n, maxItems)\n"
GUARD_M = "\tif m < 0 || m > maxItems {\n\t\treturn -1\n\t}\n"


def in_loop(name: str) -> str:
    """Sum with its make in a loop, after a clamp to m: the clamp's body raises m, which the loop brings
    back to the next pass's comparison."""
    return f"""package {name}

import "crypto/sha256"

const maxItems = 20

var _ = sha256.BlockSize

// Sum sums k windows of xs, each n long, n held to m.
func Sum(xs []int64, n, m, k int) int64 {{
{GUARD_M}\tvar total int64
\tfor i := 0; i < k; i++ {{
\t\tif n > m {{
\t\t\tn = 0
\t\t\tm += 10
\t\t}}
\t\tbuf := make([]int64, n)
\t\tfor j := range buf {{
\t\t\tbuf[j] = xs[j%len(xs)]
\t\t}}
\t\tfor _, v := range buf {{
\t\t\ttotal += v
\t\t}}
\t\tn = m - 1
\t}}
\treturn total
}}
"""


BOUNDED = {
    "added_after_guard": (sums("added_after_guard", "n", GUARD + "\tn += 4"), "[24]int64"),
    "assigned_sum": (sums("assigned_sum", "n", GUARD + "\tn = n + 4"), "[24]int64"),
    "copy_grown": (  # m, a copy of a guarded length, grown by a header
        sums("copy_grown", "m", "\tif len(xs) > maxItems {\n\t\treturn -1\n\t}\n\tm := len(xs)\n\tm += 8"),
        "[28]int64",
    ),
    "incremented": (sums("incremented", "n", "\tif n > maxItems {\n\t\treturn -1\n\t}\n\tn++"), "[21]int64"),
    "subtracted_bounded": (sums("subtracted_bounded", "n", GUARD + "\tn -= 2\n\tn += 2*2"), "[22]int64"),
    "header_if_flag": (
        sums("header_if_flag", "n", GUARD + "\tif k > 0 {\n\t\tn += 8\n\t}", "xs []int64, n, k int"),
        "[28]int64",
    ),
    # one branch of an if/else-if chain runs: the join is the larger update, never both
    "sibling_updates": (
        sums(
            "sibling_updates",
            "n",
            GUARD + "\tif k > 0 {\n\t\tn += 8\n\t} else if k < -4 {\n\t\tn += 16\n\t}",
            "xs []int64, n, k int",
        ),
        "[36]int64",
    ),
    "sibling_switch_updates": (
        sums(
            "sibling_switch_updates",
            "n",
            GUARD + "\tswitch k {\n\tcase 1:\n\t\tn += 8\n\tcase 2:\n\t\tn += 16\n\t}",
            "xs []int64, n, k int",
        ),
        "[36]int64",
    ),
    # the first clause's update never reaches the second clause's make
    "update_in_other_clause": (in_clause("update_in_other_clause", fallthrough=False), "[20]int64"),
    # a uint8 n += 4 may wrap to 0..3, yet a uint8 is never negative: 64-int(n) is at most 64 (not the 52 the
    # guard alone would give: must-decline wrapping_add's naive array)
    "wrapping_add_unsigned": (
        sums("wrapping_add_unsigned", "64-int(n)", "\tif n < 8 {\n\t\treturn -1\n\t}\n\tn += 4", "xs []int64, n uint8"),
        "[64]int64",
    ),
    # multiplicative and shift updates, in n's own type (intervals.binary)
    "doubled": (sums("doubled", "n", GUARD_8 + "\tn *= 2"), "[16]int64"),
    "shifted_left": (sums("shifted_left", "n", GUARD_8 + "\tn <<= 2"), "[32]int64"),
    # (4 int64s of a guard of 8 fit the stack buffer go1.25+ gives a small make: this rule declines them)
    "halved": (sums("halved", "n", GUARD + "\tn /= 2"), "[10]int64"),
    "shifted_right": (sums("shifted_right", "n", GUARD + "\tn >>= 1"), "[10]int64"),
    "assigned_product": (sums("assigned_product", "n", GUARD_8 + "\tn = n * 3"), "[24]int64"),
    "masked": (sums("masked", "n", "\tn &= 7"), "[7]int64"),  # no guard: the mask alone bounds it
    "remainder": (sums("remainder", "n", "\tn %= width"), "[11]int64"),
    # a negative factor swaps the ends: n in [-16, 0], -n in [0, 16]
    "negated_product": (sums("negated_product", "-n", GUARD_8 + "\tn *= -2"), "[16]int64"),
    # an update that bounds n by itself bounds it in a loop too: the join of 8 and 7
    "masked_in_loop": (
        sums("masked_in_loop", "n", GUARD_8 + "\tfor i := 0; i < k; i++ {\n\t\tn &= 7\n\t}", "xs []int64, n, k int"),
        "[8]int64",
    ),
    "bit_count": (sums("bit_count", "3*bits.OnesCount32(seen)", "", "xs []int64, seen uint32"), "[96]int64"),
    "index_of_array": (
        sums("index_of_array", "i+1", "\ti := bytes.IndexByte(blk[8:40], 0)", "xs []int64, blk *[64]byte"),
        "[32]int64",
    ),
    "index_of_constant": (
        sums("index_of_constant", "i+1", "\ti := strings.IndexByte(alphabet, c)", "xs []int64, c byte"),
        "[16]int64",
    ),
    "index_of_guarded": (
        sums(
            "index_of_guarded",
            "i+1",
            "\tif len(b) > maxItems {\n\t\treturn -1\n\t}\n\ti := bytes.IndexByte(b, 0)",
            "xs []int64, b []byte",
        ),
        "[20]int64",
    ),
    # a number's decimal digits: at most 19 and a sign, whatever n is (probe40c r2 `C`)
    "itoa_digits": (sums("itoa_digits", "len(s)", "\ts := strconv.Itoa(n)"), "[20]int64"),
    # Index and LastIndex: up to len(b) (LastIndex(b, nil) is len(b)), one more than IndexByte's (probe40c r2 `F`)
    "last_offset": (
        sums(
            "last_offset",
            "i+1",
            "\tif len(b) > maxItems {\n\t\treturn -1\n\t}\n\ti := bytes.LastIndex(b, sep)",
            "xs []int64, b, sep []byte",
        ),
        "[21]int64",
    ),
    # base58: leading zeros counted under the loop's condition, the digits skipped from a lower bound of 0
    "counted_terms": (
        sums(
            "counted_terms",
            "zeros+size-i",
            "\tif len(src) > 64 {\n\t\treturn -1\n\t}\n\tzeros := 0\n\tfor zeros < len(src) && src[zeros] == 0 {\n"
            "\t\tzeros++\n\t}\n\tsize := len(src)*138/100 + 1\n\ti := 0\n"
            "\tfor i < size && i < len(src) && src[i] == 1 {\n\t\ti++\n\t}",
            "xs []int64, src []byte",
            element="byte",
        ),
        "[153]byte",
    ),
    # a clamp after a clamp, rune counts, copy counts
    # inside the second if, len(xs) < n <= maxItems: the join of both paths is maxItems
    "clamp_then_available": (
        sums(
            "clamp_then_available",
            "n",
            "\tif n > maxItems {\n\t\tn = maxItems\n\t}\n\tif n > len(xs) {\n\t\tn = len(xs)\n\t}",
        ),
        "[20]int64",
    ),
    "min_then_available": (
        sums("min_then_available", "n", CLAMP + "\tif n > len(xs) {\n\t\tn = len(xs)\n\t}"),
        "[20]int64",
    ),
    "min_then_available_switch": (
        sums("min_then_available_switch", "n", CLAMP + "\tswitch {\n\tcase n > len(xs):\n\t\tn = len(xs)\n\t}"),
        "[20]int64",
    ),
    # m is compared before the else branch writes it: n keeps the bound m had at the comparison
    "operand_written_in_else": (
        sums(
            "operand_written_in_else",
            "n",
            GUARD_M + "\tif n > m {\n\t\tn = m\n\t} else {\n\t\tm = 100\n\t}",
            "xs []int64, n, m int",
        ),
        "[20]int64",
    ),
    "rune_count_string": (
        sums(
            "rune_count_string",
            "utf8.RuneCountInString(s)",
            "\tif len(s) > maxItems {\n\t\treturn -1\n\t}",
            "xs []int64, s string",
        ),
        "[20]int64",
    ),
    # a count of a substring: at most len(s)+1, the +1 an empty separator's (probe38a FieldCount)
    "substring_count": (
        sums(
            "substring_count",
            "strings.Count(s, sep)",
            "\tif len(s) > maxItems {\n\t\treturn -1\n\t}",
            "xs []int64, s, sep string",
        ),
        "[21]int64",
    ),
    "fields_capacity": (
        sums(
            "fields_capacity",
            'bytes.Count(p, []byte(","))+1',
            "\tif len(p) > maxBatch {\n\t\treturn -1\n\t}",
            "xs []int64, p []byte",
        ),
        "[18]int64",
    ),
    "rune_count_bytes": (
        sums(
            "rune_count_bytes",
            "utf8.RuneCount(p)",
            "\tif len(p) > maxBatch {\n\t\treturn -1\n\t}",
            "xs []int64, p []byte",
            element="rune",
        ),
        "[16]rune",
    ),
    "copy_count_array": (
        sums("copy_count_array", "n", "\tvar tmp [maxBatch]int64\n\tn := copy(tmp[:], xs)", "xs []int64"),
        "[16]int64",
    ),
    # either length bounds the count: here the source's
    "copy_count_source": (
        sums(
            "copy_count_source",
            "n",
            "\tif len(xs) > maxItems {\n\t\treturn -1\n\t}\n\tn := copy(dst, xs)",
            "xs, dst []int64",
        ),
        "[20]int64",
    ),
    "copy_count_string": (
        sums(
            "copy_count_string",
            "n",
            "\tvar tmp [4 * maxBatch]byte\n\tn := copy(tmp[:], s)",
            "xs []int64, s string",
            element="byte",
        ),
        "[64]byte",
    ),
    # std results with a documented range (lengths.RESULTS, SPLITS): utf8.RuneLen is -1 or 1..4
    "rune_length": (
        sums("rune_length", "8*n", "\tn := utf8.RuneLen(r)\n\tif n < 0 {\n\t\treturn -1\n\t}", "xs []int64, r rune"),
        "[32]int64",
    ),
    # no `n < 0` check: the -1 of an invalid rune makes 4-n at most 5
    "rune_length_invalid": (
        sums("rune_length_invalid", "8*(4-n)", "\tn := utf8.RuneLen(r)", "xs []int64, r rune"),
        "[40]int64",
    ),
    # utf8.EncodeRune writes 1 to 4 bytes, binary.PutUvarint 1 to 10 (probe39c r2 RuneBytes, varint Encode)
    "encoded_rune": (
        sums(
            "encoded_rune",
            "16*n",
            "\tvar tmp [utf8.UTFMax]byte\n\tn := utf8.EncodeRune(tmp[:], r)",
            "xs []int64, r rune",
        ),
        "[64]int64",
    ),
    "varint_written": (
        sums(
            "varint_written",
            "4*n",
            "\tvar tmp [binary.MaxVarintLen64]byte\n\tn := binary.PutUvarint(tmp[:], v)",
            "xs []int64, v uint64",
        ),
        "[40]int64",
    ),
    "split_count": (
        sums("split_count", "len(parts)", '\tparts := strings.SplitN(s, ".", 6)', "xs []int64, s string"),
        "[6]int64",
    ),
    "split_after_bounded": (
        sums(
            "split_after_bounded",
            "len(parts)",
            "\tif k > 6 || k < 0 {\n\t\treturn -1\n\t}\n\tparts := bytes.SplitAfterN(b, []byte{','}, k)",
            "xs []int64, b []byte, k int",
        ),
        "[6]int64",
    ),
}

BOUNDED["split_appended_two"] = (
    sums(
        "split_appended_two",
        "len(parts)",
        '\tparts := strings.SplitN(s, ".", 6)\n\tparts = append(parts, "x", "y")',
        "xs []int64, s string",
    ),
    "[8]int64",
)

NOT_BOUNDED = {
    # a negative n splits every part: 8 of them
    "split_negative": (
        sums(
            "split_negative",
            "len(parts)",
            '\tif k > 6 {\n\t\treturn -1\n\t}\n\tparts := strings.SplitN(s, ".", k)',
            "xs []int64, s string, k int",
        ),
        'Sum(xs, "a.b.c.d.e.f.g.h", -1)',
    ),
    # the parts grow after the split
    # parts grown by the parts of s itself, which nothing bounds
    "split_appended": (
        sums(
            "split_appended",
            "len(parts)",
            '\tparts := strings.SplitN(s, ".", 6)\n\tparts = append(parts, strings.Split(s, "/")...)',
            "xs []int64, s string",
        ),
        'Sum(xs, "a.b.c.d.e.f"+strings.Repeat("/x", 20))',
    ),
    # a uint8 n += 4 wraps near 255: 252 becomes 0, and 64-0 is past the bound a lower bound of 12 gives
    # an int8 n += 4 wraps past 127 to -128: it keeps no lower bound, and 64-int(n) reaches 192
    "wrapping_add": (
        sums("wrapping_add", "64-int(n)", "\tif n < 8 {\n\t\treturn -1\n\t}\n\tn += 4", "xs []int64, n int8"),
        "Sum(xs, 124)",
    ),
    # the guard is on one path only; the update after it reaches the make from both
    "guard_other_path": (
        sums(
            "guard_other_path",
            "n",
            "\tif strict {\n\t\tif n > maxItems {\n\t\t\treturn -1\n\t\t}\n\t}\n\tn += 4",
            "xs []int64, n int, strict bool",
        ),
        "Sum(xs, 30, false)",
    ),
    # nothing bounds k: 8*2 is past the guard's 8
    "multiplied_unbounded": (
        sums("multiplied_unbounded", "n", GUARD_8 + "\tn *= k", "xs []int64, n, k int"),
        "Sum(xs, 8, 2)",
    ),
    "shifted_unbounded": (
        sums("shifted_unbounded", "n", GUARD_8 + "\tn <<= s", "xs []int64, n int, s uint"),
        "Sum(xs, 8, 1)",
    ),
    # an int16 n*-2 wraps for n below -16383: -20000 becomes -25536, and -n is 25536, not at most 16
    "negated_product_wraps": (
        sums("negated_product_wraps", "-n", "\tif n > 8 {\n\t\treturn -1\n\t}\n\tn *= -2", "xs []int64, n int16"),
        "Sum(xs, -20000)",
    ),
    # an int32 n*4096 wraps for n >= 1<<19: 1<<19 becomes -1<<31, n>>20 is -2048, and the size 2056, not at most 8
    # (the int32's own range bounds n>>20 by 2056 only beyond the stack budget; n>>28's 16 is test_make_const_ceilings')
    "product_wraps_int32": (
        sums(
            "product_wraps_int32",
            "8-int(n>>20)",
            "\tif n > 1<<20 || n < 0 {\n\t\treturn -1\n\t}\n\tn *= 1 << 12",
            "xs []int64, n int32",
        ),
        "Sum(xs, 1<<19)",
    ),
    # the loop doubles n k times: n > 0 where it doubles, yet a *= is no decrement that keeps n's upper bound
    "multiplied_in_loop": (
        sums(
            "multiplied_in_loop",
            "n",
            GUARD_8 + "\tfor i := 0; i < k && n > 0; i++ {\n\t\tn *= 2\n\t}",
            "xs []int64, n, k int",
        ),
        "Sum(xs, 8, 1)",
    ),
    # nothing bounds len(b)
    "index_of_unbounded": (
        sums("index_of_unbounded", "i+1", "\ti := bytes.IndexByte(b, 0)", "xs []int64, b []byte"),
        "Sum(xs, 30 a's and a zero)",
    ),
    # k can be negative: n - k grows past n's bound
    "subtrahend_negative": (
        sums(
            "subtrahend_negative",
            "n-k",
            GUARD + "\tif k > 4 {\n\t\treturn -1\n\t}",
            "xs []int64, n, k int",
        ),
        "Sum(xs, 20, -10)",
    ),
    # the loop also sets the counter to a value nothing bounds
    "loop_other_write": (
        sums(
            "loop_other_write",
            "zeros",
            "\tzeros := 0\n\tfor zeros < 16 {\n\t\tzeros++\n\t\tif k > 0 {\n\t\t\tzeros = k\n\t\t}\n\t}",
            "xs []int64, k int",
        ),
        "Sum(xs, 40)",
    ),
    # the fallthrough carries the first clause's update into the make's clause
    "update_falls_through": (in_clause("update_falls_through", fallthrough=True), "Sum(xs, 20, 1)"),
    # a loop around the branches runs both, again and again
    "sibling_updates_in_loop": (
        sums(
            "sibling_updates_in_loop",
            "n",
            GUARD + "\tfor i := 0; i < k; i++ {\n\t\tif i%2 == 0 {\n\t\t\tn += 8\n\t\t} else {\n"
            "\t\t\tn += 16\n\t\t}\n\t}",
            "xs []int64, n, k int",
        ),
        "Sum(xs, 20, 4)",
    ),
    # a clamp after a clamp, rune counts, copy counts
    # the header writes m before the comparison reads it: m's guard says nothing of m there
    "operand_written_in_header": (
        sums(
            "operand_written_in_header",
            "n",
            GUARD_M + "\tif m += 30; n > m {\n\t\tn = 0\n\t}",
            "xs []int64, n, m int",
        ),
        "Sum(xs, 40, 20)",
    ),
    # the clamp's body raises m, and the loop brings it back to the comparison
    "operand_raised_in_loop": (in_loop("operand_raised_in_loop"), "Sum(xs, 25, 20, 2)"),
    # a count of runes bounds the bytes from below, not above: 20 runes can be 80 bytes
    "rune_guard_byte_size": (
        sums(
            "rune_guard_byte_size",
            "len(s)",
            "\tif utf8.RuneCountInString(s) > maxItems {\n\t\treturn -1\n\t}",
            "xs []int64, s string",
        ),
        "Sum(xs, 20 é's)",
    ),
    # the count is of s as the make sees it, after s grew
    "rune_count_after_growth": (
        sums(
            "rune_count_after_growth",
            "utf8.RuneCountInString(s)",
            "\tif len(s) > maxItems {\n\t\treturn -1\n\t}\n\ts += s",
            "xs []int64, s string",
        ),
        "Sum(xs, 15 a's)",
    ),
    # the count is of s as the make sees it, after s grew
    "substring_count_after_growth": (
        sums(
            "substring_count_after_growth",
            'strings.Count(s, ",")',
            "\tif len(s) > maxItems {\n\t\treturn -1\n\t}\n\ts += s",
            "xs []int64, s string",
        ),
        "Sum(xs, 15 commas)",
    ),
    # the destination grew past the array it was sliced from
    "copy_into_grown": (
        sums(
            "copy_into_grown",
            "n",
            "\tvar tmp [maxBatch]int64\n\tdst := tmp[:]\n\tdst = append(dst, xs...)\n\tn := copy(dst, xs)",
            "xs []int64",
        ),
        "Sum(20 values)",
    ),
}
NAIVE = {
    "substring_count_after_growth": (
        array("buf", 'strings.Count(s, ",")', "int64", 21),
        probe('{pkg}.Sum([]int64{1}, strings.Repeat(",", 15))'),
    ),
    "split_negative": (array("buf", "len(parts)", "int64", 6), probe('{pkg}.Sum([]int64{1}, "a.b.c.d.e.f.g.h", -1)')),
    "split_appended": (
        array("buf", "len(parts)", "int64", 12),
        probe('{pkg}.Sum([]int64{1}, "a.b.c.d.e.f"+strings.Repeat("/x", 20))'),
    ),
    "wrapping_add": (array("buf", "64-int(n)", "int64", 52), probe("{pkg}.Sum([]int64{1}, 124)")),
    "guard_other_path": (array("buf", "n", "int64", 24), probe("{pkg}.Sum([]int64{1}, 30, false)")),
    "multiplied_unbounded": (array("buf", "n", "int64", 8), probe("{pkg}.Sum([]int64{1}, 8, 2)")),
    "shifted_unbounded": (array("buf", "n", "int64", 8), probe("{pkg}.Sum([]int64{1}, 8, 1)")),
    "negated_product_wraps": (array("buf", "-n", "int64", 16), probe("{pkg}.Sum([]int64{1}, -20000)")),
    "product_wraps_int32": (array("buf", "8-int(n>>20)", "int64", 8), probe("{pkg}.Sum([]int64{1}, 1<<19)")),
    "multiplied_in_loop": (array("buf", "n", "int64", 8), probe("{pkg}.Sum([]int64{1}, 8, 1)")),
    "index_of_unbounded": (
        array("buf", "i+1", "int64", 20),
        probe('{pkg}.Sum([]int64{1}, []byte(strings.Repeat("a", 30)+"\\x00"))'),
    ),
    "subtrahend_negative": (array("buf", "n-k", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20, -10)")),
    "loop_other_write": (array("buf", "zeros", "int64", 16), probe("{pkg}.Sum([]int64{1}, 40)")),
    "sibling_updates_in_loop": (array("buf", "n", "int64", 36), probe("{pkg}.Sum([]int64{1}, 20, 4)")),
    "update_falls_through": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 20, 1)")),
    # a clamp after a clamp, rune counts, copy counts
    "operand_written_in_header": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 40, 20)")),
    "operand_raised_in_loop": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 25, 20, 2)")),
    "rune_guard_byte_size": (
        array("buf", "len(s)", "int64", 20),
        probe('{pkg}.Sum([]int64{1}, strings.Repeat("é", 20))'),
    ),
    "rune_count_after_growth": (
        array("buf", "utf8.RuneCountInString(s)", "int64", 20),
        probe('{pkg}.Sum([]int64{1}, strings.Repeat("a", 15))'),
    ),
    "copy_into_grown": (array("buf", "n", "int64", 16), probe("{pkg}.Sum(make([]int64, 20))")),
}


def _imports(source: str) -> str:
    """The cases' package, with the imports their sizes need (sums() imports crypto/sha256 only)."""
    extra = '\t"bytes"\n\t"encoding/binary"\n\t"math/bits"\n\t"strconv"\n\t"strings"\n\t"unicode/utf8"\n'
    source = source.replace('import "crypto/sha256"\n', f'import (\n{extra}\t"crypto/sha256"\n)\n')
    return (
        source
        + '\nconst alphabet = "0123456789abcdef"\n\n'
        + "var (\n\t_ = bytes.IndexByte\n\t_ = bits.Len\n\t_ = strings.IndexByte\n\t_ = utf8.RuneLen\n"
        + "\t_ = binary.PutUvarint\n\t_ = strconv.Itoa\n)\n"
    )


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {n: _imports(c) for n, (c, _) in {**BOUNDED, **NOT_BOUNDED}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-updates"), RULE, cases)


# a positive case -> (an array a bound one short gives, a probe where it panics): `strings.Count(s, "")` is
# len(s)+1, not len(s); a 4-byte rune's encoding and a 10-byte varint reach the documented ends
UNDERSIZED = {
    # 19 digits are not all: the least int64 has a sign too
    "itoa_digits": (array("buf", "len(s)", "int64", 19), probe("{pkg}.Sum([]int64{1}, -1<<63)")),
    # an index below len(b), as IndexByte's: LastIndex of an empty separator is len(b)
    "last_offset": (array("buf", "i+1", "int64", 20), probe("{pkg}.Sum([]int64{1}, make([]byte, 20), nil)")),
    # the appended parts count: SplitN's 6 alone is too few
    "split_appended_two": (array("buf", "len(parts)", "int64", 6), probe('{pkg}.Sum([]int64{1}, "a.b.c.d.e.f")')),
    "encoded_rune": (array("buf", "16*n", "int64", 48), probe("{pkg}.Sum([]int64{1}, '\\U0001F600')")),
    "varint_written": (array("buf", "4*n", "int64", 36), probe("{pkg}.Sum([]int64{1}, 1<<63)")),
    "substring_count": (
        array("buf", "strings.Count(s, sep)", "int64", 20),
        probe('{pkg}.Sum([]int64{1}, strings.Repeat("a", 20), "")'),
    ),
}


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (_imports(c), p) for n, (c, p) in NOT_BOUNDED.items()}
    declines |= {n: (_imports(BOUNDED[n][0]), None) for n in UNDERSIZED}
    return naive_mutants(tmp_path_factory.mktemp("make-const-updates-naive"), toolchain, declines, NAIVE | UNDERSIZED)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in BOUNDED.items()], ids=list(BOUNDED))
def test_a_proven_bound_gives_an_exact_array(proposed, name, expected):
    exact_array(proposed[name], _imports(BOUNDED[name][0]), expected, scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_no_proven_bound_gives_at_most_a_speculative_buffer(proposed, name):
    found = proposed[name]
    at_most_speculative(found)


@pytest.mark.parametrize("name", list(NAIVE) + list(UNDERSIZED))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
