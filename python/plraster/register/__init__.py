"""Server-side registration of Cloud Optimized GeoTIFFs as out-db coverages.

plraster_register_cog reads only a COG's header, through the out-db engine (so the
source allow-list, the credentials and the header cache apply), and writes out-db
records, one per tile, as `raster2pgsql -R -k -t WxH` would for the same path, plus
overview records pointing at the COG's internal overviews with GDAL's `GTIFF_DIR:n:`:

    cog = read_cog("swift://rasters/dem.tif", overviews=True)
    spec = RegisterSpec.parse(tile="auto", srid=None, bands=None)
    for level in cog.levels:
        rows = tile_records(level, spec)          # raster WKB, row-major
    statements.overview_table_name("dem", 4)      # 'o_4_dem'

No plpy here: plraster.sqlapi.register runs the statements.
"""

from .cog import Cog, Level, overview_factor, read_cog
from .records import band_records, tile_grid, tile_records
from .spec import RegisterSpec
from . import statements

__all__ = ["Cog", "Level", "RegisterSpec", "band_records", "overview_factor", "read_cog",
           "statements", "tile_grid", "tile_records"]
