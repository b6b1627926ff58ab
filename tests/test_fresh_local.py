"""rulekit.fresh_local: the one namer of a local (closure's pointee copies, iface-direct's case elements) and of a
loop's label (breaks.py): a name no word of the scope's text spells and no keyword, however many are taken."""

from __future__ import annotations

from gorewrite.rulekit import fresh_local
from gorewrite.syntax import parse


def function(body: str):
    return parse(f"package p\n\nfunc f() {{\n{body}}}\n".encode()).root_node.named_children[1]


def test_the_stem_when_free_and_the_next_number_when_not():
    assert fresh_local(function("\tx := 1\n\t_ = x\n"), "plan") == "plan"
    assert fresh_local(function("\tplan, plan2 := 1, 2\n\t_, _ = plan, plan2\n"), "plan") == "plan3"


def test_no_keyword_and_no_limit_on_taken_names():
    assert fresh_local(function(""), "type") == "type2"
    taken = "".join(f"\tvar loop{k} int\n\t_ = loop{k}\n" for k in ["", *range(2, 130)])
    assert fresh_local(function(taken), "loop") == "loop130"  # a bounded search stopped at loop98


def test_a_taken_name_with_letters_beyond_ascii():  # field_copies' stem of `cfg.Über` is cfgÜber
    assert fresh_local(function("\tcfgÜber := 1\n\t_ = cfgÜber\n"), "cfgÜber") == "cfgÜber2"
