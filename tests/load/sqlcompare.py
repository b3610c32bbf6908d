"""Reading the SQL that raster2pgsql and plraster-load write, so the two can be compared.

Each output becomes (lines, rasters): the lines with every raster literal replaced by
<RASTER> (raster2pgsql's '<HEX>'::raster and COPY lines of upper-case hex; plraster's
'\\x<hex>'::raster and COPY lines of \\\\x<hex>), and the WKB of those rasters, in order.
"""
import re

_R2P_LITERAL = re.compile(r"'([0-9A-F]+)'::raster")
_PL_LITERAL = re.compile(r"'\\x([0-9a-f]+)'::raster")
_R2P_COPY = re.compile(r"([0-9A-F]+)(\t.*)?")
_PL_COPY = re.compile(r"\\\\x([0-9a-f]+)(\t.*)?")


def split(sql, plraster):
    """(lines, rasters) of one SQL output (see module doc)."""
    literal = _PL_LITERAL if plraster else _R2P_LITERAL
    copy_line = _PL_COPY if plraster else _R2P_COPY
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
