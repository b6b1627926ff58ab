""".gorewrite.toml at the module root: a team's settings, so every run (hook, CI, laptop) agrees.

    rules = ["closure", "make-const"]   # the rules to run (default: all)
    disable = ["iface-direct"]          # rules never to run
    exclude = ["internal/gen/*"]         # files never reported or rewritten (globs, relative to the file's directory)
    stack-budget = 256                  # a rule's own setting: make-const's bytes per stack buffer
    toolchains = ["go1.24.11", "go1.27.3"]
    verify = ["tests"]                  # tests and/or bench, besides the build
    unsafe-fixes = false
    speculative = false                 # also fixes that remove the allocation for some inputs only
    profile = ["prof/mem.out"]          # pprof profiles that rank the sites (relative to this file), as --profile
    hot = 0.9                           # with a profile: fix the hottest lines holding this share, as --hot

Command-line flags override it. An unknown key or a value of the wrong type is an error that
names the key.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field

from gorewrite.errors import UserError, os_problem
from gorewrite.rules import OPTIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

NAME = ".gorewrite.toml"
LISTS = ("rules", "disable", "exclude", "toolchains", "verify")
SWITCHES = ("unsafe-fixes", "speculative")


@dataclass(frozen=True)
class Config:
    """The settings of one .gorewrite.toml (empty when there is none)."""

    path: str | None = None
    rules: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rule_options: dict[str, int] = field(default_factory=dict)  # a rule's own settings (RuleOption), by name
    toolchains: tuple[str, ...] = ()
    verify: tuple[str, ...] = ()
    unsafe_fixes: bool | None = None
    speculative: bool | None = None
    profile: tuple[str, ...] = ()  # absolute paths
    hot: float | None = None

    def excluded(self, path: str) -> bool:
        """Does an `exclude` glob match the file (relative to the config's directory)?"""
        if not self.exclude or self.path is None:
            return False
        rel = os.path.relpath(path, os.path.dirname(self.path)).replace(os.sep, "/")
        return not rel.startswith("../") and any(fnmatch.fnmatchcase(rel, glob) for glob in self.exclude)


def load(cwd: str) -> Config:
    """The .gorewrite.toml in cwd or the nearest parent up to the module root (the directory with go.mod)."""
    here = os.path.abspath(cwd)
    while True:
        candidate = os.path.join(here, NAME)
        if os.path.isfile(candidate):
            return parse(candidate)
        parent = os.path.dirname(here)
        if os.path.isfile(os.path.join(here, "go.mod")) or parent == here:
            return Config()
        here = parent


def parse(path: str) -> Config:
    """Read and check one config file; every problem is a UserError naming the file and key."""
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except UnicodeDecodeError as err:
        raise UserError(
            f"{path}: not UTF-8 (byte {err.object[err.start]:#04x} at offset {err.start}): "
            "TOML files are UTF-8, save it as such"
        ) from None
    except OSError as err:
        raise UserError(f"{path}: {os_problem(err)}") from None
    except tomllib.TOMLDecodeError as err:
        raise UserError(f"{path}: {err}") from None
    fields = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if key in LISTS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UserError(f"{path}: {key} must be a list of strings")
            fields[name] = tuple(value)
        elif key in OPTIONS:
            option = OPTIONS[key]
            if not isinstance(value, int) or isinstance(value, bool) or not option.low <= value <= option.high:
                raise UserError(f"{path}: {key} must be a whole number from {option.low} to {option.high}")
            fields.setdefault("rule_options", {})[key] = value
        elif key == "profile":
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise UserError(f"{path}: profile must be a list of pprof files (relative to {NAME})")
            fields[name] = tuple(os.path.join(os.path.dirname(path), v) for v in value)
        elif key == "hot":
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 < value <= 1:
                raise UserError(f"{path}: hot must be a fraction above 0 and at most 1, such as 0.9")
            fields[name] = float(value)
        elif key in SWITCHES:
            if not isinstance(value, bool):
                raise UserError(f"{path}: {key} must be true or false")
            fields[name] = value
        else:
            known = ", ".join([*LISTS, *OPTIONS, *SWITCHES, "profile", "hot"])
            raise UserError(f"{path}: unknown key {key!r} (known keys: {known})")
    bad = [v for v in fields.get("verify", ()) if v not in ("build", "tests", "bench")]
    if bad:
        raise UserError(f"{path}: verify takes build, tests and bench, not {bad[0]!r}")
    return Config(path=path, **fields)
