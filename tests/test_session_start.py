"""A new connection's first calls import only what they use (issue 13: session start).

numpy's import is most of the cost of a first call. The calls a client makes first (QGIS
and GDAL read metadata and pixel values) need no array, so they must not import it; the
out-db HTTP client is imported by the first remote read, not by any call."""
import psycopg
import pytest

# A 2x2 16BUI in-db raster, SRID 4326, nodata 0, pixels 7 8 / 0 9 (hex WKB).
RASTER = ("0100000100000000000000F03F000000000000F0BF000000000000000000000000000000000000000000000000"
          "0000000000000000E6100000020002004600000700080000000900")


def _loaded_after(db_url, *queries):
    """The heavy modules a fresh backend has imported after running queries."""
    notices = []
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.add_notice_handler(lambda d: notices.append(d.message_primary))
        for q in queries:
            conn.execute(q).fetchall()
        conn.execute("DO $$\nimport sys\nplpy.notice(' '.join(sorted(m for m in "
                     "('numpy', 'requests', 'urllib3', 'botocore', 'imagecodecs') "
                     "if m in sys.modules)))\n$$ LANGUAGE plpython3u")
    return set(notices[-1].split())


@pytest.mark.parametrize("query", [
    "SELECT plraster.st_value('%s'::plraster.raster, 1, 2, 1)" % RASTER,
    "SELECT plraster.st_value('%s'::plraster.raster, 1, public.st_setsrid(public.st_point(0.5, -0.5), 4326))" % RASTER,
    "SELECT * FROM plraster.st_metadata('%s'::plraster.raster)" % RASTER,
    "SELECT * FROM plraster.st_bandmetadata('%s'::plraster.raster, 1)" % RASTER,
    "SELECT plraster.st_envelope('%s'::plraster.raster)" % RASTER,
    "SELECT plraster.st_worldtorastercoordx('%s'::plraster.raster, 0.5)" % RASTER,
])
def test_first_calls_that_need_no_array_import_no_numpy(db_url, query):
    assert _loaded_after(db_url, query) == set()


def test_values_are_right_without_numpy(db_url):
    with psycopg.connect(db_url, autocommit=True) as conn:
        got = conn.execute("SELECT plraster.st_value(r, 1, 1, 1), plraster.st_value(r, 1, 2, 1), "
                           "plraster.st_value(r, 1, 2, 2, false) FROM (SELECT '%s'::plraster.raster r) q"
                           % RASTER).fetchone()
        want = conn.execute("SELECT public.st_value(r, 1, 1, 1), public.st_value(r, 1, 2, 1), "
                            "public.st_value(r, 1, 2, 2, false) FROM (SELECT '%s'::public.raster r) q"
                            % RASTER).fetchone()
    assert got == want == (7.0, 8.0, 9.0)


def test_an_array_function_still_imports_numpy_when_it_needs_it(db_url):
    loaded = _loaded_after(db_url, "SELECT plraster.st_summarystats('%s'::plraster.raster)" % RASTER)
    assert "numpy" in loaded
