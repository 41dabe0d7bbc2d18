"""Patterns that scan untrusted text, compiled for RE2, which never backtracks.

A backtracking engine (Python's ``re``) can take time quadratic or worse in a
line's length when a pattern can match the same characters in several ways or
must be retried from every position ("«««…" with no closing quote, a line of
forty thousand dots): one scraped page then stalls a whole batch. RE2 runs in
time linear in the text for every pattern it accepts, so the patterns that
scan whole lines or texts go through it.

RE2 reads ``\\w``, ``\\s``, ``\\d`` as ASCII classes, where ``re`` reads them as
Unicode ones; :func:`compile` rewrites them into the Unicode classes ``re``
means, so that a pattern keeps matching Cyrillic words and non-breaking spaces
exactly as before. RE2 has no backreferences, lookarounds or Unicode ``\\b``:
such a pattern is refused here (it must be rewritten, or kept in ``re`` with a
bound on what it reads).
"""
from __future__ import annotations

import re

import re2

#: every character ``str.isspace`` (and so ``re``'s ``\\s``) holds, in RE2's syntax.
SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
#: ``re``'s ``\\w`` on text: letters, numbers (str.isalnum) and the underscore.
WORD = r"\pL\pN_"
DIGIT = r"\p{Nd}"
#: a class no character is in: RE2 has no lookahead for ``(?!)``.
NEVER = r"[^\x00-\x{10ffff}]"

_OUTSIDE = {"s": f"[{SPACE}]", "S": f"[^{SPACE}]", "w": f"[{WORD}]", "W": f"[^{WORD}]",
            "d": DIGIT, "D": r"\P{Nd}"}
_INSIDE = {"s": SPACE, "w": WORD, "d": DIGIT}
_FLAGS = ((re.IGNORECASE, "i"), (re.DOTALL, "s"), (re.MULTILINE, "m"))


def translate(pattern: str) -> str:
    """``pattern`` with ``re``'s Unicode shorthand classes spelt out for RE2."""
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            table = _INSIDE if in_class else _OUTSIDE
            if nxt in table:
                out.append(table[nxt])
            elif nxt in "bBSWD" or (nxt.isdigit() and nxt != "0"):
                raise ValueError(f"RE2 cannot run {pattern!r}: \\{nxt} has no linear-time equivalent here")
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if not in_class and pattern.startswith("(?!)", i):  # what never matches, as lang writes it
            out.append(NEVER)
            i += 4
            continue
        if in_class:
            if ch == "]" and not (out and out[-1] in ("[", "[^")):
                in_class = False
        elif ch == "[":
            in_class = True
            if pattern.startswith("[^", i):
                out.append("[^")
                i += 2
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def compile(pattern: str, flags: int = 0) -> re2._Regexp:  # noqa: A001  (it is re.compile's counterpart)
    """``re.compile(pattern, flags)``'s matches, found in linear time."""
    inline = "".join(letter for flag, letter in _FLAGS if flags & flag)
    return re2.compile((f"(?{inline})" if inline else "") + translate(pattern))
