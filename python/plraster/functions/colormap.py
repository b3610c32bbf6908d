"""ST_ColorMap: one band mapped to up to four 8BUI bands through a colour table, as PostGIS 3.3.

What PostGIS 3.3.2 does, measured (tests/analysis/test_colormap_conformance.py):
- a colormap whose first line is one word is a keyword (grayscale/greyscale, pseudocolor,
  fire, bluered; anything else, an empty first line included, raises P0001 "Unknown
  colormap keyword"), and a keyword forces the INTERPOLATE method; the named maps are
  percentage tables written from 100% down to 0%;
- a table has one entry a line, `value c1 [c2 [c3 [c4]]]` split on spaces, tabs, commas
  and colons; value is a number, `N%` of the band's [min-max] (nodata excluded) or `nv`;
  the output has as many bands as the shortest entry has colours (at most four);
- the entries are used in the order written (PostGIS expects them descending): INTERPOLATE
  maps a value between two neighbouring entries linearly and rounds (0 outside), EXACT
  gives the colour of an equal entry (0 otherwise), NEAREST the colour of the entry whose
  half-way band holds the value; an ascending table so gives 0s or inverted colours;
- the `nv` colour goes to pixels equal to 0 (not to the band's nodata value) when the band
  has a nodata value; the output bands have no nodata value.
"""
import re

import numpy as np

from plraster.core import bandbytes, messages, wkb
from plraster.core.errors import InvalidParameterError, PlrasterError
from plraster.core.pixtypes import BY_NAME

from .constructors import make_empty_like
from .reclass import _source_values, reclass_values
from .reclassexpr import ReclassExpressionError, ReclassRule, strtod


class ColormapKeywordError(PlrasterError):
    """An unknown colormap keyword (PostGIS's PL/pgSQL RAISE EXCEPTION)."""

    sqlstate = "P0001"  # raise_exception


# The named maps as percentage tables, descending: (percent, colour...) rows and the nv colour.
_GRAYSCALE = ([(100, 0), (0, 254)], (255,))
NAMED_MAPS = {
    "grayscale": _GRAYSCALE,
    "greyscale": _GRAYSCALE,
    "pseudocolor": ([(100, 255, 0, 0, 255), (50, 0, 255, 0, 255), (0, 0, 0, 255, 255)],
                    (0, 0, 0, 0)),
    "fire": ([(100, 243, 255, 221, 255), (93.75, 242, 255, 178, 255), (87.5, 255, 255, 135, 255),
              (81.25, 255, 228, 96, 255), (75, 255, 187, 53, 255), (68.75, 255, 131, 7, 255),
              (62.5, 255, 84, 0, 255), (56.25, 255, 42, 0, 255), (50, 255, 0, 0, 255),
              (43.75, 255, 42, 0, 255), (37.5, 224, 74, 0, 255), (31.25, 183, 91, 0, 255),
              (25, 140, 93, 0, 255), (18.75, 99, 82, 0, 255), (12.5, 58, 58, 1, 255),
              (6.25, 12, 15, 0, 255), (0, 0, 0, 0, 255)], (0, 0, 0, 0)),
    "bluered": ([(100, 165, 0, 33, 255), (94.12, 216, 21, 47, 255), (88.24, 247, 39, 53, 255),
                 (82.35, 255, 61, 61, 255), (76.47, 255, 120, 86, 255), (70.59, 255, 172, 117, 255),
                 (64.71, 255, 214, 153, 255), (58.82, 255, 241, 188, 255),
                 (52.94, 255, 255, 234, 255), (47.06, 234, 255, 255, 255),
                 (41.18, 188, 249, 255, 255), (35.29, 153, 234, 255, 255),
                 (29.41, 117, 211, 255, 255), (23.53, 86, 176, 255, 255),
                 (17.65, 61, 135, 255, 255), (11.76, 40, 87, 255, 255), (5.88, 24, 28, 247, 255),
                 (0, 36, 0, 216, 255)], (0, 0, 0, 0)),
}

_SEPARATORS = re.compile(r"[ \t,:]+")
_KEYWORD_SEPARATORS = re.compile(r"[:,\t ]+")
_NODATA_WORDS = ("nv", "null", "nodata")
_METHODS = ("INTERPOLATE", "EXACT", "NEAREST")
# The open ends of NEAREST's outer entries: finite, so that reclass's linear map of a
# one-colour range stays that colour (an infinite width would give NaN)
_HUGE = np.finfo(np.float64).max / 4


def named_table(keyword):
    """The colour table text of a named map (PostGIS's layout: `N% c...` lines, nv last)."""
    rows, nodata = NAMED_MAPS[keyword]
    lines = ["%s%% %s" % (("%g" % pct), " ".join(str(c) for c in colours))
             for pct, *colours in rows]
    lines.append("nv " + " ".join(str(c) for c in nodata))
    return "\n".join(lines)


def resolve_colormap(colormap, method):
    """(table text, method) as PostGIS's PL/pgSQL wrapper passes them on: a one-word first
    line is a keyword (method becomes INTERPOLATE), anything else is the table itself."""
    first = _KEYWORD_SEPARATORS.sub(" ", colormap.split("\n", 1)[0])
    if len(first.split(" ")) > 1:
        return colormap, method
    keyword = first.strip(" ").lower()
    if keyword not in NAMED_MAPS:
        raise ColormapKeywordError("Unknown colormap keyword: %s" % colormap)
    return named_table(keyword), "INTERPOLATE"


class _Entry:
    __slots__ = ("is_nodata", "value", "percent", "colours")

    def __init__(self, is_nodata, value, percent, colours):
        self.is_nodata, self.value, self.percent, self.colours = is_nodata, value, percent, colours


def _colour(token):
    try:
        value = int(strtod(token))
    except (ReclassExpressionError, ValueError, OverflowError):
        raise InvalidParameterError("could not process string to value") from None
    if value > 255:
        messages.notice("RGBA value cannot be greater than 255. Defaulting to 255")
        return 255
    if value < 0:
        messages.notice("RGBA value cannot be less than zero. Defaulting to zero")
        return 0
    return value


def parse_table(text):
    """The entries of a colour table (the empty lines skipped)."""
    entries = []
    for line in text.split("\n"):
        tokens = [t for t in _SEPARATORS.split(line.strip()) if t]
        if not tokens:
            continue
        if len(tokens) > 5:
            messages.notice("More than five elements in colormap entry %d. Using at most "
                            "five elements" % (len(entries) + 1))
            tokens = tokens[:5]
        head = tokens[0]
        colours = [_colour(t) for t in tokens[1:]]
        if head.lower() in _NODATA_WORDS:
            entries.append(_Entry(True, 0.0, False, colours))
            continue
        percent = head.endswith("%")
        try:
            value = strtod(head[:-1] if percent else head)
        except ReclassExpressionError:
            raise InvalidParameterError("could not process string to value") from None
        entries.append(_Entry(False, value, percent, colours))
    return entries


def _rules(values, colours, method):
    """The reclass rules of one colour component, entries in the order written."""
    n = len(values)
    rules = []
    if method == "EXACT":
        for v, c in zip(values, colours):
            rules.append(ReclassRule(v, v, True, True, c, c))
    elif method == "INTERPOLATE":
        for i in range(n - 1):
            rules.append(ReclassRule(values[i + 1], values[i], True, True,
                                     colours[i + 1], colours[i]))
    else:
        # NEAREST, as PostGIS 3.3 answers (measured): entry i holds (half-way to the next
        # entry, half-way to the previous one], the first entry reaching up to the top and
        # the last down to the bottom; the first entry that holds a value wins, so an
        # ascending table gives the last colour below the first half-way point
        for i in range(n):
            hi = _HUGE if i == 0 else (values[i - 1] + values[i]) / 2.0
            lo = -_HUGE if i == n - 1 else (values[i] + values[i + 1]) / 2.0
            rules.append(ReclassRule(lo, hi, False, True, colours[i], colours[i]))
    return rules


def colormap(rast, nband, table, method):
    """_ST_ColorMap(rast, nband, colormap, method) after the keyword step."""
    if rast is None:
        return None
    rast = bandbytes.little_endian(rast)
    header = wkb.read_header(rast)
    if nband is None or nband < 1 or nband > header.num_bands:
        messages.notice("Raster does not have band at index %s. Returning empty raster" % nband)
        return make_empty_like(rast)
    method = (method or "").strip().upper()
    if method not in _METHODS:
        messages.notice("Unknown value provided for method. Defaulting to INTERPOLATE")
        method = "INTERPOLATE"
    entries = parse_table(table)
    raster = wkb.parse_raster(rast, notice_trailing=False)
    values, mask = _source_values(rast, header, raster, nband)
    data = [e for e in entries if not e.is_nodata]
    if any(e.percent for e in data):
        valid = values[~mask] if mask is not None else values.ravel()
        low, high = (float(valid.min()), float(valid.max())) if valid.size else (0.0, 0.0)
        for e in data:
            if e.percent:
                e.value = low + e.value / 100.0 * (high - low)
    if method == "INTERPOLATE" and len(data) < 2:
        messages.notice("Method INTERPOLATE requires at least two non-NODATA colormap "
                        "entries. Using NEAREST instead")
        method = "NEAREST"
    ncolours = min(4, min(len(e.colours) for e in entries)) if entries else 0
    nodata_entry = next((e for e in entries if e.is_nodata), None)
    use_nodata = nodata_entry is not None and mask is not None
    info = BY_NAME["8BUI"]
    bands = []
    for k in range(ncolours):
        rules = _rules([e.value for e in data], [e.colours[k] for e in data], method)
        if use_nodata:
            rules.insert(0, ReclassRule(0.0, 0.0, True, True,
                                        nodata_entry.colours[k], nodata_entry.colours[k]))
        pixels = reclass_values(values, rules, info, None)
        bands.append(wkb.Band(info, False, False, 0, pixels.astype(np.uint8)))
    return wkb.emit_raster(wkb.Raster(header.replace(num_bands=len(bands)), bands))


def st_colormap(rast, nband=1, colormap_text="grayscale", method="INTERPOLATE"):
    """ST_ColorMap(rast, nband, colormap, method)."""
    if rast is None:
        return None
    table, method = resolve_colormap(colormap_text, method)
    return colormap(rast, nband, table, method)
