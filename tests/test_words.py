"""words.whole: a name is whole where no identifier byte borders it, Unicode letters included (re's bytes \\b
takes `δ`'s first byte for a non-word byte, so `\\bδpad` never matched after a space)."""

from __future__ import annotations

import re

from gorewrite.words import whole


def test_a_name_beyond_ascii_is_found_whole():
    assert re.search(whole("δpad".encode()), "\tδpad(1000)".encode())
    assert not re.search(rb"\b" + "δpad".encode(), "\tδpad(1000)".encode())  # what the ASCII boundary missed


def test_a_longer_identifier_is_not_the_name():
    for name, source in (("δpad", "xδpad(1)"), ("δpad", "δpadding(1)"), ("pad", "pad_(1)"), ("pad", "épad(1)")):
        assert not re.search(whole(name.encode()), source.encode()), source
