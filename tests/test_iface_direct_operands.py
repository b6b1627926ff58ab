"""iface-direct's concatenation of fmt.Sprintf (Errorf) operands that are not plain variables (evaluated.py):
indexes, map reads, slices, len, a []byte's conversion and calls. gc evaluates the calls of fmt's arguments and of
a concatenation first and reads the rest after them, so a call that writes what another operand reads shows the
same value both ways (the fixes below compute what they did, under go1.24.11 and the pinned release). The orders
that differ decline, each with its naive concatenation as a mutant that prints otherwise under go1.24.11.
"""

from __future__ import annotations

from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

# Package-level values, so the operands are no constants and box by allocating; a state a call moves on.
VALUES = """var host, key, state = "db.internal", "region", "idle"

var parts = []string{"v1", "users"}

var vars = map[string]string{"region": "eu"}

var raw = []byte("payload")

var seq = 7000

// Next moves the state (and the sequence) on.
func Next() string {
	state, seq = "busy", seq+1
	return "!"
}

"""


def case(name: str, body: str, imports: str = '"fmt"') -> str:
    return f"package {name}\n\nimport (\n\t{imports}\n)\n\n{VALUES}{body}\nvar _ = fmt.Errorf\n"


def line(name: str, params: str, call: str, args: str, imports: str = '"fmt"', result: str = "string") -> str:
    """A case whose Line returns the call, and whose Probe calls Line with args."""
    body = f"// Line builds a line.\n//\n//go:noinline\nfunc Line({params}) {result} {{\n\treturn {call}\n}}\n\n"
    shown = "Line(" + args + ")" + (".Error()" if result == "error" else "")
    return case(name, body + f"// Probe builds one line.\nfunc Probe() string {{ return {shown} }}\n", imports)


STRINGS = '"fmt"\n\t"strings"'
ERRORS = '"errors"\n\t"fmt"'

# A cursor a call moves on, printed by %c left of the call (hunt-fmt2).
CURSOR = """var cur = '→'

// Advance moves the cursor on.
func Advance() string {
	cur = '←'
	return "!"
}

// Line builds a line.
//
//go:noinline
func Line() string {
	return fmt.Sprintf("at %c%s", cur, Advance())
}

// Probe builds one line from the first cursor.
func Probe() string {
	cur = '→'
	return Line()
}
"""

FIXES = {
    "index": (
        line("index", "host string, parts []string", 'fmt.Sprintf("%s/%s", host, parts[0])', "host, parts"),
        "{pkg}.Probe()",
    ),
    # a map read does not panic: a nil map reads ""
    "map_read": (
        line("map_read", "key string, vars map[string]string", 'fmt.Sprintf("%s=%s", key, vars[key])', "key, nil"),
        "{pkg}.Probe()",
    ),
    "length": (
        line("length", "host string, parts []string", 'fmt.Sprintf("%s: %d parts", host, len(parts))', "host, parts"),
        "{pkg}.Probe()",
    ),
    "sliced_bytes": (
        line("sliced_bytes", "host string, raw []byte, n int", 'fmt.Sprintf("%s: %s", host, raw[:n])', "host, raw, 3"),
        "{pkg}.Probe()",
    ),
    "converted": (
        line(
            "converted",
            "host string, raw []byte, n int",
            'fmt.Sprintf("%s: %s", host, string(raw[:n]))',
            "host, raw, 3",
        ),
        "{pkg}.Probe()",
    ),
    "std_call": (
        line(
            "std_call",
            "root, p string",
            'fmt.Sprintf("%s/%s", root, strings.TrimPrefix(p, "/"))',
            'host, "/x"',
            STRINGS,
        ),
        "{pkg}.Probe()",
    ),
    # Next writes state, which fmt's call read after Next ran: so does the concatenation
    "call_writes_operand": (
        line("call_writes_operand", "", 'fmt.Sprintf("%s %s", state, Next())', ""),
        "{pkg}.Probe()",
    ),
    # an integer after the call: strconv's call runs after Next in the concatenation, as fmt read seq after it
    "call_then_integer": (line("call_then_integer", "", 'fmt.Sprintf("%s %d", Next(), seq)', ""), "{pkg}.Probe()"),
    # Errorf's errors.New is a call where fmt.Errorf stood: its argument is read before Next, as fmt's were
    "errorf_before_call": (
        line(
            "errorf_before_call", "", 'errors.Join(fmt.Errorf("at %s", state), errors.New(Next()))', "", ERRORS, "error"
        ),
        "{pkg}.Probe()",
    ),
    # a map read never panics: beside an index it is no second bound
    "index_and_map_read": (
        line(
            "index_and_map_read",
            "key string, parts []string, vars map[string]string",
            'fmt.Sprintf("%s/%s=%s", parts[0], key, vars[key])',
            "key, parts, nil",
        ),
        "{pkg}.Probe()",
    ),
    # an index inside a call's argument is evaluated with the call, where it stands, in both forms: no second bound
    # beside parts[0], and strings.ToUpper is no read through a pointer
    "index_and_called_index": (
        line(
            "index_and_called_index",
            "host string, parts []string",
            'fmt.Sprintf("%s/%s/%s", host, parts[0], strings.ToUpper(parts[1]))',
            "host, parts",
            STRINGS,
        ),
        "{pkg}.Probe()",
    ),
    # an integer that is itself a call's result, left of a call: strconv's call takes it where fmt's call did
    # a rune under %c left of a call that moves it: `string(cur)` is a conversion, read after the call as fmt read it
    # (hunt-fmt2: both print "at ←!"; a lexer's `fmt.Errorf("unexpected %c at %s", r, l.where())`)
    "rune_then_call": (case("rune_then_call", CURSOR), "{pkg}.Probe()"),
    "called_integer_then_call": (
        line("called_integer_then_call", "", 'fmt.Sprintf("%s %d %s", host, Count(), Next())', "")
        + "\n// Count reads the sequence.\nfunc Count() int { return seq }\n",
        "{pkg}.Probe()",
    ),
    # the operand alone escapes, no variable beside it: the compiler points at a call's parenthesis and at an
    # index's first name, which the rule now climbs from to the operand (concatenated.sprint_call; session 56)
    "lone_length": (
        line("lone_length", "parts []string", 'fmt.Sprintf("%d parts", len(parts))', "make([]string, 300)"),
        "{pkg}.Probe()",
    ),
    "lone_map_read": (
        line("lone_map_read", "key string, vars map[string]string", 'fmt.Sprintf("region %s", vars[key])', "key, vars"),
        "{pkg}.Probe()",
    ),
    # a call alone is no site (its message may also be its inlined body's allocation: concatenated._length);
    # beside a variable the variable's escape makes it one
    "std_call_beside": (
        line(
            "std_call_beside",
            "host, p string",
            'fmt.Sprintf("%s/%s", host, strings.TrimPrefix(p, "/"))',
            '"h", "/x"',
            STRINGS,
        ),
        "{pkg}.Probe()",
    ),
}

# first moves seq on, called inside an index or a slice bound: gc calls it where it stands, before fmt reads seq
FIRST = "\n// first moves the sequence on.\nfunc first() int {\n\tseq++\n\treturn 0\n}\n"

# A digest and a flag a call moves on (hunt-fmt2): fmt read both after the call, each piece of the concatenation
# (hex's and strconv's call) before it.
STAMP = (
    "\nvar digest [4]byte\n\nvar flag bool\n\n// Stamp marks the digest and flips the flag.\n"
    'func Stamp() string {\n\tdigest[0]++\n\tflag = !flag\n\treturn "!"\n}\n'
)

# A check's label read through a pointer that Probe passes nil, with the panic (and what ran) as the result.
CHECK = """type check struct {
	name string
	raw  []byte
}

// Line labels a check.
//
//go:noinline
func Line(c *check, xs []string, n, d int) {results} {
	return {line}
}

// Probe labels a nil check: its panic and the state.
func Probe() (out string) {
	defer func() { out = fmt.Sprint(recover()) + "; " + state }()
	Line({args})
	return
}
"""


def nil_check(name: str, results: str, line: str, args: str) -> str:
    body = CHECK.replace("{results}", results).replace("{line}", line).replace("{args}", args)
    return case(name, body)


DECLINES = {
    # strconv prints seq in the concatenation, a call run before Next; fmt read seq after Next
    "integer_then_call": (
        line("integer_then_call", "", 'fmt.Sprintf("%d %s", seq, Next())', ""),
        "it prints seq with strconv",
    ),
    # go1.24.11 raises the index's panic first in the concatenation, fmt's call the nil pointer's
    "nil_then_index": (
        nil_check("nil_then_index", "string", 'fmt.Sprintf("%s %s", c.name, xs[n])', "nil, nil, 2, 0"),
        "xs[n] may panic on its bounds and c.name reads through a pointer",
    ),
    # the division beside it: fmt's call indexes first, the concatenation divides first
    "index_beside_division": (
        nil_check(
            "index_beside_division", "(int, string)", 'n / d, fmt.Sprintf("%s=%s", key, xs[n])', "nil, nil, 1, 0"
        ),
        "xs[n] may panic on its bounds, and its statement also evaluates n / d",
    ),
    # two bounds: gc does not raise them left to right, and nothing says it keeps one order in both forms
    "two_bounds": (
        line("two_bounds", "xs []string, n int", 'fmt.Sprintf("%s: %s..%s", host, xs[0], xs[n])', "parts, 1"),
        "xs[0] and xs[n] may both panic on their bounds",
    ),
    # an interface key may hold an unhashable value: reading the map may panic
    "interface_key": (
        line("interface_key", "m map[any]string, k any", 'fmt.Sprintf("%s[%s]", host, m[k])', "nil, 1"),
        "it formats m[k], not a constant or a variable",
    ),
    # an index computed by a call or by a division is no plain read
    "called_index": (
        line("called_index", "xs []string", 'fmt.Sprintf("%s[%s]", host, xs[len(Next())])', "parts"),
        "it formats xs[len(Next())], not a constant or a variable",
    ),
    "divided_index": (
        line("divided_index", "xs []string, n, d int", 'fmt.Sprintf("%s[%s]", host, xs[n/d])', "parts, 1, 1"),
        "it formats xs[n/d], not a constant or a variable",
    ),
    # a channel's length moves under another goroutine's send
    "channel_length": (
        line("channel_length", "ch chan int", 'fmt.Sprintf("%s queued %d", host, len(ch))', "make(chan int, 2)"),
        "it formats len(ch), not a constant or a variable",
    ),
    "channel_indexed": (
        line("channel_indexed", "xs []string, ch chan int", 'fmt.Sprintf("%s[%s]", host, xs[len(ch)])', "parts, nil"),
        "it formats xs[len(ch)], not a constant or a variable",
    ),
    # strconv of a call's result in a function the compiler inlines: the call inlined into the append could cost
    # more than the inliner's budget (iface-sprintf-ints' Elapsed went to 81 under go1.27.3)
    "inlined_printed_call": (
        case(
            "inlined_printed_call",
            "// Elapsed labels a duration.\nfunc Elapsed(op string, d time.Duration) string {\n"
            '\treturn fmt.Sprintf("%s took %dms", op, d.Milliseconds())\n}\n',
            '"fmt"\n\t"time"',
        ),
        "strconv of a call's result could cost its inliner more than its budget",
    ),
    # a call whose result is a named type: fmt calls its String
    "named_result": (
        line("named_result", "", 'fmt.Sprintf("%s took %s", host, wait())', "", '"fmt"\n\t"time"')
        + "\nfunc wait() time.Duration { return 1500 * time.Millisecond }\n",
        "it formats wait(), not a constant or a variable",
    ),
    # beside a variable: the call's result is still a named type whose String fmt calls
    "lone_named_result": (
        line("lone_named_result", "job string", 'fmt.Sprintf("%s took %s", job, wait())', '"j"', '"fmt"\n\t"time"')
        + "\nfunc wait() time.Duration { return 1500 * time.Millisecond }\n",
        "it formats wait(), not a constant or a variable",
    ),
    # a conversion of anything but a []byte (a rune's) is no read this proof measured
    "rune_conversion": (
        line("rune_conversion", "r rune", 'fmt.Sprintf("%s %s", host, string(r))', "'x'"),
        "it formats string(r), not a constant or a variable",
    ),
    # a slice of a named string type keeps its type, and its String
    "named_slice": (
        line("named_slice", "l Label", 'fmt.Sprintf("%s[%s]", host, l[1:])', '"xy"')
        + '\n// Label is a tag.\ntype Label string\n\nfunc (l Label) String() string { return "label " + string(l) }\n',
        "it formats l[1:], not a constant or a variable",
    ),
    # a call in an index or a slice bound runs where it stands, before fmt reads seq but after strconv's call
    "integer_then_called_index": (
        line("integer_then_called_index", "", 'fmt.Sprintf("%d %s", seq, parts[first()])', "") + FIRST,
        "it formats parts[first()], not a constant or a variable",
    ),
    "integer_then_called_bound": (
        line("integer_then_called_bound", "", 'fmt.Sprintf("%d %s", seq, host[first():])', "") + FIRST,
        "it formats host[first():], not a constant or a variable",
    ),
    # a byte array's hex and a bool's text are calls in the concatenation too, run before the call to their right
    # that writes them, where fmt read them after it (hunt-fmt2: fmt printed "01000000-!", the naive "00000000-!")
    "array_then_call": (
        line("array_then_call", "", 'fmt.Sprintf("%x-%s", digest, Stamp())', "") + STAMP,
        "it prints digest with strconv",
    ),
    "bool_then_call": (
        line("bool_then_call", "", 'fmt.Sprintf("%t %s", flag, Stamp())', "") + STAMP,
        "it prints flag with strconv",
    ),
    # a conversion reading through the nil pointer: go1.24.11 raises the index's panic first in the concatenation
    "nil_conversion_then_index": (
        nil_check(
            "nil_conversion_then_index",
            "string",
            'fmt.Sprintf("%s %s %s", host, string(c.raw), xs[n])',
            "nil, nil, 2, 0",
        ),
        "xs[n] may panic on its bounds and string(c.raw) reads through a pointer",
    ),
    # copy is a builtin, no function: it writes raw, and a concatenation's strconv would not take its result as fmt
    "builtin_call": (
        line("builtin_call", "", 'fmt.Sprintf("%s %d", host, copy(raw, host))', ""),
        "it formats copy(raw, host), not a constant or a variable",
    ),
}


def _naive(old: str, new: str):
    return lambda s: s.replace(old, new)


NAIVE = {
    "integer_then_call": (
        lambda s: s.replace('fmt.Sprintf("%d %s", seq, Next())', 'strconv.Itoa(seq) + " " + Next()').replace(
            '\t"fmt"\n', '\t"fmt"\n\t"strconv"\n'
        ),
        "{pkg}.Probe()",
    ),
    "lone_named_result": (
        lambda s: s.replace(
            'fmt.Sprintf("%s took %s", job, wait())', 'job + " took " + strconv.FormatInt(int64(wait()), 10)'
        ).replace('\t"fmt"\n', '\t"fmt"\n\t"strconv"\n'),
        "{pkg}.Probe()",
    ),
    "nil_then_index": (_naive('fmt.Sprintf("%s %s", c.name, xs[n])', 'c.name + " " + xs[n]'), "{pkg}.Probe()"),
    "index_beside_division": (_naive('fmt.Sprintf("%s=%s", key, xs[n])', 'key + "=" + xs[n]'), "{pkg}.Probe()"),
    "named_slice": (_naive('fmt.Sprintf("%s[%s]", host, l[1:])', 'host + "[" + string(l[1:]) + "]"'), "{pkg}.Probe()"),
    "integer_then_called_index": (
        lambda s: s.replace(
            'fmt.Sprintf("%d %s", seq, parts[first()])', 'strconv.Itoa(seq) + " " + parts[first()]'
        ).replace('\t"fmt"\n', '\t"fmt"\n\t"strconv"\n'),
        "{pkg}.Probe()",
    ),
    "integer_then_called_bound": (
        lambda s: s.replace(
            'fmt.Sprintf("%d %s", seq, host[first():])', 'strconv.Itoa(seq) + " " + host[first():]'
        ).replace('\t"fmt"\n', '\t"fmt"\n\t"strconv"\n'),
        "{pkg}.Probe()",
    ),
    "array_then_call": (
        lambda s: s.replace(
            'fmt.Sprintf("%x-%s", digest, Stamp())',
            'string(hex.AppendEncode(make([]byte, 0, 8), digest[:])) + "-" + Stamp()',
        ).replace('\t"fmt"\n', '\t"encoding/hex"\n\t"fmt"\n'),
        "{pkg}.Probe()",
    ),
    "bool_then_call": (
        lambda s: s.replace('fmt.Sprintf("%t %s", flag, Stamp())', 'strconv.FormatBool(flag) + " " + Stamp()').replace(
            '\t"fmt"\n', '\t"fmt"\n\t"strconv"\n'
        ),
        "{pkg}.Probe()",
    ),
    "nil_conversion_then_index": (
        _naive('fmt.Sprintf("%s %s %s", host, string(c.raw), xs[n])', 'host + " " + string(c.raw) + " " + xs[n]'),
        "{pkg}.Probe()",
    ),
}

globals().update(case_suite("iface-operands", RULE, FIXES, DECLINES, NAIVE))


def test_operands_are_written_as_they_stand(proposed):
    fix = only_fix(proposed["std_call"])
    after = edited(FIXES["std_call"][0], fix)
    assert 'return root + "/" + strings.TrimPrefix(p, "/")' in after, after
    # the compiler spells an inlined call's result ~r0 in the concatenation's message: both spellings are claimed
    assert 'root + "/" + ~r0 escapes to heap' in fix.claim.messages, fix.claim
    after = edited(FIXES["sliced_bytes"][0], only_fix(proposed["sliced_bytes"]))
    assert 'return host + ": " + string(raw[:n])' in after, after
    after = edited(FIXES["errorf_before_call"][0], only_fix(proposed["errorf_before_call"]))
    assert 'errors.Join(errors.New("at " + state), errors.New(Next()))' in after, after


def test_a_rune_left_of_a_call_is_written_as_its_conversion(proposed):
    after = edited(FIXES["rune_then_call"][0], only_fix(proposed["rune_then_call"]))
    assert 'return "at " + string(cur) + Advance()' in after, after
