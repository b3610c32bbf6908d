"""Writing a coverage as one Cloud Optimized GeoTIFF (plraster_write_cog), in bounded memory.

The tiles of a coverage (one grid: same SRID, scales, skews and pixel corners; the same
bands) go into a tiled GeoTIFF in a temporary file that plraster creates and names, one
tile at a time; GDAL's COG driver then writes the COG (internal overviews, compression)
into a second temporary file beside the target, which is moved onto the target name only
when it is complete (os.replace), so that a failed or cancelled write leaves nothing under
that name. GDAL writes only these two files: it never opens a path that SQL gave it.

    grid = coverage_grid(headers)                # 22023 unless the tiles are aligned
    with CogFile(grid, first_tile, temp_dir) as cog:
        for buf in tiles: cog.add(buf)
        cog.publish(target_path, {"COMPRESS": "DEFLATE"})
"""
import os
import tempfile

import numpy as np

from plraster.core import limits, wkb
from plraster.core.bands import locate_band
from plraster.core.errors import InvalidParameterError, StorageError
from plraster.core import ticker
from plraster.functions import gdalmem
from plraster.functions.mapalgebra import extent

# COG creation options a caller may set (GDAL's COG driver names); others are refused, so
# that no option can name another file.
COG_OPTIONS = ("COMPRESS", "LEVEL", "PREDICTOR", "QUALITY", "BLOCKSIZE", "OVERVIEWS",
               "OVERVIEW_RESAMPLING", "OVERVIEW_COUNT", "RESAMPLING", "BIGTIFF", "NUM_THREADS",
               "SPARSE_OK", "STATISTICS")
# GDAL's block cache while writing: the staging GeoTIFF is uncompressed on local disk, so a
# small cache costs little time (bench/bench_cogwrite.py), and it is per backend
CACHE_BYTES = 8 << 20
DEFAULT_OPTIONS = {"COMPRESS": "DEFLATE", "BLOCKSIZE": "256", "BIGTIFF": "IF_SAFER"}


def cog_options(options):
    """The COG driver's creation options: DEFAULT_OPTIONS overridden by `options` (a dict,
    names case-insensitive); 22023 for a name not in COG_OPTIONS."""
    out = dict(DEFAULT_OPTIONS)
    for name, value in (options or {}).items():
        key = str(name).upper()
        if key not in COG_OPTIONS:
            raise InvalidParameterError('unknown cog creation option "%s"' % name,
                                        detail="Known options: %s." % ", ".join(COG_OPTIONS))
        if isinstance(value, bool):
            value = "YES" if value else "NO"
        out[key] = str(value)
    if out.get("NUM_THREADS", "1").upper() not in ("1",):
        out["NUM_THREADS"] = "1"  # one core per backend
    return out


def coverage_grid(headers):
    """The grid (extent.OutputGrid over the union) of a coverage's tile headers; 22023 when
    there is no tile, the tiles are not aligned or their band counts differ."""
    present = [h for h in headers if not h.is_empty]
    if not present:
        raise InvalidParameterError("the coverage has no tile to write",
                                    detail="The query returned no raster with pixels.")
    counts = {h.num_bands for h in present}
    if len(counts) > 1 or 0 in counts:
        raise InvalidParameterError("the tiles of a coverage must have the same bands",
                                    detail="Band counts found: %s." % sorted(counts))
    grid = extent.output_grid(present, "UNION")
    limits.check_pixels(grid.header.width, grid.header.height, 1, "the coverage")
    return grid


def band_layout(buf):
    """[(PixelTypeInfo, nodata or None)] of a tile's bands."""
    header = wkb.read_header(buf)
    layout = []
    for n in range(1, header.num_bands + 1):
        band = locate_band(buf, header, n)
        layout.append((band.info, band.nodata if band.has_nodata else None))
    return layout


class CogFile:
    """A coverage being written: a tiled GeoTIFF in temp_dir, filled tile by tile, then
    published as a COG. A context manager: the temporary files go on leaving, whatever
    happened."""

    def __init__(self, grid_header, layout, temp_dir, srs_wkt=None):
        gdal = gdalmem.modules()[0]
        gdalmem.ensure_drivers("GTiff", "COG")
        # GDAL keeps written blocks in its block cache (5% of RAM by default) until it
        # flushes them: cap it, so that a backend's memory stays bounded whatever the size
        if gdal.GetCacheMax() > CACHE_BYTES:
            gdal.SetCacheMax(CACHE_BYTES)
        self.grid, self.layout = grid_header, layout
        self.tiles = 0
        self._ticker = ticker.Ticker(every=1)
        self._paths = []
        self.staging = self._temporary(temp_dir, "plraster_cog_", ".tif")
        first = layout[0][0]
        if any(info.name != first.name for info, _ in layout):
            raise InvalidParameterError("the bands of a coverage written as a cog must have "
                                        "one pixel type",
                                        detail="A GeoTIFF has one sample format.")
        self.dtype = first.dtype
        gtype = gdalmem.gdal_type(first)
        self.ds = gdal.GetDriverByName("GTiff").Create(
            self.staging, grid_header.width, grid_header.height, len(layout), gtype,
            ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "BIGTIFF=IF_SAFER",
             "SPARSE_OK=TRUE", "COMPRESS=NONE"]
            + (["PIXELTYPE=SIGNEDBYTE"] if first.name == "8BSI" else []))
        if self.ds is None:
            raise StorageError("could not create the temporary file of the cog")
        self.ds.SetGeoTransform(grid_header.geotransform)
        if srs_wkt:
            self.ds.SetProjection(srs_wkt)
        for i, (info, nodata) in enumerate(layout, 1):
            if nodata is not None:
                # blocks no tile writes stay sparse and read as the nodata value
                self.ds.GetRasterBand(i).SetNoDataValue(float(nodata))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.ds = None
        for path in self._paths:
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
        return False

    def add(self, buf, offset):
        """Write one tile (raster WKB) whose pixel (0, 0) is at `offset` (col, row) of the
        grid; its bands must be the coverage's."""
        self._ticker.tick()
        header = wkb.read_header(buf)
        if header.is_empty:
            return
        if header.num_bands != len(self.layout):
            raise InvalidParameterError("the tiles of a coverage must have the same bands",
                                        detail="A tile has %d bands, the first %d."
                                        % (header.num_bands, len(self.layout)))
        col, row = offset
        for n in range(1, header.num_bands + 1):
            band = locate_band(buf, header, n)
            if band.info.name != self.layout[n - 1][0].name:
                raise InvalidParameterError("the tiles of a coverage must have the same bands",
                                            detail="Band %d is %s in one tile and %s in the first."
                                            % (n, band.info.name, self.layout[n - 1][0].name))
            data = np.asarray(band.array(buf, header))
            if self.layout[0][0].name == "8BSI":
                data = data.view(np.uint8)
            self.ds.GetRasterBand(n).WriteArray(data, col, row)
        self.tiles += 1

    def write(self, path, creation_options):
        """Write the COG at path (a name plraster made) with GDAL's COG driver; its size."""
        gdal = gdalmem.modules()[0]
        self.ds.FlushCache()
        options = ["%s=%s" % kv for kv in sorted(creation_options.items())]
        try:
            out = gdal.Translate(path, self.ds, format="COG", creationOptions=options)
        except RuntimeError as e:
            raise StorageError("could not write the cog", detail="GDAL said: %s." % e) from None
        if out is None:
            raise StorageError("could not write the cog")
        out = None
        ticker.check_interrupts()
        return os.path.getsize(path)

    def publish(self, target_path, creation_options):
        """Write the COG beside target_path and move it onto that name; returns its size."""
        directory = os.path.dirname(target_path) or "."
        part = self._temporary(directory, ".plraster-", ".part")
        size = self.write(part, creation_options)
        with open(part, "rb") as f:
            os.fsync(f.fileno())
        os.chmod(part, 0o644)
        os.replace(part, target_path)
        self._paths.remove(part)
        return size

    def upload(self, parsed, creation_options, temp_dir, upload, progress=None):
        """Write the COG in temp_dir and hand it to upload(parsed, path, progress) (an
        object store's atomic upload); returns its size."""
        path = self._temporary(temp_dir, "plraster_cog_", ".cog.tif")
        size = self.write(path, creation_options)
        upload(parsed, path, progress)
        return size

    def _temporary(self, directory, prefix, suffix):
        fd, path = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=directory)
        os.close(fd)
        self._paths.append(path)
        return path
