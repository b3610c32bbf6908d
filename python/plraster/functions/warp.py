"""Warping: _ST_GdalWarp, the one function behind ST_Transform, ST_Resample, ST_Rescale,
ST_Reskew, ST_SnapToGrid and ST_Resize.

The pixels come from GDAL's warper (Debian's python3-gdal, the GDAL PostGIS links) run on
MEM datasets (functions.gdalmem): the source raster's bands are read by plraster first
(out-db bands through plraster's engine), and the result is read back as arrays.

The output grid follows PostGIS 3.3, measured by running it:
- GDAL's suggested output (GDALSuggestedWarpOutput2 through GDALAutoCreateWarpedVRT's
  transformer) gives the extent and, when no scale or size is asked for, the scale;
- a width/height divides that extent; a scale gives the size
  trunc((extent + scale / 2) / scale), at least 1;
- gridx/gridy move the upper-left corner up/left to the grid's corner outside it and add
  one column (row) when it moved (with a width/height given, the scale grows instead);
- a negative scale x or a positive scale y is kept as asked: the upper-left corner is then
  the right (bottom) edge of the grid computed with positive scales;
- bands with nodata are warped with it as source and destination nodata (pixels outside
  the source are nodata); bands without keep none and get 0 there.
Names of algorithms are taken in any case; PostGIS falls back to NearestNeighbour for a
name it does not know, and so does plraster (no error, no NOTICE).
"""
import math

import numpy as np

from plraster.core import georef, limits, messages, ticker, wkb
from plraster.core.bands import locate_band
from plraster.core.errors import (InvalidParameterError, PlrasterError, SizeLimitError,
                                   UnsupportedError)
from plraster.functions import gdalmem


class TransformError(PlrasterError):
    """A reprojection GDAL/PROJ could not do (SRS unknown to PROJ, no transform path)."""

    sqlstate = "22023"  # invalid_parameter_value


# Upper-cased name -> GDAL resampling constant name (PostGIS 3.3's list).
_ALGORITHMS = {
    "NEARESTNEIGHBOUR": "GRA_NearestNeighbour", "NEARESTNEIGHBOR": "GRA_NearestNeighbour",
    "BILINEAR": "GRA_Bilinear", "CUBIC": "GRA_Cubic", "CUBICSPLINE": "GRA_CubicSpline",
    "LANCZOS": "GRA_Lanczos",
}


def gdal_algorithm(name):
    """The GDAL resampling constant for an algorithm name, as PostGIS maps it."""
    gdal = gdalmem.modules()[0]
    key = _ALGORITHMS.get((name or "").strip().upper(), "GRA_NearestNeighbour")
    return getattr(gdal, key)


_BLOCK_X, _BLOCK_Y = 512, 128  # GDALCreateWarpedVRT's block size
# A warped VRT warps each block in one piece (GDALWarpOperation::WarpRegionToBuffer);
# gdal.Warp's ChunkAndWarpImage would split a block whose source window is sparsely used,
# which changes the approximate transformer's rows: the heuristic is turned off.
_WARP_OPTIONS = ["INIT_DEST=NO_DATA", "SRC_FILL_RATIO_HEURISTICS=NO"]
_FLT_EPSILON = 1.1920928955078125e-07  # PostGIS compares scales to 0 within FLT_EPSILON


def _given(value):
    return value is not None and abs(value) > _FLT_EPSILON


def _cell(value):
    """A grid cell index as PostGIS's rt_raster_geopoint_to_cell takes it: the nearest
    integer when within FLT_EPSILON of it, else the floor."""
    nearest = _round_half_away(value)
    if abs(nearest - value) <= _FLT_EPSILON:
        return nearest
    return math.floor(value)


def output_grid(suggested_gt, suggested_w, suggested_h, scalex=None, scaley=None,
                gridx=None, gridy=None, skewx=None, skewy=None, width=None, height=None):
    """The output (geotransform, width, height) for the warp, from GDAL's suggestion and
    the caller's scale, grid, skew and size, as PostGIS 3.3 computes it."""
    gt = suggested_gt
    min_x, max_y = gt[0], gt[3]
    max_x = gt[0] + gt[1] * suggested_w
    min_y = gt[3] + gt[5] * suggested_h
    ul_x, ul_y = min_x, max_y
    sk_x = skewx or 0.0
    sk_y = skewy or 0.0
    use_size = width is not None and height is not None and width > 0 and height > 0
    use_scale = _given(scalex) and _given(scaley) and not use_size
    if use_size:
        dim_x, dim_y = int(width), int(height)
        sc_x = (max_x - min_x) / dim_x
        sc_y = (max_y - min_y) / dim_y
    else:
        if use_scale:
            sc_x, sc_y = abs(scalex), abs(scaley)
        else:
            sc_x, sc_y = abs(gt[1]), abs(gt[5])
        dim_x = int(max((abs(max_x - min_x) + sc_x / 2.0) / sc_x, 1))
        dim_y = int(max((abs(max_y - min_y) + sc_y / 2.0) / sc_y, 1))
    if gridx is not None and gridy is not None:
        # the grid's cell holding the upper-left corner (floor), its corner
        det = sc_x * -sc_y - sk_x * sk_y
        dx, dy = ul_x - gridx, ul_y - gridy
        col = _cell((-sc_y * dx - sk_x * dy) / det)
        row = _cell((sc_x * dy - sk_y * dx) / det)
        wx = gridx + col * sc_x + row * sk_x
        wy = gridy + col * sk_y - row * sc_y
        if abs(wx - ul_x) > _FLT_EPSILON:
            if use_size:
                sc_x = (max_x - wx) / dim_x
            else:
                dim_x += 1
        if abs(wy - ul_y) > _FLT_EPSILON:
            if use_size:
                sc_y = (wy - min_y) / dim_y
            else:
                dim_y += 1
        ul_x, ul_y = wx, wy
    if sk_x or sk_y:
        # a skewed grid covering the extent, placed as PostGIS 3.3 places it where it
        # succeeds (core.georef.skewed_cover; no grid point or size: warp_raster refuses them)
        ul_x, ul_y, dim_x, dim_y = georef.skewed_cover((min_x, max_x, min_y, max_y), sc_x,
                                                       -sc_y, sk_x, sk_y)
    out_gt = [ul_x, sc_x, sk_x, ul_y, sk_y, -sc_y]
    if use_scale and scalex < 0:
        out_gt[0] = ul_x + sc_x * dim_x + sk_x * 0
        out_gt[1] = scalex
    if use_scale and scaley > 0:
        out_gt[3] = ul_y + sk_y * 0 - sc_y * dim_y
        out_gt[5] = scaley
    return tuple(out_gt), dim_x, dim_y


def _srs_wkt(srid, lookup):
    """WKT of srid, from spatial_ref_sys through `lookup(srid)` -> (auth_name, auth_srid,
    srtext, proj4text) or None."""
    return srs_of(srid, lookup).ExportToWkt()


def srs_of(srid, lookup):
    """The osr.SpatialReference of srid (shared: do not modify it), from spatial_ref_sys
    through `lookup(srid)` -> (auth_name, auth_srid, srtext, proj4text) or None."""
    row = lookup(srid)
    if row is None:
        raise InvalidParameterError("srid %d is not in spatial_ref_sys" % srid,
                                    hint="Use an SRID that spatial_ref_sys holds.")
    wkt = _WKT_CACHE.get(row)
    if wkt is None:
        if len(_WKT_CACHE) > 256:
            _WKT_CACHE.clear()
        wkt = _WKT_CACHE[row] = _parse_srs(srid, row)
    return wkt


# spatial_ref_sys row -> SpatialReference: parsing "EPSG:n" asks PROJ's database, which costs
# milliseconds; the row itself is read each time, so an edited row is parsed again.
_WKT_CACHE = {}


def _parse_srs(srid, row):
    osr = gdalmem.modules()[2]
    auth_name, auth_srid, srtext, proj4text = row
    candidates = []
    if auth_name and auth_srid:
        candidates.append("%s:%d" % (auth_name, auth_srid))
    candidates.extend(t for t in (srtext, proj4text) if t)
    for text in candidates:
        srs = osr.SpatialReference()
        try:
            srs.SetFromUserInput(text)
        except RuntimeError:
            continue
        return srs
    raise TransformError("srid %d has no spatial reference that PROJ can read" % srid,
                         detail="Its auth_name:auth_srid, srtext and proj4text were refused.")


def gdal_warp(buf, algorithm="NearestNeighbour", maxerr=0.125, srid=None, scalex=0.0,
              scaley=0.0, gridx=None, gridy=None, skewx=0.0, skewy=0.0, width=None,
              height=None, srs_lookup=None):
    """_ST_GdalWarp: the warped raster's WKB (see the module docstring)."""
    gdal = gdalmem.modules()[0]
    header = wkb.read_header(buf)
    if maxerr is None or maxerr < 0:
        maxerr = 0.125
    if (scalex is None) != (scaley is None):
        messages.notice("Values must be provided for both X and Y when specifying the scale.  "
                        "Returning original raster")
        return bytes(buf)
    if (gridx is None) != (gridy is None):
        messages.notice("Values must be provided for both X and Y when specifying the "
                        "alignment.  Returning original raster")
        return bytes(buf)
    if (_given(scalex) or _given(scaley)) and (width or height):
        messages.notice("Scale X/Y and width/height are mutually exclusive.  Only provide one.  "
                        "Returning original raster")
        return bytes(buf)
    if not width and not height:
        width = height = None
    if (width is None) != (height is None) or (width is not None and (width <= 0 or height <= 0)):
        raise InvalidParameterError("width and height must both be given and positive",
                                    detail="Got width %s and height %s." % (width, height))
    if header.is_empty:
        raise InvalidParameterError("cannot warp an empty raster",
                                    detail="The raster has no pixels.")
    skewed = (skewx or 0) != 0 or (skewy or 0) != 0
    if skewed and (gridx is not None or width is not None):
        raise UnsupportedError("warping to a skewed grid with a grid point or a size is not "
                               "supported", hint="Give the skew with scales only, as "
                                                 "ST_Reskew does.")
    src_srid = header.srid
    dst_srid = src_srid if srid is None else srid
    if srid is not None and src_srid == 0:
        raise InvalidParameterError("input raster has unknown (0) srid",
                                    hint="Set an SRID with ST_SetSRID first.")
    src_wkt = _srs_wkt(src_srid, srs_lookup) if src_srid else None
    dst_wkt = src_wkt if dst_srid == src_srid else _srs_wkt(dst_srid, srs_lookup)
    limits.check_pixels(header.width, header.height, 8, "the raster to warp")
    refs = [locate_band(buf, header, n) for n in range(1, header.num_bands + 1)]
    bands = [(r.info, r.array(buf, header), r.nodata if r.has_nodata else None) for r in refs]
    gdalmem.ensure_drivers("MEM")
    src = gdalmem.mem_dataset(header, bands, src_wkt)
    alg = gdal_algorithm(algorithm)
    # GDAL's suggested grid keeps the source's diagonal in pixels, so from a source of at
    # most 512 x 512 gdal.Warp cannot allocate an absurd output before it can be checked
    plain = (not skewed and not _given(scalex) and not _given(scaley) and gridx is None
             and width is None
             and header.width <= _BLOCK_X and header.height <= _BLOCK_X
             and len({nodata is None for _, _, nodata in bands}) <= 1)
    if plain:
        fast = _warp_whole(gdal, src, dst_wkt, alg, maxerr, src_srid, dst_srid)
        if fast.RasterXSize <= _BLOCK_X:
            # GDAL's suggested grid, as GDALAutoCreateWarpedVRT gives it; one row fits one
            # block, so this is the warped VRT's answer, in one transformer instead of two
            gt = fast.GetGeoTransform()
            out_header = header.replace(ip_x=gt[0], scale_x=gt[1], skew_x=gt[2], ip_y=gt[3],
                                        skew_y=gt[4], scale_y=gt[5], width=fast.RasterXSize,
                                        height=fast.RasterYSize, srid=dst_srid,
                                        little_endian=True)
            arrays = [_band_array(fast, i, info) for i, (info, _, _) in enumerate(bands)]
            return _emit(out_header, bands, arrays)
        fast = None
    try:
        suggested = gdal.AutoCreateWarpedVRT(src, src_wkt, dst_wkt, alg, maxerr)
    except RuntimeError as e:
        raise TransformError("could not transform the raster from srid %d to srid %d"
                             % (src_srid, dst_srid), detail="GDAL said: %s." % e)
    gt, dim_x, dim_y = output_grid(suggested.GetGeoTransform(), suggested.RasterXSize,
                                   suggested.RasterYSize, scalex, scaley, gridx, gridy,
                                   skewx, skewy, width, height)
    suggested = None
    if dim_x > 65535 or dim_y > 65535:
        raise SizeLimitError("the warped raster would be %d x %d pixels" % (dim_x, dim_y),
                                    detail="A raster holds at most 65535 x 65535 pixels.")
    itemsize = max([b[0].size for b in bands] or [1])
    limits.check_pixels(dim_x, dim_y, max(itemsize, 8), "the warped raster")
    out_header = header.replace(ip_x=gt[0], scale_x=gt[1], skew_x=gt[2], ip_y=gt[3],
                                skew_y=gt[4], scale_y=gt[5], width=dim_x, height=dim_y,
                                srid=dst_srid, little_endian=True)
    arrays = [np.empty((dim_y, dim_x), info.dtype) for info, _, _ in bands]
    # PostGIS reads a warped VRT, which warps block by block (512 x 128 at most); the
    # approximate transformer interpolates along each block's rows, so warping the same
    # blocks gives the same coordinates to the last bit.
    # Rows are transformed one by one, so when a row fits in one block the blocks of a
    # column warp as one piece, with the same result (and one transformer instead of many).
    block_y = dim_y if dim_x <= _BLOCK_X else _BLOCK_Y
    for row0 in range(0, dim_y, block_y):
        for col0 in range(0, dim_x, _BLOCK_X):
            ticker.check_interrupts()
            bw, bh = min(_BLOCK_X, dim_x - col0), min(block_y, dim_y - row0)
            block = out_header.replace(
                ip_x=gt[0] + col0 * gt[1] + row0 * gt[2], ip_y=gt[3] + col0 * gt[4] + row0 * gt[5],
                width=bw, height=bh)
            gdalmem.ensure_drivers("MEM")
            dst = gdalmem.mem_dataset(block, [(info, None, nodata) for info, _, nodata in bands],
                                      dst_wkt)
            try:
                gdal.Warp(dst, src, resampleAlg=alg, errorThreshold=maxerr,
                          warpOptions=_WARP_OPTIONS)
            except RuntimeError as e:
                raise TransformError("could not warp the raster", detail="GDAL said: %s." % e)
            for i, (info, _, _) in enumerate(bands):
                arrays[i][row0:row0 + bh, col0:col0 + bw] = _band_array(dst, i, info)
    return _emit(out_header, bands, arrays)


def _warp_whole(gdal, src, dst_wkt, alg, maxerr, src_srid, dst_srid):
    """gdal.Warp of src to a new MEM dataset on GDAL's suggested grid."""
    gdalmem.ensure_drivers("MEM")
    options = dict(format="MEM", resampleAlg=alg, errorThreshold=maxerr,
                   warpOptions=_WARP_OPTIONS)
    if dst_wkt:
        options["dstSRS"] = dst_wkt
    try:
        out = gdal.Warp("", src, **options)
    except RuntimeError as e:
        raise TransformError("could not transform the raster from srid %d to srid %d"
                             % (src_srid, dst_srid), detail="GDAL said: %s." % e)
    limits.check_pixels(out.RasterXSize, out.RasterYSize, 8, "the warped raster")
    return out


def _band_array(ds, i, info):
    data = ds.GetRasterBand(i + 1).ReadAsArray()
    if info.name == "8BSI":
        data = data.view(np.int8)
    return data


def _emit(header, bands, arrays):
    out = [wkb.Band(pixtype=info, has_nodata=nodata is not None,
                    nodata=nodata if nodata is not None else 0,
                    data=np.ascontiguousarray(arrays[i], dtype=info.dtype))
           for i, (info, _, nodata) in enumerate(bands)]
    return wkb.emit_raster(wkb.Raster(header, out))


def resize_size(value, size, name):
    """ST_Resize's text width/height ('50%', '10', ' 7 ') as a pixel count for a raster
    dimension of `size` pixels (at least 1)."""
    text = value.strip()
    if "%" in text:
        number = text[:-1] if text.endswith("%") else ""
        try:
            if not number or number.count("%"):
                raise ValueError
            pixels = round(size * float(number) * 0.01)
        except ValueError:
            raise InvalidParameterError("invalid percentage value provided for width/height",
                                        detail="%s is %r." % (name, value)) from None
    else:
        try:
            pixels = abs(int(text))
        except ValueError:
            raise InvalidParameterError("non-integer value provided for width/height",
                                        detail="%s is %r." % (name, value)) from None
    return max(pixels, 1)


def resize_fraction(fraction, size):
    """ST_Resize's fractional width/height (0 < fraction <= 1) as a pixel count (rounded
    half to even, as PostgreSQL's round(double precision) in PostGIS's wrapper)."""
    if not 0.0 < fraction <= 1.0:
        raise InvalidParameterError(
            "percentages must be a value greater than zero and less than or equal to one",
            detail="Use 0.5 for 50%%, not %s." % fraction)
    return max(round(size * fraction), 1)


def _round_half_away(value):
    return int(math.floor(abs(value) + 0.5)) * (1 if value >= 0 else -1)
