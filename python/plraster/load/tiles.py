"""The tiles of one input raster, as raster WKB: the full-resolution ones and each overview's.

    for wkb in raster_tiles(raster, layout):                 # the table's rows
    for wkb in overview_tiles(raster, layout, factor=4):     # o_4_<table>'s rows
"""

import dataclasses
import os
import typing

from . import tiling
from .tilewkb import BandSpec, band_bytes, tile_header


@dataclasses.dataclass
class Layout:
    """How the tiles of one raster are cut and described (from the options and the file)."""

    bands: typing.List[BandSpec]
    srid: int
    tile_size: typing.Optional[typing.Tuple[int, int]]
    pad: bool
    keep_empty: bool
    outdb_path: typing.Optional[bytes]  # -R: the path as typed


def band_specs(raster, bands, nodata_override=None):
    """BandSpecs of the chosen 1-based bands, with the file's nodata value, else -N's."""
    nodata = raster.nodata if raster.nodata is not None else nodata_override
    return [BandSpec(raster.pixtype, nodata, b) for b in bands]


def make_layout(raster, opts, tile_size):
    """The Layout of one raster under the command line's options."""
    bands = opts.bands or list(range(1, raster.band_count + 1))
    raster.check_bands(bands)
    return Layout(
        bands=band_specs(raster, bands, opts.nodata),
        srid=opts.srid or raster.epsg,
        tile_size=tile_size,
        pad=opts.pad,
        keep_empty=opts.keep_empty,
        outdb_path=os.fsencode(raster.path) if opts.outdb else None,
    )


def tile_count(width, height, layout):
    """How many tiles the grid has (before empty ones are skipped)."""
    return len(tiling.tile_grid(width, height, layout.tile_size, layout.pad))


def _emit(layout, gt, tiles, band_rows):
    """WKB of the tiles of one tile row; band_rows[k] holds band k's rows (data_height x width)."""
    specs = layout.bands
    nbands = len(specs)
    nodatas = [s.nodata for s in specs]
    for t in tiles:
        pixels = None
        flags = [False] * nbands
        if band_rows is not None:
            pixels = [rows[:, t.x:t.x + t.data_width] for rows in band_rows]
            if not layout.keep_empty:
                flags = tiling.nodata_flags(pixels, nodatas)
                if flags is None:
                    continue
        parts = [tile_header(nbands, gt, layout.srid, t.x, t.y, t.width, t.height)]
        if layout.outdb_path is not None:
            parts.extend(s.outdb_body(layout.outdb_path, f) for s, f in zip(specs, flags))
        else:
            for spec, band, is_nodata in zip(specs, pixels, flags):
                parts.append(spec.prefix(is_nodata))
                parts.append(band_bytes(spec, band, t.width, t.height))
        yield b"".join(parts)


def raster_tiles(raster, layout):
    """WKB of every kept tile of the raster at full resolution, row by row."""
    grid = tiling.tile_grid(raster.width, raster.height, layout.tile_size, layout.pad)
    need_pixels = layout.outdb_path is None or not layout.keep_empty
    for y, data_height, tiles in tiling.tile_rows(grid):
        band_rows = None
        if need_pixels:
            rows = raster.rows(y, data_height)
            band_rows = [rows[s.source_band - 1] for s in layout.bands]
        yield from _emit(layout, raster.geotransform, tiles, band_rows)


def overview_tiles(raster, layout, factor):
    """WKB of every tile of the raster's overview by `factor`.

    As raster2pgsql writes them: in-db even with -R, never skipped as empty (nor flagged
    is-nodata), pixels read the way GDAL reads a downsampled window (from an internal
    overview when the file has a suitable one). Without -t an overview is one tile of
    its own size.
    """
    layout = dataclasses.replace(layout, outdb_path=None, keep_empty=True)
    width = tiling.overview_size(raster.width, factor)
    height = tiling.overview_size(raster.height, factor)
    if not width or not height:
        return
    reader = raster.overview_reader(width, height)
    xs = tiling.nearest_indexes(reader.width, width)
    ys = tiling.nearest_indexes(reader.height, height)
    tile_size = layout.tile_size or (width, height)
    grid = tiling.tile_grid(width, height, tile_size, layout.pad)
    gt = tiling.overview_geotransform(raster.geotransform, factor)
    for y, data_height, tiles in tiling.tile_rows(grid):
        rows = reader.gathered_rows(ys[y:y + data_height])
        band_rows = [rows[s.source_band - 1][:, xs] for s in layout.bands]
        yield from _emit(layout, gt, tiles, band_rows)
