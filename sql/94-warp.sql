-- warp: ST_Transform, ST_Resample, ST_Rescale, ST_Reskew, ST_SnapToGrid, ST_Resize
-- (PostGIS 3.3 signatures). One function does the work (_ST_GdalWarp, GDAL's warper on
-- in-memory datasets); every other form is a one-line call to it.

CREATE FUNCTION @extschema@._st_gdalwarp(rast @extschema@.raster,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125,
    srid integer DEFAULT NULL, scalex double precision DEFAULT 0, scaley double precision DEFAULT 0,
    gridx double precision DEFAULT NULL, gridy double precision DEFAULT NULL,
    skewx double precision DEFAULT 0, skewy double precision DEFAULT 0,
    width integer DEFAULT NULL, height integer DEFAULT NULL)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import warp
return warp.gdal_warp(rast, algorithm, maxerr, srid, scalex, scaley, gridx, gridy, skewx, skewy, width, height)
$$;
COMMENT ON FUNCTION @extschema@._st_gdalwarp(@extschema@.raster, text, double precision, integer, double precision, double precision, double precision, double precision, double precision, double precision, integer, integer) IS
  'Warps a raster with GDAL''s warper: the one function behind ST_Transform, ST_Resample, ST_Rescale, ST_Reskew, ST_SnapToGrid and ST_Resize';

CREATE FUNCTION @extschema@.st_transform(rast @extschema@.raster, srid integer,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125,
    scalex double precision DEFAULT 0, scaley double precision DEFAULT 0)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, srid, scalex, scaley);
COMMENT ON FUNCTION @extschema@.st_transform(@extschema@.raster, integer, text, double precision, double precision, double precision) IS
  'args: rast, srid, algorithm=NearestNeighbor, maxerr=0.125, scalex, scaley - Reprojects a raster in a known spatial reference system to another known spatial reference system using specified resampling algorithm.';

CREATE FUNCTION @extschema@.st_transform(rast @extschema@.raster, srid integer,
    scalex double precision, scaley double precision,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, srid, scalex, scaley);
COMMENT ON FUNCTION @extschema@.st_transform(@extschema@.raster, integer, double precision, double precision, text, double precision) IS
  'args: rast, srid, scalex, scaley, algorithm=NearestNeighbor, maxerr=0.125 - Reprojects a raster to another SRID at the given scales.';

CREATE FUNCTION @extschema@.st_transform(rast @extschema@.raster, srid integer,
    scalexy double precision, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, srid, scalexy, scalexy);
COMMENT ON FUNCTION @extschema@.st_transform(@extschema@.raster, integer, double precision, text, double precision) IS
  'args: rast, srid, scalexy, algorithm=NearestNeighbor, maxerr=0.125 - Reprojects a raster to another SRID at the given scale.';

CREATE FUNCTION @extschema@.st_transform(rast @extschema@.raster, alignto @extschema@.raster,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import warp
return warp.resample_to(rast, alignto, algorithm, maxerr, True, True)
$$;
COMMENT ON FUNCTION @extschema@.st_transform(@extschema@.raster, @extschema@.raster, text, double precision) IS
  'args: rast, alignto, algorithm=NearestNeighbor, maxerr=0.125 - Reprojects a raster to the SRID, scale, skew and grid of another raster.';

CREATE FUNCTION @extschema@.st_resample(rast @extschema@.raster, ref @extschema@.raster,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125,
    usescale boolean DEFAULT true)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import warp
return warp.resample_to(rast, ref, algorithm, maxerr, usescale, False)
$$;
COMMENT ON FUNCTION @extschema@.st_resample(@extschema@.raster, @extschema@.raster, text, double precision, boolean) IS
  'args: rast, ref, algorithm=NearestNeighbour, maxerr=0.125, usescale=true - Resample a raster to the grid (and scale or size) of a reference raster.';

CREATE FUNCTION @extschema@.st_resample(rast @extschema@.raster, ref @extschema@.raster,
    usescale boolean, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_resample(rast, ref, algorithm, maxerr, usescale);
COMMENT ON FUNCTION @extschema@.st_resample(@extschema@.raster, @extschema@.raster, boolean, text, double precision) IS
  'args: rast, ref, usescale, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster to the grid (and scale or size) of a reference raster.';

CREATE FUNCTION @extschema@.st_resample(rast @extschema@.raster,
    scalex double precision DEFAULT 0, scaley double precision DEFAULT 0,
    gridx double precision DEFAULT NULL, gridy double precision DEFAULT NULL,
    skewx double precision DEFAULT 0, skewy double precision DEFAULT 0,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalex, scaley, gridx, gridy, skewx, skewy);
COMMENT ON FUNCTION @extschema@.st_resample(@extschema@.raster, double precision, double precision, double precision, double precision, double precision, double precision, text, double precision) IS
  'args: rast, scalex=0, scaley=0, gridx=NULL, gridy=NULL, skewx=0, skewy=0, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster to the given scales and grid.';

CREATE FUNCTION @extschema@.st_resample(rast @extschema@.raster, width integer, height integer,
    gridx double precision DEFAULT NULL, gridy double precision DEFAULT NULL,
    skewx double precision DEFAULT 0, skewy double precision DEFAULT 0,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, NULL, NULL, gridx, gridy, skewx, skewy, width, height);
COMMENT ON FUNCTION @extschema@.st_resample(@extschema@.raster, integer, integer, double precision, double precision, double precision, double precision, text, double precision) IS
  'args: rast, width, height, gridx=NULL, gridy=NULL, skewx=0, skewy=0, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster to the given size and grid.';

CREATE FUNCTION @extschema@.st_rescale(rast @extschema@.raster, scalex double precision,
    scaley double precision, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalex, scaley);
COMMENT ON FUNCTION @extschema@.st_rescale(@extschema@.raster, double precision, double precision, text, double precision) IS
  'args: rast, scalex, scaley, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by adjusting only its scale (or pixel size).';

CREATE FUNCTION @extschema@.st_rescale(rast @extschema@.raster, scalexy double precision,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalexy, scalexy);
COMMENT ON FUNCTION @extschema@.st_rescale(@extschema@.raster, double precision, text, double precision) IS
  'args: rast, scalexy, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by adjusting only its scale (or pixel size).';

CREATE FUNCTION @extschema@.st_reskew(rast @extschema@.raster, skewx double precision,
    skewy double precision, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, 0, 0, NULL, NULL, skewx, skewy);
COMMENT ON FUNCTION @extschema@.st_reskew(@extschema@.raster, double precision, double precision, text, double precision) IS
  'args: rast, skewx, skewy, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by adjusting only its skew (non-zero skews are not implemented yet).';

CREATE FUNCTION @extschema@.st_reskew(rast @extschema@.raster, skewxy double precision,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, 0, 0, NULL, NULL, skewxy, skewxy);
COMMENT ON FUNCTION @extschema@.st_reskew(@extschema@.raster, double precision, text, double precision) IS
  'args: rast, skewxy, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by adjusting only its skew (non-zero skews are not implemented yet).';

CREATE FUNCTION @extschema@.st_snaptogrid(rast @extschema@.raster, gridx double precision,
    gridy double precision, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125, scalex double precision DEFAULT 0,
    scaley double precision DEFAULT 0)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalex, scaley, gridx, gridy);
COMMENT ON FUNCTION @extschema@.st_snaptogrid(@extschema@.raster, double precision, double precision, text, double precision, double precision, double precision) IS
  'args: rast, gridx, gridy, algorithm=NearestNeighbour, maxerr=0.125, scalex=DEFAULT 0, scaley=DEFAULT 0 - Resample a raster by snapping it to a grid.';

CREATE FUNCTION @extschema@.st_snaptogrid(rast @extschema@.raster, gridx double precision,
    gridy double precision, scalex double precision, scaley double precision,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalex, scaley, gridx, gridy);
COMMENT ON FUNCTION @extschema@.st_snaptogrid(@extschema@.raster, double precision, double precision, double precision, double precision, text, double precision) IS
  'args: rast, gridx, gridy, scalex, scaley, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by snapping it to a grid.';

CREATE FUNCTION @extschema@.st_snaptogrid(rast @extschema@.raster, gridx double precision,
    gridy double precision, scalexy double precision,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalexy, scalexy, gridx, gridy);
COMMENT ON FUNCTION @extschema@.st_snaptogrid(@extschema@.raster, double precision, double precision, double precision, text, double precision) IS
  'args: rast, gridx, gridy, scalexy, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by snapping it to a grid.';

CREATE FUNCTION @extschema@.st_resize(rast @extschema@.raster, width text, height text,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import warp
return warp.resize_text(rast, width, height, algorithm, maxerr)
$$;
COMMENT ON FUNCTION @extschema@.st_resize(@extschema@.raster, text, text, text, double precision) IS
  'args: rast, width, height, algorithm=NearestNeighbor, maxerr=0.125 - Resize a raster to a new width/height (pixels or percentages such as ''50%'')';

CREATE FUNCTION @extschema@.st_resize(rast @extschema@.raster, width integer, height integer,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, NULL, NULL, NULL, NULL, NULL, NULL, pg_catalog.abs(width), pg_catalog.abs(height));
COMMENT ON FUNCTION @extschema@.st_resize(@extschema@.raster, integer, integer, text, double precision) IS
  'args: rast, width, height, algorithm=NearestNeighbor, maxerr=0.125 - Resize a raster to a new width/height';

CREATE FUNCTION @extschema@.st_resize(rast @extschema@.raster, percentwidth double precision,
    percentheight double precision, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import warp
return warp.resize_fraction(rast, percentwidth, percentheight, algorithm, maxerr)
$$;
COMMENT ON FUNCTION @extschema@.st_resize(@extschema@.raster, double precision, double precision, text, double precision) IS
  'args: rast, percentwidth, percentheight, algorithm=NearestNeighbor, maxerr=0.125 - Resize a raster to fractions (0 < f <= 1) of its width/height';
