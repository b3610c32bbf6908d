"""ST_Union: the union of a set of aligned rasters, with PostGIS 3.3's answers.

PostGIS folds the rasters one at a time into a growing state raster. Measured:
- the state starts at the first raster (in all-bands mode, the first raster that has a
  band); each next raster must be aligned with it (same SRID, scales, skews, grid), and the
  state grows to the union of the two extents: the new raster's upper-left corner is found
  in the state's pixel space (snapped within FLT_EPSILON, else floored), and the state's new
  corner is the state's pixel (min(0, col), min(0, row)) in world coordinates;
- a band's state starts as the first raster's band (pixels copied as stored, nodata ones
  set to nodata), in its pixel type, with its nodata value or, without one, the type's
  minimum as nodata (so those pixels count as nodata from then on); pixels no raster
  covers are nodata;
- each next raster's pixel (nodata when the raster does not cover it or it is its own
  nodata) is combined with the state's: LAST takes it when it is data, FIRST only where the
  state is nodata, MIN/MAX keep `s if s < t else t` / `s if s > t else t`, SUM adds, COUNT
  counts data pixels (a 32BUI band without nodata); MEAN is SUM / COUNT and RANGE is
  MAX - MIN, computed at the end; a result is stored as rt_band_set_pixel stores it
  (converted, moved off the nodata value when it is not nodata but would be stored as it);
- an unknown union type is LAST; with no band given, every band is unioned (a raster that
  lacks a band only widens the extent); a given band that a raster lacks is an error.

plraster collects the rasters of a group and composes the union once, in the final function,
with numpy window updates in the same order, so the answer is the fold's, byte for byte.
"""
import itertools

import numpy as np

from plraster.core import limits, messages, wkb
from plraster.functions.alignment import not_aligned_reason
from plraster.core.errors import InvalidParameterError, SizeLimitError
from plraster.core.georef import raster_to_world
from plraster.core.pixelconv import nodata_where, stored_values
from plraster.core.bands import locate_band
from plraster.functions.pixels import world_to_cell
from plraster.core.pixtypes import info_for_name

UNION_TYPES = ("LAST", "FIRST", "MIN", "MAX", "COUNT", "SUM", "MEAN", "RANGE")
ALL_BANDS = "all"  # ST_Union(rast): every band
ALL_TYPED = "all, typed"  # ST_Union(rast, uniontype): every band, counting bandless rasters
NO_TYPE = "no union type"  # the forms without a union type: LAST
_PLACEHOLDER = info_for_name("64BF")  # the band a bandless first raster starts with
_COUNT = info_for_name("32BUI")


# ---- options -------------------------------------------------------------------------------

def union_type(name):
    """The union type a text names (case-insensitive); anything unknown is LAST."""
    upper = name.upper() if isinstance(name, str) else "LAST"
    return upper if upper in UNION_TYPES else "LAST"


def _band_number(nband):
    if nband < 1:
        raise InvalidParameterError("band number must be greater than zero (1-based)",
                                    detail="ST_Union was given band %d." % nband)
    return nband


def specs_for(nband=ALL_BANDS, uniontype=NO_TYPE):
    """[(band, type)] for the (rast), (rast, nband), (rast, uniontype) and (rast, nband,
    uniontype) forms; None (the union is NULL) for a NULL band or, alone, a NULL type.

    ST_Union(rast) skips bandless rasters until one has a band; ST_Union(rast, uniontype)
    does not: a bandless first raster gives band 1 a 64BF state, all nodata (PostGIS's
    behaviour, measured)."""
    if nband == ALL_BANDS and uniontype == NO_TYPE:
        return [(ALL_BANDS, "LAST")]
    if nband is None:
        return None
    if nband == ALL_BANDS:
        if uniontype is None:
            return None
        return [(ALL_TYPED, union_type(uniontype))]
    return [(_band_number(nband), union_type(uniontype))]


def specs_for_unionargs(unionargs):
    """[(band, type)] for the (rast, unionarg[]) form, with PostGIS's NOTICEs for NULL fields."""
    if unionargs is None:
        return None
    if not unionargs:
        raise InvalidParameterError("invalid argument for unionarg",
                                    detail="The unionarg array is empty.")
    specs = []
    for arg in unionargs:
        if arg is None:
            raise InvalidParameterError("invalid argument for unionarg",
                                        detail="An element of the unionarg array is NULL.")
        nband, kind = arg["nband"], arg["uniontype"]
        if nband is None:
            messages.notice("First argument (nband) of unionarg is NULL.  Assuming nband = 1")
            nband = 1
        if kind is None:
            messages.notice("Second argument (uniontype) of unionarg is NULL.  Assuming uniontype = LAST")
        specs.append((_band_number(nband), union_type(kind)))
    return specs


# ---- the collected rasters of one group ----------------------------------------------------

class UnionGroup:
    """The rasters of one ST_Union group, checked as they come, composed at the end."""

    def __init__(self, specs, stamp=None):
        self.specs = specs
        self.stamp = stamp
        self.tiles = []       # (buf, header)
        self.bytes = 0        # their size: they are all held until compose
        self.reference = None

    def add(self, rast):
        """Check one raster and keep it (rasters that cannot count are dropped)."""
        if self.specs is None or rast is None:
            return
        header = wkb.read_header(rast)
        if header.is_empty:
            return
        mode = self.specs[0][0]
        if mode not in (ALL_BANDS, ALL_TYPED):
            for band, _ in self.specs:
                if band > header.num_bands:
                    raise InvalidParameterError(
                        "band %d not found in a raster of the union" % band,
                        detail="A raster has %d band(s)." % header.num_bands)
        elif mode == ALL_BANDS and self.reference is None and header.num_bands == 0:
            return
        if self.reference is None:
            self.reference = header
        else:
            reason = not_aligned_reason(self.reference, header)
            if reason is not None:
                raise InvalidParameterError(
                    "the rasters of the union do not have the same alignment",
                    detail=reason + ".")
        self.bytes += len(rast)
        limits.check_array(self.bytes, 1, "the rasters of one union")
        self.tiles.append((rast, header))

    def compose(self):
        """The union raster's WKB, or None when no raster counted."""
        if not self.tiles:
            return None
        header, places = fold_extent([h for _, h in self.tiles])
        if self.specs[0][0] in (ALL_BANDS, ALL_TYPED):
            kind = self.specs[0][1]
            count = max(h.num_bands for _, h in self.tiles)
            if self.specs[0][0] == ALL_TYPED and self.tiles[0][1].num_bands == 0:
                count = max(count, 1)
            specs = [(b, kind) for b in range(1, count + 1)]
        else:
            specs = self.specs
        # per band: a float64 layer (two for RANGE), int64 counts, the result
        limits.check_pixels(header.width, header.height, 24,
                            "the union of the rasters")
        records = [compose_band(self.tiles, places, header, band, kind) for band, kind in specs]
        return wkb.emit_header(header, len(records)) + b"".join(records)


def fold_extent(headers):
    """(union header, [(col, row) of each raster in it]) as PostGIS's fold finds them."""
    state = headers[0]
    origin = (0, 0)
    seen = [(0, 0)]
    for h in headers[1:]:
        col, row = world_to_cell(state, h.ip_x, h.ip_y)
        cx, cy = min(0, col), min(0, row)
        width = max(state.width, col + h.width) - cx
        height = max(state.height, row + h.height) - cy
        if width > 65535 or height > 65535:
            raise SizeLimitError("the union of the rasters is too large",
                                 detail="It would be %d x %d pixels; a raster has at most "
                                        "65535 pixels a side." % (width, height))
        ip_x, ip_y = raster_to_world(state, cx, cy)
        seen.append((origin[0] + col, origin[1] + row))
        origin = (origin[0] + cx, origin[1] + cy)
        state = state.replace(ip_x=ip_x, ip_y=ip_y, width=width, height=height)
    return state.replace(num_bands=0, little_endian=True), \
        [(c - origin[0], r - origin[1]) for c, r in seen]


# ---- one output band -----------------------------------------------------------------------

class _Layer:
    """One state band: stored values (float64) with nodata, or counts."""

    def __init__(self, info, nodata, shape):
        self.info, self.nodata = info, nodata
        self.values = np.full(shape, nodata, dtype=np.float64)
        self.near_nodata = []  # windows written with values that are nodata but not exactly it

    def start(self, window, tvals, tvalid):
        self.values[window] = np.where(tvalid, tvals, self.nodata)

    def combine(self, window, tvals, tvalid, kind):
        for w, mask in self.near_nodata:
            self.values[w][mask] = self.nodata
        self.near_nodata = []
        state = self.values[window]
        svalid = ~nodata_where(state, self.nodata)
        if kind == "LAST":
            new, write = tvals, tvalid
        elif kind == "FIRST":
            new, write = tvals, tvalid & ~svalid
        else:
            both = svalid & tvalid
            with np.errstate(invalid="ignore", over="ignore"):
                if kind == "MIN":
                    pick = np.where(state < tvals, state, tvals)
                elif kind == "MAX":
                    pick = np.where(state > tvals, state, tvals)
                else:  # SUM
                    pick = state + tvals
            new, write = np.where(both, pick, tvals), tvalid
        state[~svalid & ~write] = self.nodata
        if write.any():
            stored = stored_values(self.info, self.nodata, new[write])
            state[write] = stored
            if self.info.is_float:
                near = nodata_where(stored, self.nodata) & (stored != self.nodata)
                if near.any():
                    mask = np.zeros(state.shape, dtype=bool)
                    mask[write] = near
                    self.near_nodata.append((window, mask))

    def valid(self):
        return ~nodata_where(self.values, self.nodata)


def _tile_band(buf, header, number):
    """(info, has_nodata, nodata, values as float64, valid mask) of a raster's band."""
    band = locate_band(buf, header, number)
    values = np.asarray(band.array(buf, header), dtype=np.float64)
    if band.is_nodata:
        valid = np.zeros(values.shape, dtype=bool)
    elif band.has_nodata:
        valid = ~nodata_where(values, band.nodata)
    else:
        valid = np.ones(values.shape, dtype=bool)
    return band.info, band.has_nodata, band.nodata, values, valid


def compose_band(tiles, places, header, number, kind):
    """The WKB record of output band `number` unioned with `kind`."""
    shape = (header.height, header.width)
    layers = counts = None
    if number == 1 and tiles[0][1].num_bands == 0:
        counts = np.zeros(shape, dtype=np.int64)
        layers = [_Layer(_PLACEHOLDER, _PLACEHOLDER.min, shape)
                  for _ in range(2 if kind == "RANGE" else 1)]
    for (buf, h), (col, row) in zip(tiles, places):
        if number > h.num_bands:
            continue
        info, has_nodata, nodata, tvals, tvalid = _tile_band(buf, h, number)
        window = (slice(row, row + h.height), slice(col, col + h.width))
        if counts is None:
            counts = np.zeros(shape, dtype=np.int64)
            if kind != "COUNT":
                first_nodata = nodata if has_nodata else info.min
                layers = [_Layer(info, first_nodata, shape)
                          for _ in range(2 if kind == "RANGE" else 1)]
                for layer in layers:
                    layer.start(window, tvals, tvalid)
        elif kind != "COUNT":
            if kind == "RANGE":
                layers[0].combine(window, tvals, tvalid, "MIN")
                layers[1].combine(window, tvals, tvalid, "MAX")
            else:
                layers[0].combine(window, tvals, tvalid, "SUM" if kind == "MEAN" else kind)
        counts[window] += tvalid
    if kind == "COUNT":
        data = np.minimum(counts, _COUNT.max).astype(_COUNT.dtype)
        return wkb.emit_band(wkb.Band(_COUNT, data=data), header.width, header.height)
    layer = layers[0]
    info, nodata = layer.info, layer.nodata
    if kind == "MEAN":
        ok = layer.valid() & (counts > 0)
        out = np.full(shape, nodata, dtype=np.float64)
        out[ok] = stored_values(info, nodata, layer.values[ok] / counts[ok])
    elif kind == "RANGE":
        ok = layer.valid() & layers[1].valid()
        out = np.full(shape, nodata, dtype=np.float64)
        with np.errstate(invalid="ignore", over="ignore"):
            out[ok] = stored_values(info, nodata, layers[1].values[ok] - layer.values[ok])
    else:
        out = layer.values
    band = wkb.Band(info, True, False, nodata, out.astype(info.dtype))
    return wkb.emit_band(band, header.width, header.height)


# ---- groups of a backend -------------------------------------------------------------------

_GROUPS = {}
_TOKENS = itertools.count(1)


def group_add(token, rast, specs_fn, stamp_fn):
    """Transition of ST_Union: the group's token (a new one on the group's first row) after
    adding rast. specs_fn() gives the group's band specs (called once, at its first row);
    stamp_fn() names the current transaction: groups of earlier transactions (left behind
    by an error) are dropped when a new group starts."""
    group = _GROUPS.get(token) if token is not None else None
    if group is None:
        stamp = stamp_fn()
        for stale in [t for t, g in _GROUPS.items() if g.stamp != stamp]:
            del _GROUPS[stale]
        group = UnionGroup(specs_fn(), stamp)
        token = next(_TOKENS)
        _GROUPS[token] = group
    group.add(rast)
    return token


def group_result(token):
    """Final function of ST_Union: the union raster of the group (which is released)."""
    group = _GROUPS.pop(token, None) if token is not None else None
    if group is None:
        return None
    return group.compose()


def reset():
    """Forget every collected group (for tests)."""
    _GROUPS.clear()
