"""The main job on an embedded default: a throwaway PostgreSQL with PostGIS and plraster,
a sample raster built and edited with plraster's functions, and queries that show it
working, each answered by plraster and by PostGIS side by side.

Run with `make demo` (as root it installs what it needs and runs this unprivileged).
"""
import os
import sys

import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))
import pgserver  # noqa: E402

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


def show(conn, title, query):
    """Run query for PostGIS and for plraster; print both answers and whether they agree."""
    print("\n== %s" % title)
    answers = []
    for schema, table in (("plraster", "pl_sample"), ("public", "pg_sample")):
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
        print("\n%d of %d queries gave the same answer from plraster and PostGIS"
              % (sum(results), len(results)))
        return 0 if all(results) else 1
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
