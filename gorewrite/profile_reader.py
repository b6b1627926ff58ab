"""Read a pprof profile with the library behind `go tool pprof` (github.com/google/pprof/profile, vendored in
pprofread/ with its LICENSE): a small Go helper, built once into the user cache, parses the profile and prints
each line's summed values as a profile_cache entry. In Python, walking a 50 MB profile's objects took 3-4 s.

The helper is built offline (-mod=vendor) by the user's go, for the host, on first use; it reads no export
data, so one binary serves every toolchain and is named by its sources alone.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from gorewrite import cache
from gorewrite.errors import UserError
from gorewrite.toolchain import find_toolchain

try:  # ISA-L's inflate: half the time of zlib's on a 50 MB profile (0.27 against 0.53 s); zlib where isal has no wheel
    from isal.igzip import decompress as gunzip
    from isal.isal_zlib import error as InflateError
except ImportError:  # pragma: no cover
    from gzip import decompress as gunzip
    from zlib import error as InflateError

SOURCE = Path(__file__).parent / "pprofread"


def entry(path: str, data: bytes, go: str | None) -> bytes:
    """The profile_cache entry of the profile file `path` holds `data`; UserError when it is not a profile.
    Unzipped here: ISA-L takes a third of the time of Go's compress/flate, zlib two thirds."""
    try:
        raw = gunzip(data) if data[:2] == b"\x1f\x8b" else data  # pprof accepts both
    except (OSError, EOFError, InflateError) as err:
        raise UserError(f"{path}: not a pprof profile ({err}); give what go test -memprofile or pprof writes") from None
    done = subprocess.run([str(helper(go)), str(len(raw))], input=raw, capture_output=True, check=False)
    said = done.stderr.decode(errors="replace").strip().splitlines()
    if done.returncode == 1 and said:
        raise UserError(f"{path}: {said[0]}")
    if done.returncode != 0:  # a crash: its first line says what
        raise UserError(f"{path}: not a pprof profile (the reader failed: {said[0] if said else done.returncode})")
    return done.stdout


def code() -> bytes:
    """The helper's sources, the vendored library's included, each with its path: what names the binary."""
    digest = hashlib.sha256()
    for path in sorted(p for p in SOURCE.rglob("*") if p.is_file()):
        digest.update(f"\0{path.relative_to(SOURCE).as_posix()}\0".encode() + path.read_bytes())
    return digest.digest()


def helper(go: str | None) -> Path:
    """The helper binary, built on first use with `go` (else the go gorewrite finds): a few seconds, once."""
    binary = cache.directory() / f"pprofread-{code().hex()[:12]}"
    if binary.is_file():
        return binary
    go = go or find_toolchain().go
    base = {**os.environ, "CGO_ENABLED": "0", "GOFLAGS": "-mod=vendor", "GOWORK": "off", "GOTOOLCHAIN": "local"}
    host = subprocess.run([go, "env", "GOHOSTOS", "GOHOSTARCH"], env=base, capture_output=True, check=False)
    goos, goarch = (host.stdout.decode().split() + ["", ""])[:2]
    env = {**base, "GOOS": goos, "GOARCH": goarch}  # for this machine whatever the user targets

    def build(partial: str) -> None:
        done = subprocess.run([go, "build", "-o", partial, "."], cwd=SOURCE, env=env, capture_output=True, check=False)
        if done.returncode != 0:
            said = done.stderr.decode(errors="replace").strip().splitlines()
            raise UserError(f"cannot build gorewrite's pprof reader with {go}: {said[-1] if said else 'no output'}")

    try:
        cache.install(binary, build)
    except OSError as err:
        raise UserError(f"cannot build gorewrite's pprof reader in {binary.parent}: {err}") from None
    return binary
