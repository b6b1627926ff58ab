"""The rule registry: one explicit list, so a reader (and an editor) can follow every rule from here.

Adding a rule is one line below and the module it names (CONTRIBUTING.md: "Adding a rule").
"""

from __future__ import annotations

from gorewrite.errors import UserError
from gorewrite.proposals import Rule, RuleOption
from gorewrite.rules import build_variant, closure, iface_direct, make_const, sync_pool

RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in sorted(
        (build_variant.RULE, closure.RULE, iface_direct.RULE, make_const.RULE, sync_pool.RULE), key=lambda r: r.name
    )
}

# Every rule's own settings, by name: flags and .gorewrite.toml keys are made from these.
OPTIONS: dict[str, RuleOption] = {option.name: option for rule in RULES.values() for option in rule.options}


def select(names: tuple[str, ...] | list[str]) -> list[Rule]:
    """The named rules (all when none are named); an unknown name is a user error."""
    if not names:
        return list(RULES.values())
    unknown = [n for n in names if n not in RULES]
    if unknown:
        raise UserError(f"unknown rule {unknown[0]!r}: known rules are {', '.join(RULES)} (see `gorewrite rules`)")
    return [RULES[n] for n in dict.fromkeys(names)]


def required(rules: list[Rule]) -> dict[str, Rule]:
    """The rules that the given ones build on (`requires`), by name, whether selected or not."""
    return {name: RULES[name] for rule in rules for name in rule.requires}
