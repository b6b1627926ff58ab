"""What a run is asked to do: the flags, then .gorewrite.toml, then the defaults, merged once."""

from __future__ import annotations

import os

import click

from gorewrite import changed, config
from gorewrite.errors import UserError
from gorewrite.pipeline import Options
from gorewrite.proposals import Rule
from gorewrite.rules import OPTIONS, select
from gorewrite.toolchain import MIN_MINOR, Toolchain, find_toolchain, pinned, release_minor, switched


def rules(names: tuple[str, ...], conf: config.Config) -> list[Rule]:
    """--rule, else the config's rules less its disabled ones."""
    if names:
        return select(names)
    chosen = select(conf.rules or ())
    disabled = select(conf.disable) if conf.disable else []
    return [r for r in chosen if r not in disabled]


def options(
    conf: config.Config,
    cwd: str,
    checks: tuple[str, ...] = (),
    rule_values: dict | None = None,
    unsafe_fixes: bool = False,
    speculative: bool = False,
    diff_from: str | None = None,
    diff_file: str | None = None,
) -> Options:
    """Flags first, then .gorewrite.toml, then the defaults."""
    if diff_from and diff_file:
        raise UserError("--diff-from and --diff-file both name the change: give one")
    lines = changed.from_git(diff_from, cwd) if diff_from else changed.from_file(diff_file, cwd) if diff_file else None
    return Options(
        checks=frozenset(checks or conf.verify) - {"build"},
        rule_options={
            **conf.rule_options,
            **{k.replace("_", "-"): v for k, v in (rule_values or {}).items() if v is not None},
        },
        unsafe_fixes=unsafe_fixes or bool(conf.unsafe_fixes),
        speculative=speculative or bool(conf.speculative),
        excluded=conf.excluded,
        lines=lines,
    )


def toolchains(go: str | None, tags: str | None, releases: tuple[str, ...], cwd: str) -> list[Toolchain]:
    """The named releases (the first one lists packages), else the go in use plus go.mod's toolchain line."""
    base = find_toolchain(go, tags)
    if not releases:
        gomod = base.run(["env", "GOMOD"], cwd).stdout.decode().strip()
        line = pinned(gomod) if gomod and gomod != os.devnull else None
        if line is None or line == base.version:
            return [base]
        if release_minor(line) < MIN_MINOR:
            click.echo(
                f"gorewrite: not verifying with {line} from go.mod's toolchain line: "
                f"gorewrite needs go1.{MIN_MINOR} or newer",
                err=True,
            )
            return [base]
        releases = (base.version, line)
    return [base if r == base.version else switched(base, r, cwd) for r in dict.fromkeys(releases)]


def rule_options(command):
    """Each rule's own settings as flags (`--stack-budget BYTES`), passed on as `rule_values`."""
    for option in reversed(OPTIONS.values()):
        command = click.option(
            f"--{option.name}",
            option.name.replace("-", "_"),
            type=click.IntRange(option.low, option.high),
            metavar=option.metavar,
            help=option.help,
        )(command)
    return command
