"""The parsed diagnostics cache: a hit gives what the parse gave, and anything the parse reads makes a new entry."""

from __future__ import annotations

import pytest

from gorewrite import escapes, parsed
from gorewrite.escapes import Escape

FILES = ("/m/a/a.go", "/m/a/b.go")
LINES = [f"a/a.go:{n}:2: moved to heap: x{n}" for n in range(1, 400)] + [
    f"b.go:{n}:9: can inline f{n}" for n in range(1, 400)
]
OTHERS = ["a/a.go:9:9: inlining call to g", "a/a.go:9:9: leaking param: p"]
OUTPUT = "# example.com/a\n" + "\n".join(LINES + OTHERS) + "\n"


class Counting:
    """escapes.parse, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args) -> list[Escape]:
        self.calls += 1
        return PARSE(*args)


PARSE = escapes.parse


@pytest.fixture
def counting(tmp_path, monkeypatch):
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path))
    parse = Counting()
    monkeypatch.setattr(escapes, "parse", parse)
    return parse


def test_a_hit_gives_the_same_escapes_without_parsing(counting):
    assert len(OUTPUT) >= parsed.SMALL
    first = parsed.Recalled()
    assert first(OUTPUT, "/m", FILES) == PARSE(OUTPUT, "/m", FILES)
    assert first.stored and counting.calls == 1
    again = parsed.Recalled()
    found = again(OUTPUT, "/m", FILES)
    assert found == PARSE(OUTPUT, "/m", FILES) and all(type(e) is Escape for e in found)
    assert counting.calls == 1 and not again.stored


@pytest.mark.parametrize(
    "changed",
    [
        (OUTPUT.replace("x17", "y17"), "/m", FILES, False),  # the output
        (OUTPUT, "/elsewhere", FILES, False),  # the directory go printed relative to
        (OUTPUT, "/m", ("/m/a/a.go",), False),  # the files that resolve printed paths
        (OUTPUT, "/m", FILES, True),  # `inlining call to` kept
    ],
)
def test_anything_the_parse_reads_makes_a_new_entry(counting, changed):
    parsed.Recalled()(OUTPUT, "/m", FILES, False)
    assert parsed.Recalled()(*changed) == PARSE(*changed)
    assert counting.calls == 2


def test_small_outputs_are_parsed_not_stored(counting, tmp_path):
    small = "a/a.go:4:2: moved to heap: x\n"
    assert parsed.Recalled()(small, "/m", FILES) == parsed.Recalled()(small, "/m", FILES) == PARSE(small, "/m", FILES)
    assert counting.calls == 2 and not (tmp_path / "parsed").exists()


def test_a_damaged_entry_is_parsed_again(counting, tmp_path):
    parsed.Recalled()(OUTPUT, "/m", FILES)
    (entry,) = (tmp_path / "parsed").glob("*.json")
    for damage in (b'[["/m/a/a.go"], [[0, 1', b'[["/m/a/a.go"], [[5, 1, 2, "x"]]]', b"{}"):
        entry.write_bytes(damage)
        assert parsed.Recalled()(OUTPUT, "/m", FILES) == PARSE(OUTPUT, "/m", FILES)
    assert counting.calls == 4


def test_absolute_paths_parse_alike_from_any_directory(counting):
    """std's output names its files by absolute paths: a run from another directory reads the entry (a fresh
    directory re-parsed all of std's, 0.3-2.6 s); one relative line anywhere and the directory counts again."""
    absolute = OUTPUT.replace("\na/a.go:", "\n/m/a/a.go:").replace("\nb.go:", "\n/m/a/b.go:")
    parsed.Recalled()(absolute, "/m", FILES)
    assert parsed.Recalled()(absolute, "/elsewhere", FILES) == PARSE(absolute, "/elsewhere", FILES)
    assert counting.calls == 1
    relative = absolute + "a/a.go:3:3: moved to heap: z\n"
    assert parsed.Recalled()(relative, "/m", FILES) == PARSE(relative, "/m", FILES)
    assert parsed.Recalled()(relative, "/m/a", FILES) == PARSE(relative, "/m/a", FILES)
    assert counting.calls == 3
