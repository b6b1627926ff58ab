"""The escape compile asked of `go list -export` instead of `go build`: on a warm cache one go command
replays the compile's `-m` output (on its stderr, a `# import/path` section per package) and names each
package's export data, which the proposals' keys would otherwise list in a third go command. Cold it is
still one compile (go list builds what it exports); it does not link, so a command's link error would go
unseen: a listing that names a `main` package, or any error, is not clean, and the caller builds instead."""

from __future__ import annotations

import subprocess
import tempfile
import time

from gorewrite import packages
from gorewrite.escapes import HEADER, EscapeCompile
from gorewrite.packages import json_stream

FIELDS = f"{packages.FIELDS},Export"  # packages.load's, and the export data's


class EscapeListing(EscapeCompile):
    """EscapeCompile's `go build -json` as `go list -e -export -json`: the same compile actions (flags and
    all), so the same cache entries and the same diagnostics."""

    def _start(self, command: list[str], targets: list[str], stdout, stderr) -> subprocess.Popen:
        self.listing = tempfile.TemporaryFile()  # go prints the JSON once all is built: nothing to stream
        self.entries: list[dict] | None = None
        self.targets = targets
        return super()._start(["list", "-e", "-export", f"-json={FIELDS}"], targets, self.listing, subprocess.PIPE)

    def _read(self) -> None:
        try:
            self.events = _sections(self.go.stderr, self.parsed.add)
        except BaseException as err:  # handed to the thread that asks for the result
            self.broke = err

    def listed(self, grace: float) -> list[dict] | None:
        """go list's entries for the patterns, as `go list -json` gives them: this listing's when go ends
        within `grace` seconds (a warm cache's replay) with no package in error. Past it (a cold cache
        compiles: its files are wanted meanwhile, to parse what it prints), a `go list -json` beside it,
        stopped should this listing end well first. None when neither did: the caller lists them itself,
        and hears what went wrong; and with an overlay, whose files load does not list."""
        if self.overlay:
            return None
        try:
            self.go.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            return self._raced()
        return self._entries() if self._listed_well() else None

    def _raced(self) -> list[dict] | None:
        command = ["list", "-e", f"-json={packages.FIELDS}", "--", *self.targets]
        with tempfile.TemporaryFile() as out:
            quiet = subprocess.DEVNULL  # what went wrong is heard from the caller's own go list
            plain = self.toolchain.popen(command, self.cwd, stdout=out, stderr=quiet)
            try:
                while plain.poll() is None:
                    if self.go.poll() is not None and self._listed_well():
                        plain.kill()
                        plain.wait()
                        return self._entries()
                    time.sleep(0.01)
            finally:
                self.toolchain.release(plain)
            out.seek(0)
            return json_stream(out.read().decode()) if plain.returncode == 0 else None

    def clean(self) -> bool:
        """Did go build everything it was asked to, without an error, and is no package a command?"""
        self.reader.join()
        return self._listed_well() and not any(e.get("Name") == "main" for e in self._entries())

    def _listed_well(self) -> bool:
        failed = self.go.wait() != 0
        return not failed and not any(e.get("Error") or e.get("DepsErrors") for e in self._entries())

    def _entries(self) -> list[dict]:
        if self.entries is None:
            self.listing.seek(0)
            self.entries = json_stream(self.listing.read().decode())
        return self.entries

    def exported(self) -> list[dict]:
        """go list's entries (ImportPath, Export, Standard) once read, if every package listed well."""
        return self.entries if self.entries is not None and self._listed_well() else []

    def stop(self) -> None:
        super().stop()
        self.listing.close()


def _sections(stream, output) -> tuple[dict[str, str], set[str], list[str]]:
    """Per import path its output (from its `# path` line on), and the lines before any section, as
    escapes._events gives them; `output(path, text)` is told each section whole, as `go build -json` tells
    an event (parsed.py remembers a parse by its text: pieces cut where a read ended would differ each
    run). go prints each package's output in one write, so a section runs until the next header."""
    outputs: dict[str, str] = {}
    stray: list[str] = []
    current: str | None = None
    pending: list[str] = []

    def ended() -> None:
        if current is not None and pending:
            outputs[current] = outputs.get(current, "") + "".join(pending)
            output(current, "".join(pending))
        elif pending:
            stray.extend("".join(pending).splitlines())
        pending.clear()

    def take(text: str) -> None:  # whole lines
        nonlocal current
        starts = [m.start() for m in HEADER.finditer(text)]
        for number, (start, end) in enumerate(zip([0, *starts], [*starts, len(text)], strict=True)):
            if number:
                ended()
                current = text[start + 2 : text.index("\n", start)].rstrip("\r")
            if start < end:
                pending.append(text[start:end])

    rest = b""
    for chunk in iter(lambda: stream.read1(1 << 16), b""):
        data = rest + chunk
        cut = data.rfind(b"\n") + 1
        rest = data[cut:]
        take(data[:cut].decode(errors="replace"))
    if rest:  # a last line without its newline
        take(rest.decode(errors="replace") + "\n")
    ended()
    return outputs, set(), stray
