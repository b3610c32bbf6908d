"""The main job on an embedded default: a throwaway PostgreSQL with PostGIS and plraster,
a sample raster built and edited with plraster's functions, an out-db COG served by a
local object store (nginx with HTTP Range), and queries that show it working, each
answered by plraster and by PostGIS side by side.

Run with `make demo` (as root it installs what it needs and runs this unprivileged).
"""
import os
import sys
import tempfile
import time

import numpy as np
import psycopg
from osgeo import gdal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))
import pgserver  # noqa: E402
from servers.nginx import NginxServer  # noqa: E402

SAMPLE = """
CREATE TABLE {t} (rid int PRIMARY KEY, rast {s}.raster);
INSERT INTO {t}
SELECT rid, {s}.st_setvalues(
         {s}.st_addband({s}.st_makeemptyraster(8, 8, 500000 + 80 * rid, 4500000, 10, -10, 0, 0, 32631),
                        1, '16BUI', 0, 0),
         1, 1, 1,
         (SELECT array_agg(row_vals ORDER BY y) FROM
            (SELECT y, array_agg((100 * rid + 10 * y + x)::float8 ORDER BY x) AS row_vals
             FROM generate_series(1, 8) y, generate_series(1, 8) x GROUP BY y) g))
FROM generate_series(0, 3) rid;
"""

QUERIES = [
    ("tile metadata", "SELECT rid, (md).* FROM (SELECT rid, {s}.st_metadata(rast) md FROM {t} ORDER BY rid LIMIT 2) q"),
    ("band metadata", "SELECT (bm).* FROM (SELECT {s}.st_bandmetadata(rast, 1) bm FROM {t} WHERE rid = 0) q"),
    ("summary", "SELECT {s}.st_summary(rast) FROM {t} WHERE rid = 1"),
    ("pixel values at a point", "SELECT rid, {s}.st_value(rast, 1, ST_SetSRID(ST_MakePoint(500125, 4499955), 32631)) "
                                "FROM {t} WHERE rid = 1"),
    ("pixel value, column 3 row 2", "SELECT rid, {s}.st_value(rast, 1, 3, 2) FROM {t} ORDER BY rid"),
    ("set a pixel, read it back", "SELECT {s}.st_value({s}.st_setvalue(rast, 1, 3, 2, 4242), 1, 3, 2) FROM {t} WHERE rid = 2"),
    ("a band that does not exist (NOTICE + NULL)", "SELECT {s}.st_value(rast, 5, 1, 1) FROM {t} WHERE rid = 0"),
    ("extent of the coverage", "SELECT ST_AsText(ST_Extent({s}.st_envelope(rast))) FROM {t}"),
    ("the same WKB from both", "SELECT md5({s}.st_asbinary(rast)) FROM {t} WHERE rid = 3"),
]


OUTDB_TILES = """
CREATE TABLE {t} AS
SELECT ty * 4 + tx AS rid,
       {s}.st_addband({s}.st_makeemptyraster(64, 64, 500000 + 640 * tx, 4500000 - 640 * ty,
                                             10, -10, 0, 0, 32631),
                      1, %s::text, ARRAY[1], NULL::float8) AS rast
FROM generate_series(0, 3) ty, generate_series(0, 3) tx;
"""

OUTDB_QUERIES = [
    ("out-db band record", "SELECT {s}.st_bandpath(rast), (bm).pixeltype, (bm).isoutdb, (bm).outdbbandnum "
                           "FROM (SELECT rast, {s}.st_bandmetadata(rast, 1) bm FROM {t} WHERE rid = 5) q"),
    ("out-db pixels", "SELECT rid, {s}.st_value(rast, 1, 1, 1), {s}.st_value(rast, 1, 64, 64) "
                      "FROM {t} WHERE rid IN (0, 5, 15) ORDER BY rid"),
    ("sum over every pixel of one out-db tile",
     "SELECT sum({s}.st_value(rast, 1, x, y)) FROM {t}, generate_series(1, 64) x, "
     "generate_series(1, 64) y WHERE rid = 6"),
    ("out-db tile as in-db WKB (ST_AsBinary outasin)",
     "SELECT md5({s}.st_asbinary(rast, true)) FROM {t} WHERE rid = 10"),
]


def write_cog(path):
    """A 256x256 UInt16 COG (DEFLATE, 128x128 blocks) in EPSG:32631, written by GDAL."""
    rows, cols = np.mgrid[0:256, 0:256]
    mem = gdal.GetDriverByName("MEM").Create("", 256, 256, 1, gdal.GDT_UInt16)
    mem.SetGeoTransform((500000.0, 10.0, 0.0, 4500000.0, 0.0, -10.0))
    noise = np.random.default_rng(1).integers(0, 1000, (256, 256))  # so tiles don't compress away
    mem.GetRasterBand(1).WriteArray((1000 + 3 * rows + cols + noise).astype(np.uint16))
    gdal.GetDriverByName("COG").CreateCopy(path, mem, options=["COMPRESS=DEFLATE", "BLOCKSIZE=128"])


def io_stats(conn):
    """plraster_io_stats() as one line."""
    row = conn.execute("SELECT requests, bytes, header_hits, header_misses, tile_hits, tile_misses "
                       "FROM plraster.plraster_io_stats()").fetchone()
    return ("requests %d, bytes %d, header cache %d hits / %d misses, tile cache %d hits / %d misses"
            % row)


def show(conn, title, query, tables=("pl_sample", "pg_sample")):
    """Run query for PostGIS and for plraster; print both answers and whether they agree."""
    print("\n== %s" % title)
    answers = []
    for schema, table in (("plraster", tables[0]), ("public", tables[1])):
        notices = []
        def handler(diag):
            notices.append(diag.message_primary)
        conn.add_notice_handler(handler)
        rows = conn.execute(query.format(s=schema, t=table)).fetchall()
        conn.remove_notice_handler(handler)
        name = "plraster" if schema == "plraster" else "PostGIS "
        for row in rows:
            print("  %s  %s" % (name, " | ".join("NULL" if v is None else str(v) for v in row)))
        for n in notices:
            print("  %s  NOTICE: %s" % (name, n))
        answers.append((rows, notices))
    print("  -> %s" % ("same answer" if answers[0] == answers[1] else "DIFFERENT"))
    return answers[0] == answers[1]


def outdb_demo(conn):
    """Serve a COG from nginx on 127.0.0.1, register out-db tiles on it, query its pixels."""
    work = tempfile.mkdtemp(prefix="plraster-demo-")
    os.chmod(work, 0o755)
    write_cog(os.path.join(work, "dem.tif"))
    with NginxServer(work) as nginx:
        path = "/vsicurl/" + nginx.url("dem.tif")
        print("\n== out-db: a COG on a local object store (nginx, HTTP Range): %s" % path)
        # Out-db access is closed until a superuser opens a source (README: Out-db bands).
        conn.execute("SELECT plraster.plraster_add_source(%s)", (nginx.base_url + "/",))
        conn.execute("SET postgis.enable_outdb_rasters = true; "
                     "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")
        conn.execute("SELECT plraster.plraster_cache_reset()")
        conn.execute(OUTDB_TILES.format(s="plraster", t="pl_outdb"), (path,))
        conn.execute(OUTDB_TILES.format(s="public", t="pg_outdb"), (path,))
        print("16 out-db tiles of 64x64 registered with ST_AddBand(rast, 1, path, ARRAY[1]) "
              "(plraster read the COG's header for the pixel type)")
        print("plraster_io_stats() before: %s" % io_stats(conn))
        results = []
        for title, query in OUTDB_QUERIES:
            results.append(show(conn, title, query, tables=("pl_outdb", "pg_outdb")))
        print("\nplraster_io_stats() after:  %s" % io_stats(conn))
        results.append(etl_demo(conn, work, nginx))
    return results


def etl_demo(conn, work, nginx):
    """Database-side ETL: the out-db DEM tiles -> ST_HillShade -> one COG written into the
    object store's directory (plraster_write_cog) -> registered out-db over HTTP -> queried.
    True when the registered COG gives the hillshade's pixels back."""
    print("\n== ETL: DEM coverage -> ST_HillShade -> COG on the object store -> out-db -> query")
    # A superuser opens the store's directory for writing (README: Writing a coverage as a COG).
    conn.execute("SELECT plraster.plraster_add_source(%s, '{\"PLRASTER_WRITABLE\": true}')", (work,))
    target = os.path.join(work, "hillshade.tif")
    started = time.monotonic()
    summary = conn.execute(
        "SELECT plraster.plraster_write_cog('SELECT plraster.ST_HillShade(rast, 1, ''8BUI'') "
        "FROM public.pl_outdb', %s, '{\"blocksize\": 128}')", (target,)).fetchone()[0]
    written = time.monotonic() - started
    print("plraster_write_cog: %d tiles -> %s, %d x %d pixels, %d bytes, %.2f s"
          % (summary["tiles"], nginx.url("hillshade.tif"), summary["width"], summary["height"],
             summary["bytes"], written))
    started = time.monotonic()
    records = conn.execute("SELECT plraster.plraster_register_cog(%s, 'public.hillshade')",
                           (nginx.url("hillshade.tif"),)).fetchone()[0]
    print("plraster_register_cog: %d out-db records in public.hillshade, %.2f s"
          % (records, time.monotonic() - started))
    started = time.monotonic()
    query = ("SELECT sum(plraster.ST_Value(h.rast, 1, x, y)) FROM public.hillshade h, "
             "generate_series(1, 128) x, generate_series(1, 128) y "
             "WHERE plraster.ST_UpperLeftX(h.rast) = 500000 AND plraster.ST_UpperLeftY(h.rast) = 4500000")
    from_cog = conn.execute(query).fetchone()[0]
    direct = conn.execute(
        "SELECT sum(v) FROM (SELECT (plraster.ST_PixelAsPoints(plraster.ST_HillShade(rast, 1, '8BUI'))).val AS v "
        "FROM public.pl_outdb WHERE plraster.ST_UpperLeftX(rast) < 501280 "
        "AND plraster.ST_UpperLeftY(rast) > 4498720) q").fetchone()[0]
    print("sum of the first 128x128 pixels of the hillshade: from the COG %s, computed from the "
          "DEM %s (%.2f s)" % (from_cog, direct, time.monotonic() - started))
    print("  -> %s" % ("same answer" if from_cog == direct else "DIFFERENT"))
    return from_cog == direct


def main():
    """Start the server, load the sample, run the queries, stop the server."""
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "demo")
        print("PostgreSQL with PostGIS (schema public) and plraster (schema plraster): %s" % url)
        with psycopg.connect(url, autocommit=True) as conn:
            print(conn.execute("SELECT plraster.plraster_version(), public.postgis_raster_lib_version()").fetchone())
            conn.execute(SAMPLE.format(s="plraster", t="pl_sample"))
            conn.execute(SAMPLE.format(s="public", t="pg_sample"))
            print("sample: 4 tiles of 8x8 16BUI pixels, built with ST_MakeEmptyRaster, ST_AddBand "
                  "and ST_SetValues")
            results = [show(conn, title, q) for title, q in QUERIES]
            results += outdb_demo(conn)
        print("\n%d of %d checks passed (plraster's answers against PostGIS's; the ETL step: "
              "the written COG against the hillshade it was made from)" % (sum(results), len(results)))
        return 0 if all(results) else 1
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
