"""PostgreSQL's text functions and input casts, as PostGIS's catalog readings use them.

PostGIS reads a constraint back with split_part, regexp_replace, trim and a cast; these
do the same, so a constraint gives the same value here as in PostGIS. A cast that
PostgreSQL would refuse gives None.
"""
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

_INT = re.compile(r"^\s*[+-]?\d+\s*$")
_FLOAT = re.compile(r"^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?"
                    r"|inf|infinity|nan)\s*$", re.IGNORECASE)
_BOOL = {"t": True, "true": True, "y": True, "yes": True, "on": True, "1": True,
         "f": False, "false": False, "n": False, "no": False, "off": False, "0": False}
_INT4 = (-2 ** 31, 2 ** 31 - 1)


def split_part(text, delimiter, field):
    """split_part(text, delimiter, field) for field >= 1: '' when there is no such field."""
    parts = text.split(delimiter)
    return parts[field - 1] if field <= len(parts) else ""


def like(text, pattern):
    """text LIKE pattern (% any run, _ any one character, no escapes used here)."""
    regex = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pattern)
    return re.fullmatch(regex, text, re.DOTALL) is not None


def strip_chars(text, chars):
    """regexp_replace(text, '[<chars>]', '', 'g')."""
    return "".join(c for c in text if c not in chars)


def to_int(text):
    """text::integer, or None where PostgreSQL raises."""
    if text is None or not _INT.match(text):
        return None
    value = int(text)
    return value if _INT4[0] <= value <= _INT4[1] else None


def to_float(text):
    """text::double precision, or None where PostgreSQL raises."""
    if text is None or not _FLOAT.match(text):
        return None
    return float(text.strip())


def to_bool(text):
    """text::boolean (PostgreSQL also takes unique prefixes), or None."""
    key = text.strip().lower()
    if key in _BOOL:
        return _BOOL[key]
    matches = {v for k, v in _BOOL.items() if len(key) > 0 and k.startswith(key) and not k.isdigit()}
    return matches.pop() if len(matches) == 1 else None


def round_numeric(text, places):
    """round(text::numeric, places)::double precision, or None."""
    try:
        with localcontext() as ctx:
            ctx.prec = 1000
            value = Decimal(text.strip())
            return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
    except (InvalidOperation, ValueError, AttributeError):
        return None


def parse_array(text, element):
    """A one-dimensional array literal '{a,"b",NULL}' cast with element(str), or None.

    None also where an element does not cast, as PostgreSQL would raise there.
    """
    text = text.strip()
    if len(text) < 2 or text[0] != "{" or text[-1] != "}":
        return None
    items, pos, body = [], 0, text[1:-1]
    if not body.strip():
        return []
    while True:
        while pos < len(body) and body[pos].isspace():
            pos += 1
        if pos < len(body) and body[pos] == '"':
            pos += 1
            chars = []
            while pos < len(body) and body[pos] != '"':
                if body[pos] == "\\":
                    pos += 1
                if pos < len(body):
                    chars.append(body[pos])
                pos += 1
            if pos >= len(body):
                return None
            pos += 1
            value = element("".join(chars))
            if value is None:
                return None
            items.append(value)
            while pos < len(body) and body[pos].isspace():
                pos += 1
        else:
            end = pos
            while end < len(body) and body[end] not in ',{}"':
                end += 1
            raw = body[pos:end].strip()
            pos = end
            if raw.upper() == "NULL":
                items.append(None)
            else:
                value = element(raw)
                if raw == "" or value is None:
                    return None
                items.append(value)
        if pos >= len(body):
            return items
        if body[pos] != ",":
            return None
        pos += 1
