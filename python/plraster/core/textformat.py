"""Number-to-text conversions that PostGIS raster's text outputs depend on.

Each function reproduces one printer exactly: PostgreSQL's float8 output (what
`text || float8` gives), PostgreSQL's numeric conversion of a float8 with `trunc(n, 10)`
(ST_GeoReference), and liblwgeom's coordinate printer (the BOX(...) of ST_Summary).
"""
import math
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal, localcontext

_TEN_DECIMALS = Decimal("1e-10")
_FIFTEEN_DECIMALS = Decimal("1e-15")


def _shortest(value):
    """The shortest decimal that reads back as value (what ryu and repr() print), as a Decimal."""
    return Decimal(repr(value))


def _shortest_inside(value):
    """The shortest decimal strictly inside value's rounding interval, as a Decimal.

    PostgreSQL's copy of ryu never accepts an interval bound, where repr() accepts an even
    one; the two differ only for large integers whose bound is itself a short decimal.
    """
    candidate = Decimal(repr(value))
    exact = Decimal(value)
    mantissa, exponent = math.frexp(abs(value))
    ulp = Decimal(2) ** (exponent - 53) if exponent > -1021 else Decimal(2) ** -1074
    lower_ulp = ulp / 2 if mantissa == 0.5 and exponent > -1021 else ulp
    bounds = (abs(exact) + ulp / 2, abs(exact) - lower_ulp / 2)
    if abs(candidate) not in bounds:
        return candidate
    for digits in range(len(candidate.as_tuple().digits) + 1, 18):
        text = "%.*e" % (digits - 1, value)
        if abs(Decimal(text)) not in bounds and float(text) == value:
            return Decimal(text)
    return candidate


def pg_float8(value):
    """Text of a float8 as PostgreSQL prints it (extra_float_digits = 1, the default):
    shortest round-trip digits, exponent form below 1e-4 and from 1e15 on."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0" if math.copysign(1.0, value) < 0 else "0"
    sign, digits, exponent = _shortest_inside(value).normalize().as_tuple()
    text = "".join(map(str, digits))
    point = len(digits) + exponent  # position of the decimal point in the digit string
    head = "-" if sign else ""
    if point - 1 < -4 or point - 1 >= 15:
        mantissa = text[0] + ("." + text[1:] if len(text) > 1 else "")
        exp = point - 1
        return "%s%se%s%02d" % (head, mantissa, "-" if exp < 0 else "+", abs(exp))
    if point <= 0:
        return head + "0." + "0" * -point + text
    if point >= len(text):
        return head + text + "0" * (point - len(text))
    return head + text[:point] + "." + text[point:]


def numeric_of_float8(value):
    """The numeric PostgreSQL makes of a float8 (`x::numeric`: 15 significant digits), as a
    Decimal; NaN and infinities stay special."""
    if math.isnan(value):
        return Decimal("NaN")
    if math.isinf(value):
        return Decimal("Infinity") if value > 0 else Decimal("-Infinity")
    return Decimal("%.15g" % value)


def numeric_trunc10(value):
    """Text of `trunc(value, 10)` for a numeric value given as a Decimal: always ten
    decimals, never a negative zero."""
    if value.is_nan():
        return "NaN"
    if value.is_infinite():
        return "Infinity" if value > 0 else "-Infinity"
    with localcontext() as ctx:
        ctx.prec = 1000
        result = value.quantize(_TEN_DECIMALS, rounding=ROUND_DOWN)
    if result.is_zero():
        result = abs(result)
    return format(result, "f")


def numeric_add(a, b):
    """Exact sum of two numerics (Decimals), as PostgreSQL's numeric addition gives it."""
    with localcontext() as ctx:
        ctx.prec = 1000
        return a + b


def numeric_mul(a, b):
    """Exact product of two numerics (Decimals), as PostgreSQL's numeric multiplication gives it."""
    with localcontext() as ctx:
        ctx.prec = 1000
        return a * b


def lw_double(value):
    """A coordinate as liblwgeom prints it in BOX(...) text (15 decimal digits at most):
    shortest digits rounded half-even to 15 decimals, exponent form at or below 1e-8 and
    from 1e15 on."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if value == 0:
        return "0"
    shortest = _shortest(value)
    if abs(value) <= 1e-8 or abs(value) >= 1e15:
        with localcontext() as ctx:
            ctx.rounding = ROUND_HALF_EVEN
            text = format(shortest, ".15e")
        mantissa, exp = text.split("e")
        if "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        sign = "-" if exp.startswith("-") else "+"
        return "%se%s%d" % (mantissa, sign, abs(int(exp)))
    with localcontext() as ctx:
        ctx.prec = 1000
        rounded = shortest.quantize(_FIFTEEN_DECIMALS, rounding=ROUND_HALF_EVEN)
    text = format(rounded, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
