"""ST_MapAlgebra's expression forms and the deprecated ST_MapAlgebraExpr, as PostGIS 3.3.2
answers them (measured; the tests compare every rule below with PostGIS).

PostGIS evaluates `SELECT (<expression>)::double precision` once per pixel, placeholders
bound as parameters (pixel values double precision, positions integer). plraster gives the
same answers from one evaluation per band: numpy for the arithmetic it can prove equal
(exprparse), else one statement over the band's pixels (the `runner`, see
plraster.sqlapi.mapexpr), so PostgreSQL's own arithmetic, casts, functions, NULL rules
and errors apply. An expression without placeholders is evaluated once, as PostGIS does
(`random()` gives one value for the whole band; `1/0` fails even where no pixel uses it).

Rules common to the three engines, measured:
- a pixel that is nodata (or outside its raster, or in a missing band) gives its
  expression the value 0, not NULL, and its own position;
- results are stored as rt_band_set_pixel stores them (clamped, truncated toward zero for
  integer types, moved off the nodata value when they are not it: core.pixelconv);
- the band is flagged is-nodata when every pixel ends up nodata.

ST_MapAlgebra (one or two rasters, `_ST_MapAlgebra(rastbandarg[], expression, ...)`):
- placeholders [rast1.x|y|val], [rast1], [rast2.*], and [rast.*] = [rast1.*]; positions are
  the pixel's own column and row in each raster (1-based; {1, 1} for a raster that is NULL,
  empty or lacks the band); output grid, pixel type and nodata value as the callback forms
  (callbacks.output_band_type, extent);
- two rasters: both nodata -> nodatanodataval (else nodata); only raster 1 nodata ->
  nodata1expr, only raster 2 -> nodata2expr (missing expression: nodata); neither ->
  expression (missing: nodatanodataval, else nodata); a NULL result -> nodatanodataval,
  else nodata; a constant expression giving NULL counts as missing;
- one raster: nodata -> nodata1expr (missing: nodata); else expression, or nodata1expr
  when it is missing; a NULL result -> nodata1expr's value when it is a constant, else
  nodata. ST_MapAlgebra(rast, nband, pixeltype, expression, nodataval) passes nodataval
  as the text of nodata1expr.
"""
import numpy as np

from plraster.core import limits, messages, wkb
from plraster.core.bands import locate_band
from plraster.core.errors import InvalidParameterError
from plraster.core.nodata import FLT_EPSILON
from plraster.core.pixelconv import nodata_where, stored_values, to_pixel_values
from plraster.core.pixtypes import info_for_name
from plraster.functions.mapalgebra import callbacks, exprparse, extent

ROW_MAJOR, COLUMN_MAJOR = "C", "F"


class Expression:
    """One expression argument, ready to run: its SQL with the placeholders as columns
    (`sql`), the slots it uses, its numpy tree (None: PostgreSQL computes it), and whether
    it must be evaluated pixel by pixel (window functions)."""

    def __init__(self, text, keywords, absent=()):
        self.text = text
        self.keywords, self.absent = keywords, absent

        def column(slot):
            if slot in absent:
                return "NULL::pg_catalog.%s" % exprparse.SLOT_TYPES[slot]
            return exprparse.column(slot)
        self.sql, slots = exprparse.substitute(text, keywords, column)
        self.slots = [s for s in slots if s not in absent]
        toks = exprparse.tokens(self.sql)
        self.pixelwise = exprparse.uses_window(toks)
        names = {exprparse.column(s): s for s in self.slots}
        self.tree = None if self.pixelwise else exprparse.parse(self.sql, names)
        self.has_value = False   # a constant evaluated to a non-NULL value
        self.value = None

    @property
    def is_constant(self):
        return not self.slots

    def parameter_sql(self):
        """The SQL with $1, $2, ... for the slots (in the order of `slots`), as PostGIS
        prepares it: for evaluating pixel by pixel."""
        sql = self.sql
        for k, slot in enumerate(self.slots):
            sql = sql.replace(exprparse.column(slot), "$%d" % (k + 1))
        return sql


class Runner:
    """How expressions reach PostgreSQL (plraster.sqlapi.mapexpr gives the real one)."""

    def prepare(self, expr):  # pragma: no cover - sqlapi gives the real one
        """Parse and plan the expression as PostGIS's SPI_prepare does (its errors)."""
        raise NotImplementedError

    def constant(self, expr):  # pragma: no cover
        """The value of an expression without placeholders (None for NULL)."""
        raise NotImplementedError

    def constant_text(self, expr):  # pragma: no cover
        """The same as text (the deprecated one-raster form reads it back with atof)."""
        raise NotImplementedError

    def rows(self, expr, cols):  # pragma: no cover
        """(values, null) of the expression over the pixels of cols (PixelColumns)."""
        raise NotImplementedError


def prepared(text, keywords, runner, absent=()):
    """The Expression of text (None when text is NULL), prepared, and evaluated once when
    it has no placeholder, as PostGIS does."""
    if text is None:
        return None
    expr = Expression(text, keywords, absent)
    runner.prepare(expr)
    if expr.is_constant:
        expr.value = runner.constant(expr)
        expr.has_value = expr.value is not None
    return expr


def evaluate(expr, cols, runner):
    """(values float64, null bool) of expr over the pixels of cols (PixelColumns)."""
    count = cols.count
    if count == 0:
        return np.zeros(0), np.zeros(0, bool)
    if expr.is_constant:
        if expr.has_value:
            return np.full(count, expr.value), np.zeros(count, bool)
        return np.zeros(count), np.ones(count, bool)
    if expr.tree is not None:
        out = exprparse.evaluate(expr.tree, {s: cols.array(s) for s in expr.slots}, count)
        if out is not None:
            return out, np.zeros(count, bool)
    return runner.rows(expr, cols)


class PixelColumns:
    """The placeholder columns of some pixels of a grid, for one evaluation.

    `arrays`: slot -> float64 array (one value per pixel evaluated); `positions`: slot ->
    (axis, start), a pixel position (0: row, 1: column) plus start; `index`: the pixels'
    flat indices in the grid (in `order`, 'C' row by row or 'F' column by column), or None
    for every pixel in that order. `array(slot)` gives any slot as an array."""

    def __init__(self, arrays, positions, index, shape, order):
        self.arrays, self.positions, self.index = arrays, positions, index
        self.shape, self.order = shape, order
        self.count = shape[0] * shape[1] if index is None else index.size

    def flat_index(self):
        return np.arange(self.count) if self.index is None else self.index

    def array(self, slot):
        if slot in self.arrays:
            return self.arrays[slot]
        axis, start = self.positions[slot]
        rows, cols = np.unravel_index(self.flat_index(), self.shape, order=self.order)
        return (rows if axis == 0 else cols).astype(np.float64) + start


class _Pixels:
    """The per-pixel columns of the output grid (in the engine's pixel order) and the
    results being filled in."""

    def __init__(self, shape, order):
        self.shape, self.order = shape, order
        self.count = shape[0] * shape[1]
        self.columns = {}
        self._positions = {}
        self.values = np.zeros(self.count)
        self.null = np.ones(self.count, bool)

    def flat(self, array):
        return np.asarray(array).ravel(order=self.order)

    def positions(self, slot_x, slot_y, col0, row0):
        """Columns slot_x and slot_y: each pixel's column + col0 and row + row0."""
        self._positions[slot_x] = (1, col0)
        self._positions[slot_y] = (0, row0)

    def run(self, expr, where, runner):
        """Evaluate expr at the pixels where `where` (flat bool) holds; store results."""
        positions = {s: self._positions[s] for s in expr.slots if s in self._positions}
        if where.all():
            arrays = {s: self.columns[s] for s in expr.slots if s not in positions}
            cols = PixelColumns(arrays, positions, None, self.shape, self.order)
            self.values[:], self.null[:] = evaluate(expr, cols, runner)
            return
        idx = np.flatnonzero(where)
        if idx.size == 0:
            return
        arrays = {s: self.columns[s][idx] for s in expr.slots if s not in positions}
        cols = PixelColumns(arrays, positions, idx, self.shape, self.order)
        values, null = evaluate(expr, cols, runner)
        self.values[idx] = values
        self.null[idx] = null

    def fill(self, where, value):
        """A value (None: nodata) at the pixels where `where` holds."""
        if value is None:
            self.null[where] = True
        else:
            self.values[where] = value
            self.null[where] = False

    def grid(self, array):
        return array.reshape(self.shape, order=self.order)


def emit_band(header, info, nodata, values, null):
    """WKB of header with one band of values (doubles, null -> nodata) stored into pixel type
    info; flagged is-nodata when every pixel is nodata."""
    stored = stored_values(info, nodata, values)
    stored[null] = nodata
    band = wkb.Band(info, has_nodata=True, nodata=nodata, is_nodata=_all_nodata(stored, nodata),
                    data=stored.astype(info.dtype))
    return wkb.emit_header(header.replace(num_bands=1), 1) + wkb.emit_band(
        band, header.width, header.height)


def _all_nodata(stored, nodata):
    """True when every stored value is the nodata value (a few pixels are looked at first)."""
    flat = stored.ravel()
    if flat.size == 0 or not nodata_where(flat[:16], nodata).all():
        return False
    return bool(nodata_where(flat, nodata).all())


def _checked_pixeltype(pixeltype):
    if pixeltype is None:
        return None
    try:
        return info_for_name(pixeltype)
    except InvalidParameterError:
        raise InvalidParameterError("invalid pixel type: %s" % pixeltype) from None


def _layer(inp, offset, header):
    """(values with 0 at nodata, null) of input inp over the output grid."""
    values, null = callbacks.band_layer(inp, offset if offset is not None else (0, 0),
                                        header, 0, 0)
    values = values.copy()
    values[null] = 0.0
    return values, null


# ---- ST_MapAlgebra, expression forms -----------------------------------------------------

def map_algebra(rastbandargs, expression, pixeltype, extenttype, nodata1expr, nodata2expr,
                nodatanodataval, runner):
    """_ST_MapAlgebra(rastbandargset, expression, pixeltype, extenttype, nodata1expr,
    nodata2expr, nodatanodataval): WKB or None."""
    inputs = callbacks.read_inputs(rastbandargs)
    if inputs is None:
        return None
    inputs = inputs[:2]
    if all(i.header is None for i in inputs):
        messages.notice("All input rasters are NULL. Returning NULL")
        return None
    _checked_pixeltype(pixeltype)
    kind = extent.extent_type(extenttype)
    if kind == "CUSTOM":
        messages.notice("CUSTOM extent type not supported. Defaulting to INTERSECTION")
        kind = "INTERSECTION"
    present = [i for i in inputs if i.present]
    if not present:
        messages.notice("All input rasters are empty. Returning empty raster")
        return wkb.emit_header(callbacks.EMPTY_HEADER, 0)
    if all(i.band is None for i in present):
        messages.notice("All input rasters do not have bands at indicated indexes. "
                        "Returning empty raster")
        return wkb.emit_header(callbacks.EMPTY_HEADER, 0)
    two = len(inputs) == 2
    absent = () if two else ("v2", "x2", "y2")
    exprs = [prepared(t, exprparse.NEW_KEYWORDS, runner, absent)
             for t in (expression, nodata1expr, nodata2expr)]
    grid = extent.output_grid([i.header if i.present else None for i in inputs], kind)
    if grid is None:
        return None
    if grid.is_empty:
        return wkb.emit_header(grid.header, 0)
    header = grid.header
    info, nodata = callbacks.output_band_type(inputs, pixeltype, kind)
    limits.check_pixels(header.width, header.height, 64, "the map algebra")
    px = _Pixels((header.height, header.width), ROW_MAJOR)
    nulls = []
    for k, (inp, offset) in enumerate(zip(inputs, grid.offsets)):
        values, null = _layer(inp, offset, header)
        px.columns["v%d" % (k + 1)] = px.flat(values)
        nulls.append(px.flat(null))
        if inp.band is not None and offset is not None:
            px.positions("x%d" % (k + 1), "y%d" % (k + 1), offset[0] + 1, offset[1] + 1)
        else:
            px.columns["x%d" % (k + 1)] = np.ones(px.count)
            px.columns["y%d" % (k + 1)] = np.ones(px.count)
    if two:
        _two_rasters(px, exprs, nulls, nodatanodataval, runner)
    else:
        _one_raster(px, exprs, nulls[0], runner)
    return emit_band(header, info, nodata, px.grid(px.values), px.grid(px.null))


def _one_raster(px, exprs, null, runner):
    main, nd1 = exprs[0], exprs[1]
    fallback = nd1.value if nd1 is not None and nd1.has_value else None

    def apply(expr, where):
        if expr is None or (expr.is_constant and not expr.has_value):
            px.fill(where, None)
            return
        px.run(expr, where, runner)
        px.fill(where & px.null, fallback)

    apply(nd1, null)
    data = ~null
    if main is None or (main.is_constant and not main.has_value):
        apply(nd1, data)
    else:
        apply(main, data)


def _two_rasters(px, exprs, nulls, nodatanodataval, runner):
    n1, n2 = nulls
    main, nd1, nd2 = exprs

    def apply(expr, where, missing):
        if expr is None or (expr.is_constant and not expr.has_value):
            px.fill(where, missing)
            return
        px.run(expr, where, runner)
        px.fill(where & px.null, nodatanodataval)

    px.fill(n1 & n2, nodatanodataval)
    apply(nd1, n1 & ~n2, None)
    apply(nd2, ~n1 & n2, None)
    apply(main, ~n1 & ~n2, nodatanodataval)


# ---- ST_MapAlgebraExpr, one raster (deprecated) -------------------------------------------

def map_algebra_expr_one(buf, nband, pixeltype, expression, nodataval, runner):
    """ST_MapAlgebraExpr(rast, band, pixeltype, expression, nodataval), measured on PostGIS
    3.3.2: an invalid or NULL pixel type keeps the band's; a band below 1 or NULL is band 1;
    the output's nodata value is the band's, or its type's minimum, and a pixel equal to it
    (within FLT_EPSILON; also in a band without nodata) is not computed but set to nodataval
    (or the nodata value), as are NULL results; placeholders [rast], [rast.val], [rast.x],
    [rast.y]; pixels are computed column by column. A band that is all nodata, a NULL
    expression, or an expression without '[rast' (evaluated once, through its text as
    PostGIS reads it back; with a nodataval the band is all nodataval) fill the band with one
    value; the band is flagged is-nodata when that value is the nodata value. PostGIS
    compares with !FLT_NEQ, so a NaN pixel, or any pixel against a NaN nodata value, counts
    as nodata here."""
    if buf is None:
        messages.notice("Raster is NULL. Returning NULL")
        return None
    header = wkb.read_header(buf)
    if header.is_empty:
        messages.notice("Raster is empty. Returning an empty raster")
        return wkb.emit_header(header, 0)
    band = locate_band(buf, header, 1 if nband is None or nband < 1 else nband)
    if band is None:
        messages.notice("Raster does not have the required band. Returning a raster without "
                        "a band")
        return wkb.emit_header(header, 0)
    info, nodata = callbacks.fct_band_type(band, pixeltype)
    newnodata = float(band.nodata) if band.has_nodata else float(band.info.min)
    init = newnodata if nodataval is None else float(nodataval)
    shape = (header.height, header.width)

    def filled(value):
        stored = to_pixel_values(info, np.full(shape, value))
        out = wkb.Band(info, has_nodata=True, nodata=nodata, is_nodata=_flt_eq(value, newnodata),
                       data=stored.astype(info.dtype))
        return wkb.emit_header(header.replace(num_bands=1), 1) + wkb.emit_band(
            out, header.width, header.height)

    if band.is_nodata:
        return filled(init)
    limits.check_pixels(header.width, header.height, 64, "the map algebra")
    values = np.asarray(band.array(buf, header), dtype=np.float64)
    skip = _flt_eq(values, newnodata)
    if band.has_nodata and skip.all():
        return filled(init)
    if expression is None:
        return filled(init)
    if "[rast" not in expression:
        expr = Expression(expression, ())
        runner.prepare(expr)
        text = runner.constant_text(expr)
        if nodataval is not None or text is None:
            return filled(init)
        return filled(float(text))
    expr = Expression(expression, exprparse.OLD_ONE_KEYWORDS)
    runner.prepare(expr)
    px = _Pixels(shape, COLUMN_MAJOR)
    px.columns["v1"] = px.flat(values)
    px.positions("x1", "y1", 1, 1)
    px.run(expr, ~px.flat(skip), runner)
    px.fill(px.null, init)
    # computed values and NULL results are set as rt_band_set_pixel sets them; the pixels
    # skipped keep the band's initial value, converted without the nodata correction
    stored = stored_values(info, nodata, px.grid(px.values))
    stored[skip] = to_pixel_values(info, np.array([init]))[0]
    flag = _flt_eq(init, newnodata) and _all_nodata(stored, nodata)
    out = wkb.Band(info, has_nodata=True, nodata=nodata, is_nodata=flag,
                   data=stored.astype(info.dtype))
    return wkb.emit_header(header.replace(num_bands=1), 1) + wkb.emit_band(
        out, header.width, header.height)


def _flt_eq(a, b):
    """PostGIS's !FLT_NEQ(a, b): equal within FLT_EPSILON, and NaN equal to anything."""
    with np.errstate(invalid="ignore"):
        out = ~(np.abs(np.asarray(a, dtype=np.float64) - b) > FLT_EPSILON)
    return bool(out) if out.ndim == 0 else out


# ---- ST_MapAlgebraExpr, two rasters (deprecated) ------------------------------------------

NO_INTERSECTION = "The two rasters provided have no intersection.  Returning no band raster"


def map_algebra_expr_two(buf1, nband1, buf2, nband2, expression, pixeltype, extenttype,
                         nodata1expr, nodata2expr, nodatanodataval, runner):
    """ST_MapAlgebraExpr(rast1, band1, rast2, band2, expression, pixeltype, extenttype,
    nodata1expr, nodata2expr, nodatanodataval), measured on PostGIS 3.3.2: NOTICE and NULL
    for two NULL rasters, misaligned rasters, and FIRST/SECOND naming a NULL or empty
    raster; an empty raster for two empty ones (NULL counts as empty) and an empty
    intersection; placeholders [rast1.*] and [rast2.*] only; pixels column by column; both
    nodata -> nodatanodataval, one nodata -> its expression, a NULL or missing result ->
    nodata. A band number below 1 or NULL, or a band the raster lacks, is all nodata (with
    nodata value 0 for the choice below); an empty raster sits at offset (0, 0). The nodata
    value is raster 1's, else raster 2's, else the pixel type's minimum (NOTICE)."""
    bufs = [buf1, buf2]
    if buf1 is None and buf2 is None:
        messages.notice("The two rasters provided are NULL.  Returning NULL")
        return None
    headers = [None if b is None else wkb.read_header(b) for b in bufs]
    present = [h is not None and not h.is_empty for h in headers]
    if not any(present):
        messages.notice("The two rasters provided are empty.  Returning empty raster")
        return wkb.emit_header(extent.empty_grid(0), 0)
    if all(present):
        try:
            extent.check_alignment(headers)
        except InvalidParameterError:
            messages.notice("The two rasters provided do not have the same alignment.  "
                            "Returning NULL")
            return None
    info = _checked_pixeltype(pixeltype)
    kind = extent.extent_type(extenttype)
    if kind not in ("INTERSECTION", "UNION", "FIRST", "SECOND"):
        kind = "INTERSECTION"
    if not all(present):
        if kind == "FIRST" and not present[0]:
            messages.notice("The FIRST raster is NULL.  Returning NULL")
            return None
        if kind == "SECOND" and not present[1]:
            messages.notice("The SECOND raster is NULL.  Returning NULL")
            return None
        if kind == "INTERSECTION":
            messages.notice(NO_INTERSECTION)
            srid = headers[0 if present[0] else 1].srid
            return wkb.emit_header(extent.empty_grid(srid), 0)
        grid = headers[0 if present[0] else 1].replace(num_bands=0, little_endian=True)
        offsets = [(0, 0), (0, 0)]
    else:
        out = extent.output_grid(headers, kind)
        if out.is_empty:
            messages.notice(NO_INTERSECTION)
            return wkb.emit_header(out.header, 0)
        grid, offsets = out.header, list(out.offsets)
    nbands = [0 if n is None else n for n in (nband1, nband2)]
    bands = [locate_band(b, h, n) if p and n >= 1 else None
             for b, h, n, p in zip(bufs, headers, nbands, present)]
    for k, name in ((0, "FIRST"), (1, "SECOND")):
        if kind == name and present[k] and bands[k] is None:
            messages.notice("The %s raster does not have the band at index %d.  Returning no "
                            "band raster of correct extent" % (name, nbands[k]))
            return wkb.emit_header(grid, 0)
    if all(present) and bands[0] is None and bands[1] is None:
        messages.notice("The two rasters provided do not have the respectively specified "
                        "band indices.  Returning no band raster of correct extent")
        return wkb.emit_header(grid, 0)
    # SECOND takes the pixel type and nodata value from raster 2 first, the others from
    # raster 1 first
    order = (1, 0) if kind == "SECOND" else (0, 1)
    if info is None:
        # PostGIS 3.3.2 crashes when the raster it takes the type from lacks the band;
        # plraster takes the other band's type.
        first = next((bands[k] for k in order if bands[k] is not None), None)
        if first is None:
            messages.notice("The two rasters provided do not have the respectively specified "
                            "band indices.  Returning no band raster of correct extent")
            return wkb.emit_header(grid, 0)
        info = first.info
    nodata = _two_nodata([present[k] for k in order], [bands[k] for k in order], info)
    exprs = [prepared(t, exprparse.OLD_TWO_KEYWORDS, runner)
             for t in (expression, nodata1expr, nodata2expr)]
    limits.check_pixels(grid.width, grid.height, 64, "the map algebra")
    px = _Pixels((grid.height, grid.width), COLUMN_MAJOR)
    nulls = []
    for k in range(2):
        inp = callbacks.Input(None, 1)
        if present[k]:
            inp = callbacks.Input(bufs[k], 1)
            inp.band = bands[k]
        values, null = _layer(inp, offsets[k], grid)
        px.columns["v%d" % (k + 1)] = px.flat(values)
        nulls.append(px.flat(null))
        px.positions("x%d" % (k + 1), "y%d" % (k + 1), offsets[k][0] + 1, offsets[k][1] + 1)
    n1, n2 = nulls
    main, nd1, nd2 = exprs

    def apply(expr, where):
        if expr is None or (expr.is_constant and not expr.has_value):
            px.fill(where, None)
            return
        px.run(expr, where, runner)

    px.fill(n1 & n2, nodatanodataval)
    apply(nd1, n1 & ~n2)
    apply(nd2, ~n1 & n2)
    apply(main, ~n1 & ~n2)
    return emit_band(grid, info, nodata, px.grid(px.values), px.grid(px.null))


def _two_nodata(present, bands, info):
    """The deprecated two-raster form's nodata value (converted to the pixel type)."""
    choice = None
    for p, band in zip(present, bands):
        if not p:
            continue
        if band is None:
            choice = 0.0
            break
        if band.has_nodata:
            choice = float(band.nodata)
            break
    if choice is None:
        messages.notice("Neither raster provided has a NODATA value for the specified band "
                        "indices.  NODATA value set to minimum possible for %s" % info.name)
        choice = float(info.min)
    return float(to_pixel_values(info, np.array([choice]))[0])
