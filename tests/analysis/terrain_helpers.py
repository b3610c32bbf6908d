"""Shared pieces of the terrain tests: realistic DEMs built with numpy (a smooth surface with
noise, holes of nodata), as hex WKB for conformance templates."""
import numpy as np

from rasters import pack

FUNCTIONS = ["st_slope", "st_aspect", "st_hillshade", "st_tpi", "st_tri", "st_roughness"]


def dem_array(width, height, seed=0, pixtype="32BF", noise=2.0):
    """Elevations: two waves, a tilt and noise; rounded for integer pixel types."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    z = (300 + 40 * np.sin(x / 6.0) + 25 * np.cos(y / 4.5) + 0.8 * x - 0.5 * y
         + noise * rng.normal(size=(height, width)))
    if pixtype in ("8BUI", "8BSI"):
        z = np.clip(z - 250, -128 if pixtype == "8BSI" else 0, 127 if pixtype == "8BSI" else 255)
    if pixtype not in ("32BF", "64BF"):
        z = np.rint(z)
    return z


def dem(width, height, seed=0, pixtype="32BF", nodata=None, holes=0, scale=(30.0, -30.0),
        skew=(0.0, 0.0), ul=(500000.0, 4600000.0), srid=32631, noise=2.0):
    """Hex WKB of a one-band DEM; `holes` random pixels set to nodata."""
    z = dem_array(width, height, seed, pixtype, noise)
    if holes:
        rng = np.random.default_rng(seed + 1000)
        z.flat[rng.choice(width * height, holes, replace=False)] = nodata
    return pack(width, height, [{"pixtype": pixtype, "data": z, "nodata": nodata}],
                scale=scale, ul=ul, skew=skew, srid=srid)


def custom_extent(ul, scale, cols, rows, dcol, drow, skew=(0.0, 0.0), srid=32631):
    """Hex WKB of a band-less raster on a DEM's grid: cols x rows pixels from the DEM's pixel
    (dcol, drow) (negative: left of / above it)."""
    ulx = ul[0] + dcol * scale[0] + drow * skew[0]
    uly = ul[1] + dcol * skew[1] + drow * scale[1]
    return pack(cols, rows, [], scale=scale, ul=(ulx, uly), skew=skew, srid=srid)


def write_tiff():
    """tests/outdb/conftest.py's write_tiff (GeoTIFFs written by gdal_translate)."""
    import importlib.util
    import os
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        "outdb", "conftest.py")
    spec = importlib.util.spec_from_file_location("outdb_conftest_for_terrain", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_tiff
