-- Raster editors: SRID, georeference and band metadata setters (PostGIS 3.3 signatures).
-- Header setters patch the 61-byte header and keep the band bytes.

CREATE FUNCTION @extschema@.st_setsrid(rast @extschema@.raster, srid integer)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_srid(rast, srid)
$$;
COMMENT ON FUNCTION @extschema@.st_setsrid(@extschema@.raster, integer) IS
  'Returns the raster with the given SRID (no reprojection)';

CREATE FUNCTION @extschema@.st_setscale(rast @extschema@.raster, scalex double precision, scaley double precision)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_scale(rast, scalex, scaley)
$$;
COMMENT ON FUNCTION @extschema@.st_setscale(@extschema@.raster, double precision, double precision) IS
  'Returns the raster with the given pixel width and height';

CREATE FUNCTION @extschema@.st_setscale(rast @extschema@.raster, scale double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_setscale(rast, scale, scale);
COMMENT ON FUNCTION @extschema@.st_setscale(@extschema@.raster, double precision) IS
  'Returns the raster with both scales set to the given value';

CREATE FUNCTION @extschema@.st_setskew(rast @extschema@.raster, skewx double precision, skewy double precision)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_skew(rast, skewx, skewy)
$$;
COMMENT ON FUNCTION @extschema@.st_setskew(@extschema@.raster, double precision, double precision) IS
  'Returns the raster with the given skews';

CREATE FUNCTION @extschema@.st_setskew(rast @extschema@.raster, skew double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_setskew(rast, skew, skew);
COMMENT ON FUNCTION @extschema@.st_setskew(@extschema@.raster, double precision) IS
  'Returns the raster with both skews set to the given value';

CREATE FUNCTION @extschema@.st_setupperleft(rast @extschema@.raster, upperleftx double precision, upperlefty double precision)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_upper_left(rast, upperleftx, upperlefty)
$$;
COMMENT ON FUNCTION @extschema@.st_setupperleft(@extschema@.raster, double precision, double precision) IS
  'Returns the raster with the given upper-left corner';

CREATE FUNCTION @extschema@.st_setrotation(rast @extschema@.raster, rotation double precision)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_rotation(rast, rotation)
$$;
COMMENT ON FUNCTION @extschema@.st_setrotation(@extschema@.raster, double precision) IS
  'Returns the raster rotated to the given angle in radians; scale and skew are recomputed';

CREATE FUNCTION @extschema@.st_setgeotransform(rast @extschema@.raster, imag double precision, jmag double precision,
    theta_i double precision, theta_ij double precision, xoffset double precision, yoffset double precision)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_geotransform(rast, imag, jmag, theta_i, theta_ij, xoffset, yoffset)
$$;
COMMENT ON FUNCTION @extschema@.st_setgeotransform(@extschema@.raster, double precision, double precision, double precision, double precision, double precision, double precision) IS
  'Returns the raster with the georeference given as pixel sizes, angles and upper-left offsets';

CREATE FUNCTION @extschema@.st_setgeoreference(rast @extschema@.raster, georef text, format text DEFAULT 'GDAL'::text)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_georeference(rast, georef, format)
$$;
COMMENT ON FUNCTION @extschema@.st_setgeoreference(@extschema@.raster, text, text) IS
  'Returns the raster with the georeference of a world-file text (GDAL or ESRI format)';

-- The numbers go through their text form, exactly as in PostGIS (so values whose text
-- is in exponent notation are rejected as they are there).
CREATE FUNCTION @extschema@.st_setgeoreference(rast @extschema@.raster, upperleftx double precision, upperlefty double precision,
    scalex double precision, scaley double precision, skewx double precision, skewy double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_setgeoreference(rast, array_to_string(ARRAY[scalex, skewy, skewx, scaley, upperleftx, upperlefty], ' '));
COMMENT ON FUNCTION @extschema@.st_setgeoreference(@extschema@.raster, double precision, double precision, double precision, double precision, double precision, double precision) IS
  'Returns the raster with the given upper-left corner, scales and skews';

CREATE FUNCTION @extschema@.st_setbandnodatavalue(rast @extschema@.raster, band integer,
    nodatavalue double precision, forcechecking boolean DEFAULT false)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_band_nodata_value(rast, band, nodatavalue, forcechecking)
$$;
COMMENT ON FUNCTION @extschema@.st_setbandnodatavalue(@extschema@.raster, integer, double precision, boolean) IS
  'Returns the raster with the band''s nodata value set, or removed when NULL';

CREATE FUNCTION @extschema@.st_setbandnodatavalue(rast @extschema@.raster, nodatavalue double precision)
RETURNS @extschema@.raster
LANGUAGE sql VOLATILE PARALLEL UNSAFE
RETURN @extschema@.st_setbandnodatavalue(rast, 1, nodatavalue, false);
COMMENT ON FUNCTION @extschema@.st_setbandnodatavalue(@extschema@.raster, double precision) IS
  'Returns the raster with band 1''s nodata value set, or removed when NULL';

CREATE FUNCTION @extschema@.st_setbandisnodata(rast @extschema@.raster, band integer DEFAULT 1)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_band_is_nodata(rast, band)
$$;
COMMENT ON FUNCTION @extschema@.st_setbandisnodata(@extschema@.raster, integer) IS
  'Returns the raster with the band flagged as entirely nodata';

CREATE FUNCTION @extschema@.st_setbandpath(rast @extschema@.raster, band integer, outdbpath text,
    outdbindex integer, force boolean DEFAULT false)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_band_path(rast, band, outdbpath, outdbindex, force)
$$;
COMMENT ON FUNCTION @extschema@.st_setbandpath(@extschema@.raster, integer, text, integer, boolean) IS
  'Returns the raster with an out-db band pointed at another file and band number (force only, for now)';

CREATE FUNCTION @extschema@.st_setbandindex(rast @extschema@.raster, band integer, outdbindex integer,
    force boolean DEFAULT false)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_setbandpath(rast, band, NULL, outdbindex, force);
COMMENT ON FUNCTION @extschema@.st_setbandindex(@extschema@.raster, integer, integer, boolean) IS
  'Returns the raster with an out-db band pointed at another band number of its file (force only, for now)';
