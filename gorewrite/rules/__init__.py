"""The rule registry: every module in this package defining RULE is a rule, by discovery."""

from __future__ import annotations

import importlib
import pkgutil

from gorewrite.errors import UserError
from gorewrite.proposals import Rule


def _discover() -> dict[str, Rule]:
    found: dict[str, Rule] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            found[rule.name] = rule
    return dict(sorted(found.items()))


RULES: dict[str, Rule] = _discover()


def select(names: tuple[str, ...] | list[str]) -> list[Rule]:
    """The named rules (all when none are named); an unknown name is a user error."""
    if not names:
        return list(RULES.values())
    unknown = [n for n in names if n not in RULES]
    if unknown:
        raise UserError(f"unknown rule {unknown[0]!r}: known rules are {', '.join(RULES)} (see `gorewrite rules`)")
    return [RULES[n] for n in dict.fromkeys(names)]
