"""ST_Reclass's range expressions, parsed as PostGIS 3.3 reads them.

An expression is pieces separated by commas, each `source:destination`:

    [0-10):0-100, 10-20]:100, -5--1:(-1--5)

Measured on PostGIS 3.3.2 (tests/analysis/test_reclass_grammar.py holds the cases):
- all white space is ignored, anywhere; empty pieces (`,,`, a trailing comma) are skipped;
- a range is one number (`5`: that value) or two joined by `-`; a `-` that starts a
  number, or follows another `-`, is that number's sign (`-10--1`, `--5` is -5); a range
  of more than two numbers, a piece without exactly one `:`, or a part without a number
  is invalid;
- numbers are read as C's `strtod` reads them: decimal, exponent, hexadecimal, `inf`,
  `nan`, a `+` sign; what follows a number in its part is ignored (`0_1` is 0); a part
  where no number can be read, or one that overflows or underflows, is invalid;
- the source may start with `[` (the minimum included, the default) or `(` (excluded) and
  end with `]` (the maximum included) or `)` (excluded, the default); brackets on the
  destination are accepted and mean nothing. Brackets inside a range (`3-[4`, `3]-4`)
  are not read as PostGIS reads them (it gives odd ranges): plraster finds no number
  there and gives the NOTICE of an invalid expression.
"""
import math
import re
from typing import NamedTuple

from plraster.core.errors import InvalidParameterError

_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_HEX = re.compile(r"[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?")
_SPECIAL = re.compile(r"[+-]?(?:infinity|inf|nan)", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s+")


class ReclassRule(NamedTuple):
    """One `source:destination` piece: the source range with its edge rules, the
    destination range (low and high as written, so a descending one inverts)."""

    src_min: float
    src_max: float
    min_included: bool
    max_included: bool
    dst_min: float
    dst_max: float


class ReclassExpressionError(InvalidParameterError):
    """A reclass expression PostGIS does not accept (ST_Reclass gives a NOTICE)."""


def strtod(token):
    """The double C's strtod reads from the start of token (what follows is ignored, as
    PostGIS ignores it); ReclassExpressionError when it reads nothing or sets ERANGE
    (overflow, underflow)."""
    match = _HEX.match(token)
    if match:
        text = match.group()
        sign = -1.0 if text[0] == "-" else 1.0
        body = text.lstrip("+-")
        if "p" not in body.lower():
            body += "p0"
        try:
            return sign * float.fromhex(body)
        except OverflowError:
            raise ReclassExpressionError("number %r out of range" % text) from None
    match = _SPECIAL.match(token)
    if match:
        return float(match.group().lower().replace("infinity", "inf"))
    match = _DECIMAL.match(token)
    if not match:
        raise ReclassExpressionError("%r is not a number" % token)
    text = match.group()
    value = float(text)
    mantissa = re.split("[eE]", text)[0]
    if math.isinf(value) or (value == 0.0 and re.search("[1-9]", mantissa)) \
            or (value != 0.0 and abs(value) < 2.2250738585072014e-308):
        raise ReclassExpressionError("number %r out of range" % text)
    return value


def _numbers(text):
    """The numbers of a range written without white space or brackets: `-` separates
    them, except where it starts one (then it is the sign)."""
    numbers = []
    negative = False
    for token in text.split("-"):
        if token == "":
            negative = True
            continue
        value = strtod(token)
        numbers.append(-value if negative else value)
        negative = False
    if not 1 <= len(numbers) <= 2:
        raise ReclassExpressionError("a range takes one or two numbers, not %d" % len(numbers))
    return numbers[0], numbers[-1]


def _strip_brackets(text):
    """(text without its leading and trailing brackets, minimum included, maximum
    included): a `(` among the leading brackets excludes the minimum, a `]` among the
    trailing ones includes the maximum (`[(3-4` is `(3-4`, `3-4])` is `3-4]`)."""
    body = text.lstrip("([")
    stripped = body.rstrip(")]")
    return stripped, "(" not in text[:len(text) - len(body)], "]" in body[len(stripped):]


def parse_reclass_expression(expression):
    """The ReclassRules of a reclass expression, in order (the first that matches a value
    applies); ReclassExpressionError when PostGIS would refuse it."""
    rules = []
    for piece in _WHITESPACE.sub("", expression).split(","):
        if piece == "":
            continue
        parts = piece.split(":")
        if len(parts) != 2:
            raise ReclassExpressionError("%r is not source:destination" % piece)
        source, min_included, max_included = _strip_brackets(parts[0])
        src_min, src_max = _numbers(source)
        dst_min, dst_max = _numbers(_strip_brackets(parts[1])[0])
        rules.append(ReclassRule(src_min, src_max, min_included, max_included,
                                 dst_min, dst_max))
    if not rules:
        raise ReclassExpressionError("the expression has no range")
    return rules
