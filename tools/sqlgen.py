#!/usr/bin/env python3
"""Write the extension's install script from sql/*.sql.

The sources define PL/Python functions on `@extschema@.raster` as PostGIS declares them.
PL/Python hands a value to Python as bytes only when its type is bytea (or a domain over
bytea); any other type arrives as its text form. The raster domain is over its own base
type (so that rast::geometry can be plraster's cast), so each PL/Python function whose
arguments or result mention the raster type is installed as two functions:

- `_plpy_<name>`: the PL/Python body unchanged, with the raster types replaced by bytea
  (raster[] by bytea[]), without defaults;
- `<name>`: the declared signature, as an SQL function that calls the first. PostgreSQL
  inlines it, so a call costs what it cost before; the raster-to-bytea cast is free
  (binary coercible) and the bytea-to-raster result goes through the domain's check.

Every PL/pgSQL body and SQL body given as a string is audited by tools/sqlaudit.py: the
build fails when one names a function, operator, type or relation without its schema.

Usage: sqlgen.py OUT VERSION FILE...
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sqlaudit  # noqa: E402

RASTER = "@extschema@.raster"
_HEAD = re.compile(r"CREATE FUNCTION (@extschema@\.)(\w+)\(")
_SFUNC = re.compile(r"(\bSFUNC\s*=\s*@extschema@\.)(\w+)", re.I)
_RASTER_TYPE = re.compile(re.escape(RASTER) + r"\b(?!_)")


def _scan(text, start=0):
    """(index, character, depth, in_quote) for text from start; depth counts the parentheses
    opened (outside quotes) since start, up to and including this character."""
    depth, quote = 0, False
    for i in range(start, len(text)):
        ch = text[i]
        if ch == "'":
            quote = not quote
        elif not quote and ch == "(":
            depth += 1
        elif not quote and ch == ")":
            depth -= 1
        yield i, ch, depth, quote


def _split_top(text, sep=","):
    """Split text on sep outside parentheses and quotes."""
    parts, last = [], 0
    for i, ch, depth, quote in _scan(text):
        if ch == sep and depth == 0 and not quote:
            parts.append(text[last:i])
            last = i + 1
    if text[last:].strip():
        parts.append(text[last:])
    return parts


def _close_paren(text, start):
    """Index of the parenthesis closing the one opened just before start."""
    for i, ch, depth, quote in _scan(text, start):
        if ch == ")" and not quote and depth == -1:
            return i
    raise ValueError("unbalanced parentheses after offset %d" % start)


def _to_bytea(text):
    return _RASTER_TYPE.sub("bytea", text)


def _parse_arg(arg):
    """(mode, name, type) of one declared argument, without its default."""
    arg = re.split(r"\s+DEFAULT\s+|\s*=\s*", arg.strip(), maxsplit=1, flags=re.I)[0]
    words = arg.split()
    mode = "IN"
    if words[0].upper() in ("IN", "OUT", "INOUT", "VARIADIC"):
        mode = words.pop(0).upper()
    # A name is one word followed by a type; a lone type has none.
    if len(words) >= 2 and not words[0].startswith("@") and words[0].lower() not in (
            "double", "character", "timestamp", "time", "bit"):
        return mode, words[0], " ".join(words[1:])
    return mode, None, " ".join(words)


def _attrs(attrs, for_wrapper):
    """The function's attributes; a wrapper drops what would stop it being inlined."""
    if not for_wrapper:
        return attrs
    attrs = re.sub(r"\bSECURITY DEFINER\b", "", attrs)
    attrs = re.sub(r"\bSET\s+\w+\s*(=|TO)\s*[^\n]*", "", attrs)
    return " ".join(attrs.split())


def _wrap(name, args_text, ret, attrs, body):
    """The two CREATE FUNCTION statements for one PL/Python function on rasters."""
    impl = "@extschema@._plpy_" + name
    args = _split_top(args_text)
    parsed = [_parse_arg(a) for a in args]
    impl_args = ", ".join(
        " ".join(x for x in (m if m != "IN" else "", n or "", _to_bytea(t)) if x)
        for m, n, t in parsed)
    calls, pos = [], 0
    for mode, argname, _ in parsed:
        if mode == "OUT":
            continue
        pos += 1
        ref = argname if argname else "$%d" % pos
        calls.append(("VARIADIC " if mode == "VARIADIC" else "") + ref)
    call = "%s(%s)" % (impl, ", ".join(calls))
    ret_s = " ".join(ret.split())
    has_out = any(m in ("OUT", "INOUT") for m, _, _ in parsed)
    if ret_s.upper().startswith(("SETOF", "TABLE")) or has_out:
        if ret_s == "SETOF " + RASTER:
            sql_body = "BEGIN ATOMIC\n  SELECT r::%s FROM %s AS r;\nEND" % (RASTER, call)
        else:
            sql_body = "BEGIN ATOMIC\n  SELECT * FROM %s;\nEND" % call
    elif ret_s in (RASTER, RASTER + "[]"):
        sql_body = "RETURN %s::%s" % (call, ret_s)
    else:
        sql_body = "RETURN " + call
    impl_sql = ("CREATE FUNCTION %s(%s) RETURNS %s\nLANGUAGE plpython3u%s AS $$%s$$;\n"
                "COMMENT ON FUNCTION %s(%s) IS\n  'PL/Python body of %s, on raster bytes as bytea';\n"
                % (impl, impl_args, _to_bytea(ret_s), attrs, body, impl,
                   ", ".join(_to_bytea(t) for m, _, t in parsed if m != "OUT"), name))
    wrapper_sql = ("CREATE FUNCTION @extschema@.%s(%s) RETURNS %s\nLANGUAGE sql %s\n%s;"
                   % (name, args_text, ret_s, _attrs(attrs, True), sql_body))
    return impl_sql + wrapper_sql


def transform(sql, wrapped=None):
    """Rewrite every PL/Python function on rasters in sql as an implementation + wrapper.

    wrapped (a set) collects the names rewritten; an aggregate whose transition function is
    one of them calls the implementation directly (a raster argument is binary coercible to
    bytea), since an aggregate cannot inline the wrapper.
    """
    wrapped = set() if wrapped is None else wrapped
    out, i = [], 0
    for m in _HEAD.finditer(sql):
        if m.start() < i:
            continue
        close = _close_paren(sql, m.end())
        args_text = sql[m.end():close]
        rest = sql[close + 1:]
        decl = re.match(r"\s*RETURNS\s+(.*?)\s+LANGUAGE\s+(\w+)(.*?)\bAS\s+\$\$", rest, re.S)
        if not decl or decl.group(2) != "plpython3u":
            continue
        ret, attrs = decl.group(1), decl.group(3)
        if not (_RASTER_TYPE.search(args_text) or _RASTER_TYPE.search(ret)):
            continue
        body_start = close + 1 + decl.end()
        body_end = sql.index("$$", body_start)
        end = sql.index(";", body_end) + 1
        out.append(sql[i:m.start()])
        wrapped.add(m.group(2))
        out.append(_wrap(m.group(2), args_text, ret, attrs.rstrip() and " " + " ".join(attrs.split()),
                         sql[body_start:body_end]))
        i = end
    out.append(sql[i:])
    return _SFUNC.sub(lambda m: m.group(1) + ("_plpy_" if m.group(2) in wrapped else "") + m.group(2),
                      "".join(out))


def main(argv):
    """Concatenate the SQL sources, transformed, into the install script."""
    target, version, sources = argv[1], argv[2], argv[3:]
    parts = ["-- plraster %s: generated from sql/*.sql by tools/sqlgen.py; do not edit" % version,
             '\\echo Use "CREATE EXTENSION plraster" to load this file. \\quit']
    wrapped, problems = set(), []
    for path in sources:
        with open(path) as f:
            sql = f.read()
        problems += ["%s: %s" % (path, p) for p in sqlaudit.audit_script(sql)]
        parts.append("\n-- from %s\n%s" % (path, transform(sql, wrapped)))
    if problems:
        # A body parsed at run time resolves names on the caller's search_path (see
        # tools/sqlaudit.py): refuse to build a script that a search_path could hijack.
        sys.exit("sqlgen: unqualified names in bodies parsed at run time:\n  " + "\n  ".join(problems))
    with open(target, "w") as f:
        f.write("\n".join(parts))


if __name__ == "__main__":
    main(sys.argv)
