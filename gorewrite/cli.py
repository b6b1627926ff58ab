"""The command line: check | fix [--dry-run] | apply | why | lsp | rules | explain. Exit 0 clean, 1 pending, 2 error."""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import traceback
from contextlib import contextmanager
from dataclasses import replace
from functools import partial

import click

from gorewrite import __version__, baseline, changed, config, github, leftovers, progress, report, sarif, settings
from gorewrite import why as explain_site
from gorewrite.apply import module_root, patched, read_patch
from gorewrite.errors import UserError, os_problem
from gorewrite.packages import is_generated
from gorewrite.pipeline import analyse
from gorewrite.pipeline import fix as run_fix
from gorewrite.proposed import tag
from gorewrite.rules import RULES, select
from gorewrite.syntax import rule_data
from gorewrite.terminal import colored
from gorewrite.write import Interrupted, write_all


class Failure(click.ClickException):
    """A UserError on its way out: one line on stderr, exit 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"gorewrite: error: {self.message}", err=True)


def _out(text: str) -> None:
    """Data to stdout, bytes-exact (diffs may carry any bytes a file held)."""
    sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
    sys.stdout.flush()


def _err(text: str) -> None:
    click.echo(text, err=True, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gorewrite")
def cli() -> None:
    """Rewrite Go code so the compiler keeps values on the stack; every rewrite verified by the compiler."""


@cli.command()
@click.argument("patterns", nargs=-1)
@settings.rule_option
@settings.format_option
@settings.go_option
@settings.tags_option
@settings.toolchain_option
@settings.check_options
@settings.diff_from_option
@settings.diff_file_option
@click.option(
    "--baseline",
    "baseline_file",
    metavar="FILE",
    help="Report only heap escapes not in FILE, and exit 1 if there are any; records FILE when it does not exist.",
)
@click.option("--update-baseline", is_flag=True, help="With --baseline: record today's escapes in FILE.")
@settings.verbose_option
@settings.quiet_option
def check(
    patterns,
    rules,
    fmt,
    go,
    tags,
    releases,
    diff_from,
    diff_file,
    baseline_file,
    update_baseline,
    verbose,
    quiet,
    **rule_values,
) -> None:
    """List the heap escapes the compiler reports, and the rule that proposes a rewrite for each (fix
    verifies it with the compiler; -v lists the sites the rules decline, and why)."""
    cwd = os.getcwd()
    conf = config.load(cwd)
    selected = settings.rules(rules, conf)
    toolchains = settings.toolchains(go, tags, releases or conf.toolchains, cwd)
    options = settings.options(
        conf, cwd, rule_values=rule_values, diff_from=diff_from, diff_file=diff_file, go=toolchains[0].go
    )
    with _progress(quiet) as step:
        options = replace(options, progress=step, exports=True)
        run, views, candidates = analyse(toolchains, list(patterns) or ["./..."], cwd, selected, options)
        tag(toolchains, cwd, selected, run, views, candidates, options)
    if update_baseline and not baseline_file:
        raise UserError("--update-baseline needs --baseline FILE")
    news = baseline.against(run, views, baseline_file, update_baseline) if baseline_file else ""
    render = {"json": report.check_json, "github": github.check_annotations, "sarif": sarif.check_log}.get(
        fmt, partial(report.check_text, verbose=verbose)
    )
    _out(render(run, cwd))
    _err(
        report.broken_text(run, cwd)
        + ("" if quiet else report.check_summary(run, fmt == "text" and not verbose, sys.stderr.isatty()) + news)
    )
    if run.broken:
        raise SystemExit(2)
    if baseline_file and run.sites:
        raise SystemExit(1)


@cli.command()
@click.argument("patterns", nargs=-1)
@settings.rule_option
@click.option("--dry-run", is_flag=True, help="Print the verified diff; write nothing (exit 1 if it is not empty).")
@click.option(
    "--verify",
    "checks",
    type=click.Choice(["build", "tests", "bench"]),
    multiple=True,
    help="build (always), tests: also go vet and go test each affected package with the rewrites; "
    "bench: also run its benchmarks before and after (reject what allocates more). Repeatable.",
)
@settings.format_option
@settings.go_option
@settings.tags_option
@settings.toolchain_option
@settings.fix_options
@settings.diff_from_option
@settings.diff_file_option
@click.option(
    "--unsafe-fixes", is_flag=True, help="Also verify and apply unsafe fixes (they change a declaration's signature)."
)
@click.option(
    "--speculative",
    is_flag=True,
    help="Also verify and apply speculative fixes: they remove the allocation for some inputs only "
    "(make-const's buffer sized by --stack-budget, where the code proves no bound).",
)
@settings.verbose_option
@settings.quiet_option
def fix(
    patterns,
    rules,
    dry_run,
    checks,
    fmt,
    go,
    tags,
    releases,
    diff_from,
    diff_file,
    unsafe_fixes,
    speculative,
    verbose,
    quiet,
    **rule_values,
) -> None:
    """Propose rewrites, verify each with the compiler, and apply (or print) the verified ones."""
    cwd = os.getcwd()
    conf = config.load(cwd)
    selected = settings.rules(rules, conf)
    _err(leftovers.said(leftovers.remove_overlays()))
    for pattern in patterns:
        if pattern.endswith(".go") and os.path.isfile(pattern) and is_generated(pattern):
            raise UserError(
                f"{pattern} is generated (`// Code generated ... DO NOT EDIT.`): change its generator instead"
            )
    toolchains = settings.toolchains(go, tags, releases or conf.toolchains, cwd)
    options = settings.options(
        conf,
        cwd,
        checks=checks,
        rule_values=rule_values,
        unsafe_fixes=unsafe_fixes,
        speculative=speculative,
        diff_from=diff_from,
        diff_file=diff_file,
        go=toolchains[0].go,
    )
    for name in rules or conf.rules or ():  # a rule asked for by name says when the releases give it nothing to do
        note = RULES[name].precheck([tc.version for tc in toolchains]) if RULES[name].precheck else None
        if note:
            click.echo(f"gorewrite: {note}", err=True)
    with _progress(quiet) as step:
        run = run_fix(toolchains, list(patterns) or ["./..."], cwd, selected, replace(options, progress=step))
    if not dry_run:
        foreign = sorted({p.import_path for p in run.packages if p.standard or not p.module_root})
        if foreign and run.changes:
            raise UserError(f"{foreign[0]} is part of the Go installation, not your module: use --dry-run")
        _err(leftovers.tidy_sources({p.dir for p in run.packages if p.rewritable}))
        write_all([(run.snapshots[path], new) for path, new in sorted(run.changes.items())], run.roots)
    with _written(run.changes if not dry_run else {}):
        diff = report.diff(run)
        if fmt == "json":
            _out(report.fix_json(run, cwd))
        elif fmt == "github":
            _out(github.fix_annotations(run, cwd, applied=not dry_run))
        elif fmt == "sarif":
            _out(sarif.fix_log(run, cwd))
        elif dry_run:
            _out(colored(diff) if sys.stdout.isatty() else diff)
        table = sys.stderr.isatty()
        summary = "" if quiet else report.fix_summary(run, cwd, applied=not dry_run, verbose=verbose, table=table)
        _err(report.broken_text(run, cwd) + summary)
    if run.broken:
        raise SystemExit(2)
    if dry_run and diff:
        raise SystemExit(1)


@contextmanager
def _written(paths):
    """Reporting on files written: an interrupt or an error (a closed pipe, a full disk) says so, not "nothing"."""
    try:
        yield
    except KeyboardInterrupt:
        if not paths:
            raise
        raise Interrupted(f"every file had been written: {', '.join(sorted(paths))}") from None
    except OSError as err:
        if not paths:
            raise
        raise UserError(f"{os_problem(err)}; every file had been written: {', '.join(sorted(paths))}") from None


@contextmanager
def _progress(quiet: bool):
    """The progress callback for a run: a spinner on a terminal, silence elsewhere."""
    spinner = progress.for_terminal(quiet)
    if spinner is None:
        yield progress.silent
    else:
        with spinner:
            yield spinner


@cli.command()
@click.argument("site", metavar="FILE:LINE[:COL]")
@settings.go_option
@settings.tags_option
@settings.toolchain_option
@settings.profile_options
def why(site, go, tags, releases, **profile_values) -> None:
    """Why a value on that line escapes (the compiler's flow), and what a rule would do about it."""
    cwd = os.getcwd()
    conf = config.load(cwd)
    path, line = explain_site.site(site, cwd)
    _err(leftovers.said(leftovers.remove_overlays()))
    toolchains = settings.toolchains(go, tags, releases or conf.toolchains, cwd)
    options = settings.options(conf, cwd, rule_values=profile_values, go=toolchains[0].go)
    _out(explain_site.explain(toolchains, path, line, cwd, settings.rules((), conf), options))


@cli.command()
def lsp() -> None:
    """Serve the Language Server Protocol on stdin/stdout: escapes, their flow, verified rewrites."""
    from gorewrite.lsp import serve  # pygls, lsprotocol: the `lsp` extra

    serve()


@cli.command("rules")
def list_rules() -> None:
    """List the rules."""
    width = max(len(name) for name in RULES)
    for name, rule in RULES.items():
        _out(f"{name:<{width}}  {rule.summary}\n")


@cli.command()
@click.argument("rule")
def explain(rule) -> None:
    """Print a rule's documentation (rendered on a terminal, Markdown when piped)."""
    (chosen,) = select([rule])
    text = (rule_data(chosen.name) / "README.md").read_text()
    if not sys.stdout.isatty():
        _out(text)
        return
    from rich.console import Console  # rendered only for a reader at a terminal
    from rich.markdown import Markdown

    Console().print(Markdown(text))


@cli.command("apply")
@click.argument("patch", metavar="PATCH")
def apply_patch(patch) -> None:
    """Apply a reviewed diff from `fix --dry-run` (- for stdin): all hunks, checked against the files, or none."""
    root = module_root(os.getcwd())
    pairs = patched(read_patch(patch), root, changed.toplevel(root))
    _err(leftovers.tidy_sources({os.path.dirname(os.path.realpath(s.path)) for s, _ in pairs}))
    write_all(pairs, {snapshot.path: root for snapshot, _ in pairs})
    with _written([snapshot.path for snapshot, _ in pairs]):
        _err(
            f"gorewrite: applied the patch to {len(pairs)} file{'' if len(pairs) == 1 else 's'}\n"
            if pairs
            else "gorewrite: nothing to apply: the patch is empty\n"
        )


def main(argv: list[str] | None = None) -> int:
    """Entry point: UserError and OSError become one line and exit 2, a bug exit 2 with its traceback;
    Ctrl-C and SIGTERM exit 130, saying what was written."""
    if argv is None:  # the process is this command: a `check std`'s ~1M objects live to its end, and full
        gc.freeze()  # collections walked them all (0.15 of 1.1 s CPU); now rare, and cycles are still collected
        gc.set_threshold(50_000, 20, 10)
    previous = (
        signal.signal(signal.SIGTERM, _terminate) if threading.current_thread() is threading.main_thread() else None
    )
    try:
        cli.main(args=argv, prog_name="gorewrite", standalone_mode=False)
    except UserError as err:
        Failure(str(err)).show()
        return 2
    except (click.exceptions.Abort, KeyboardInterrupt) as err:
        cause = err.__cause__ if isinstance(err, click.exceptions.Abort) else err  # click wraps Ctrl-C in Abort
        said = str(cause) if isinstance(cause, Interrupted) else "nothing was written"
        leftovers.remove_overlays(os.getpid())
        click.echo(f"gorewrite: interrupted; {said}", err=True)
        return 130
    except click.ClickException as err:
        err.show()
        return 2 if isinstance(err, click.UsageError) else err.exit_code
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 0
    except OSError as err:  # the environment, not gorewrite: a full disk, a file it may not read, no file handles left
        Failure(f"{os_problem(err)}; nothing was written").show()
        return 2
    except Exception:  # a bug in gorewrite: exit 2 like any error, never 1 ("rewrites pending")
        click.echo(traceback.format_exc().rstrip(), err=True)
        click.echo(f"gorewrite: internal error in {__version__}: please report it with the lines above", err=True)
        return 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0


def _terminate(signum, frame) -> None:
    """SIGTERM unwinds like Ctrl-C: overlay directories are removed and a commit in progress is rolled back."""
    raise KeyboardInterrupt
