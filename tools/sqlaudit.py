#!/usr/bin/env python3
"""Find the names in SQL text that PostgreSQL would look up on the caller's search_path.

A PL/pgSQL body, an SQL function body given as a string and every statement that
PL/Python runs through plpy are parsed when they run, with the search_path of whoever
calls them. A superuser whose search_path puts a schema that other roles can write before
pg_catalog (`public, pg_catalog`) would then run their `public.get_byte(bytea, int)` or
`public.=(int, int)`; and pg_temp, searched first for types and relations when the path
does not list it, lets any role with TEMP put a domain named `text` in front of
pg_catalog's. So those bodies name every function, operator, type and relation with its
schema: `pg_catalog.get_byte(...)`, `a OPERATOR(pg_catalog.=) b`, `x::pg_catalog.text`,
`FROM pg_catalog.pg_class`. (SQL-standard bodies, `RETURN ...` and `BEGIN ATOMIC`, are
resolved once, when CREATE EXTENSION runs, and are not audited here.)

`audit(text)` returns one finding per unqualified reference; tools/sqlgen.py refuses to
build an install script whose runtime-parsed bodies have any, and
tests/security/test_search_path_audit.py runs the same check on plpy's SQL strings.
The check is lexical: it knows SQL's syntax forms that the parser itself binds to
pg_catalog (`substring(x FROM a FOR b)`, `COALESCE`, `CAST(x AS integer)`...) and the type
names that are keywords (integer, bigint, double precision, boolean, bit...).
"""
import re

# Keywords the grammar follows with a parenthesis that are not function calls, or are
# calls the grammar itself binds to pg_catalog.
_NOT_CALLS = {
    "and", "or", "not", "in", "exists", "any", "all", "some", "array", "row", "values",
    "coalesce", "greatest", "least", "cast", "extract", "position", "overlay", "trim",
    "where", "on", "as", "from", "select", "then", "else", "when", "return", "returns",
    "if", "elsif", "by", "join", "over", "filter", "using", "into", "table", "default",
    "check", "key", "unique", "case", "is", "with", "perform", "execute", "raise", "set",
    "between", "like", "ilike", "distinct", "group", "order", "limit", "offset", "union",
    "except", "intersect", "while", "loop", "for", "foreach", "slice", "returning",
    "lateral", "only", "constraint", "exclude", "include", "references", "primary",
    "grouping", "within", "ordinality", "for", "nulls", "collate", "do", "update",
    "delete", "insert", "create", "alter", "index", "analyze", "vacuum", "cluster",
    "bit", "varchar", "character", "char", "numeric", "decimal", "dec", "float",
    "timestamp", "time", "interval", "varying", "precision", "national", "conflict",
    "recursive", "gist", "btree", "hash", "gin", "spgist", "brin",
}
# Type names that are keywords (gram.y's SystemTypeName): always pg_catalog's.
_KEYWORD_TYPES = {
    "int", "integer", "smallint", "bigint", "real", "float", "double", "decimal", "dec",
    "numeric", "boolean", "bit", "character", "char", "varchar", "timestamp", "time",
    "interval", "national", "nchar",
}
# Keywords that compare with an operator found by name: `x LIKE y` is `x ~~ y`,
# `x IN (...)` is `x = ...`, `NULLIF(a, b)` uses `=`, `a BETWEEN b AND c` uses `>=`/`<=`.
_OPERATOR_KEYWORDS = {"like", "ilike", "similar", "between", "nullif"}

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>--[^\n]*|/\*.*?\*/)
  | (?P<dollar>\$(?P<tag>[A-Za-z_]*)\$.*?\$(?P=tag)\$)
  | (?P<string>[eEbBxXuU]?'(?:[^']|'')*')
  | (?P<param>\$\d+)
  | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<qident>"(?:[^"]|"")*")
  | (?P<ident>[A-Za-z_][A-Za-z_0-9$]*)
  | (?P<cast>::)
  | (?P<assign>:=|=>)
  | (?P<op>[+\-*/<>=~!@\#%^&|`?]+)
  | (?P<punct>[(),;\[\].:])
""", re.X | re.S)


def tokens(text):
    """(kind, value) of each significant token of SQL text (comments and spaces dropped)."""
    out, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            out.append(("other", text[pos]))
            pos += 1
            continue
        pos = m.end()
        kind = m.lastgroup if m.lastgroup != "tag" else "dollar"
        if kind in ("ws", "comment"):
            continue
        if kind == "tag":
            kind = "dollar"
        out.append((kind, m.group(kind)))
    return out


def _word(tok):
    return tok[1].lower() if tok and tok[0] == "ident" else None


def audit(text):
    """The unqualified references of SQL text, as human-readable findings."""
    toks = tokens(text.replace("@extschema@", "extschema_"))
    findings = []
    ctes = {(_word(toks[i - 1])) for i in range(1, len(toks) - 1)
            if _word(toks[i]) == "as" and toks[i + 1] == ("punct", "(")
            and toks[i - 1][0] == "ident"}
    # WITH [RECURSIVE] name(columns) AS (...): the name is a CTE too
    ctes |= {_word(toks[i + 1]) for i in range(len(toks) - 2)
             if _word(toks[i]) in ("with", "recursive") and toks[i + 1][0] == "ident"
             and toks[i + 2] == ("punct", "(")}
    depth_operator = 0   # inside OPERATOR( ... )
    for i, (kind, val) in enumerate(toks):
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        word = val.lower() if kind == "ident" else None
        qualified = prev == ("punct", ".")
        if word == "operator" and nxt == ("punct", "("):
            depth_operator = i + 1
            continue
        if depth_operator:
            if (kind, val) == ("punct", ")"):
                depth_operator = 0
            continue
        if kind == "ident" and word == "in" and nxt == ("punct", "(") and _word(prev) not in ("for", "foreach"):
            findings.append("IN (...) compares with an = found on the search_path")
        elif kind == "ident" and nxt == ("punct", "(") and not qualified:
            if word in _NOT_CALLS or (prev and prev[0] == "punct" and prev[1] == ")"):
                pass
            elif _word(prev) in ("with", "recursive") or (prev == ("punct", ",") and word in ctes):
                pass  # a CTE's name and column list: WITH RECURSIVE r(relid) AS (...)
            elif word == "substring" and _has_from(toks, i + 1):
                pass
            elif word in _OPERATOR_KEYWORDS:
                findings.append("%s(...) compares with an operator found on the search_path" % val)
            elif prev and (_word(prev) == "as" or (prev[0] == "ident" and _word(prev) not in _NOT_CALLS)):
                pass  # an alias's column list: `AS t(a, b)`, `) v(o, k)`
            else:
                findings.append("function %s() is not schema-qualified" % val)
        elif kind == "ident" and word in _OPERATOR_KEYWORDS and not qualified:
            findings.append("%s uses an operator found on the search_path" % val.upper())
        elif kind == "op" and val == "=" and _in_set_list(toks, i):
            pass  # UPDATE ... SET column = value: an assignment, not an operator
        elif kind == "op" and not _harmless_op(toks, i):
            findings.append("operator %s is not schema-qualified (write OPERATOR(pg_catalog.%s))" % (val, val))
        elif kind == "cast" and nxt and nxt[0] in ("ident", "qident"):
            if not _type_qualified(toks, i + 1):
                findings.append("type %s in a cast is not schema-qualified" % nxt[1])
        elif kind == "ident" and word in ("from", "join", "update") or (
                word == "into" and _word(prev) == "insert"):
            if nxt and nxt[0] in ("ident", "qident") and _word(nxt) not in (
                    "only", "lateral", "unnest", "rows", "set") and _word(nxt) not in ctes:
                after = toks[i + 2] if i + 2 < len(toks) else None
                if after != ("punct", ".") and after != ("punct", "("):
                    findings.append("relation %s is not schema-qualified" % nxt[1])
    return findings


def _in_set_list(toks, i):
    """Whether token i is in the column list of an UPDATE's SET (before its WHERE/FROM)."""
    for kind, val in reversed(toks[:i]):
        word = val.lower() if kind == "ident" else None
        if word == "set":
            return True
        if word in ("where", "from", "select", "returning", "on", "when", "then"):
            return False
    return False


def _has_from(toks, open_index):
    """Whether the parenthesis at open_index holds a FROM or FOR at its own depth."""
    depth = 0
    for kind, val in toks[open_index:]:
        if (kind, val) == ("punct", "("):
            depth += 1
        elif (kind, val) == ("punct", ")"):
            depth -= 1
            if depth == 0:
                return False
        elif depth == 1 and kind == "ident" and val.lower() in ("from", "for"):
            return True
    return False


def _harmless_op(toks, i):
    """`*` as a select list or count(*), and `-` of a numeric literal (folded by the parser)."""
    val = toks[i][1]
    prev = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if val == "*" and prev and (prev in (("punct", "("), ("punct", "."), ("punct", ","))
                                or (prev[0] == "ident" and prev[1].lower() == "select")):
        return True
    if val == "-" and nxt and nxt[0] == "number" and (
            prev is None or prev[0] in ("op", "cast", "assign") or prev in (("punct", "("), ("punct", ","))
            or (prev[0] == "ident" and prev[1].lower() in _NOT_CALLS)):
        return True
    return False


def _type_qualified(toks, j):
    """Whether the type name starting at token j is schema-qualified or a keyword type."""
    if toks[j][0] == "ident" and toks[j][1].lower() in _KEYWORD_TYPES:
        return True
    return j + 1 < len(toks) and toks[j + 1] == ("punct", ".")


_PYFORMAT = re.compile(r"%[sdr]|\{[^{}]*\}")


def audit_python_sql(text):
    """audit() for an SQL string built in Python: %s and {...} placeholders stand for
    schema-qualified names (the code quotes and qualifies what it substitutes)."""
    return audit(_PYFORMAT.sub("q_.q_", text))


_FUNC = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+([\w@.]+)\s*\(", re.I)


def runtime_bodies(sql):
    """(function name, language, body) of every function in sql whose body is parsed when
    it runs: PL/pgSQL, and SQL given as a string (not RETURN/BEGIN ATOMIC)."""
    out = []
    for m in _FUNC.finditer(sql):
        rest = sql[m.end():]
        decl = re.match(r"(?s).*?\bLANGUAGE\s+(\w+)(.*?)(\bAS\s+(\$\w*\$)|\bRETURN\b|\bBEGIN\s+ATOMIC\b)",
                        rest, re.I)
        if not decl or not decl.group(4):
            continue
        lang = decl.group(1).lower()
        if lang not in ("plpgsql", "sql") or re.search(r"\bSET\s+search_path\b", decl.group(2), re.I):
            continue  # a pinned search_path (SET search_path = pg_catalog, pg_temp) needs no more
        tag = decl.group(4)
        start = m.end() + decl.end()
        end = sql.index(tag, start)
        out.append((m.group(1), lang, sql[start:end]))
    return out


def audit_script(sql):
    """Findings for every runtime-parsed body of an install script: 'name: finding'."""
    return ["%s: %s" % (name, f) for name, _lang, body in runtime_bodies(sql) for f in audit(body)]


if __name__ == "__main__":
    import sys
    problems = []
    for path in sys.argv[1:]:
        with open(path) as f:
            problems += ["%s: %s" % (path, p) for p in audit_script(f.read())]
    print("\n".join(problems))
    sys.exit(1 if problems else 0)
