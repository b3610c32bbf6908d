-- plraster 0.1.0 -> 0.2.0: the changes of sql/ since 0.1.0, in the order they were made.
-- tests/test_extension.py checks that an install upgraded by this script equals a fresh one.
\echo Use "ALTER EXTENSION plraster UPDATE TO '0.2.0'" to load this file. \quit

-- allowlist: header cache sizes in plraster_io_stats; limits a session may lower and only a superuser may raise
DROP FUNCTION @extschema@.plraster_io_stats();
CREATE FUNCTION @extschema@.plraster_io_stats(OUT requests bigint, OUT bytes bigint, OUT retries bigint,
    OUT seconds double precision, OUT header_hits bigint, OUT header_misses bigint,
    OUT tile_hits bigint, OUT tile_misses bigint, OUT tile_cache_bytes bigint,
    OUT tile_cache_limit bigint, OUT header_cache_entries bigint, OUT header_cache_bytes bigint)
RETURNS SETOF record
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.io_stats()
$$;
COMMENT ON FUNCTION @extschema@.plraster_io_stats() IS
  'Out-db I/O of this session: requests, bytes, retries, seconds waited, header and tile cache hits, misses and sizes';

CREATE TABLE @extschema@.plraster_limit_config (
  name text PRIMARY KEY,
  ceiling double precision NOT NULL
);
REVOKE ALL ON TABLE @extschema@.plraster_limit_config FROM PUBLIC;
GRANT SELECT ON TABLE @extschema@.plraster_limit_config TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plraster_limit_config', '');
COMMENT ON TABLE @extschema@.plraster_limit_config IS
  'Ceilings of plraster''s limits set by superusers (plraster_set_limit); readable by everyone';

CREATE FUNCTION @extschema@.plraster_set_limit(name text, ceiling double precision) RETURNS double precision
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.set_limit(name, ceiling)
$$;
REVOKE ALL ON FUNCTION @extschema@.plraster_set_limit(text, double precision) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.plraster_set_limit(text, double precision) IS
  'args: name, ceiling - Superuser: the highest value sessions may SET plraster.<name> to (NULL: the built-in ceiling). Returns the ceiling in force.';

CREATE FUNCTION @extschema@.plraster_limits(OUT name text, OUT value double precision,
    OUT ceiling double precision, OUT default_value double precision, OUT unit text, OUT description text)
RETURNS SETOF record
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.limits()
$$;
COMMENT ON FUNCTION @extschema@.plraster_limits() IS
  'plraster''s limits: the value in force in this session (SET plraster.<name> lowers it), the ceiling only a superuser can raise, the default';
