-- The out-db engine: which sources out-db paths may read, and the engine's statistics.
--
-- Out-db access is closed until a superuser opens a source with plraster_add_source.
-- The sources, credentials included, live in a table only superusers can read; the
-- library reads it through _plraster_source_rows (see python/plraster/sqlapi/outdb.py).
-- Settings: plraster.outdb_revalidate_seconds (how long a remote header is trusted,
-- default 5) and the limits of plraster_limits() (plraster.tile_cache_mb, ...), which a
-- session may lower with SET and only a superuser may raise, with plraster_set_limit.

CREATE TABLE @extschema@.plraster_source_config (
  prefix text PRIMARY KEY,
  options jsonb NOT NULL DEFAULT '{}'::jsonb
);
REVOKE ALL ON TABLE @extschema@.plraster_source_config FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plraster_source_config', '');
COMMENT ON TABLE @extschema@.plraster_source_config IS
  'Out-db sources (prefix and storage options, credentials included); superusers only';

CREATE FUNCTION @extschema@._plraster_source_rows(OUT prefix text, OUT options text)
RETURNS SETOF record
LANGUAGE plpython3u VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
from plraster.sqlapi import outdb
return outdb.source_rows()
$$;
COMMENT ON FUNCTION @extschema@._plraster_source_rows() IS
  'internal: the out-db sources, for plraster''s own reads only (42501 otherwise)';

CREATE FUNCTION @extschema@._plraster_mask_options(options jsonb) RETURNS jsonb
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import outdb
return outdb.mask_options(options)
$$;
COMMENT ON FUNCTION @extschema@._plraster_mask_options(jsonb) IS
  'internal: out-db source options with every secret value masked';

CREATE VIEW @extschema@.plraster_sources WITH (security_barrier) AS
  SELECT c.prefix, @extschema@._plraster_mask_options(c.options) AS options
  FROM @extschema@.plraster_source_config c;
GRANT SELECT ON @extschema@.plraster_sources TO PUBLIC;
COMMENT ON VIEW @extschema@.plraster_sources IS
  'Out-db sources: prefixes and storage options, secret values masked';

CREATE FUNCTION @extschema@.plraster_add_source(prefix text, options jsonb DEFAULT '{}'::jsonb)
RETURNS text
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.add_source(prefix, options)
$$;
REVOKE ALL ON FUNCTION @extschema@.plraster_add_source(text, jsonb) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.plraster_add_source(text, jsonb) IS
  'args: prefix, options - Superuser: allow out-db paths under prefix, read with these storage options (GDAL names). Returns the canonical prefix.';

CREATE FUNCTION @extschema@.plraster_drop_source(prefix text) RETURNS boolean
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.drop_source(prefix)
$$;
REVOKE ALL ON FUNCTION @extschema@.plraster_drop_source(text) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.plraster_drop_source(text) IS
  'args: prefix - Superuser: close an out-db source; true when it existed.';

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

CREATE FUNCTION @extschema@.plraster_cache_reset() RETURNS void
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.cache_reset()
$$;
COMMENT ON FUNCTION @extschema@.plraster_cache_reset() IS
  'Empty this session''s out-db header and tile caches and zero its I/O statistics';

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
