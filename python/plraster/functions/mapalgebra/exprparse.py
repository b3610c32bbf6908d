"""The SQL text of a map algebra expression: placeholders, a safety scan, and a numpy
evaluator for the arithmetic PostgreSQL would do.

PostGIS runs `SELECT (<expression>)::double precision` once per pixel, with each
placeholder (`[rast]`, `[rast1.x]`, ...) replaced by a parameter: pixel values are double
precision, pixel positions integer (so `[rast.x] / 2` divides integers and `[rast] / 2`
doubles, measured on PostGIS 3.3.2). plraster replaces each placeholder by a column of
the same type and runs the expression once per band (plraster.sqlapi.mapexpr); simple
arithmetic is computed here with numpy instead, only where the answer is provably the one
PostgreSQL gives (same IEEE operations, same implicit casts); wherever PostgreSQL would
raise an error (division by zero, overflow, square root of a negative number, ...) or the
expression uses anything else, the caller falls back to PostgreSQL.

The expression is the caller's own SQL run with the caller's rights, as in PostGIS; the scan
only makes sure it stays one expression inside the parentheses plraster puts around it
(no `)` closing them early, no `;`, no unterminated quote or comment, no `$n`).
"""
import re

import numpy as np

from plraster.core.errors import SqlSyntaxError, UndefinedParameterError

# Placeholder sets: (keyword, slot). Slots: v1/v2 pixel values (float8), x1/y1/x2/y2
# pixel positions (int4). Replaced in this order, as text (inside quotes too, as PostGIS).
NEW_KEYWORDS = (
    ("[rast1.x]", "x1"), ("[rast1.y]", "y1"), ("[rast1.val]", "v1"), ("[rast1]", "v1"),
    ("[rast2.x]", "x2"), ("[rast2.y]", "y2"), ("[rast2.val]", "v2"), ("[rast2]", "v2"),
    ("[rast.x]", "x1"), ("[rast.y]", "y1"), ("[rast.val]", "v1"), ("[rast]", "v1"),
)
OLD_ONE_KEYWORDS = (("[rast.val]", "v1"), ("[rast]", "v1"), ("[rast.x]", "x1"),
                    ("[rast.y]", "y1"))
OLD_TWO_KEYWORDS = NEW_KEYWORDS[:8]

SLOT_TYPES = {"v1": "float8", "v2": "float8", "x1": "int4", "y1": "int4", "x2": "int4",
              "y2": "int4"}
COLUMN_PREFIX = "_plraster_"


def column(slot):
    """The column name a slot becomes in plraster's statement."""
    return COLUMN_PREFIX + slot


def substitute(text, keywords, replacement=column):
    """(sql, slots): text with each placeholder replaced by replacement(slot) (padded with
    spaces, so that it stays one token), and the slots used, in order of first use."""
    slots = []
    out = text
    for keyword, slot in keywords:
        if keyword in out:
            out = out.replace(keyword, " %s " % replacement(slot))
            if slot not in slots:
                slots.append(slot)
    return out, slots


# ---- scanning the SQL text ---------------------------------------------------------------

_SPACE = " \t\n\r\f\v"
_IDENT_START = re.compile(r"[A-Za-z_\x80-\U0010ffff]")
_IDENT = re.compile(r"[A-Za-z_\x80-\U0010ffff][A-Za-z_0-9$\x80-\U0010ffff]*")
_NUMBER = re.compile(r"(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")
_DOLLAR_TAG = re.compile(r"\$([A-Za-z_\x80-\U0010ffff][A-Za-z_0-9\x80-\U0010ffff]*)?\$")
_PARAM = re.compile(r"\$\d+")
_NEWLINE = re.compile(r"[\n\r]")
_OP_CHARS = set("~!@#^&|`?+-*/%<>=")
_SELF = set(",()[].;:+-*/%^<>=")


def _syntax(near):
    return SqlSyntaxError('syntax error at or near "%s"' % near,
                          detail="A map algebra expression must be one SQL expression.")


def _quoted(text, i, quote, backslashes):
    """Index just past the quoted string or identifier opened at text[i]."""
    j = i + 1
    n = len(text)
    while j < n:
        ch = text[j]
        if backslashes and ch == "\\":
            j += 2
            continue
        if ch == quote:
            if j + 1 < n and text[j + 1] == quote:
                j += 2
                continue
            return j + 1
        j += 1
    raise SqlSyntaxError("unterminated quoted %s in a map algebra expression"
                         % ("identifier" if quote == '"' else "string"))


def _comment_end(text, i):
    """Index just past the (nestable) block comment opened at text[i]."""
    depth, j, n = 0, i, len(text)
    while j < n:
        if text.startswith("/*", j):
            depth += 1
            j += 2
        elif text.startswith("*/", j):
            depth -= 1
            j += 2
            if depth == 0:
                return j
        else:
            j += 1
    raise SqlSyntaxError("unterminated /* comment in a map algebra expression")


def _operator(text, i):
    """The operator token starting at text[i], trimmed as PostgreSQL's lexer trims it."""
    j = i
    n = len(text)
    while j < n and text[j] in _OP_CHARS:
        if text.startswith("--", j) or text.startswith("/*", j):
            break
        j += 1
    op = text[i:j]
    if len(op) > 1 and op[-1] in "+-" and not any(c in op for c in "~!@#^&|`?%"):
        while len(op) > 1 and op[-1] in "+-":
            op = op[:-1]
    return op


def tokens(text):
    """The tokens of SQL text, as (kind, value): kinds 'ident', 'quoted', 'number',
    'string', 'op', 'param', 'other'. Raises SqlSyntaxError where the text could end or
    leave the one pair of parentheses plraster puts it in, and UndefinedParameterError
    for a positional parameter ($1: PostGIS would hand it its own parameters)."""
    out = []
    depth = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _SPACE:
            i += 1
        elif text.startswith("--", i):
            m = _NEWLINE.search(text, i)
            i = n if m is None else m.end()
        elif text.startswith("/*", i):
            i = _comment_end(text, i)
        elif ch == "'":
            j = _quoted(text, i, "'", False)
            out.append(("string", text[i:j]))
            i = j
        elif ch in "eE" and text.startswith("'", i + 1):
            j = _quoted(text, i + 1, "'", True)
            out.append(("string", text[i:j]))
            i = j
        elif ch in "bBxXnN" and text.startswith("'", i + 1):
            j = _quoted(text, i + 1, "'", False)
            out.append(("string", text[i:j]))
            i = j
        elif ch in "uU" and text.startswith("&'", i + 1):
            j = _quoted(text, i + 2, "'", False)
            out.append(("string", text[i:j]))
            i = j
        elif ch in "uU" and text.startswith('&"', i + 1):
            j = _quoted(text, i + 2, '"', False)
            out.append(("quoted", text[i:j]))
            i = j
        elif ch == '"':
            j = _quoted(text, i, '"', False)
            out.append(("quoted", text[i:j]))
            i = j
        elif ch == "$":
            m = _PARAM.match(text, i)
            if m:
                raise UndefinedParameterError("there is no parameter %s" % m.group(0),
                                              detail="A map algebra expression cannot name "
                                                     "positional parameters.")
            m = _DOLLAR_TAG.match(text, i)
            if not m:
                raise _syntax("$")
            end = text.find(m.group(0), m.end())
            if end < 0:
                raise SqlSyntaxError("unterminated dollar-quoted string in a map algebra "
                                     "expression")
            out.append(("string", text[i:end + len(m.group(0))]))
            i = end + len(m.group(0))
        elif ch.isdigit() or (ch == "." and i + 1 < n and text[i + 1].isdigit()):
            m = _NUMBER.match(text, i)
            out.append(("number", m.group(0)))
            i = m.end()
        elif _IDENT_START.match(ch):
            m = _IDENT.match(text, i)
            out.append(("ident", m.group(0)))
            i = m.end()
        elif ch in _OP_CHARS:
            op = _operator(text, i)
            out.append(("op", op))
            i += len(op)
        else:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth < 0:
                    raise _syntax(")")
            elif ch == ";":
                raise _syntax(";")
            if text.startswith("::", i):
                out.append(("op", "::"))
                i += 2
                continue
            out.append(("other", ch))
            i += 1
    if depth > 0:
        raise SqlSyntaxError("syntax error at end of input",
                             detail="A parenthesis of the map algebra expression is not "
                                    "closed.")
    return out


def uses_window(toks):
    """True when the expression may call a window function (OVER): it is then evaluated
    pixel by pixel, as PostGIS does, not over the whole band in one statement."""
    return any(kind == "ident" and value.lower() == "over" for kind, value in toks)


# ---- numpy evaluation of PostgreSQL arithmetic ---------------------------------------------

class Fallback(Exception):
    """The expression (or this evaluation) must go to PostgreSQL."""


INT4_MIN, INT4_MAX = -2147483648, 2147483647
INT8_MAX = 9223372036854775807

_FLOAT_FUNCTIONS = ("abs", "sqrt", "floor", "ceil", "ceiling", "round", "trunc")
_VARIADIC = ("greatest", "least")
_CAST_NAMES = {"int": "int4", "integer": "int4", "int4": "int4", "float8": "float8",
               "double precision": "float8"}


class _Parser:
    """A recursive-descent parser of the arithmetic subset; anything else is Fallback.
    Nodes: ('num', text), ('slot', name), ('neg', a), ('bin', op, a, b),
    ('call', name, [args]), ('cast', type, a)."""

    def __init__(self, toks, slots):
        self.toks = toks
        self.i = 0
        self.slots = slots

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def expect(self, kind, value):
        tok = self.take()
        if tok != (kind, value):
            raise Fallback()

    def parse(self):
        node = self.additive()
        if self.i != len(self.toks):
            raise Fallback()
        return node

    def additive(self):
        node = self.multiplicative()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            node = ("bin", op, node, self.multiplicative())
        return node

    def multiplicative(self):
        node = self.unary()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = self.take()[1]
            node = ("bin", op, node, self.unary())
        return node

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        if self.peek() == ("op", "+"):
            raise Fallback()  # unary plus: rare, left to PostgreSQL
        return self.postfix()

    def postfix(self):
        node = self.primary()
        while self.peek() == ("op", "::"):
            self.take()
            kind, name = self.take()
            if kind != "ident":
                raise Fallback()
            name = name.lower()
            if name == "double":
                kind2, name2 = self.take()
                if (kind2, name2.lower() if name2 else name2) != ("ident", "precision"):
                    raise Fallback()
                name = "double precision"
            if name not in _CAST_NAMES:
                raise Fallback()
            node = ("cast", _CAST_NAMES[name], node)
        return node

    def primary(self):
        kind, value = self.take()
        if kind == "number":
            return ("num", value)
        if kind == "other" and value == "(":
            node = self.additive()
            self.expect("other", ")")
            return node
        if kind == "ident":
            name = value.lower()
            slot = self.slots.get(value)
            if slot is not None:
                return ("slot", slot)
            if name in ("pg_catalog",) and self.peek() == ("other", "."):
                self.take()
                kind, value = self.take()
                if kind != "ident":
                    raise Fallback()
                name = value.lower()
            if self.peek() == ("other", "(") and (name in _FLOAT_FUNCTIONS
                                                  or name in _VARIADIC):
                self.take()
                args = [self.additive()]
                while self.peek() == ("other", ","):
                    self.take()
                    args.append(self.additive())
                self.expect("other", ")")
                return ("call", name, args)
        raise Fallback()


def parse(sql_text, slots):
    """The arithmetic tree of sql_text (slot columns named by slots: column -> slot), or
    None when it is not in the subset computed with numpy."""
    try:
        toks = tokens(sql_text)
        return _Parser(toks, slots).parse()
    except Fallback:
        return None


def _literal(text):
    """(value, type) of a numeric literal as PostgreSQL types it."""
    if re.fullmatch(r"\d+", text):
        v = int(text)
        if v <= INT4_MAX:
            return np.float64(v), "int4"
        if v <= INT8_MAX:
            return np.float64(v), "int8"
        return None, "numeric"
    return np.float64(float(text)), "numeric"


def _as_float(value, kind):
    if kind in ("float8", "int4"):
        return value
    if kind == "numeric" and value is not None and np.ndim(value) == 0:
        return value  # a numeric literal: its float8 cast is the correctly rounded double
    raise Fallback()


def _float_op(op, a, b):
    """a op b in float8 as PostgreSQL computes it; Fallback where it raises an error
    (overflow to infinity, underflow to zero, division by zero)."""
    with np.errstate(all="ignore"):
        if op == "+":
            r = a + b
        elif op == "-":
            r = a - b
        elif op == "*":
            r = a * b
        elif op == "/":
            if np.any((b == 0) & ~np.isnan(a)):
                raise Fallback()
            r = a / b
        else:
            raise Fallback()  # no float8 % float8 in PostgreSQL: its error
        if not np.all(np.isfinite(r)):
            inf = np.isinf(r)
            if op == "/":
                bad = inf & ~np.isinf(a)
            else:
                bad = inf & ~np.isinf(a) & ~np.isinf(b)
            if np.any(bad):
                raise Fallback()
        if op in ("*", "/") and np.any(r == 0):
            zero = r == 0
            if op == "*":
                bad = zero & (a != 0) & (b != 0)
            else:
                bad = zero & (a != 0) & ~np.isinf(b)
            if np.any(bad):
                raise Fallback()
    return r


def _int4_op(op, a, b):
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    if op == "+":
        r = a + b
    elif op == "-":
        r = a - b
    elif op == "*":
        r = a * b
    elif op in ("/", "%"):
        if np.any(b == 0):
            raise Fallback()
        q = np.abs(a) // np.abs(b) * np.sign(a) * np.sign(b)
        r = q if op == "/" else a - q * b
    else:
        raise Fallback()
    if np.any((r < INT4_MIN) | (r > INT4_MAX)):
        raise Fallback()
    return r.astype(np.float64)


def _pg_greater(a, b):
    """a > b as PostgreSQL compares float8 (NaN above everything, NaN = NaN)."""
    return (np.isnan(a) & ~np.isnan(b)) | (a > b)


def _evaluate(node, columns):
    """(values, type) of a tree; values float64 (integers held exactly)."""
    tag = node[0]
    if tag == "num":
        value, kind = _literal(node[1])
        return value, kind
    if tag == "slot":
        return columns[node[1]], SLOT_TYPES[node[1]]
    if tag == "neg":
        v, kind = _evaluate(node[1], columns)
        if kind == "int4":
            if np.any(v == INT4_MIN):
                raise Fallback()
            return -v, kind
        if kind == "float8":
            return -v, kind
        if kind == "numeric" and np.ndim(v) == 0 and v is not None:
            return -v, kind
        raise Fallback()
    if tag == "bin":
        a, ka = _evaluate(node[2], columns)
        b, kb = _evaluate(node[3], columns)
        if ka == "int4" and kb == "int4":
            return _int4_op(node[1], a, b), "int4"
        if "float8" in (ka, kb):
            return _float_op(node[1], _as_float(a, ka), _as_float(b, kb)), "float8"
        raise Fallback()
    if tag == "cast":
        v, kind = _evaluate(node[2], columns)
        if node[1] == "float8":
            return _as_float(v, kind), "float8"
        if kind == "int4":
            return v, "int4"
        if kind == "float8":
            with np.errstate(invalid="ignore"):
                r = np.rint(v)
                if np.any(np.isnan(r) | (r < -2147483648.0) | (r >= 2147483648.0)):
                    raise Fallback()
            return r, "int4"
        raise Fallback()
    if tag == "call":
        name, args = node[1], [_evaluate(a, columns) for a in node[2]]
        if name in _VARIADIC:
            kinds = {k for _, k in args}
            if kinds == {"int4"}:
                kind = "int4"
            elif kinds <= {"int4", "float8", "numeric"} and "float8" in kinds:
                kind = "float8"
            else:
                raise Fallback()
            values = [_as_float(v, k) for v, k in args]
            out = values[0]
            for v in values[1:]:
                pick = _pg_greater(v, out) if name == "greatest" else _pg_greater(out, v)
                out = np.where(pick, v, out)
            return out, kind
        if len(args) != 1:
            raise Fallback()
        (v, kind), = args
        if name == "abs":
            if kind == "int4":
                if np.any(v == INT4_MIN):
                    raise Fallback()
                return np.abs(v), kind
            if kind != "float8":
                raise Fallback()  # abs(numeric) for a numeric literal
            return np.abs(v), "float8"
        if kind not in ("float8", "int4"):
            raise Fallback()  # numeric arguments choose the numeric functions
        with np.errstate(invalid="ignore"):
            if name == "sqrt":
                if np.any(v < 0):
                    raise Fallback()
                return np.sqrt(v), "float8"
            if name == "floor":
                return np.floor(v), "float8"
            if name in ("ceil", "ceiling"):
                return np.ceil(v), "float8"
            if name == "round":
                return np.rint(v), "float8"
            return np.trunc(v), "float8"
    raise Fallback()


def evaluate(tree, columns, count):
    """The float8 results of tree over the columns (slot -> float64 array of count values),
    or None when PostgreSQL must compute them (including where it raises an error)."""
    try:
        values, kind = _evaluate(tree, columns)
        if kind not in ("float8", "int4"):
            return None
        out = np.broadcast_to(np.asarray(values, dtype=np.float64), (count,))
        return np.array(out)
    except Fallback:
        return None
