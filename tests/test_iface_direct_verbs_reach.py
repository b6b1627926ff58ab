"""iface-direct's verbs beyond %s %d %v %t (digits.py, session 55): `%x`, `%o`, `%b` of Go's own integers become
strconv's appends (or Format, alone) in that base; `%c` and `%q` of a rune-wide integer become `string(rune(x))` and
AppendQuoteRune; `%x` of a constant-length byte array becomes hex.AppendEncode into twice its length. Each prints
fmt's bytes for every value; every must-decline keeps its naive rewrite as a mutant that computes another string,
or (a []byte's hex, %c alone) does not remove the allocation for every input.
"""

from __future__ import annotations

from conftest import allocs_of, assert_declines, case_suite, edited, module, only_fix, proposals

from gorewrite.rules import RULES

RULE = RULES["iface-direct"]


def line(name: str, params: str, call: str, args: str, imports: str = '"fmt"', extra: str = "") -> str:
    """Package name whose Line returns the call (not inlined) and whose Probe calls Line with args; fmt kept."""
    return (
        f"package {name}\n\nimport (\n\t{imports}\n)\n\n"
        f"// Line builds a line.\n//\n//go:noinline\nfunc Line({params}) string {{\n\treturn {call}\n}}\n\n"
        f"// Probe builds one line.\nfunc Probe() string {{ return Line({args}) }}\n\nvar _ = fmt.Errorf\n{extra}"
    )


def captured(name: str, params: str, operand: str) -> str:
    """Package name whose Line returns a func literal printing the operand's hex, which the literal captures."""
    return (
        f'package {name}\n\nimport (\n\t"fmt"\n)\n\n'
        f"// Line returns a line builder.\nfunc Line({params}) func() string {{\n\treturn func() string {{\n"
        f'\t\treturn fmt.Sprintf("md5-%x", {operand})\n\t}}\n}}\n'
    )


def hexed_in_literal(operand: str):
    """The naive rewrite of a captured array's hex: `operand[:]` inside the literal."""
    written = f'"md5-" + string(hex.AppendEncode(make([]byte, 0, 32), {operand}[:]))'
    return lambda s: s.replace(f'fmt.Sprintf("md5-%x", {operand})', written).replace('"fmt"', '"encoding/hex"')


SUM = "\nvar sum32 = [32]byte{0: 0xde, 1: 0xad, 31: 0x0f}\n\nvar sum16 = [16]byte{0: 0xbe, 15: 0xef}\n"

FIXES = {
    "hex_id": (line("hex_id", "id uint64", 'fmt.Sprintf("req-%x", id)', "18446744073709551615"), "{pkg}.Probe()"),
    # a negative number: fmt writes a minus sign and its magnitude's digits, as AppendInt does (MinInt64 too)
    "hex_negative": (
        line("hex_negative", "off int64", 'fmt.Sprintf("offset %x", off)', "-9223372036854775808"),
        "{pkg}.Probe()",
    ),
    "octal": (line("octal", "perm uint32", 'fmt.Sprintf("chmod %o", perm)', "0o40755"), "{pkg}.Probe()"),
    "binary": (line("binary", "f int64", 'fmt.Sprintf("flags=%b", f)', "-9223372036854775808"), "{pkg}.Probe()"),
    "alone_hex": (line("alone_hex", "g int32", 'fmt.Sprintf("%x", g)', "-300"), "{pkg}.Probe()"),
    "hex_constant": (line("hex_constant", "host string", 'fmt.Sprintf("%s/%x/%o", host, -255, 8)', '"h"'), None),
    # past MaxRune fmtC writes RuneError, as string(r) does of an invalid rune
    "rune_c": (line("rune_c", "r rune", 'fmt.Sprintf("unexpected %c", r)', "0x110000"), "{pkg}.Probe()"),
    # a uint32 past MaxInt32 is a negative rune: RuneError either way
    "uint32_c": (line("uint32_c", "cp uint32", 'fmt.Sprintf("glyph %c", cp)', "4294967295"), "{pkg}.Probe()"),
    "byte_c": (line("byte_c", "b byte", 'fmt.Sprintf("delim %c", b)', "200"), None),
    "rune_q": (line("rune_q", "r rune", 'fmt.Sprintf("char %q", r)', "0xe0001"), "{pkg}.Probe()"),
    "sum_x": (line("sum_x", "sum [32]byte", 'fmt.Sprintf("sha-%x", sum)', "sum32", extra=SUM), "{pkg}.Probe()"),
    # through a pointer the literal captures: `r.sum[:]` slices what r points to, not a variable of Line
    "pointer_captured": (
        captured("pointer_captured", "r *record", "r.sum") + "\ntype record struct{ sum [16]byte }\n",
        None,
    ),
    "sum_alone": (line("sum_alone", "sum [16]byte", 'fmt.Sprintf("%x", sum)', "sum16", extra=SUM), "{pkg}.Probe()"),
}

WIDE = "0x100000041"  # truncated to a rune: 'A', where fmtC prints RuneError for a value past MaxRune

DECLINES = {
    "upper_x": (line("upper_x", "h uint32", 'fmt.Sprintf("0x%X", h)', "255"), "%X prints other bytes"),
    "sharp_x": (line("sharp_x", "h uint32", 'fmt.Sprintf("%#x", h)', "255"), "%#x prints other bytes"),
    "plus_q": (line("plus_q", "r rune", 'fmt.Sprintf("rune %+q", r)', "'é'"), "%+q prints other bytes"),
    "sharp_q": (line("sharp_q", "name string", 'fmt.Sprintf("name %#q", name)', '"x"'), "%#q prints other bytes"),
    "string_q": (line("string_q", "name string", 'fmt.Sprintf("field %q", name)', '"x"'), "%q of name (string)"),
    "int64_c": (line("int64_c", "cp int64", 'fmt.Sprintf("char %c", cp)', WIDE), "%c of cp (int64)"),
    "int_c": (line("int_c", "cp int", 'fmt.Sprintf("char %c", cp)', WIDE), "%c of cp (int)"),
    "int64_q": (line("int64_q", "cp int64", 'fmt.Sprintf("char %q", cp)', WIDE), "%q of cp (int64)"),
    "bytes_x": (line("bytes_x", "raw []byte", 'fmt.Sprintf("raw=%x", raw)', "nil"), "%x of raw ([]byte)"),
    "char_alone": (line("char_alone", "r rune", 'fmt.Sprintf("%c", r)', "'a'"), "%c of r would be copied"),
    # fmt prints an array of bytes under %v and %d as its elements (`[222 173 …]`): only %x is its hex
    "sum_v": (
        line("sum_v", "sum [16]byte", 'fmt.Sprintf("md5-%v", sum)', "sum16", extra=SUM),
        "it formats sum of [16]byte",
    ),
    "sum_d": (
        line("sum_d", "sum [16]byte", 'fmt.Sprintf("md5-%d", sum)', "sum16", extra=SUM),
        "it formats sum of [16]byte",
    ),
    # the package's own rune would truncate: rune(cp) of 300 is 44, a comma, where fmt prints U+012C
    "rune_declared": (
        line("rune_declared", "cp int16", 'fmt.Sprintf("glyph %c", cp)', "300", extra="\ntype rune int8\n"),
        "the rewrite would write rune, a name the package declares",
    ),
    # a function's own rune, a local alias: the package declares none, the function does (hunt-fmt, session 56)
    "rune_local": (
        line("rune_local", "cp int16", 'fmt.Sprintf("glyph %c", cp)', "300").replace(
            "\treturn fmt.Sprintf(", "\ttype rune = int8\n\n\treturn fmt.Sprintf("
        ),
        "the rewrite would write rune, a name the package declares",
    ),
    # a function's own hex, a local value with an AppendEncode of its own (hunt-fmt, session 56)
    "hex_local": (
        line("hex_local", "sum [16]byte", 'fmt.Sprintf("md5-%x", sum)', "sum16", extra=SUM).replace(
            "\treturn fmt.Sprintf(", "\thex := coder{}\n\t_ = hex\n\n\treturn fmt.Sprintf("
        )
        + "\ntype coder struct{}\n\nfunc (coder) AppendEncode(dst, _ []byte) []byte { return append(dst, 'x') }\n",
        "the file names hex otherwise",
    ),
    # a byte array a returned func literal captures: `sum[:]` in it takes sum's address, so the literal captures
    # it by reference and the array moves to the heap (fmt's boxing copied it), under go1.24.11 and go1.27.3 alike
    # (probe iface-fmt-hunt p9's LX0-LX11, rejected before)
    "sum_captured": (captured("sum_captured", "sum [16]byte", "sum"), "sum is captured by a func literal (line 9)"),
    "field_captured": (
        captured("field_captured", "r record", "r.sum") + "\ntype record struct{ sum [16]byte }\n",
        "r.sum[:] there would capture it by reference",
    ),
    "hex_declared": (
        line("hex_declared", "sum [16]byte", 'fmt.Sprintf("md5-%x", sum)', "sum16", extra=SUM)
        + "\ntype coder struct{}\n\nfunc (coder) AppendEncode(dst, _ []byte) []byte { return append(dst, 'x') }\n"
        + "\nvar hex coder\n",
        "the file names hex otherwise",
    ),
}

NAIVE = {
    "upper_x": (
        lambda s: s.replace('fmt.Sprintf("0x%X", h)', '"0x" + strconv.FormatUint(uint64(h), 16)').replace(
            '"fmt"', '"fmt"\n\t"strconv"'
        ),
        "{pkg}.Probe()",
    ),
    "sharp_x": (
        lambda s: s.replace('fmt.Sprintf("%#x", h)', "strconv.FormatUint(uint64(h), 16)").replace(
            '"fmt"', '"fmt"\n\t"strconv"'
        ),
        "{pkg}.Probe()",
    ),
    "plus_q": (
        lambda s: s.replace('fmt.Sprintf("rune %+q", r)', '"rune " + strconv.QuoteRune(r)').replace(
            '"fmt"', '"fmt"\n\t"strconv"'
        ),
        "{pkg}.Probe()",
    ),
    "sharp_q": (
        lambda s: s.replace('fmt.Sprintf("name %#q", name)', '"name " + strconv.Quote(name)').replace(
            '"fmt"', '"fmt"\n\t"strconv"'
        ),
        "{pkg}.Probe()",
    ),
    "int64_c": (lambda s: s.replace('fmt.Sprintf("char %c", cp)', '"char " + string(rune(cp))'), "{pkg}.Probe()"),
    "int_c": (lambda s: s.replace('fmt.Sprintf("char %c", cp)', '"char " + string(rune(cp))'), "{pkg}.Probe()"),
    "int64_q": (
        lambda s: s.replace('fmt.Sprintf("char %q", cp)', '"char " + strconv.QuoteRune(rune(cp))').replace(
            '"fmt"', '"fmt"\n\t"strconv"'
        ),
        "{pkg}.Probe()",
    ),
    "sum_v": (
        lambda s: s.replace(
            'fmt.Sprintf("md5-%v", sum)', '"md5-" + string(hex.AppendEncode(make([]byte, 0, 32), sum[:]))'
        ).replace('"fmt"', '"encoding/hex"\n\t"fmt"'),
        "{pkg}.Probe()",
    ),
    "sum_d": (
        lambda s: s.replace(
            'fmt.Sprintf("md5-%d", sum)', '"md5-" + string(hex.AppendEncode(make([]byte, 0, 32), sum[:]))'
        ).replace('"fmt"', '"encoding/hex"\n\t"fmt"'),
        "{pkg}.Probe()",
    ),
    "rune_declared": (
        lambda s: s.replace('fmt.Sprintf("glyph %c", cp)', '"glyph " + string(rune(cp))'),
        "{pkg}.Probe()",
    ),
    "rune_local": (
        lambda s: s.replace('fmt.Sprintf("glyph %c", cp)', '"glyph " + string(rune(cp))'),
        "{pkg}.Probe()",
    ),
    "hex_local": (
        lambda s: s.replace(
            'fmt.Sprintf("md5-%x", sum)', '"md5-" + string(hex.AppendEncode(make([]byte, 0, 32), sum[:]))'
        ),
        "{pkg}.Probe()",
    ),
    "sum_captured": (hexed_in_literal("sum"), "moved to heap: sum"),
    "field_captured": (hexed_in_literal("r.sum"), "moved to heap: r"),
    "hex_declared": (
        lambda s: s.replace(
            'fmt.Sprintf("md5-%x", sum)', '"md5-" + string(hex.AppendEncode(make([]byte, 0, 32), sum[:]))'
        ),
        "{pkg}.Probe()",
    ),
}

globals().update(case_suite("iface-verbs", RULE, FIXES, DECLINES, NAIVE))


def test_each_verb_is_written_as_its_exact_writer(proposed):
    expected = {
        "hex_id": 'return "req-" + string(strconv.AppendUint(make([]byte, 0, 17), id, 16))',
        "hex_negative": 'return "offset " + string(strconv.AppendInt(make([]byte, 0, 17), off, 16))',
        "octal": 'return "chmod " + string(strconv.AppendUint(make([]byte, 0, 23), uint64(perm), 8))',
        "binary": 'return "flags=" + string(strconv.AppendInt(make([]byte, 0, 65), f, 2))',
        "alone_hex": "return strconv.FormatInt(int64(g), 16)",
        "hex_constant": 'return host + "/-ff/10"',
        "rune_c": 'return "unexpected " + string(r)',
        "uint32_c": 'return "glyph " + string(rune(cp))',
        "byte_c": 'return "delim " + string(rune(b))',
        "rune_q": 'return "char " + string(strconv.AppendQuoteRune(make([]byte, 0, 12), r))',
        "sum_x": 'return "sha-" + string(hex.AppendEncode(make([]byte, 0, 64), sum[:]))',
        "sum_alone": "return string(hex.AppendEncode(make([]byte, 0, 32), sum[:]))",
    }
    for name, want in expected.items():
        after = edited(FIXES[name][0], only_fix(proposed[name]))
        assert want in after, (name, after)
    assert '\t"encoding/hex"' in edited(FIXES["sum_x"][0], only_fix(proposed["sum_x"]))
    assert '"strconv"' not in edited(FIXES["rune_c"][0], only_fix(proposed["rune_c"]))  # string(r) calls none


def test_the_claims_name_what_each_release_prints(proposed):
    assert only_fix(proposed["sum_alone"]).claim.messages == (
        "string(hex.AppendEncode(make([]byte, 0, 32), sum[:])) escapes to heap",
    )
    assert only_fix(proposed["rune_c"]).claim.messages == ('"unexpected " + string(r) escapes to heap',)
    assert only_fix(proposed["rune_q"]).claim.messages == ('"char " + string(~r0) escapes to heap',)
    assert only_fix(proposed["hex_id"]).claim.messages == (
        '"req-" + string(strconv.AppendUint(make([]byte, 0, 17), id, 16)) escapes to heap',
        '"req-" + string(~r0) escapes to heap',
    )


def test_hex_of_a_slice_or_a_lone_rune_removes_no_allocation_for_every_input(tmp_path):
    """The two declines whose naive rewrite prints fmt's bytes: a []byte's hex in a fixed buffer allocates as fmt
    did once the input is longer than the buffer (speculative), and string(r) alone allocates where fmt's one-byte
    result is static data."""
    long = "\n// Long is past the rewrite's 64-byte buffer in hex.\nvar Long = make([]byte, 100)\n"
    raw = DECLINES["bytes_x"][0] + long
    hexed = raw.replace('fmt.Sprintf("raw=%x", raw)', '"raw=" + string(hex.AppendEncode(make([]byte, 0, 64), raw))')
    hexed = hexed.replace('"fmt"', '"encoding/hex"\n\t"fmt"')
    alone = DECLINES["char_alone"][0]
    cases = {
        "long": (raw, hexed, "{pkg}.Line({pkg}.Long)"),
        "char": (alone, alone.replace('fmt.Sprintf("%c", r)', "string(r)"), "{pkg}.Probe()"),
    }
    for release, found in allocs_of(tmp_path, cases).items():
        for name, (before, after, result, rewritten) in found.items():
            assert result == rewritten and after >= before, (release, name, before, after)


def test_hex_needs_go1_22(tmp_path):
    source = FIXES["sum_x"][0].replace("package sum_x", "//go:build go1.21\n\npackage sum_x")
    module(tmp_path, {"old/old.go": source.replace("sum_x", "old")})
    assert_declines(proposals(tmp_path, RULE)["example.com/m/old"], "hex.AppendEncode is go1.22's")


FOLDED = """package folded

import "fmt"

// ID names a request.
//
//go:noinline
func ID(id uint64) string { return fmt.Sprintf("id-%x", id) }

// Key names a blob.
//
//go:noinline
func Key(sum [4]byte) string { return fmt.Sprintf("sum-%x", sum) }

// Char names a rune.
//
//go:noinline
func Char(r rune) string { return fmt.Sprintf("r-%q", r) }
"""


def test_folded_sites_are_the_fixs_targets(tmp_path):
    """The file's last fmt calls are one fix whichever site it is proposed for: each writes the same imports (fmt's
    spec renamed to encoding/hex, strconv added), so the fix targets every site it rewrites. Were the imports in the
    site's own order, Key's fix (hex first) would differ from ID's and Char's, and the run would report Key declined
    as overlapping ID's fix, though that fix rewrites it."""
    module(tmp_path, {"folded/folded.go": FOLDED})
    fix = only_fix(proposals(tmp_path, RULE)["example.com/m/folded"])
    assert sorted(t.line for t in fix.targets) == [8, 13, 18], fix.targets  # noinline: no budget applies
    assert '"encoding/hex"' in edited(FOLDED, fix) and '"strconv"' in edited(FOLDED, fix)


def test_an_array_behind_a_captured_pointer_is_still_rewritten(proposed):
    """Only a captured array variable (or a field of one's value) declines: through a pointer, `r.sum[:]` takes no
    address of a variable the literal captures."""
    assert "hex.AppendEncode(make([]byte, 0, 32), r.sum[:])" in edited(
        FIXES["pointer_captured"][0], only_fix(proposed["pointer_captured"])
    )
