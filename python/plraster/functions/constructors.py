"""Raster constructors: empty rasters, new bands, bands copied from other rasters.

Behaviour follows PostGIS 3.3 as measured: values are converted to the pixel type the
way PostGIS does (truncated toward zero and clamped for integer types, clamped to the
float range for 32BF), band-index mistakes give PostGIS's NOTICE texts, and every result
is little-endian WKB. Bands the destination already has are kept byte for byte; bands
copied from another raster are written afresh, as PostGIS does.
"""

import numpy as np

from plraster.core import bandbytes, limits, messages, wkb
from plraster.core.errors import InvalidParameterError, SizeLimitError, UnsupportedError
from plraster.core.nodata import is_nodata_value as same_value
from plraster.core.pixtypes import BY_NAME, to_pixel_value
from plraster.core.srid import clamp_srid


def pixel_type(name, what):
    """Return the PixelTypeInfo named exactly name (PostGIS's names are case-sensitive)."""
    if name is None:
        raise InvalidParameterError("pixel type cannot be null for %s" % what)
    info = BY_NAME.get(name)
    if info is None:
        raise InvalidParameterError(
            "invalid pixel type %r for %s" % (name, what),
            hint="Use one of " + ", ".join(BY_NAME) + " (upper case, as written).")
    return info


def empty_header(width, height, ulx, uly, scalex, scaley, skewx, skewy, srid):
    """Return the header of a band-less raster; width and height wrap to 16 bits as in PostGIS."""
    return wkb.RasterHeader(0, float(scalex), float(scaley), float(ulx), float(uly),
                            float(skewx), float(skewy), clamp_srid(srid, notice=True),
                            width & 0xFFFF, height & 0xFFFF)


def make_empty_raster(width, height, ulx, uly, scalex, scaley, skewx, skewy, srid=0):
    """ST_MakeEmptyRaster: WKB of a raster with no bands."""
    return wkb.emit_header(empty_header(width, height, ulx, uly, scalex, scaley, skewx, skewy, srid))


def make_empty_like(rast):
    """ST_MakeEmptyRaster(raster): a band-less raster with rast's size and georeference."""
    h = wkb.read_header(rast)
    return make_empty_raster(h.width, h.height, h.ip_x, h.ip_y, h.scale_x, h.scale_y,
                             h.skew_x, h.skew_y, h.srid)


def new_band(info, width, height, initialvalue, nodataval):
    """Return a new in-db band filled with initialvalue, as ST_AddBand creates it.

    The band is marked is-nodata when initialvalue equals nodataval (PostGIS compares the
    values as given, before conversion to the pixel type, within FLT_EPSILON).
    """
    initial = 0.0 if initialvalue is None else float(initialvalue)
    # PostGIS zero-fills when the value is within FLT_EPSILON of 0 (1e-8 gives 0 in 64BF).
    fill = 0 if same_value(initial, 0.0) else to_pixel_value(info, initial)
    limits.check_pixels(width, height, info.size, "a new %s band" % info.name)
    data = np.full((height, width), fill, dtype=info.dtype)
    if nodataval is None:
        return wkb.Band(info, data=data)
    nodata = float(nodataval)
    return wkb.Band(info, True, same_value(initial, nodata), to_pixel_value(info, nodata), data=data)


def _flatten(values):
    out = []
    for v in values:
        if isinstance(v, list):
            out.extend(_flatten(v))
        else:
            out.append(v)
    return out


def _arg_field(arg, name):
    if isinstance(arg, dict):
        return arg.get(name)
    return arg[("index", "pixeltype", "initialvalue", "nodataval").index(name)]


def add_bands(rast, args):
    """ST_AddBand(raster, addbandarg[]): add new in-db bands.

    args is a list (possibly nested) of addbandarg rows (dicts or tuples: index,
    pixeltype, initialvalue, nodataval) or None; a NULL row is skipped.
    """
    args = _flatten(args)
    if not args:
        raise InvalidParameterError(
            "invalid argument for addbandargset",
            detail="The array of addbandarg values is empty.")
    specs = []
    for position, arg in enumerate(args):
        if arg is None:
            specs.append(None)
            continue
        what = "addbandarg of index %d" % position
        index = _arg_field(arg, "index")
        if index is not None and index < 1:
            raise InvalidParameterError(
                "invalid band index %d for %s" % (index, what),
                detail="Band indexes are 1-based.")
        info = pixel_type(_arg_field(arg, "pixeltype"), what)
        specs.append((index, info, _arg_field(arg, "initialvalue"),
                      _arg_field(arg, "nodataval")))
    raster = wkb.parse_raster(rast)
    header = raster.header
    records = bandbytes.records(rast, raster)
    for position, spec in enumerate(specs):
        if spec is None:
            continue
        index, info, initial, nodata = spec
        count = len(records)
        if index is None:
            at = count
        elif index > count + 1:
            at = count
            messages.notice("Band index for addbandarg of index %d exceeds possible value. "
                            "Adding band at index %d" % (position, count + 1))
        else:
            at = index - 1
        limits.check_value_bytes(
            wkb.HEADER_SIZE + sum(map(len, records)) + 1 + info.size * (1 + header.width * header.height),
            "a raster of %d x %d pixels with %d bands" % (header.width, header.height, count + 1))
        band = new_band(info, header.width, header.height, initial, nodata)
        records.insert(at, wkb.emit_band(band, header.width, header.height))
    return bandbytes.assemble(header, records)


def _fresh_record(raster, number):
    """The record of band number (1-based) of a parsed raster, written afresh as PostGIS
    copies a band: nodata bytes 0 when it has no nodata, and the is-nodata flag dropped."""
    band = raster.bands[number - 1]
    copy = wkb.Band(band.pixtype, band.has_nodata, False, band.nodata, band.data,
                    band.outdb_index, band.path)
    return wkb.emit_band(copy, raster.width, raster.height)


def add_band_from_raster(torast, fromrast, fromband=1, torastindex=None):
    """ST_AddBand(torast, fromrast, fromband, torastindex): copy one band of fromrast.

    Out-of-range indexes are clamped with PostGIS's NOTICEs; a size mismatch or a
    band-less source gives NOTICEs and torast unchanged.
    """
    if torast is None:
        return None
    if fromrast is None:
        return bandbytes.little_endian(torast)
    dest = wkb.parse_raster(torast)
    src = wkb.parse_raster(fromrast)
    if dest.width != src.width or dest.height != src.height:
        messages.notice("rt_raster_copy_band: Attempting to add a band with different width or height")
        messages.notice("RASTER_copyBand: Could not add band to raster. Returning original raster.")
        return bandbytes.assemble(dest.header, bandbytes.records(torast, dest))
    if not src.bands:
        messages.notice("rt_raster_copy_band: Second raster has no band")
        messages.notice("RASTER_copyBand: Could not add band to raster. Returning original raster.")
        return bandbytes.assemble(dest.header, bandbytes.records(torast, dest))
    src_at = (1 if fromband is None else fromband) - 1
    if src_at < 0:
        messages.notice("rt_raster_copy_band: Band index for second raster < 0. Defaulted to 0")
        src_at = 0
    elif src_at >= len(src.bands):
        messages.notice("rt_raster_copy_band: Band index for second raster > number of bands, "
                        "truncated from %d to %d" % (src_at, len(src.bands) - 1))
        src_at = len(src.bands) - 1
    records = bandbytes.records(torast, dest)
    at = len(records) if torastindex is None else torastindex - 1
    if at < 0:
        messages.notice("rt_raster_copy_band: Band index for first raster < 0. Defaulted to 0")
        at = 0
    elif at > len(records):
        messages.notice("rt_raster_copy_band: Band index for first raster > number of bands, "
                        "truncated from %d to %d" % (at, len(records)))
        at = len(records)
    records.insert(at, _fresh_record(src, src_at + 1))
    return bandbytes.assemble(dest.header, records)


def add_bands_from_rasters(torast, fromrasts, fromband=1, torastindex=None):
    """ST_AddBand(torast, fromrasts[], fromband, torastindex): copy band fromband of each
    raster in turn; a NULL torast takes the first source's size and georeference.

    Any bad index or size mismatch gives PostGIS's NOTICE and torast unchanged.
    """
    original = None if torast is None else bandbytes.little_endian(torast)
    if fromrasts is None:
        return original
    fromrasts = _flatten(fromrasts)
    fromband = 1 if fromband is None else fromband
    if fromband < 1:
        messages.notice("Invalid band index for source rasters (must be 1-based).  "
                        "Returning original raster")
        return original
    append = torastindex is None
    if not append and torastindex < 1:
        messages.notice("Invalid band index for destination raster (must be 1-based).  "
                        "Returning original raster")
        return original
    header, records = None, None
    if torast is not None:
        dest = wkb.parse_raster(torast)
        header, records = dest.header, bandbytes.records(torast, dest)
        if not append and records and torastindex > len(records):
            messages.notice("Band index provided for destination raster is greater than the "
                            "number of bands in the raster.  Bands will be appended")
            append = True
    added = 0
    for position, source in enumerate(fromrasts, 1):
        if source is None:
            continue
        src = wkb.parse_raster(source)
        if fromband > len(src.bands):
            messages.notice("Invalid band index for source raster at index %d.  "
                            "Returning original raster" % position)
            return original
        if header is None:
            header, records = src.header, [_fresh_record(src, fromband)]
            added = 1
            continue
        if header.width != src.width or header.height != src.height:
            messages.notice("rt_raster_copy_band: Attempting to add a band with different width or height")
            messages.notice("Could not add band from source raster at index %d to destination "
                            "raster.  Returning original raster" % position)
            return original
        at = len(records) if append else torastindex - 1 + added
        if at > len(records):
            messages.notice("rt_raster_copy_band: Band index for first raster > number of bands, "
                            "truncated from %d to %d" % (at, len(records)))
            at = len(records)
        records.insert(at, _fresh_record(src, fromband))
        added += 1
    if header is None:
        return original
    return bandbytes.assemble(header, records)


_PIXTYPE_OF_DTYPE = {"uint8": "8BUI", "int8": "8BSI", "uint16": "16BUI", "int16": "16BSI",
                     "uint32": "32BUI", "int32": "32BSI", "float32": "32BF", "float64": "64BF"}


def add_outdb_band(rast, index, outdbfile, outdbindex, nodataval=None):
    """ST_AddBand(rast, index, outdbfile, outdbindex[], nodataval): out-db bands.

    As PostGIS does, the file's header gives each band's pixel type and nodata value
    (`nodataval`, when given, replaces the latter), and a NULL raster takes the file's
    size, georeference and SRID. All the file's bands are added when outdbindex is NULL.
    A raster not aligned with the file gets PostGIS's WARNING.
    """
    from plraster import outdb
    if not outdbfile:
        messages.notice("Out-db raster file not provided. Returning original raster")
        return None if rast is None else bandbytes.little_endian(rast)
    count = 0
    if rast is not None:
        count = wkb.read_header(rast).num_bands
        if index is not None and count and index < 1:
            messages.notice("Invalid band index %d for adding bands. Using band index 1" % index)
        elif index is not None and count and index > count:
            messages.notice("Invalid band index %d for adding bands. Using band index %d"
                            % (index, count))
    _, ifd, parsed = outdb.band_file_info(outdbfile)
    numbers = [n for n in _flatten(outdbindex) if n is not None] if outdbindex is not None else []
    if not numbers:
        numbers = list(range(1, ifd.samples_per_pixel + 1))
    for n in numbers:
        if not 1 <= n <= ifd.samples_per_pixel:
            raise InvalidParameterError(
                "band %d not found in out-db file \"%s\"" % (n, parsed.display()),
                detail="The file has %d band(s)." % ifd.samples_per_pixel)
    name = _PIXTYPE_OF_DTYPE.get(ifd.dtype.name)
    if name is None:
        raise UnsupportedError("pixel type of out-db file \"%s\" is not supported" % parsed.display(),
                               detail="Its samples are %s." % ifd.dtype.name)
    info = BY_NAME[name]
    file_gt = ifd.geotransform or outdb.engine.DEFAULT_GEOTRANSFORM
    if rast is None:
        if ifd.width > 65535 or ifd.height > 65535:
            raise SizeLimitError("out-db file \"%s\" is too large for one raster" % parsed.display(),
                                 detail="It is %d x %d pixels; a raster has at most 65535 on a side."
                                 % (ifd.width, ifd.height))
        g = file_gt
        header = wkb.RasterHeader(0, g[1], g[5], g[0], g[3], g[2], g[4],
                                  clamp_srid(ifd.epsg or 0), ifd.width, ifd.height)
        records = []
    else:
        raster = wkb.parse_raster(rast)
        header, records = raster.header, bandbytes.records(rast, raster)
        if not outdb.engine.is_aligned(header, file_gt):
            outdb.warning(outdb.engine.NOT_ALIGNED)
    if nodataval is not None:
        has_nodata, nodata = True, to_pixel_value(info, float(nodataval))
    elif ifd.nodata is not None:
        has_nodata, nodata = True, to_pixel_value(info, float(ifd.nodata))
    else:
        has_nodata, nodata = False, 0
    path = outdbfile.encode("utf-8")
    new = [wkb.emit_band(wkb.Band(info, has_nodata, False, nodata, None, n - 1, path),
                         header.width, header.height) for n in numbers]
    at = len(records) if index is None else min(max(index, 1), len(records) + 1) - 1
    records[at:at] = new
    return bandbytes.assemble(header, records)


def select_bands(rast, nbands):
    """ST_Band(rast, nbands[]): a raster of the chosen bands, in the order given.

    NULL entries are skipped; an empty choice returns the raster; an index out of range
    gives PostGIS's NOTICE and the raster unchanged.
    """
    wanted = [n for n in _flatten(nbands) if n is not None]
    if not wanted:
        return bandbytes.little_endian(rast)
    raster = wkb.parse_raster(rast)
    if any(n < 1 or n > len(raster.bands) for n in wanted):
        messages.notice("Invalid band index (must use 1-based). Returning original raster")
        return bandbytes.assemble(raster.header, bandbytes.records(rast, raster))
    return bandbytes.assemble(raster.header, [_fresh_record(raster, n) for n in wanted])
