"""Reading the SQL that raster2pgsql and plraster-load write, so the two can be compared.

Each output becomes (lines, rasters): the lines with every raster literal replaced by
<RASTER> ('<HEX>'::raster and COPY lines of upper-case hex, PostGIS's text form, which
both loaders write), and the WKB of those rasters, in order.
"""
import re

_LITERAL = re.compile(r"'([0-9A-F]+)'::raster")
_COPY = re.compile(r"([0-9A-F]+)(\t.*)?")


def split(sql, plraster=None):
    """(lines, rasters) of one SQL output (see module doc); plraster (which loader wrote it)
    is no longer needed: both write the same literal form."""
    literal, copy_line = _LITERAL, _COPY
    lines, rasters = [], []
    in_copy = False
    for line in sql.splitlines():
        if in_copy and line != "\\.":
            m = copy_line.fullmatch(line)
            assert m, f"not a COPY row: {line[:80]!r}"
            rasters.append(bytes.fromhex(m.group(1)))
            lines.append("<RASTER>" + (m.group(2) or ""))
            continue
        in_copy = line.startswith("COPY ")
        found = literal.findall(line)
        rasters.extend(bytes.fromhex(h) for h in found)
        lines.append(literal.sub("<RASTER>", line))
    return lines, rasters


def tables_of(lines, rasters):
    """{table text as written: [WKB, ...]} from INSERT lines and COPY blocks."""
    out = {}
    it = iter(rasters)
    table = None
    for line in lines:
        m = re.match(r'(?:INSERT INTO|COPY) (\S+) ', line)
        if m:
            table = m.group(1)
        if "<RASTER>" in line:
            out.setdefault(table, []).append(next(it))
    return out
