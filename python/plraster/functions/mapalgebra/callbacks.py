"""ST_MapAlgebra with a callback function, as PostGIS 3.3's _ST_MapAlgebra (RASTER_nMapAlgebra)
answers, measured:

- the rastbandarg set: an element that is NULL, or whose raster is NULL, is a NULL raster
  (NOTICE "First argument (nband) of rastbandarg at index i is NULL. Assuming NULL raster"
  for the latter); a NULL band is band 1 (NOTICE "... Assuming nband = 1"); a band below 1
  is an error; an empty set is an error; all NULL gives NULL with a NOTICE;
- every element keeps its place in the callback's arrays: value[z][row][col] holds the
  neighbourhood (2 distancey + 1 rows, 2 distancex + 1 columns) of raster z, NULL for a
  nodata pixel, a pixel outside the raster, or a raster that is NULL, empty or lacks the
  band; pos[0] is the output pixel (x, y), 1-based, pos[z] the same pixel in raster z's
  own pixel space ({1,1} for a raster that is NULL, empty or lacks the band);
- the callback is called for every output pixel, row by row, with userargs as given;
- the output grid follows `extent`; the output band's pixel type is pixeltype or that of
  the first raster that has its band; its nodata value is that band's nodata value, or
  the minimum of its pixel type, converted into the output type; a NULL result is nodata,
  other results are stored as rt_band_set_pixel stores them (core.pixelconv).

The callback is called through `Callback` (sqlapi gives one that runs a prepared plan once
per band, as PostgreSQL calls the function); PostGIS's *4ma callbacks are recognised and
computed for the whole band with numpy (`ma4`), giving the same values.
"""
import numpy as np

from plraster.core import limits, messages, wkb
from plraster.core.bands import locate_band
from plraster.core.errors import InvalidParameterError
from plraster.core.pixelconv import nodata_where, stored_values, to_pixel_values
from plraster.core.pixtypes import info_for_name
from plraster.core.ticker import Ticker
from plraster.functions.mapalgebra import extent, ma4

EMPTY_HEADER = wkb.RasterHeader(0, 1.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0, 0, 0)
CHUNK_CELLS = 1 << 22  # neighbourhood cells computed at once by the numpy path


class Callback:
    """How the engine calls the user's function. `ma4` names a recognised *4ma (new
    signature) or is None; `nargs` is the function's number of arguments; `call(values,
    positions)` calls it once per pixel, in order, with the array literals given, and
    returns a list of floats (None for NULL); `cast(text)` is PostgreSQL's text::float8."""

    ma4 = None
    nargs = 3

    def call(self, values, positions):  # pragma: no cover - sqlapi gives the real one
        raise NotImplementedError

    @staticmethod
    def cast(text):
        return float(text)


class Input:
    """One element of the rastbandarg set."""

    def __init__(self, buf, nband):
        self.buf = buf
        self.nband = nband
        self.header = None if buf is None else wkb.read_header(buf)
        self.band = None
        if self.header is not None and not self.header.is_empty:
            self.band = locate_band(buf, self.header, nband)

    @property
    def present(self):
        """Not NULL and not empty: takes part in the extent."""
        return self.header is not None and not self.header.is_empty


def raster_bytes(rast):
    """A raster argument as bytes: PL/Python gives a raster inside a composite (rastbandarg)
    as its text form, hex WKB."""
    if isinstance(rast, str):
        return bytes.fromhex(rast[2:] if rast.startswith("\\x") else rast)
    return bytes(rast)


def read_inputs(rastbandargs):
    """The Inputs of a rastbandarg[] (PL/Python: a list of dicts or None), with PostGIS's
    NOTICEs; None when the set is NULL."""
    if rastbandargs is None:
        return None
    if not rastbandargs:
        raise InvalidParameterError("invalid argument for rastbandarg",
                                    detail="The rastbandarg array is empty.")
    inputs = []
    for i, arg in enumerate(rastbandargs):
        if arg is None:
            inputs.append(Input(None, 1))
            continue
        rast, nband = arg["rast"], arg["nband"]
        if rast is None:
            messages.notice("First argument (nband) of rastbandarg at index %d is NULL. "
                            "Assuming NULL raster" % i)
            inputs.append(Input(None, 1))
            continue
        if nband is None:
            messages.notice("First argument (nband) of rastbandarg at index %d is NULL. "
                            "Assuming nband = 1" % i)
            nband = 1
        if nband < 1:
            raise InvalidParameterError(
                "band number provided for rastbandarg at index %d must be greater than zero "
                "(1-based)" % i)
        inputs.append(Input(raster_bytes(rast), nband))
    return inputs


def reference_band(inputs, kind):
    """The band the output band copies its type and nodata value from: that of the raster
    SECOND or LAST names when it has its band, else the first raster's that has its band
    (None when none has)."""
    preferred = {"SECOND": min(1, len(inputs) - 1), "LAST": len(inputs) - 1}.get(kind)
    if preferred is not None and inputs[preferred].band is not None:
        return inputs[preferred].band
    return next((i.band for i in inputs if i.band is not None), None)


def output_band_type(inputs, pixeltype, kind="INTERSECTION"):
    """(PixelTypeInfo, nodata) of the output band (see reference_band)."""
    first = reference_band(inputs, kind)
    info = info_for_name(pixeltype) if pixeltype is not None else first.info
    nodata = first.nodata if first.has_nodata else first.info.min
    return info, float(to_pixel_values(info, np.array([float(nodata)]))[0])


def band_layer(inp, offset, grid, dx, dy):
    """(values, null) of raster inp over the output grid widened by the neighbourhood:
    float64 and bool arrays of (height + 2 dy, width + 2 dx)."""
    h, w = grid.height + 2 * dy, grid.width + 2 * dx
    values = np.zeros((h, w))
    null = np.ones((h, w), bool)
    if inp.band is None or inp.band.is_nodata:
        return values, null
    col0, row0 = offset[0] - dx, offset[1] - dy
    src_c0, src_r0 = max(col0, 0), max(row0, 0)
    src_c1 = min(col0 + w, inp.header.width)
    src_r1 = min(row0 + h, inp.header.height)
    if src_c1 <= src_c0 or src_r1 <= src_r0:
        return values, null
    data = inp.band.window(inp.buf, inp.header, src_c0, src_r0, src_c1, src_r1)
    data = np.asarray(data, dtype=np.float64)
    dst = (slice(src_r0 - row0, src_r1 - row0), slice(src_c0 - col0, src_c1 - col0))
    values[dst] = data
    null[dst] = nodata_where(data, inp.band.nodata) if inp.band.has_nodata else False
    return values, null


def centre_only(dx, dy):
    """PostGIS fills only the centre of the neighbourhood when one distance is 0 (the
    other cells are NULL), measured."""
    return dx == 0 or dy == 0


class Window:
    """The neighbourhood: distances, and the mask (weights, NULL cells) when given."""

    def __init__(self, dx, dy, mask=None, mask_null=None, weighted=False):
        self.dx, self.dy = dx, dy
        self.mask, self.mask_null, self.weighted = mask, mask_null, bool(weighted)

    def cells(self):
        """(ddy, ddx) of the cells in the callback's order."""
        return [(ddy, ddx) for ddy in range(2 * self.dy + 1) for ddx in range(2 * self.dx + 1)]

    def blank(self, ddy, ddx):
        """True for a cell that is always NULL (centre-only windows, see centre_only)."""
        return centre_only(self.dx, self.dy) and (ddx, ddy) != (self.dx, self.dy)

    def apply(self, ddy, ddx, values, null):
        """A cell's (values, null) after the mask: unweighted, a 0 or NULL weight makes the
        cell NULL; weighted, the value is multiplied by the weight (NULL weight: NULL)."""
        if self.mask is None:
            return values, null
        w, w_null = self.mask[ddy, ddx], self.mask_null[ddy, ddx]
        if w_null:
            return values, np.ones_like(null)
        if self.weighted:
            with np.errstate(invalid="ignore", over="ignore"):
                return values * w, null
        if w == 0:
            return values, np.ones_like(null)
        return values, null


def _cell(layer, window, ddy, ddx, row0, row1, width):
    values, null = layer
    n = (row1 - row0) * width
    if window.blank(ddy, ddx):
        return np.zeros(n), np.ones(n, bool)
    sl = (slice(row0 + ddy, row1 + ddy), slice(ddx, ddx + width))
    return window.apply(ddy, ddx, values[sl].ravel(), null[sl].ravel())


def _stack(layers, window, row0, row1, width):
    """(values, null) of shape (K, rows * width): the neighbourhood cells of output rows
    [row0, row1), in the callback's order (raster, row, column)."""
    vals, nulls = [], []
    for layer in layers:
        for ddy, ddx in window.cells():
            v, n = _cell(layer, window, ddy, ddx, row0, row1, width)
            vals.append(v)
            nulls.append(n)
    return np.stack(vals), np.stack(nulls)


def _literal(v):
    if v != v:
        return '"NaN"'
    if v == float("inf"):
        return '"Infinity"'
    if v == float("-inf"):
        return '"-Infinity"'
    return repr(v)


def _cell_texts(values, null):
    flat_values = values.ravel()
    flat = list(map(repr, flat_values.tolist()))
    for i in np.flatnonzero(~np.isfinite(flat_values)).tolist():
        flat[i] = _literal(float(flat_values[i]))
    out = np.array(flat, dtype=object).reshape(values.shape)
    out[null] = "NULL"
    return out


def _braced(parts):
    """'{' + parts joined by ',' + '}', element by element (object arrays of str)."""
    out = "{" + parts[0]
    for part in parts[1:]:
        out = out + "," + part
    return out + "}"


def _plain_value_literals(layers, grid, window, ticker):
    """The value literals of a window without mask or blank cells: each row segment of a
    layer is written once and shared by the pixels whose windows hold it."""
    h, w = grid.height, grid.width
    nx, ny = 2 * window.dx + 1, 2 * window.dy + 1
    segments = []
    for layer in layers:
        rows = _cell_texts(*layer).tolist()
        segments.append([["{" + ",".join(row[x:x + nx]) + "}" for x in range(w)]
                         for row in rows])
    out = []
    for y in range(h):
        if ticker is not None:
            ticker.tick()
        layer_texts = [[",".join(cells) for cells in zip(*seg[y:y + ny])] for seg in segments]
        out.extend("{{" + "},{".join(cells) + "}}" for cells in zip(*layer_texts))
    return out


def user_literals(layers, inputs, offsets, grid, window, ticker=None):
    """(value literals, pos literals): one text per output pixel, row by row, for the
    user's callback (PostgreSQL array input syntax)."""
    h, w = grid.height, grid.width
    plain = window.mask is None and not (centre_only(window.dx, window.dy)
                                         and (window.dx, window.dy) != (0, 0))
    values = _plain_value_literals(layers, grid, window, ticker) if plain else \
        _masked_value_literals(layers, grid, window, ticker)
    places = [(o[0] + 1, o[1] + 1) if (o is not None and inp.band is not None) else None
              for inp, o in zip(inputs, offsets)]
    fmt = "[0:%d][1:2]={" % len(inputs) + ",".join(
        ["{%d,%d}"] + ["{1,1}" if p is None else "{%d,%d}" for p in places]) + "}"
    ys, xs = np.divmod(np.arange(h * w), w)
    columns = [xs + 1, ys + 1]
    for p in places:
        if p is not None:
            columns += [xs + p[0], ys + p[1]]
    pos = [fmt % tuple(t) for t in np.stack(columns, axis=1).tolist()]
    return values, pos


def _masked_value_literals(layers, grid, window, ticker=None):
    """The value literals of a window with a mask or blank cells, cell by cell."""
    h, w = grid.height, grid.width
    per_layer = []
    for layer in layers:
        texts = None if window.weighted else _cell_texts(*layer)
        lines = []
        for ddy in range(2 * window.dy + 1):
            line = []
            for ddx in range(2 * window.dx + 1):
                v, n = _cell(layer, window, ddy, ddx, 0, h, w)
                if texts is None:
                    t = _cell_texts(v, n).ravel()
                else:
                    t = texts[ddy:ddy + h, ddx:ddx + w].ravel().copy()
                    t[n] = "NULL"
                line.append(t)
            lines.append(_braced(line))
            if ticker is not None:
                ticker.tick()
        per_layer.append(_braced(lines))
    return _braced(per_layer).tolist()


def compute_ma4(name, layers, grid, window, userargs, cast):
    """The *4ma named name over the whole output grid: (values, null) of (height, width)."""
    shape = (len(layers), 2 * window.dy + 1, 2 * window.dx + 1)
    k = shape[0] * shape[1] * shape[2]
    rows = max(1, CHUNK_CELLS // max(1, k * grid.width))
    out = np.empty(grid.height * grid.width)
    out_null = np.empty(grid.height * grid.width, bool)
    for row0 in range(0, grid.height, rows):
        row1 = min(grid.height, row0 + rows)
        values, null = _stack(layers, window, row0, row1, grid.width)
        res, res_null = ma4.compute(name, values, null, shape, userargs=userargs, cast=cast,
                                    notice_count=(row1 - row0) * grid.width)
        out[row0 * grid.width:row1 * grid.width] = res
        out_null[row0 * grid.width:row1 * grid.width] = res_null
    return out.reshape(grid.height, grid.width), out_null.reshape(grid.height, grid.width)


def _empty_raster(header):
    return wkb.emit_header(header, 0)


def map_algebra(rastbandargs, callback, pixeltype=None, distancex=0, distancey=0,
                extenttype="INTERSECTION", customextent=None, mask=None, weighted=None,
                userargs=None):
    """_ST_MapAlgebra(rastbandargset, callbackfunc, pixeltype, distancex, distancey,
    extenttype, customextent, mask, weighted, VARIADIC userargs): the raster's WKB or None."""
    inputs = read_inputs(rastbandargs)
    if inputs is None:
        return None
    if all(i.header is None for i in inputs):
        messages.notice("All input rasters are NULL. Returning NULL")
        return None
    if pixeltype is not None:
        try:
            info_for_name(pixeltype)
        except InvalidParameterError:
            raise InvalidParameterError("invalid pixel type: %s" % pixeltype) from None
    window = None
    if mask is not None:
        window = mask_window(mask, weighted)
        distancex, distancey = window.dx, window.dy
    dx = 0 if distancex is None else distancex
    dy = 0 if distancey is None else distancey
    if dx < 0 or dy < 0:
        raise InvalidParameterError(
            "distance for x and y axis must be greater than or equal to zero")
    if callback.nargs != 3:
        raise InvalidParameterError("function provided must have three input parameters")
    kind = extent.extent_type(extenttype)
    custom = None
    if kind == "CUSTOM":
        if customextent is None:
            messages.notice("Custom extent is NULL. Returning NULL")
            return None
        custom = wkb.read_header(customextent)
    present = [i for i in inputs if i.present]
    if not present:
        messages.notice("All input rasters are empty. Returning empty raster")
        return _empty_raster(EMPTY_HEADER)
    if all(i.band is None for i in present):
        messages.notice("All input rasters do not have bands at indicated indexes. "
                        "Returning empty raster")
        return _empty_raster(EMPTY_HEADER)
    grid = extent.output_grid([i.header if i.present else None for i in inputs], kind, custom)
    if grid is None:
        return None
    if grid.is_empty:
        return _empty_raster(grid.header)
    header = grid.header
    info, nodata = output_band_type(inputs, pixeltype, kind)
    limits.check_pixels(header.width + 2 * dx, header.height + 2 * dy,
                        9 * max(1, len(inputs)), "the map algebra's neighbourhood")
    layers = [band_layer(i, o if o is not None else (0, 0), header, dx, dy)
              for i, o in zip(inputs, grid.offsets)]
    window = window or Window(dx, dy)
    if callback.ma4 is not None:
        values, null = compute_ma4(callback.ma4, layers, header, window, userargs,
                                   callback.cast)
    else:
        values, null = call_user(callback, layers, inputs, grid, window)
    return emit(header, info, nodata, values, null)


def call_user(callback, layers, inputs, grid, window):
    """The user's callback over every output pixel: (values, null) of (height, width)."""
    header = grid.header
    limits.check_values(header.width * header.height * 2, "the map algebra's callback arguments")
    value_lits, pos_lits = user_literals(layers, inputs, grid.offsets, header, window,
                                         Ticker())
    results = callback.call(value_lits, pos_lits)
    null = np.array([r is None for r in results], dtype=bool)
    values = np.array([0.0 if r is None else r for r in results], dtype=np.float64)
    return values.reshape(header.height, header.width), null.reshape(header.height, header.width)


def emit(header, info, nodata, values, null):
    """WKB of a one-band raster with the results stored into pixel type info."""
    stored = stored_values(info, nodata, values)
    stored[null] = nodata
    band = wkb.Band(info, has_nodata=True, nodata=nodata,
                    data=stored.astype(info.dtype))
    return wkb.emit_header(header, 1) + wkb.emit_band(band, header.width, header.height)


def mask_window(mask, weighted):
    """The Window of a mask (PL/Python nested lists), with PostGIS's checks: a 2-D array,
    odd sides, and (PostGIS 3.3 fails on the others) 1 x 1 or 3 x 3."""
    shape = ma4.shape_of(mask)
    if len(shape) != 2:
        raise InvalidParameterError("mask must be a 2D array")
    rows, cols = shape
    if rows % 2 != 1 or cols % 2 != 1:
        raise InvalidParameterError("mask dimensions must be odd")
    if (rows, cols) not in ((1, 1), (3, 3)):
        raise InvalidParameterError(
            "mask dimensions %d x %d do not match given dims 3 x 3" % (rows, cols),
            detail="PostGIS 3.3 fails on masks other than 1 x 1 and 3 x 3 (measured).")
    flat = [v for row in mask for v in row]
    values = np.array([0.0 if v is None else v for v in flat]).reshape(rows, cols)
    nulls = np.array([v is None for v in flat]).reshape(rows, cols)
    return Window((cols - 1) // 2, (rows - 1) // 2, values, nulls, weighted)


# ---- the deprecated ST_MapAlgebraFct ---------------------------------------------------------

class PixelCallback:
    """How ST_MapAlgebraFct calls the user's function: `nargs` is its number of arguments
    (with or without the pos argument); `call(columns, positions)` calls it once per
    pixel, in order, with each pixel's values (one list per raster, None for NULL) and
    positions (int lists, used when the function takes them); returns floats or None."""

    nargs = 2

    def call(self, columns, positions):  # pragma: no cover - sqlapi gives the real one
        raise NotImplementedError


def fct_band_type(band, pixeltype):
    """The output type of ST_MapAlgebraFct and ST_MapAlgebraExpr (an unknown or NULL
    pixeltype keeps the band's) and nodata value (the band's, else its type's minimum,
    converted)."""
    info = band.info
    if pixeltype is not None:
        try:
            info = info_for_name(pixeltype)
        except InvalidParameterError:
            pass
    nodata = band.nodata if band.has_nodata else band.info.min
    return info, float(to_pixel_values(info, np.array([float(nodata)]))[0])


def _column_major(values, null):
    """Pixel values in ST_MapAlgebraFct's order (column by column), None for NULL."""
    out = values.T.ravel().tolist()
    for i in np.flatnonzero(null.T.ravel()).tolist():
        out[i] = None
    return out


def _from_column_major(results, height, width):
    null = np.array([r is None for r in results], bool).reshape(width, height).T
    values = np.array([0.0 if r is None else r for r in results]).reshape(width, height).T
    return values, null


def _fct_input(buf, nband):
    """(header, band) of the deprecated forms' raster; band None (after PostGIS's NOTICE)
    when the raster is empty or lacks the band: the result is then the bandless raster."""
    header = wkb.read_header(buf)
    if header.is_empty:
        messages.notice("Raster is empty. Returning an empty raster")
        return header, None
    band = locate_band(buf, header, nband)
    if band is None:
        messages.notice("Raster does not have the required band. Returning a raster without "
                        "a band")
    return header, band


def map_algebra_fct(buf, nband, pixeltype, callback):
    """ST_MapAlgebraFct(rast, band, pixeltype, onerastuserfunc, VARIADIC args), measured on
    PostGIS 3.3: the function is called for every pixel, column by column, with the pixel
    (NULL when nodata) and, when it takes three arguments, pos = {x, y} (1-based); a NULL
    result is nodata, others are stored as rt_band_set_pixel stores them."""
    header, band = _fct_input(buf, nband)
    if band is None:
        return wkb.emit_header(header, 0)
    info, nodata = fct_band_type(band, pixeltype)
    inp = Input(buf, nband)
    values, null = band_layer(inp, (0, 0), header, 0, 0)
    limits.check_values(header.width * header.height * 3, "the map algebra's callback arguments")
    positions = None
    if callback.nargs == 3:
        xs, ys = np.meshgrid(np.arange(1, header.width + 1), np.arange(1, header.height + 1))
        positions = [[x, y] for x, y in zip(xs.T.ravel().tolist(), ys.T.ravel().tolist())]
    results = callback.call([_column_major(values, null)], positions)
    out, out_null = _from_column_major(results, header.height, header.width)
    return emit(header.replace(num_bands=1), info, nodata, out, out_null)


def map_algebra_fct2(buf1, nband1, buf2, nband2, pixeltype, extenttype, callback):
    """ST_MapAlgebraFct(rast1, band1, rast2, band2, tworastuserfunc, pixeltype, extenttype,
    VARIADIC userargs): the function gets both pixels (NULL for nodata or outside) and, when
    it takes four arguments, pos = {x1, y1, x2, y2} (each raster's own pixel, 1-based),
    column by column over the output grid of `extent`; the output band takes the type and
    nodata value of reference_band."""
    inputs = [Input(buf1, nband1), Input(buf2, nband2)]
    kind = extent.extent_type(extenttype)
    grid = extent.output_grid([i.header for i in inputs], kind)
    if grid is None:
        return None
    if grid.is_empty:
        return _empty_raster(grid.header)
    header = grid.header
    first = reference_band(inputs, kind)
    if first is None:
        return wkb.emit_header(header, 0)
    info, nodata = fct_band_type(first, pixeltype)
    limits.check_values(header.width * header.height * 4, "the map algebra's callback arguments")
    layers = [band_layer(i, o if o is not None else (0, 0), header, 0, 0)
              for i, o in zip(inputs, grid.offsets)]
    columns = [_column_major(v, n) for v, n in layers]
    positions = None
    if callback.nargs == 4:
        xs, ys = np.meshgrid(np.arange(header.width), np.arange(header.height))
        xs, ys = xs.T.ravel(), ys.T.ravel()
        (c1, r1), (c2, r2) = [o if o is not None else (0, 0) for o in grid.offsets]
        positions = np.stack([xs + c1 + 1, ys + r1 + 1, xs + c2 + 1, ys + r2 + 1], 1).tolist()
    results = callback.call(columns, positions)
    out, out_null = _from_column_major(results, header.height, header.width)
    return emit(header, info, nodata, out, out_null)


# ---- the deprecated ST_MapAlgebraFctNgb ------------------------------------------------------

NGB_MODE_UNKNOWN = ("Neighborhood NODATA mode is not recognized. Must be one of 'value', "
                    "'ignore', 'NULL', or a numeric value. Returning new raster with the "
                    "original band")


class MatrixCallback:
    """How ST_MapAlgebraFctNgb calls the user's function (matrix, nodatamode, VARIADIC
    args): `ma4` names a recognised *4ma of the old signature or is None; `call(literals)`
    calls it once per literal, in order; `cast` is text::float8."""

    ma4 = None

    def call(self, literals):  # pragma: no cover - sqlapi gives the real one
        raise NotImplementedError

    @staticmethod
    def cast(text):
        return float(text)


def _is_number(text, cast):
    try:
        cast(text)
    except Exception:  # noqa: BLE001 - any failure of the cast means "not a number"
        return False
    return True


def map_algebra_fct_ngb(buf, nband, pixeltype, ngbwidth, ngbheight, callback, nodatamode):
    """ST_MapAlgebraFctNgb(rast, band, pixeltype, ngbwidth, ngbheight, onerastngbuserfunc,
    nodatamode, VARIADIC args), measured on PostGIS 3.3: pixels closer to an edge than the
    neighbourhood are nodata; the others, column by column, get the function of their
    neighbourhood as matrix[x][y] (columns first), NULL for nodata; nodatamode 'value'
    replaces those by the centre's value (a nodata centre gives nodata), 'NULL' gives
    nodata wherever the neighbourhood holds one, 'ignore' and numbers pass them as NULL
    (the function deals with them); anything else, or a width or height below 1, gives an
    all-nodata band with a NOTICE."""
    header, band = _fct_input(buf, nband)
    if band is None:
        return wkb.emit_header(header, 0)
    info, nodata = fct_band_type(band, pixeltype)
    shape = (header.height, header.width)
    all_nodata = (np.zeros(shape), np.ones(shape, bool))
    if ngbwidth is None or ngbwidth <= 0:
        messages.notice("Neighborhood width is NULL or <= 0. Returning new raster with the "
                        "original band")
        return emit(header.replace(num_bands=1), info, nodata, *all_nodata)
    if ngbheight is None or ngbheight <= 0:
        messages.notice("Neighborhood height is NULL or <= 0. Returning new raster with the "
                        "original band")
        return emit(header.replace(num_bands=1), info, nodata, *all_nodata)
    mode = nodatamode
    if mode not in ("value", "ignore", "NULL") and (mode is None
                                                    or not _is_number(mode, callback.cast)):
        messages.notice(NGB_MODE_UNKNOWN)
        return emit(header.replace(num_bands=1), info, nodata, *all_nodata)
    dx, dy = ngbwidth, ngbheight
    inner_w, inner_h = header.width - 2 * dx, header.height - 2 * dy
    out, out_null = all_nodata
    if inner_w <= 0 or inner_h <= 0:
        return emit(header.replace(num_bands=1), info, nodata, out, out_null)
    values, null = band_layer(Input(buf, nband), (0, 0), header, 0, 0)
    # the neighbourhood cells of every interior pixel, x first (matrix[x][y]), column-major
    cells_v, cells_n = [], []
    for ddx in range(2 * dx + 1):
        for ddy in range(2 * dy + 1):
            sl = (slice(ddy, ddy + inner_h), slice(ddx, ddx + inner_w))
            cells_v.append(values[sl].T.ravel())
            cells_n.append(null[sl].T.ravel())
    stack_v, stack_n = np.stack(cells_v), np.stack(cells_n)
    centre = dx * (2 * dy + 1) + dy
    skip = np.zeros(stack_v.shape[1], bool)
    if mode == "value":
        skip = stack_n[centre].copy()
        stack_v = np.where(stack_n, stack_v[centre], stack_v)
        stack_n = stack_n & stack_n[centre]
    elif mode == "NULL":
        skip = stack_n.any(axis=0)
    live = np.flatnonzero(~skip)
    res = np.zeros(stack_v.shape[1])
    res_null = np.ones(stack_v.shape[1], bool)
    if live.size:
        if callback.ma4 is not None:
            r, rn = ma4.compute(callback.ma4, stack_v[:, live], stack_n[:, live],
                                (1, 2 * dx + 1, 2 * dy + 1), nodatamode=mode, old=True,
                                cast=callback.cast)
        else:
            limits.check_values(live.size * stack_v.shape[0], "the map algebra's callback "
                                                               "arguments")
            texts = [_cell_texts(stack_v[k, live], stack_n[k, live])
                     for k in range(stack_v.shape[0])]
            ny = 2 * dy + 1
            lits = ["{" + ",".join("{" + ",".join(texts[c * ny + j][i] for j in range(ny)) + "}"
                                   for c in range(2 * dx + 1)) + "}" for i in range(live.size)]
            got = callback.call(lits)
            rn = np.array([g is None for g in got], bool)
            r = np.array([0.0 if g is None else g for g in got])
        res[live], res_null[live] = r, rn
    inner = res.reshape(inner_w, inner_h).T
    inner_null = res_null.reshape(inner_w, inner_h).T
    out = out.copy()
    out_null = out_null.copy()
    out[dy:dy + inner_h, dx:dx + inner_w] = inner
    out_null[dy:dy + inner_h, dx:dx + inner_w] = inner_null
    return emit(header.replace(num_bands=1), info, nodata, out, out_null)
