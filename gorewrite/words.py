"""Where a Go identifier stands as a whole word in source bytes.

re's `\\b` on bytes knows only ASCII letters: a Go identifier may hold any Unicode letter, whose UTF-8 bytes are
0x80 and up, so `\\bδpad\\b` finds no boundary before `δ` and misses `δpad(1000)`. A name is whole where no
identifier byte (ASCII word byte, or any byte of 0x80 and up) borders it.
"""

from __future__ import annotations

import re

START, END = rb"(?<![\w\x80-\xff])", rb"(?![\w\x80-\xff])"


def whole(name: bytes) -> bytes:
    """The pattern of `name` as a whole identifier."""
    return START + re.escape(name) + END
