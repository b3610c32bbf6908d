"""PostGIS's *4ma callbacks (ST_Min4ma, ST_Max4ma, ST_Sum4ma, ST_Mean4ma, ST_Range4ma,
ST_Distinct4ma, ST_StdDev4ma, ST_MinDist4ma, ST_InvDistWeight4ma), vectorised.

A neighbourhood is a stack: `values` and `null` of shape (K, N), K the neighbourhood's
cells in the callback's array order (raster, row, column), N the pixels computed at once
(1 for a direct call). Each kernel returns (result, result_null) of shape (N,), equal to
what PostGIS's PL/pgSQL or SQL function returns for each pixel, measured on PostGIS 3.3.2:

- new signature (value float8[][][], pos int[][], VARIADIC userargs text[]): a NULL cell is
  skipped, or, when userargs has an element, replaced by userargs[1]::float8 (cast only when
  a NULL is met; a NULL userargs[1] leaves the cell NULL, which makes a sum or mean NULL);
  min/max/range are NULL when nothing was seen (and min is NULL at +Infinity, max at
  -Infinity); NaN never becomes the minimum, and is the maximum once seen (PostgreSQL's
  float order); sum and mean add in array order from 0; mean divides by the counted cells;
- stddev is PostgreSQL's stddev(float8) over the cells that are not NULL (Youngs-Cramer
  accumulation), distinct is count(DISTINCT) (NaN equals NaN, -0 equals 0): both ignore
  userargs and nodatamode;
- mindist and invdistweight use the first raster only (NOTICE 'Only using the values from
  the first raster' per call when there are more); mindist is 0 when the centre has a
  value, else the distance to the nearest cell with one (NULL when none); invdistweight
  returns the centre's value when it has one and no centre weight is given (userargs[2]),
  else the inverse-distance weighted mean of the other cells with power factor
  userargs[1] (default 1, kept within [0, 1] with PostGIS's NOTICEs) blended with the
  centre by its weight;
- old signature (matrix float8[][], nodatamode text, VARIADIC args text[]): a NULL cell
  is skipped when nodatamode is 'ignore', else replaced by nodatamode::float8 (a NULL
  nodatamode leaves it NULL); min returns +Infinity and max -Infinity when nothing was
  seen (not NULL); range is NULL then; sum adds 0 for an ignored cell; mean counts the
  replaced cells and is NULL when it counted none.
"""
import math

import numpy as np

from plraster.core import messages
from plraster.core.errors import PlrasterError

NEW_NAMES = ("st_min4ma", "st_max4ma", "st_sum4ma", "st_mean4ma", "st_range4ma",
             "st_distinct4ma", "st_stddev4ma", "st_mindist4ma", "st_invdistweight4ma")
OLD_NAMES = ("st_min4ma", "st_max4ma", "st_sum4ma", "st_mean4ma", "st_range4ma",
             "st_distinct4ma", "st_stddev4ma")

FIRST_RASTER_ONLY = "Only using the values from the first raster"
NOT_3D = "First parameter of function must be a 3-dimension array"


class Replacement:
    """What a NULL cell becomes: skipped (value None, skip True), a number, or NULL that
    poisons sums (value None, skip False). `count` says whether a replaced cell counts for
    a mean; `cast` turns the text into a float8 the way PostgreSQL casts (may raise)."""

    def __init__(self, text=None, skip=True, count=True, cast=float):
        self.text, self.skip, self.count, self.cast = text, skip, count, cast

    def value(self):
        """The replacement as a float, or None for NULL (cast on first use)."""
        if self.text is None:
            return None
        return self.cast(self.text)


def new_replacement(userargs, cast=float):
    """The replacement rule of the new signature's userargs."""
    if userargs and len(userargs) > 0:
        return Replacement(userargs[0], skip=False, cast=cast)
    return Replacement()


def old_replacement(nodatamode, cast=float):
    """The replacement rule of the old signature's nodatamode."""
    if nodatamode == "ignore":
        return Replacement(None, skip=True, count=False)
    return Replacement(nodatamode, skip=False, cast=cast)


def _apply(values, null, rule):
    """(values, null, poisoned) after NULL cells are replaced as rule says; poisoned is a
    (N,) mask of pixels whose sum met a NULL (None when none can)."""
    if rule.skip or not null.any():
        return values, null, None
    r = rule.value()
    if r is None:
        return values, null, null.any(axis=0)
    values = np.where(null, r, values)
    return values, np.zeros_like(null), None


def _seq_sum(values, null):
    acc = np.zeros(values.shape[1])
    for k in range(values.shape[0]):
        acc = acc + np.where(null[k], 0.0, values[k])
    return acc


def _minimum(values, null):
    with np.errstate(invalid="ignore"):
        return np.where(null | np.isnan(values), np.inf, values).min(axis=0)


def _maximum(values, null):
    live = ~null
    m = np.where(live, values, -np.inf)
    with np.errstate(invalid="ignore"):
        out = np.where(np.isnan(m), -np.inf, m).max(axis=0)
    return np.where((np.isnan(values) & live).any(axis=0), np.nan, out)


def k_min(values, null, rule, old=False):
    values, null, _ = _apply(values, null, rule)
    m = _minimum(values, null)
    return m, (np.zeros(m.shape, bool) if old else m == np.inf)


def k_max(values, null, rule, old=False):
    values, null, _ = _apply(values, null, rule)
    m = _maximum(values, null)
    return m, (np.zeros(m.shape, bool) if old else m == -np.inf)


def k_range(values, null, rule, old=False):
    values, null, _ = _apply(values, null, rule)
    lo, hi = _minimum(values, null), _maximum(values, null)
    with np.errstate(invalid="ignore"):
        return hi - lo, (hi == -np.inf) | (lo == np.inf)


def k_sum(values, null, rule, old=False):
    values, null, poisoned = _apply(values, null, rule)
    s = _seq_sum(values, null)
    return s, (np.zeros(s.shape, bool) if poisoned is None else poisoned)


def k_mean(values, null, rule, old=False):
    counted = (~null).sum(axis=0) if rule.skip else np.full(values.shape[1], values.shape[0])
    values, null, poisoned = _apply(values, null, rule)
    s = _seq_sum(values, null)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = s / np.maximum(counted, 1).astype(np.float64)
    bad = counted < 1
    if poisoned is not None:
        bad = bad | poisoned
    return mean, bad


def k_stddev(values, null, rule=None, old=False):
    """PostgreSQL's stddev(float8): float8_accum's Youngs-Cramer sums, then stddev_samp."""
    n_pix = values.shape[1]
    n = np.zeros(n_pix)
    sx = np.zeros(n_pix)
    sxx = np.zeros(n_pix)
    for k in range(values.shape[0]):
        live = ~null[k]
        x = values[k]
        n1 = n + 1.0
        sx1 = sx + x
        with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
            tmp = x * n1 - sx1
            sxx_next = sxx + tmp * tmp / (n1 * n)
            first = n == 0
            sxx_first = np.where(np.isnan(x) | np.isinf(x), np.nan, 0.0)
            sxx1 = np.where(first, sxx_first, sxx_next)
            went_inf = ~first & (np.isinf(sx1) | np.isinf(sxx1))
            sxx1 = np.where(went_inf, np.nan, sxx1)
        n = np.where(live, n1, n)
        sx = np.where(live, sx1, sx)
        sxx = np.where(live, sxx1, sxx)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.sqrt(sxx / (n - 1.0))
    return out, n <= 1


def _pg_equal(a, b):
    with np.errstate(invalid="ignore"):
        return (a == b) | (np.isnan(a) & np.isnan(b))


def k_distinct(values, null, rule=None, old=False):
    """count(DISTINCT value): never NULL."""
    count = np.zeros(values.shape[1])
    for i in range(values.shape[0]):
        new = ~null[i]
        for j in range(i):
            new &= ~(~null[j] & _pg_equal(values[j], values[i]))
        count += new
    return count, np.zeros(count.shape, bool)


def _centre(shape):
    nz, ny, nx = shape
    if nx % 2 != 1:
        raise_plpgsql("Width of neighborhood array does not permit for a center pixel")
    if ny % 2 != 1:
        raise_plpgsql("Height of neighborhood array does not permit for a center pixel")
    return ny // 2, nx // 2


class PlpgsqlException(PlrasterError):
    """A RAISE EXCEPTION of PostGIS's PL/pgSQL callbacks (SQLSTATE P0001, its text)."""

    sqlstate = "P0001"


def raise_plpgsql(message):
    """Raise PostGIS's PL/pgSQL exception with its text."""
    raise PlpgsqlException(message)


def _first_raster_cells(shape):
    nz, ny, nx = shape
    return [(y, x, y * nx + x) for y in range(ny) for x in range(nx)]


def k_mindist(values, null, shape, notice_count):
    cy, cx = _centre(shape)
    for _ in range(notice_count if shape[0] > 1 else 0):
        messages.notice(FIRST_RASTER_ONLY)
    best = np.full(values.shape[1], np.inf)
    for y, x, k in _first_raster_cells(shape):
        if (y, x) == (cy, cx):
            continue
        d = math.sqrt(math.pow(cx - x, 2) + math.pow(cy - y, 2))
        best = np.where(~null[k] & (d < best), d, best)
    k0 = cy * shape[2] + cx
    centre_live = ~null[k0]
    out = np.where(centre_live, 0.0, best)
    return out, ~centre_live & (best == np.inf)


def _userarg_float(userargs, index, cast):
    text = userargs[index]
    return None if text is None else cast(text)


def k_invdistweight(values, null, shape, userargs, cast, notice_count):
    cy, cx = _centre(shape)
    notes = [FIRST_RASTER_ONLY] if shape[0] > 1 else []
    k, cw = 1.0, None
    if userargs is not None:
        if len(userargs) > 0:
            k = _userarg_float(userargs, 0, cast)
            if k is None:
                k = 1.0
            elif k < 0.0:
                notes.append("Power factor (< 0) must be between 0 and 1.  Defaulting to 0")
                k = 0.0
            elif k > 1.0:
                notes.append("Power factor (> 1) must be between 0 and 1.  Defaulting to 1")
                k = 1.0
        if len(userargs) > 1:
            cw = _userarg_float(userargs, 1, cast)
            if cw is not None:
                cw = abs(cw)
                if cw > 1:
                    notes.append("Weight (> 1) of center pixel value must be between 0 and 1."
                                 "  Defaulting to 1")
                    cw = 1.0
    for _ in range(notice_count):
        for note in notes:
            messages.notice(note)
    k = abs(k) * -1
    k0 = cy * shape[2] + cx
    cv, cv_null = values[k0], null[k0]
    n = values.shape[1]
    z0 = np.zeros(n)
    dsum = np.zeros(n)
    seen = np.zeros(n, bool)
    for y, x, idx in _first_raster_cells(shape):
        if (y, x) == (cy, cx):
            continue
        d = math.pow(math.sqrt(math.pow(cx - x, 2) + math.pow(cy - y, 2)), k)
        live = ~null[idx]
        with np.errstate(invalid="ignore", over="ignore"):
            z0 = np.where(live, z0 + values[idx] * d, z0)
        dsum = np.where(live, dsum + d, dsum)
        seen |= live
    with np.errstate(invalid="ignore", divide="ignore"):
        z0 = z0 / dsum
        if cw is not None:
            z0 = np.where(cv_null, z0, (cw * cv) + ((1 - cw) * z0))
    if cw is None:
        out = np.where(~cv_null, cv, z0)
        return out, cv_null & ~seen
    out = np.where(seen, z0, cv)
    return out, ~seen & cv_null


KERNELS = {"st_min4ma": k_min, "st_max4ma": k_max, "st_sum4ma": k_sum, "st_mean4ma": k_mean,
           "st_range4ma": k_range, "st_distinct4ma": k_distinct, "st_stddev4ma": k_stddev}


def compute(name, values, null, shape, userargs=None, nodatamode=None, old=False,
            cast=float, notice_count=1):
    """Run the *4ma named name over a (K, N) stack whose cells come from a neighbourhood
    of shape (rasters, rows, columns); returns (result, result_null), each (N,)."""
    if name == "st_mindist4ma":
        return k_mindist(values, null, shape, notice_count)
    if name == "st_invdistweight4ma":
        return k_invdistweight(values, null, shape, userargs, cast, notice_count)
    rule = old_replacement(nodatamode, cast) if old else new_replacement(userargs, cast)
    return KERNELS[name](values, null, rule, old)


def shape_of(nested):
    """The dimensions of a PL/Python array (nested lists)."""
    shape = []
    level = nested
    while isinstance(level, list):
        shape.append(len(level))
        if not level:
            break
        level = level[0]
    return shape


def _flatten(nested, depth):
    if depth == 0:
        return [nested]
    out = []
    for item in nested:
        out.extend(_flatten(item, depth - 1))
    return out


def call_direct(name, value, userargs=None, nodatamode=None, old=False, cast=float):
    """One call of the SQL function name with a PL/Python array argument (nested lists);
    returns a float or None."""
    if value is None:
        value = []
    shape = shape_of(value)
    if old:
        shape = [1] + shape if len(shape) == 2 else shape
    elif name in ("st_mindist4ma", "st_invdistweight4ma", "st_min4ma", "st_max4ma",
                  "st_sum4ma", "st_mean4ma", "st_range4ma"):
        if len(shape) == 2:
            shape = [1] + shape
        elif len(shape) != 3:
            raise_plpgsql(NOT_3D)
    flat = _flatten(value, len(shape_of(value))) if value else []
    values = np.array([np.nan if v is None else v for v in flat], dtype=np.float64)
    null = np.array([v is None for v in flat], dtype=bool)
    values = values.reshape(-1, 1)
    null = null.reshape(-1, 1)
    out, out_null = compute(name, values, null, tuple(shape) if len(shape) == 3 else (1, 1, 1),
                            userargs=userargs, nodatamode=nodatamode, old=old, cast=cast)
    return None if out_null[0] else float(out[0])
