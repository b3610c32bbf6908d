"""GDAL's PostGISRaster driver (Debian's gdal-bin) reads plraster coverages exactly as it
reads the same coverages in PostGIS raster.

Every test runs one GDAL command on the PostGIS database and on the plraster database and
compares: gdalinfo text (database name and port normalised, nothing else), or the pixels,
georeference, nodata and types of what gdal_translate wrote. A failure message carries
the SQL errors GDAL met on plraster (from the server log, log_statement = all).
"""
import pytest

import coverages
import gdalclient

INDB = ["byte1", "int16x3", "float1", "single", "plain", "bare"]
OUTDB = ["dem_outdb", "rgb_outdb"]
TABLES = INDB + OUTDB
WITH_OVERVIEWS = [c.table for c in coverages.COVERAGES if c.overviews]


def _gdalinfo(databases, server_log, case, name_of, *options):
    """{kind: (normalised output, Run)} of gdalinfo on both databases."""
    out = {}
    for kind in ("postgis", "plraster"):
        db = databases[kind]
        proc, sent = gdalclient.run(["gdalinfo", *options, name_of(db)], db, server_log, case)
        out[kind] = (gdalclient.normalise(proc.stdout + proc.stderr, db), sent)
    return out


def _assert_same_text(out, what):
    pg, pl = out["postgis"][0], out["plraster"][0]
    assert pg == pl, (f"{what}: GDAL's output differs on plraster\n{gdalclient.diff(pg, pl)}\n"
                      f"SQL errors on plraster:\n{out['plraster'][1].error_report()}")


@pytest.mark.parametrize("mode", [2, 1])
@pytest.mark.parametrize("table", TABLES)
def test_gdalinfo_checksum_stats(databases, server_log, table, mode):
    """gdalinfo -checksum -stats on the whole table (mode=2) or the table's listing (mode=1)."""
    case = f"gdalinfo -checksum -stats mode={mode} {table}"
    out = _gdalinfo(databases, server_log, case, lambda db: gdalclient.pg_name(db, table, mode),
                    "-checksum", "-stats")
    # mode=1 lists subdatasets, unless the table has one row: then it opens that raster.
    assert "Checksum=" in out["postgis"][0] or "SUBDATASET_1_NAME=" in out["postgis"][0], out["postgis"][0]
    _assert_same_text(out, case)


@pytest.mark.parametrize("table", [t for t in TABLES if t != "single"])
def test_gdalinfo_mode1_each_raster(databases, server_log, table):
    """mode=1 lists one subdataset per row; gdalinfo -checksum on each gives the same answer."""
    names = {}
    for kind in ("postgis", "plraster"):
        db = databases[kind]
        proc, _ = gdalclient.run(["gdalinfo", gdalclient.pg_name(db, table, 1)], db, server_log,
                                 f"gdalinfo mode=1 {table}")
        names[kind] = gdalclient.subdatasets(proc.stdout)
    assert names["postgis"], f"PostGIS lists no subdataset for {table}"
    norm = {k: [gdalclient.normalise(n, databases[k]) for n in v] for k, v in names.items()}
    assert norm["plraster"] == norm["postgis"]
    for pg_name, pl_name in zip(names["postgis"], names["plraster"]):
        byname = {"postgis": pg_name, "plraster": pl_name}
        case = f"gdalinfo -checksum mode=1 {table} subdataset"
        out = _gdalinfo(databases, server_log, case, lambda db: byname[db.kind], "-checksum")
        assert "Checksum=" in out["postgis"][0], out["postgis"][0]
        _assert_same_text(out, f"{case} {gdalclient.normalise(pg_name, databases['postgis'])}")


def _windows(table):
    cols, rows = coverages.grid(table)[:2]
    return [(5, 5, 20, 20), (cols // 3, rows // 3, cols // 3, rows // 3),
            (cols - 30, rows - 20, 30, 20), (0, 0, cols, rows)]


def _translate(databases, server_log, tmp_path, case, name_of, options):
    """gdal_translate to GTiff from both databases; {kind: (image or None, stderr, Run)}."""
    out = {}
    for kind in ("postgis", "plraster"):
        db = databases[kind]
        dest = str(tmp_path / f"{kind}.tif")
        proc, sent = gdalclient.run(["gdal_translate", "-q", "-of", "GTiff", *options,
                                     name_of(db), dest], db, server_log, case)
        image = gdalclient.read_image(dest) if proc.returncode == 0 else None
        out[kind] = (image, gdalclient.normalise(proc.stderr, db), sent)
    return out


def _assert_same_image(out, case):
    pg, pl = out["postgis"], out["plraster"]
    assert pg[0] is not None, f"{case}: gdal_translate failed on PostGIS: {pg[1]}"
    assert pl[0] is not None, (f"{case}: gdal_translate failed on plraster: {pl[1]}\n"
                               f"SQL errors on plraster:\n{pl[2].error_report()}")
    pg_pixels, pg_gt, pg_nodata, pg_types = pg[0]
    pl_pixels, pl_gt, pl_nodata, pl_types = pl[0]
    errors = pl[2].error_report()
    assert (pl_types, pl_nodata, pl_gt) == (pg_types, pg_nodata, pg_gt), f"{case}\n{errors}"
    assert pl_pixels.shape == pg_pixels.shape, f"{case}\n{errors}"
    same = (pl_pixels == pg_pixels) | ((pl_pixels != pl_pixels) & (pg_pixels != pg_pixels))
    assert same.all(), (f"{case}: {int((~same).sum())} of {same.size} pixels differ, first at "
                        f"(band, row, col) {tuple(int(i[0]) for i in (~same).nonzero())}\n{errors}")
    assert pl[1] == pg[1], f"{case}: GDAL's messages differ\n{gdalclient.diff(pg[1], pl[1])}"


@pytest.mark.parametrize("table", TABLES)
def test_translate_windows(databases, server_log, tmp_path, table):
    """gdal_translate -srcwin (GDAL asks for the tiles with rast && ST_GeomFromText(...))."""
    for window in _windows(table):
        case = f"gdal_translate -srcwin {' '.join(map(str, window))} {table}"
        out = _translate(databases, server_log, tmp_path, case,
                         lambda db: gdalclient.pg_name(db, table), ["-srcwin", *map(str, window)])
        _assert_same_image(out, case)


@pytest.mark.parametrize("table", OUTDB)
def test_translate_outdb_client_side(databases, server_log, tmp_path, table):
    """outdb_resolution=client_side: GDAL reads the out-db tiles' paths (ST_Band's raster in
    its text form) and opens the COG itself."""
    for window in _windows(table)[1:]:
        case = f"gdal_translate outdb_resolution=client_side -srcwin {' '.join(map(str, window))} {table}"
        out = _translate(databases, server_log, tmp_path, case,
                         lambda db: gdalclient.pg_name(db, table, extra="outdb_resolution=client_side"),
                         ["-srcwin", *map(str, window)])
        _assert_same_image(out, case)


@pytest.mark.parametrize("table", WITH_OVERVIEWS)
def test_translate_overviews(databases, server_log, tmp_path, table):
    """Every overview level read whole (-ovr n), a window of the first, and a reduced -outsize."""
    cov = coverages.coverage(table)
    cols, rows = coverages.grid(table)[:2]
    runs = [["-ovr", str(level)] for level in range(len(cov.overviews))]
    runs.append(["-ovr", "0", "-srcwin", "3", "3", str(cols // 4), str(rows // 4)])
    runs.append(["-outsize", str(cols // cov.overviews[-1]), str(rows // cov.overviews[-1])])
    for options in runs:
        case = f"gdal_translate {' '.join(options)} {table}"
        out = _translate(databases, server_log, tmp_path, case,
                         lambda db: gdalclient.pg_name(db, table), options)
        _assert_same_image(out, case)


@pytest.mark.parametrize("table", ["byte1", "int16x3", "dem_outdb"])
def test_translate_one_row_mode1(databases, server_log, tmp_path, table):
    """A single tile opened in mode=1 through the driver's where= form, written out whole."""
    db = databases["postgis"]
    proc, _ = gdalclient.run(["gdalinfo", gdalclient.pg_name(db, table, 1)], db, server_log,
                             f"gdalinfo mode=1 {table}")
    first = gdalclient.subdatasets(proc.stdout)[1]
    names = {"postgis": first,
             "plraster": first.replace(f"dbname={db.params['dbname']}",
                                       f"dbname={databases['plraster'].params['dbname']}")}
    case = f"gdal_translate mode=1 one row {table}"
    out = _translate(databases, server_log, tmp_path, case, lambda d: names[d.kind], [])
    _assert_same_image(out, case)
