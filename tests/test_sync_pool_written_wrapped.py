"""sync-pool pools a bufio.Reader over a local the function writes (gopher-lua's LoadFile: `file` set by an
if/else, then `reader := bufio.NewReader(file)`), outside loops, when the variable is declared in the
function (or func literal) that makes the Reader and only its own statements write it (wrappers.py
`_shared`). The Get and the deferred Put, whose arguments Go evaluates where the defer stands, are adjacent
statements: a write before them or after them leaves the Put with the value the Get saw. The rule's
rewrite of a write after the site keeps a caller's own bufio.Reader (which the Get returns as bufio's
constructor does) out of the pool; the naive Put that reads the variable at the return instead pools it
over nil, and the caller's next read panics. Kept declines: a write in a func literal, a variable of an
outer function, its address taken, a loop (tests/test_sync_pool_wrapper_loops.py): only another goroutine
could write it between the two adjacent statements, a data race in the original too, so no mutant can show
them and they have none."""

from __future__ import annotations

import pytest
from conftest import allocs_of, edited, naive_mutants, proposals_by_case, releases

from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = 'package {name}\n\nimport (\n\t"bufio"\n\t"errors"\n\t"fmt"\n\t"io"\n\t"strings"\n)\n\n'
HEAD += "var _, _, _ = errors.New, fmt.Sprint, strings.NewReader\n\n"

# the gopher-lua shape: every write of src comes before the reader is made
OPENED = """var errMissing = errors.New("no such script")

// Load returns a script without its #! line: files[name], or stdin when name is empty.
func Load(name string, files map[string]string, stdin io.Reader) (string, error) {
	var src io.Reader
	if name == "" {
		src = stdin
	} else {
		text, ok := files[name]
		if !ok {
			return "", errMissing
		}
		src = strings.NewReader(text)
	}
	reader := bufio.NewReader(src)
	c, err := reader.ReadByte()
	if err != nil && err != io.EOF {
		return "", err
	}
	if c == '#' {
		if _, err := reader.ReadString('\\n'); err != nil {
			return "", nil
		}
	} else if err != io.EOF {
		reader.UnreadByte()
	}
	var b strings.Builder
	for {
		line, err := reader.ReadString('\\n')
		b.WriteString(line)
		if err == io.EOF {
			return b.String(), nil
		} else if err != nil {
			return "", err
		}
	}
}
"""

# a write after the site: the caller's own bufio.Reader is read on after Header returns
AFTER = """// Header reads the header lines of src up to a blank line; the body stays unread in src.
func Header(src io.Reader) ([]string, error) {
	br := bufio.NewReader(src)
	src = nil // from here on only br reads
	var lines []string
	for {
		line, err := br.ReadString('\\n')
		if err != nil {
			return lines, err
		}
		if line == "\\n" {
			return lines, nil
		}
		lines = append(lines, strings.TrimSuffix(line, "\\n"))
	}
}

// Message splits a message into its header lines and its body, read through one bufio.Reader.
func Message(r *bufio.Reader) string {
	h, err := Header(r)
	body, _ := r.ReadString(0)
	return fmt.Sprint(h, err, body)
}
"""

# case -> (source, the reason it declines)
DECLINED = {
    "closure": (
        """// First returns the first line of src.
func First(src io.Reader) (line string) {
	defer func() { src = nil }()
	br := bufio.NewReader(src)
	line, _ = br.ReadString('\\n')
	return line
}
""",
        "src is written in a func literal (line 15): another goroutine may change it between the Get and the Put",
    ),
    "outer": (
        """// Handler returns a function that reads one line of src per call.
func Handler(src io.Reader) func() string {
	if src == nil {
		src = strings.NewReader("")
	}
	return func() string {
		br := bufio.NewReader(src)
		line, _ := br.ReadString('\\n')
		return line
	}
}
""",
        "src is declared outside the func literal (line 14): another goroutine may change it between the Get",
    ),
    "address": (
        """// Tail reads the first line of src, then points src at what is left.
func Tail(src io.Reader) string {
	br := bufio.NewReader(src)
	line, _ := br.ReadString('\\n')
	rest(&src, br)
	return line
}

func rest(p *io.Reader, br *bufio.Reader) { *p = br }
""",
        "src is written or its address taken in the function: Put must see what Get saw",
    ),
}

PROBE = (
    'func() (s string) { defer func() { if e := recover(); e != nil { s = fmt.Sprint("panic: ", e) } }(); '
    'return {pkg}.Message({pkg}.Own("a: 1\\nb: 2\\n\\nbody\\n")) }()'
)
# the caller's own bufio.Reader, made where the rule does not look (not a `:=` of the package's)
OWN = """
// Own is a bufio.Reader over text.
func Own(text string) *bufio.Reader { return bufio.NewReader(strings.NewReader(text)) }
"""


def _source(name: str, body: str) -> str:
    return HEAD.format(name=name) + body


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    cases = {"opened": OPENED, "after": AFTER + OWN, **{n: c[0] for n, c in DECLINED.items()}}
    return proposals_by_case(
        tmp_path_factory.mktemp("written-wrapped"), RULE, {n: _source(n, b) for n, b in cases.items()}
    )


def _reader(found: list):
    return [p for p in found if "bufio.size" in (p.site if isinstance(p, Declined) else p.targets[0]).message]


@pytest.mark.parametrize("name", ["opened", "after"])
def test_a_reader_over_a_variable_its_function_writes_is_pooled(found, name):
    (fix,) = _reader(found[name])
    assert isinstance(fix, Fix), fix


@pytest.mark.parametrize("name", sorted(DECLINED))
def test_declined(found, name):
    (verdict,) = _reader(found[name])
    assert isinstance(verdict, Declined) and DECLINED[name][1] in verdict.reason, verdict


def test_the_pooled_reader_allocates_less_and_reads_the_same(found, tmp_path):
    source = _source("opened", OPENED)
    (fix,) = _reader(found["opened"])
    call = '{pkg}.Load("a", map[string]string{"a": "#!/bin/lua\\nprint(1)\\nprint(2)\\n"}, nil)'
    measured = allocs_of(tmp_path, {"opened": (source, edited(source, fix), call)})
    for toolchain in releases():
        before, after, result, rewritten = measured[toolchain.version]["opened"]
        assert after < before and result == rewritten, (toolchain.version, before, after, result, rewritten)


def test_the_put_sees_what_the_get_saw_and_a_put_read_at_return_does_not(found, tmp_path, toolchain):
    """The rule's rewrite of a write after the site keeps the caller's Reader; the naive Put reading src
    at the return (a deferred closure) resets it to nil and pools it: the caller's next read panics."""
    source = _source("after", AFTER + OWN)
    (fix,) = _reader(found["after"])
    rewritten = edited(source, fix)
    assert "\tbr := getBufioReader(src)\n\tdefer putBufioReader(br, src)\n" in rewritten, rewritten
    late = rewritten.replace("defer putBufioReader(br, src)", "defer func() { putBufioReader(br, src) }()")
    cases = {"after": (source,), "late": (source.replace("package after", "package late", 1),)}
    late = late.replace("package after", "package late", 1)
    naive = {"after": (lambda _: rewritten, PROBE), "late": (lambda _: late, PROBE)}
    _, values = naive_mutants(tmp_path, toolchain, cases, naive)
    before, after = values["after"]
    assert before == after and "body" in before, values
    before, after = values["late"]
    assert before != after and "panic" in after, values
