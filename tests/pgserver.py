"""A throwaway PostgreSQL with PostGIS, postgis_raster and plraster, for tests and demos.

PostgreSQL refuses to run as root; run these as an unprivileged user (tools/run-tests.sh
does). PostGIS's raster lives in schema public, plraster's in schema plraster, so both
answer the same questions side by side.
"""
import testing.postgresql

PLRASTER_SCHEMA = "plraster"

SETUP_SQL = """
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS postgis_raster;
CREATE SCHEMA IF NOT EXISTS {schema};
CREATE EXTENSION IF NOT EXISTS plraster SCHEMA {schema} CASCADE;
""".format(schema=PLRASTER_SCHEMA)


def start_server(postgres=None):
    """Start a PostgreSQL server in a temporary directory; returns the testing.postgresql handle.

    postgres: the server program to run (a wrapper script, say), when not the one on PATH.
    """
    extra = {} if postgres is None else {"postgres": postgres}
    return testing.postgresql.Postgresql(
        **extra,
        postgres_args="-h 127.0.0.1 -F -c logging_collector=off -c max_connections=40"
                      " -c fsync=off -c full_page_writes=off")


def create_database(server, name):
    """Create database name with both raster extensions; returns its libpq URL."""
    import psycopg
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE %s" % name)
    url = server.url(database=name)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(SETUP_SQL)
    return url


def load_rasters_as_bytes(conn):
    """Make psycopg return plraster rasters as bytes on conn, as it returns bytea.

    A raster column reports its domain's base type, plraster_wkb, whose OID psycopg does not
    know (it would return the text form, PostGIS's hex WKB); its binary form is bytea's.
    """
    import binascii

    from psycopg.adapt import Loader
    from psycopg.types.string import ByteaBinaryLoader

    class RasterHexLoader(Loader):
        """A raster's text form (hex WKB) as bytes."""

        def load(self, data):
            return binascii.unhexlify(bytes(data))

    for (oid,) in conn.execute("SELECT oid FROM pg_catalog.pg_type WHERE typname = 'plraster_wkb'"):
        conn.adapters.register_loader(oid, RasterHexLoader)
        conn.adapters.register_loader(oid, ByteaBinaryLoader)
