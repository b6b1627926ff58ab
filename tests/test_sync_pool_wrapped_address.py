"""sync-pool pools a bufio.Writer over `&buf`, the address of a local the function never writes (probe35a:
`buf` stays, its Bytes returned): the deferred Put, right after the Get, names `&buf` again, the same pointer
(wrappers.py). Measured before and after under both releases. A wrapped expression with an effect is held in a
local of its own first (tests/test_sync_pool_held.py, with the naive Put that evaluates it twice as a mutant); a
`&buf` this run's bytes.Buffer pool rewrites
to `buf`, with "run gorewrite again" (both at once do not compile). A written buf declines as a written w
does, for parity: the Put's `&buf`, evaluated right after the Get, is the same pointer even then, so that
decline guards nothing a mutant could show, and has none."""

from __future__ import annotations

import pytest
from conftest import allocs_of, edited, naive_mutants, proposals_by_case, releases

from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = 'package {name}\n\nimport (\n\t"bufio"\n\t"bytes"\n\t"crypto/sha1"\n\t"encoding/hex"\n)\n\n'
HEAD += "var _, _ = sha1.Sum, hex.EncodeToString\n\n"

# buf must stay (its Bytes are returned); the Writer's 4 KiB buffer comes from the pool
POOLED = """// Envelope writes an SMTP envelope through a bufio.Writer over buf, and returns buf's bytes.
func Envelope(from string, rcpts []string) []byte {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	w.WriteString("MAIL FROM:<" + from + ">\\r\\n")
	for _, r := range rcpts {
		w.WriteString("RCPT TO:<" + r + ">\\r\\n")
	}
	w.Flush()
	return buf.Bytes()
}
"""

# case -> (source, the reason it declines, the naive rewrite, a probe it changes or what the build says)
DECLINED = {
    # buf itself is pooled in this run, which makes `&buf` `buf`: the wrapper waits one run
    "pooled_buffer": (
        """// Fingerprint writes the lines through a bufio.Writer over buf and returns only their hash.
func Fingerprint(lines []string) string {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	for _, l := range lines {
		w.WriteString(l + "\\n")
	}
	w.Flush()
	sum := sha1.Sum(buf.Bytes())
	return hex.EncodeToString(sum[:6])
}
""",
        "buf (line 14) is pooled in this run, which makes `&buf` `buf`: run gorewrite again once that one is applied",
        (
            "\tvar buf bytes.Buffer\n\tw := bufio.NewWriter(&buf)\n",
            "\tbuf := new(bytes.Buffer)\n\tw := getBufioWriter(buf)\n\tdefer putBufioWriter(w, &buf)\n",
        ),
        "does not implement io.Writer",
    ),
}

# the naive rewrites' helpers, as the rule adds them
HELPERS = """
func getBufioWriter(x io.Writer) *bufio.Writer { return bufio.NewWriter(x) }

func putBufioWriter(b *bufio.Writer, x io.Writer) {}
"""

# buf reassigned: declined as a written w is (not a must-decline: see the module)
WRITTEN = """// Twice writes the envelope, then starts buf over and writes it again.
func Twice(from string) []byte {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	w.WriteString("MAIL FROM:<" + from + ">\\r\\n")
	w.Flush()
	buf = bytes.Buffer{}
	w.WriteString("RSET\\r\\n")
	w.Flush()
	return buf.Bytes()
}
"""


def _source(name: str, body: str) -> str:
    return HEAD.format(name=name) + body


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    cases = {"pooled": POOLED, "written": WRITTEN, **{n: c[0] for n, c in DECLINED.items()}}
    return proposals_by_case(
        tmp_path_factory.mktemp("wrapped-address"), RULE, {n: _source(n, b) for n, b in cases.items()}
    )


def _wrapper(found: list):
    return [
        p for p in found if "make([]byte, bufio.size)" in (p.site if isinstance(p, Declined) else p.targets[0]).message
    ]


def test_a_writer_over_the_address_of_a_local_is_pooled(found):
    (fix,) = _wrapper(found["pooled"])
    assert isinstance(fix, Fix), fix
    rewritten = edited(_source("pooled", POOLED), fix)
    assert "\tw := getBufioWriter(&buf)\n\tdefer putBufioWriter(w, &buf)\n" in rewritten


def test_the_pooled_writer_allocates_less_and_writes_the_same(found, tmp_path):
    (fix,) = _wrapper(found["pooled"])
    source = _source("pooled", POOLED)
    cases = {"pooled": (source, edited(source, fix), '{pkg}.Envelope("a@b", []string{"c@d", "e@f"})')}
    measured = allocs_of(tmp_path, cases)
    for toolchain in releases():
        before, after, result, rewritten = measured[toolchain.version]["pooled"]
        assert after < before and result == rewritten, (toolchain.version, before, after)


@pytest.mark.parametrize("name", sorted(DECLINED))
def test_declined(found, name):
    (verdict,) = _wrapper(found[name])
    assert isinstance(verdict, Declined) and DECLINED[name][1] in verdict.reason, verdict


def test_a_pooled_buffer_is_still_pooled(found):
    """The wrapper waits; the buffer's own pool is proposed this run."""
    assert any(isinstance(p, Fix) and "bufferPool" in p.summary for p in found["pooled_buffer"]), found


def test_a_written_buffer_declines_as_a_written_writer(found):
    (verdict,) = _wrapper(found["written"])
    assert isinstance(verdict, Declined) and "buf is written in the function" in verdict.reason, verdict


def test_each_naive_rewrite_is_wrong(tmp_path, toolchain):
    def naive(name: str):
        old, new = DECLINED[name][2]
        head = HEAD.format(name=name).replace('\t"bufio"\n', '\t"bufio"\n\t"fmt"\n\t"io"\n')
        return lambda source: (
            source.replace(HEAD.format(name=name), head + "var _ = fmt.Sprint\n", 1).replace(old, new, 1) + HELPERS
        )

    declines = {n: (_source(n, c[0]),) for n, c in DECLINED.items()}
    built, _ = naive_mutants(tmp_path, toolchain, declines, {n: (naive(n), c[3]) for n, c in DECLINED.items()})
    assert any("does not implement io.Writer" in line for line in built.splitlines() if "pooled_buffer" in line), built
