-- plraster 0.1.0 -> 0.2.0: the changes of sql/ since 0.1.0, in the order they were made.
-- tests/test_extension.py checks that an install upgraded by this script equals a fresh one.
\echo Use "ALTER EXTENSION plraster UPDATE TO '0.2.0'" to load this file. \quit

-- memtime: ST_DumpValues reads each band's array from text built row by row (issue 9: memory, timeouts)
CREATE FUNCTION @extschema@._plpy__plraster_dumpvalues(rast bytea, nband integer[], exclude_nodata_value boolean) RETURNS TABLE(nband integer, valtext text)
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import pixels
return pixels.dump_values_text(rast, nband, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_dumpvalues(bytea, integer[], boolean) IS
  'PL/Python body of _plraster_dumpvalues, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_dumpvalues(rast @extschema@.raster, nband integer[],
    exclude_nodata_value boolean) RETURNS TABLE(nband integer, valtext text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy__plraster_dumpvalues(rast, nband, exclude_nodata_value);
END;
COMMENT ON FUNCTION @extschema@._plraster_dumpvalues(@extschema@.raster, integer[], boolean) IS
  'Internal: the work of ST_DumpValues, each band as the text of a 2-D array';

CREATE OR REPLACE FUNCTION @extschema@.st_dumpvalues(rast @extschema@.raster,
    nband integer[] DEFAULT NULL::integer[], exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(nband integer, valarray double precision[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT d.nband, d.valtext::double precision[]
    FROM @extschema@._plraster_dumpvalues(rast, nband, exclude_nodata_value) AS d;
END;
COMMENT ON FUNCTION @extschema@.st_dumpvalues(@extschema@.raster, integer[], boolean) IS
  'Each band asked for (all by default) as a 2-D array of values, nodata as NULL';

DROP FUNCTION @extschema@._plpy_st_dumpvalues(bytea, integer[], boolean);
