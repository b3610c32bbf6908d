-- Composite types shared by the analysis families: ST_MapAlgebra and ST_Grayscale take
-- rastbandarg[], ST_Reclass takes reclassarg. Descriptions are PostGIS's.

CREATE TYPE @extschema@.rastbandarg AS (rast @extschema@.raster, nband integer);
COMMENT ON TYPE @extschema@.rastbandarg IS
  'postgis raster type: A composite type for use when needing to express a raster and a band index of that raster.';

CREATE TYPE @extschema@.reclassarg AS (nband integer, reclassexpr text, pixeltype text,
  nodataval double precision);
COMMENT ON TYPE @extschema@.reclassarg IS
  'postgis raster type: A composite type used as input into the ST_Reclass function defining the behavior of reclassification.';
